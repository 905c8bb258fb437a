const jwt = require("jsonwebtoken");
const jose = require("jose");

const PUBLIC_KEY = process.env.JWT_PUBLIC_KEY;
const PRIVATE_KEY = process.env.JWT_PRIVATE_KEY;

function authenticate(req, res, next) {
  const token = (req.headers.authorization || "").replace(/^Bearer /, "");
  try {
    // ruleid: owasp.javascript.jwt-none-algorithm
    req.user = jwt.verify(token, PUBLIC_KEY, { algorithms: ["RS256", "none"] });
    next();
  } catch {
    res.sendStatus(401);
  }
}

function internalToken(service) {
  // ruleid: owasp.javascript.jwt-none-algorithm
  return jwt.sign({ sub: service }, "", { algorithm: "none" });
}

function devToken(sub) {
  // ruleid: owasp.javascript.jwt-none-algorithm
  return new jose.UnsecuredJWT({ sub }).setIssuedAt().encode();
}

function authenticateSafe(req, res, next) {
  const token = (req.headers.authorization || "").replace(/^Bearer /, "");
  try {
    // ok: owasp.javascript.jwt-none-algorithm
    req.user = jwt.verify(token, PUBLIC_KEY, { algorithms: ["RS256"], audience: "api.example.com" });
    next();
  } catch {
    res.sendStatus(401);
  }
}

function sessionToken(user) {
  // ok: owasp.javascript.jwt-none-algorithm
  return jwt.sign({ sub: user.id }, PRIVATE_KEY, { algorithm: "RS256", expiresIn: "15m" });
}

module.exports = { authenticate, internalToken, devToken, authenticateSafe, sessionToken };
