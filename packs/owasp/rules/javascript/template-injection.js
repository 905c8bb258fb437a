const express = require("express");
const ejs = require("ejs");
const pug = require("pug");
const Handlebars = require("handlebars");
const _ = require("lodash");

const app = express();
app.use(express.json());
const GREETING = "<h1>Hello <%= name %></h1>";

app.get("/hello", (req, res) => {
  // ruleid: owasp.javascript.template-injection
  res.send(ejs.render("<h1>Hello " + req.query.name + "</h1>"));
});

app.post("/emails/preview", (req, res) => {
  const { template, customer } = req.body;
  // ruleid: owasp.javascript.template-injection
  const render = Handlebars.compile(template);
  res.send(render({ customer }));
});

app.post("/cards", (req, res) => {
  // ruleid: owasp.javascript.template-injection
  res.send(pug.render(`p.card #{title} ${req.body.extra}`, { title: "Card" }));
});

app.get("/banner", (req, res) => {
  // ruleid: owasp.javascript.template-injection
  const tpl = _.template(req.query.banner);
  res.send(tpl({ user: "guest" }));
});

app.get("/hello-safe", (req, res) => {
  // ok: owasp.javascript.template-injection
  res.send(ejs.render(GREETING, { name: req.query.name }));
});

app.get("/profile", (req, res) => {
  // ok: owasp.javascript.template-injection
  res.render("profile", { user: req.query.user });
});
