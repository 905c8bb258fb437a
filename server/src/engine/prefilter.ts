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
      for (const lit of filter.literals) if (!text.includes(lit)) return false;
      for (const r of filter.rest) if (!passes(r, text)) return false;
      return true;
    case 'any':
      for (const item of filter.items) if (passes(item, text)) return true;
      return false;
  }
}
