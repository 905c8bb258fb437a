import crypto from "node:crypto";
import CryptoJS from "crypto-js";

export function encryptCard(key: Buffer, pan: string): string {
  const iv = crypto.randomBytes(8);
  // ruleid: owasp.javascript.weak-cipher
  const cipher = crypto.createCipheriv("des-ede3-cbc", key, iv);
  return iv.toString("hex") + cipher.update(pan, "utf8", "hex") + cipher.final("hex");
}

export function encryptToken(key: Buffer, token: string): string {
  // ruleid: owasp.javascript.weak-cipher
  const cipher = crypto.createCipheriv("aes-128-ecb", key, null);
  return cipher.update(token, "utf8", "base64") + cipher.final("base64");
}

export function legacyEncrypt(password: string, text: string): string {
  // ruleid: owasp.javascript.weak-cipher
  const cipher = (crypto as any).createCipher("aes192", password);
  return cipher.update(text, "utf8", "hex") + cipher.final("hex");
}

export function browserEncrypt(text: string, key: string): string {
  // ruleid: owasp.javascript.weak-cipher
  return CryptoJS.AES.encrypt(text, key, { mode: CryptoJS.mode.ECB }).toString();
}

export function encryptSafe(key: Buffer, plaintext: string) {
  const iv = crypto.randomBytes(12);
  // ok: owasp.javascript.weak-cipher
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return { iv, data, tag: cipher.getAuthTag() };
}
