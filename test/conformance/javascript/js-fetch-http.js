async function load(token) {
  // ruleid: js-fetch-http
  const a = await fetch("http://api.example.com/v1/items", { headers: { token } });
  // only the first occurrence is rewritten (count: 1)
  // ruleid: js-fetch-http
  const b = await fetch('http://example.com/login?next=http://example.com/home');
  // ruleid: js-fetch-http
  const c = await axios.post("http://payments.example.com/charge", { token });
  // ok: js-fetch-http
  const d = await fetch("https://api.example.com/v1/items");
  // ok: js-fetch-http
  const e = await fetch("http://localhost:8080/health");
  // ok: js-fetch-http
  const f = await fetch("http://127.0.0.1:3000/metrics");
  // the regex is left-anchored: a later http:// does not count
  // ok: js-fetch-http
  const g = await fetch("https://example.com/redirect?to=http://other.example.com");
  // ok: js-fetch-http
  const h = await fetch(process.env.API_URL);
  return [a, b, c, d, e, f, g, h];
}
