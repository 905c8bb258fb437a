const express = require("express");
const cors = require("cors");

const app = express();

// ruleid: owasp.javascript.cors-credentials-wildcard
app.use(cors({ origin: true, credentials: true }));

const api = express.Router();
// ruleid: owasp.javascript.cors-credentials-wildcard
api.use(cors({ credentials: true, origin: "*", maxAge: 600 }));

app.use("/legacy", (req, res, next) => {
  res.setHeader("Access-Control-Allow-Credentials", "true");
  // ruleid: owasp.javascript.cors-credentials-wildcard
  res.setHeader("Access-Control-Allow-Origin", req.headers.origin);
  next();
});

const partner = express.Router();
// ok: owasp.javascript.cors-credentials-wildcard
partner.use(cors({ origin: ["https://app.example.com", "https://admin.example.com"], credentials: true }));

const publicApi = express.Router();
// ok: owasp.javascript.cors-credentials-wildcard
publicApi.use(cors({ origin: "*" }));

app.use("/status", (req, res, next) => {
  // ok: owasp.javascript.cors-credentials-wildcard
  res.setHeader("Access-Control-Allow-Origin", "*");
  next();
});

module.exports = { app, api, partner, publicApi };
