/**
 * The literal-keyword prefilter: from a rule's positive patterns, the identifiers and strings a
 * file must contain for the rule to have any chance to match. A file that passes no rule's
 * prefilter is never parsed. `pattern-regex` and metavariable-only patterns make no demand.
 */

export type Prefilter =
  | { readonly t: 'true' }
  | { readonly t: 'all'; readonly literals: readonly string[]; readonly rest: readonly Prefilter[] }
  | { readonly t: 'any'; readonly items: readonly Prefilter[] };

export const ALWAYS: Prefilter = { t: 'true' };

export function allOf(literals: readonly string[], rest: readonly Prefilter[] = []): Prefilter {
  const parts = rest.filter((p) => p.t !== 'true');
  if (literals.length === 0 && parts.length === 0) return ALWAYS;
  return { t: 'all', literals, rest: parts };
}

export function anyOf(items: readonly Prefilter[]): Prefilter {
  if (items.length === 0 || items.some((p) => p.t === 'true')) return ALWAYS;
  return items.length === 1 ? items[0] : { t: 'any', items };
}

/** Could a file with this text match? */
export function passes(filter: Prefilter, text: string): boolean {
  switch (filter.t) {
    case 'true':
      return true;
    case 'all':
      for (const lit of filter.literals) if (!containsLiteral(text, lit)) return false;
      for (const r of filter.rest) if (!passes(r, text)) return false;
      return true;
    case 'any':
      for (const item of filter.items) if (passes(item, text)) return true;
      return false;
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36;
}

/** An identifier must appear as a whole word (`eval` is not in `evaluate`); other literals anywhere. */
export function containsLiteral(text: string, lit: string): boolean {
  if (!IDENTIFIER.test(lit)) return text.includes(lit);
  for (let i = text.indexOf(lit); i !== -1; i = text.indexOf(lit, i + 1)) {
    const before = i > 0 ? text.charCodeAt(i - 1) : 32;
    const after = i + lit.length < text.length ? text.charCodeAt(i + lit.length) : 32;
    if (!isWordChar(before) && !isWordChar(after)) return true;
  }
  return false;
}
