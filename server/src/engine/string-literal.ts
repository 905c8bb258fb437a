/**
 * String literals across grammars: the content between the quotes, whatever the quote style
 * (`'…'`, `"…"`, backticks, triple quotes) or prefix (`b`, `r`, `f`, `u`), so that `"a"` in a
 * pattern matches `'a'` in code, as Semgrep users expect.
 */

const TRIPLES = ['"""', "'''"];

/** The content of a string literal's source text; plain text (YAML scalars) is returned as is. */
export function stringContent(text: string): string {
  let i = 0;
  while (i < text.length && /[A-Za-z]/.test(text[i]) && i < 3) i++;
  const body = text.slice(i);
  for (const q of TRIPLES) {
    if (body.length >= 6 && body.startsWith(q) && body.endsWith(q)) return body.slice(3, -3);
  }
  const q = body[0];
  if ((q === '"' || q === "'" || q === '`') && body.length >= 2 && body[body.length - 1] === q) {
    return body.slice(1, -1);
  }
  return text;
}
