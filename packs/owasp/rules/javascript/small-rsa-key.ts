import crypto from "node:crypto";

export function signingKeys() {
  return crypto.generateKeyPairSync("rsa", {
    // ruleid: owasp.javascript.small-rsa-key
    modulusLength: 1024,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
}

export async function browserKeys() {
  return globalThis.crypto.subtle.generateKey(
    // ruleid: owasp.javascript.small-rsa-key
    { name: "RSA-OAEP", modulusLength: 512, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
    true,
    ["encrypt", "decrypt"],
  );
}

export function serviceKeys() {
  return crypto.generateKeyPairSync("rsa", {
    // ok: owasp.javascript.small-rsa-key
    modulusLength: 3072,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
}

export function edKeys() {
  // ok: owasp.javascript.small-rsa-key
  return crypto.generateKeyPairSync("ed25519");
}

export function legacyNodeRsa(NodeRSA: new (opts: { b: number }) => unknown) {
  // ruleid: owasp.javascript.small-rsa-key
  return new NodeRSA({ b: 1024 });
}
