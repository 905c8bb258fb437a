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

/**
 * Answers "does the text contain this literal?" once per literal (rules and patterns share many),
 * and carries its answers across an edit: an occurrence away from the edit is still there, and a
 * literal that was absent can only appear inside the edited region.
 */
export class LiteralLookup {
  /** literal → offset of one whole-word occurrence, or -1 when absent. */
  private readonly where = new Map<string, number>();

  constructor(readonly text: string) {}

  has(lit: string): boolean {
    let at = this.where.get(lit);
    if (at === undefined) {
      at = findLiteral(this.text, lit, 0, this.text.length);
      this.where.set(lit, at);
    }
    return at >= 0;
  }

  /** The lookup for `text`, made from this one by replacing [start, oldEnd) with [start, newEnd). */
  afterEdit(text: string, start: number, oldEnd: number, newEnd: number): LiteralLookup {
    const next = new LiteralLookup(text);
    const delta = newEnd - oldEnd;
    for (const [lit, at] of this.where) {
      const margin = lit.length + 1;
      if (at >= 0 && at + lit.length + 1 < start) next.where.set(lit, at);
      else if (at >= 0 && at - 1 > oldEnd) next.where.set(lit, at + delta);
      else if (at < 0) next.where.set(lit, findLiteral(text, lit, Math.max(0, start - margin), Math.min(text.length, newEnd + margin)));
    }
    return next;
  }
}

/** Offset of a whole-word (for identifiers) occurrence of `lit` within [from, to), or -1. */
function findLiteral(text: string, lit: string, from: number, to: number): number {
  const window = from === 0 && to === text.length ? text : text.slice(from, to);
  if (!IDENTIFIER.test(lit)) {
    const i = window.indexOf(lit);
    return i < 0 ? -1 : i + from;
  }
  if (!window.includes(lit)) return -1;
  const m = wordPattern(lit).exec(window);
  return m ? m.index + from : -1;
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
