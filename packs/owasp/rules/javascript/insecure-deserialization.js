const express = require("express");
const cookieParser = require("cookie-parser");
const serialize = require("node-serialize");
const yaml = require("js-yaml");

const app = express();
app.use(cookieParser());
app.use(express.text({ type: "application/yaml" }));

app.get("/profile", (req, res) => {
  const raw = Buffer.from(req.cookies.profile, "base64").toString();
  // ruleid: owasp.javascript.insecure-deserialization
  const profile = serialize.unserialize(raw);
  res.send(`Hello ${profile.username}`);
});

app.post("/import", (req, res) => {
  // ruleid: owasp.javascript.insecure-deserialization
  const doc = yaml.load(req.body, { schema: yaml.DEFAULT_FULL_SCHEMA });
  res.json(doc);
});

app.post("/restore", (req, res) => {
  // ruleid: owasp.javascript.insecure-deserialization
  const state = require("node-serialize").unserialize(req.body.state);
  res.json(state);
});

app.get("/profile-safe", (req, res) => {
  // ok: owasp.javascript.insecure-deserialization
  const profile = JSON.parse(Buffer.from(req.cookies.profile, "base64").toString());
  res.send(`Hello ${String(profile.username)}`);
});

app.post("/import-safe", (req, res) => {
  // ok: owasp.javascript.insecure-deserialization
  res.json(yaml.load(req.body));
});

app.post("/export", (req, res) => {
  // ok: owasp.javascript.insecure-deserialization
  res.send(serialize.serialize({ user: req.body.user }));
});
