interface LoginBody {
  user: string;
  password: string;
}

export function handle(
  // ruleid: ts-any-typed-input
  req: any,
  res: unknown
): void {
  console.log(req, res);
}

export function parse(
  options: { strict: boolean },
  // ruleid: ts-any-typed-input
  payload: any,
): string {
  return String(payload) + options.strict;
}

export function typed(
  // ok: ts-any-typed-input
  req: LoginBody,
): string {
  return req.user;
}

export function other(
  // ok: ts-any-typed-input
  input: unknown,
  // the regex is left-anchored: rawBody does not start with body
  // ok: ts-any-typed-input
  rawBody: any,
): void {
  console.log(input, rawBody);
}

export function notAFunctionParam() {
  // ok: ts-any-typed-input
  const body: any = JSON.parse("{}");
  return body;
}
