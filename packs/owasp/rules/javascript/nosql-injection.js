const express = require("express");
const bcrypt = require("bcrypt");
const User = require("./models/user");

const app = express();
app.use(express.json());

app.post("/login", async (req, res) => {
  // ruleid: owasp.javascript.nosql-injection
  const user = await User.findOne({ email: req.body.email, active: true });
  if (!user || !(await bcrypt.compare(req.body.password, user.passwordHash))) return res.sendStatus(401);
  res.json({ id: user.id });
});

app.get("/orders", async (req, res) => {
  const { status } = req.query;
  // ruleid: owasp.javascript.nosql-injection
  const orders = await req.app.locals.db.collection("orders").find({ status }).toArray();
  res.json(orders);
});

app.post("/search", async (req, res) => {
  // ruleid: owasp.javascript.nosql-injection
  res.json(await User.find(req.body.filter));
});

app.post("/login-safe", async (req, res) => {
  // ok: owasp.javascript.nosql-injection
  const user = await User.findOne({ email: String(req.body.email), active: true });
  res.json({ found: Boolean(user) });
});

app.get("/orders/recent", async (req, res) => {
  // ok: owasp.javascript.nosql-injection
  const orders = await req.app.locals.db.collection("orders").find({ status: "open" }).limit(Number(req.query.n)).toArray();
  res.json(orders);
});
