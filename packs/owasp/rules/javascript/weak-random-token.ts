import crypto from "node:crypto";

export function createResetLink(userId: string): string {
  // ruleid: owasp.javascript.weak-random-token
  const token = Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
  return `https://app.example.com/reset?uid=${userId}&token=${token}`;
}

export function generateOtp(): string {
  // ruleid: owasp.javascript.weak-random-token
  return String(Math.floor(100000 + Math.random() * 900000));
}

export function newSession(userId: string) {
  return {
    userId,
    // ruleid: owasp.javascript.weak-random-token
    sessionId: Math.random().toString(16).substring(2),
    createdAt: Date.now(),
  };
}

export function createResetLinkSafe(userId: string): string {
  // ok: owasp.javascript.weak-random-token
  const token = crypto.randomBytes(32).toString("base64url");
  return `https://app.example.com/reset?uid=${userId}&token=${token}`;
}

export function retryDelay(attempt: number): number {
  // ok: owasp.javascript.weak-random-token
  const jitter = Math.random() * 250;
  return 2 ** attempt * 100 + jitter;
}

export function pickColor(colors: string[]): string {
  // ok: owasp.javascript.weak-random-token
  return colors[Math.floor(Math.random() * colors.length)];
}
