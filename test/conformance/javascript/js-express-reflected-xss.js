const express = require("express");
const app = express();

app.get("/hello", (req, res) => {
  // ruleid: js-express-reflected-xss
  res.send("<h1>Hello " + req.query.name + "</h1>");
});

app.get("/search", (request, response) => {
  const q = request.query.q;
  if (q) {
    // ruleid: js-express-reflected-xss
    response.send((request.query));
  }
  // ruleid: js-express-reflected-xss
  response.send(`<p>${request.query["term"]}</p>`);
  // ok: js-express-reflected-xss
  response.send(escapeHtml(request.query.q));
  // ok: js-express-reflected-xss
  response.send(request.body.q);
  // ok: js-express-reflected-xss
  response.json({ q: request.query.q });
});

app.post("/mixed", (req, res) => {
  // $RES and $REQ must be the handler's own parameters
  // ok: js-express-reflected-xss
  other.send(req.query.q);
  // ok: js-express-reflected-xss
  res.send(otherReq.query.q);
});

// outside any route handler
// ok: js-express-reflected-xss
res.send(req.query.q);
