const express = require("express");
const fs = require("fs");
const fsp = require("fs/promises");
const path = require("path");

const app = express();
const UPLOAD_DIR = path.join(__dirname, "uploads");

app.get("/files/:name", (req, res) => {
  // ruleid: owasp.javascript.path-traversal
  res.sendFile(path.join(UPLOAD_DIR, req.params.name));
});

app.get("/download", (req, res) => {
  const file = path.resolve(UPLOAD_DIR, req.query.file);
  // ruleid: owasp.javascript.path-traversal
  res.download(file);
});

app.get("/logs", async (req, res) => {
  // ruleid: owasp.javascript.path-traversal
  const text = await fsp.readFile(`/var/log/app/${req.query.day}.log`, "utf8");
  res.type("text").send(text);
});

app.delete("/files/:name", (req, res) => {
  const target = path.join(UPLOAD_DIR, req.params.name);
  // ruleid: owasp.javascript.path-traversal
  fs.unlinkSync(target);
  res.sendStatus(204);
});

app.get("/safe/files/:name", (req, res) => {
  // ok: owasp.javascript.path-traversal
  res.sendFile(req.params.name, { root: UPLOAD_DIR, dotfiles: "deny" });
});

app.get("/safe/download", (req, res) => {
  const name = path.basename(String(req.query.file));
  // ok: owasp.javascript.path-traversal
  res.download(path.join(UPLOAD_DIR, name));
});

app.get("/manual", (req, res) => {
  // ok: owasp.javascript.path-traversal
  res.sendFile(path.join(__dirname, "public", "manual.pdf"));
});
