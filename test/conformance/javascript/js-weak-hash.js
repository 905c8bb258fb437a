const crypto = require("crypto");

function fingerprint(data) {
  // ruleid: js-weak-hash
  const a = crypto.createHash("md5").update(data).digest("hex");
  // ruleid: js-weak-hash
  const b = crypto.createHash('sha1').update(data).digest("hex");
  // ruleid: js-weak-hash
  const c = crypto.createHash("MD5");
  // ok: js-weak-hash
  const d = crypto.createHash("sha256").update(data).digest("hex");
  // the regex is anchored at both ends: sha1024 is not sha1
  // ok: js-weak-hash
  const e = crypto.createHash("sha1024");
  // ok: js-weak-hash
  const f = crypto.createHmac("md5", data);
  // not a string literal
  // ok: js-weak-hash
  const g = crypto.createHash(data.algorithm);
  return [a, b, c, d, e, f, g];
}
