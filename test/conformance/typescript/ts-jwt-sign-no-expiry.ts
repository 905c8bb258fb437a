import jwt from "jsonwebtoken";

export function issue(user: { id: string }, secret: string): string[] {
  // ruleid: ts-jwt-sign-no-expiry
  const a: string = jwt.sign({ sub: user.id }, secret);
  // ruleid: ts-jwt-sign-no-expiry
  const b = jwt.sign({ sub: user.id }, secret, { algorithm: "HS256" });
  // ruleid: ts-jwt-sign-no-expiry
  const c = jwt.sign(user, process.env.JWT_SECRET as string, {});
  // ok: ts-jwt-sign-no-expiry
  const d = jwt.sign({ sub: user.id }, secret, { expiresIn: "15m" });
  // ok: ts-jwt-sign-no-expiry
  const e = jwt.sign({ sub: user.id }, secret, { algorithm: "HS256", expiresIn: 900, issuer: "api" });
  // ok: ts-jwt-sign-no-expiry
  const f = jwt.verify(a, secret) as string;
  return [a, b, c, d, e, f];
}
