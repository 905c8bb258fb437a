const jwt = require("jsonwebtoken");

function check(token, key, cb) {
  jwt.verify(
    token,
    key,
    // ruleid: js-jwt-none-alg
    { algorithms: ["none"] }
  );

  jwt.verify(token, key,
    // ruleid: js-jwt-none-alg
    { issuer: "me", algorithms: ['HS256', 'none'], maxAge: "1h" },
    cb);

  // ok: js-jwt-none-alg
  jwt.verify(token, key, { algorithms: ["HS256"] });

  // ok: js-jwt-none-alg
  jwt.verify(token, key, { issuer: "none" });

  // ok: js-jwt-none-alg
  jwt.decode(token, { algorithms: ["none"] });

  // ok: js-jwt-none-alg
  jwt.verify(token, key);
}
