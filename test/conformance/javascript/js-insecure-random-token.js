const crypto = require("crypto");

function login(req, res) {
  // ruleid: js-insecure-random-token
  const token = Math.random().toString(36).slice(2);
  audit(req.user);
  if (req.body.remember) {
    res.cookie("session", token, { httpOnly: true });
  }
}

function loginLet(req, res) {
  let sid;
  // ruleid: js-insecure-random-token
  sid = "s-" + Math.floor(Math.random() * 1e9);
  res.cookie("sid", sid);
}

function secureLogin(req, res) {
  // ok: js-insecure-random-token
  const token = crypto.randomBytes(32).toString("hex");
  res.cookie("session", token, { httpOnly: true });
}

function unrelated(req, res) {
  // ok: js-insecure-random-token
  const jitter = Math.random();
  res.cookie("session", req.session.id);
  return jitter;
}

function innerBlock(req, res) {
  if (req.body.remember) {
    // `...` does not jump from an inner block to the outer one
    // ok: js-insecure-random-token
    var token = Math.random().toString(36);
  }
  res.cookie("session", token);
}
