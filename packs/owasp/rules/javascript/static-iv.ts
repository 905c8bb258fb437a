import crypto from "node:crypto";

const KEY = crypto.scryptSync(process.env.APP_SECRET ?? "", "app-salt", 32);

export function encryptEmail(email: string): string {
  // ruleid: owasp.javascript.static-iv
  const cipher = crypto.createCipheriv("aes-256-cbc", KEY, Buffer.alloc(16, 0));
  return cipher.update(email, "utf8", "hex") + cipher.final("hex");
}

export function encryptSsn(ssn: string): string {
  // ruleid: owasp.javascript.static-iv
  const cipher = crypto.createCipheriv("aes-256-cbc", KEY, Buffer.from("a1b2c3d4e5f6g7h8"));
  return cipher.update(ssn, "utf8", "base64") + cipher.final("base64");
}

export function encryptNote(note: string) {
  // ruleid: owasp.javascript.static-iv
  const cipher = crypto.createCipheriv("aes-256-gcm", KEY, "000000000000");
  const data = Buffer.concat([cipher.update(note, "utf8"), cipher.final()]);
  return { data, tag: cipher.getAuthTag() };
}

export function encryptNoteSafe(note: string) {
  const iv = crypto.randomBytes(12);
  // ok: owasp.javascript.static-iv
  const cipher = crypto.createCipheriv("aes-256-gcm", KEY, iv);
  const data = Buffer.concat([cipher.update(note, "utf8"), cipher.final()]);
  return { iv, data, tag: cipher.getAuthTag() };
}

export function decryptNote(iv: Buffer, data: Buffer, tag: Buffer): string {
  // ok: owasp.javascript.static-iv
  const decipher = crypto.createDecipheriv("aes-256-gcm", KEY, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
}
