const express = require("express");
const User = require("./models/user");

const router = express.Router();

router.get("/users/search", async (req, res) => {
  const users = await req.app.locals.db.collection("users").find({
    // ruleid: owasp.javascript.nosql-where
    $where: "this.name == '" + req.query.name + "'",
  }).toArray();
  res.json(users);
});

router.get("/users/older", async (req, res) => {
  // ruleid: owasp.javascript.nosql-where
  const users = await User.find({ active: true, $where: `this.age > ${req.query.age}` });
  res.json(users);
});

async function byFilter(collection, filterCode) {
  // ruleid: owasp.javascript.nosql-where
  return collection.find({ "$where": filterCode }).toArray();
}

async function mongooseWhere(expr) {
  // ruleid: owasp.javascript.nosql-where
  return User.find().$where(expr);
}

router.get("/users/by-name", async (req, res) => {
  // ok: owasp.javascript.nosql-where
  const users = await User.find({ name: String(req.query.name) });
  res.json(users);
});

async function staleAccounts(collection) {
  // ok: owasp.javascript.nosql-where
  return collection.find({ $where: "this.lastLogin < this.createdAt" }).toArray();
}

async function sameNames(collection) {
  // ok: owasp.javascript.nosql-where
  return collection.find({ $where: function () { return this.first === this.last; } }).toArray();
}

module.exports = { router, byFilter, mongooseWhere, staleAccounts, sameNames };
