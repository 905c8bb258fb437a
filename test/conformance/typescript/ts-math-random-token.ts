export function issue(userId: string) {
  // ruleid: ts-math-random-token
  const sessionToken: string = Math.random().toString(36);

  // ruleid: ts-math-random-token
  const csrfNonce: string = "n-" + Math.random().toString(16);

  // ok: ts-math-random-token
  const label: string = Math.random().toString(36);

  // no `: string` annotation: the pattern's type annotation must be present
  // ok: ts-math-random-token
  const apiKey = Math.random().toString(36);

  // ok: ts-math-random-token
  const resetToken: string = crypto.randomUUID();

  // ok: ts-math-random-token
  const jitter: number = Math.random();

  return { userId, sessionToken, csrfNonce, label, apiKey, resetToken, jitter };
}
