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

/** Answers "does the text contain this literal?" once per literal: rules and patterns share many. */
export class LiteralLookup {
  private readonly known = new Map<string, boolean>();

  constructor(readonly text: string) {}

  has(lit: string): boolean {
    let v = this.known.get(lit);
    if (v === undefined) {
      v = containsLiteral(this.text, lit);
      this.known.set(lit, v);
    }
    return v;
  }
}

/** Could a file with this text match? */
export function passes(filter: Prefilter, text: string | LiteralLookup): boolean {
  const lookup = typeof text === 'string' ? new LiteralLookup(text) : text;
  switch (filter.t) {
    case 'true':
      return true;
    case 'all':
      for (const lit of filter.literals) if (!lookup.has(lit)) return false;
      for (const r of filter.rest) if (!passes(r, lookup)) return false;
      return true;
    case 'any':
      for (const item of filter.items) if (passes(item, lookup)) return true;
      return false;
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

const wordPatterns = new Map<string, RegExp>();

function wordPattern(lit: string): RegExp {
  let re = wordPatterns.get(lit);
  if (!re) {
    re = new RegExp(`(?<![\\w$])${lit.replace(/\$/g, '\\$')}(?![\\w$])`);
    wordPatterns.set(lit, re);
  }
  return re;
}

/** An identifier must appear as a whole word (`eval` is not in `evaluate`); other literals anywhere. */
export function containsLiteral(text: string, lit: string): boolean {
  if (!IDENTIFIER.test(lit)) return text.includes(lit);
  return text.includes(lit) && wordPattern(lit).test(text);
}
