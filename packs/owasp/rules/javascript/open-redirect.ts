import express, { Request, Response } from "express";

const app = express();

app.post("/login", (req: Request, res: Response) => {
  const next = String(req.query.next ?? "/");
  // ruleid: owasp.javascript.open-redirect
  res.redirect(next);
});

app.get("/out", (req: Request, res: Response) => {
  // ruleid: owasp.javascript.open-redirect
  res.redirect(302, req.query.to as string);
});

app.get("/legacy", (req: Request, res: Response) => {
  // ruleid: owasp.javascript.open-redirect
  res.setHeader("Location", req.headers.referer ?? "/");
  res.status(302).end();
});

app.get("/sso/callback", (req: Request, res: Response) => {
  const target = String(req.query.returnTo ?? "/");
  const safe = target.startsWith("/") && !target.startsWith("//") ? "/dashboard" : "/";
  // ok: owasp.javascript.open-redirect
  res.redirect(safe);
});

app.get("/home", (_req: Request, res: Response) => {
  // ok: owasp.javascript.open-redirect
  res.redirect("/dashboard");
});
