const crypto = require("crypto");
const md5 = require("md5");
const bcrypt = require("bcrypt");

async function register(db, email, password) {
  // ruleid: owasp.javascript.weak-password-hash
  const hash = crypto.createHash("md5").update(password).digest("hex");
  await db.query("INSERT INTO users (email, pw) VALUES ($1, $2)", [email, hash]);
}

function checkPassword(user, candidatePassword) {
  // ruleid: owasp.javascript.weak-password-hash
  return user.pwHash === crypto.createHash("sha1").update(user.salt + candidatePassword).digest("hex");
}

function legacyHash(body) {
  // ruleid: owasp.javascript.weak-password-hash
  return md5(body.password);
}

function fingerprint(client) {
  const h = crypto.createHash("sha1");
  // ruleid: owasp.javascript.weak-password-hash
  h.update(client.clientSecret);
  return h.digest("hex");
}

async function registerSafe(db, email, password) {
  // ok: owasp.javascript.weak-password-hash
  const hash = await bcrypt.hash(password, 12);
  await db.query("INSERT INTO users (email, pw) VALUES ($1, $2)", [email, hash]);
}

function etag(body) {
  // ok: owasp.javascript.weak-password-hash
  return crypto.createHash("md5").update(body).digest("hex");
}

function apiKeyDigest(apiKeySecret) {
  // ok: owasp.javascript.weak-password-hash
  return crypto.createHash("sha256").update(apiKeySecret).digest("hex");
}

module.exports = { register, checkPassword, legacyHash, fingerprint, registerSafe, etag, apiKeyDigest };
