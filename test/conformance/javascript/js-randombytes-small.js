const crypto = require("crypto");

function tokens(n, cb) {
  // ruleid: js-randombytes-small
  const a = crypto.randomBytes(8).toString("hex");
  // ruleid: js-randombytes-small
  crypto.randomBytes(4, cb);
  // ruleid: js-randombytes-small
  const b = crypto.randomBytes(15);
  // ok: js-randombytes-small
  const c = crypto.randomBytes(16);
  // ok: js-randombytes-small
  const d = crypto.randomBytes(32).toString("base64url");
  // ok: js-randombytes-small
  const e = crypto.randomBytes(n);
  // ok: js-randombytes-small
  const f = crypto.pseudoRandomBytes(64);
  return [a, b, c, d, e, f];
}
