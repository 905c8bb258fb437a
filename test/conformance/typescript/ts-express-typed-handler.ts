import express, { Request, Response } from "express";

const app = express();

app.get("/users/:id", (req: Request, res: Response) => {
  // ruleid: ts-express-typed-handler
  res.send("<h1>User " + req.params.id + "</h1>");
  // ruleid: ts-express-typed-handler
  res.write(`<p>${req.params["name"]}</p>`);
  // ok: ts-express-typed-handler
  res.send(String(Number(req.query.page)));
  // ok: ts-express-typed-handler
  res.json({ id: req.params.id });
});

// the pattern's parameter types must match
app.get("/raw/:id", (req: any, res: any) => {
  // ok: ts-express-typed-handler
  res.send(req.params.id);
});

const handler = (request: Request, response: Response): void => {
  if (request.params.id) {
    // ruleid: ts-express-typed-handler
    response.send(request.params.id);
  }
};

export { app, handler };
