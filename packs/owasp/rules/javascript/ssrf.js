const express = require("express");
const axios = require("axios");
const https = require("https");

const app = express();
const FEEDS = { news: "https://feeds.example.com/news.json", status: "https://status.example.com/api/v2/summary.json" };

app.get("/preview", async (req, res) => {
  // ruleid: owasp.javascript.ssrf
  const page = await fetch(req.query.url);
  res.json({ title: (await page.text()).slice(0, 200) });
});

app.post("/webhooks/test", async (req, res) => {
  const { callbackUrl } = req.body;
  // ruleid: owasp.javascript.ssrf
  const r = await axios.post(callbackUrl, { event: "ping" }, { timeout: 5000 });
  res.json({ status: r.status });
});

app.get("/avatar/:host", (req, res) => {
  // ruleid: owasp.javascript.ssrf
  https.get(`https://${req.params.host}/avatar.png`, (upstream) => upstream.pipe(res));
});

app.get("/proxy", async (req, res) => {
  const target = req.query.target;
  // ruleid: owasp.javascript.ssrf
  const r = await axios({ method: "get", url: target, timeout: 5000 });
  res.send(r.data);
});

app.get("/feed", async (req, res) => {
  const url = FEEDS[req.query.name === "status" ? "status" : "news"];
  // ok: owasp.javascript.ssrf
  const r = await fetch(url);
  res.json(await r.json());
});

app.get("/weather", async (req, res) => {
  // ok: owasp.javascript.ssrf
  const r = await axios.get("https://api.weather.example.com/v1/forecast", { params: { city: req.query.city } });
  res.json(r.data);
});
