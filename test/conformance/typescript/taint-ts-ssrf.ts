export async function proxy(ctx: Context): Promise<void> {
  const target = ctx.request.query.url as string;
  const url = new URL(target);
  // the URL object built from the tainted string
  // ruleid: taint-ts-ssrf
  await fetch(url);
  // the tainted value only in the options
  // ok: taint-ts-ssrf
  await fetch('https://api.example.com/data', { headers: { 'x-forwarded': target } });
  assertAllowedHost(target);
  // sanitized by side effect from here on
  // ok: taint-ts-ssrf
  await axios.get(target);
}

export async function byId(ctx: Context): Promise<void> {
  const { id } = ctx.params;
  const endpoints: Record<string, string> = { a: 'https://a.example.com' };
  const chosen = endpoints['a'];
  // ok: taint-ts-ssrf
  await axios.get(chosen);
  // ruleid: taint-ts-ssrf
  await axios.get(`https://internal/${id}`);
}
