const express = require("express");
const libxmljs = require("libxmljs2");

const app = express();
app.use(express.text({ type: ["application/xml", "text/xml"] }));

app.post("/invoices", (req, res) => {
  // ruleid: owasp.javascript.xxe-libxmljs
  const doc = libxmljs.parseXml(req.body, { noent: true, noblanks: true });
  res.json({ total: doc.get("//total").text() });
});

app.post("/feeds", (req, res) => {
  // ruleid: owasp.javascript.xxe-libxmljs
  const doc = libxmljs.parseXmlString(req.body, { dtdload: true });
  res.json({ items: doc.find("//item").length });
});

app.post("/invoices-safe", (req, res) => {
  // ok: owasp.javascript.xxe-libxmljs
  const doc = libxmljs.parseXml(req.body, { noblanks: true });
  res.json({ total: doc.get("//total").text() });
});

app.post("/invoices-explicit", (req, res) => {
  // ok: owasp.javascript.xxe-libxmljs
  const doc = libxmljs.parseXml(req.body, { noent: false, nonet: true });
  res.json({ total: doc.get("//total").text() });
});
