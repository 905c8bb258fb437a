/**
 * Evaluates a compiled rule formula over the match ranges of its patterns, with Semgrep's
 * semantics: `pattern-either` is a union; `patterns` intersects its positive terms (a range kept
 * when it lies inside a range of the other term and the metavariables agree), removes negatives
 * (`pattern-not`: equal range; `pattern-not-inside` and `pattern-not-regex`: enclosing range),
 * then applies metavariable conditions in order, then focus.
 */
import { BoundValue, Env, bind, lookup, unify, valueRange, valueText as boundText } from './bindings';
import { ComparisonValue } from './metavar-comparison';
import { KIND_STRING } from './grammars';
import { RangeMatch, PatternIndex } from './pattern-index';
import { CCondition, CFormula, SubFormula } from './rule-compile';
import { SafeRegex } from './safe-regex';
import { stringContent } from './string-literal';
import { constantText } from './constant-values';
import { SyntaxTree } from './syntax-tree';

export interface EvalContext {
  /** Undefined when evaluating regexes on plain text. */
  readonly st: SyntaxTree | undefined;
  readonly text: string;
  /** Offset of `text` in the document; regex ranges are shifted by it. */
  readonly base: number;
  /** Matches of each pattern slot of the formula's pattern list. */
  readonly slotMatches: (slot: number) => readonly RangeMatch[];
}

const MAX_RESULTS = 20000;

export function evaluate(f: CFormula, ctx: EvalContext): RangeMatch[] {
  switch (f.op) {
    case 'pattern':
      return [...ctx.slotMatches(f.slot)];
    case 'regex':
      return regexMatches(f.re, ctx);
    case 'either':
      return dedupe(ctx, f.items.flatMap((i) => evaluate(i, ctx)));
    case 'and':
      return evaluateAnd(f, ctx);
  }
}

function evaluateAnd(f: Extract<CFormula, { op: 'and' }>, ctx: EvalContext): RangeMatch[] {
  const terms = f.positives.length > 0 ? f.positives : f.insides;
  let acc = evaluate(terms[0], ctx);
  for (let i = 1; i < terms.length && acc.length; i++) acc = intersect(ctx, acc, evaluate(terms[i], ctx), terms === f.positives);
  if (terms === f.positives) for (const inside of f.insides) if (acc.length) acc = intersect(ctx, acc, evaluate(inside, ctx), false);
  // Leading metavariable-regex conditions only filter (they never change bindings), like negatives
  // do, so applying them first gives the same result while negatives then see fewer matches.
  let c0 = 0;
  while (c0 < f.conditions.length && f.conditions[c0].c === 'regex') {
    if (!acc.length) break;
    const cond = f.conditions[c0++];
    acc = acc.filter((x) => applyCondition(cond, x, ctx).length > 0);
  }
  for (const neg of f.negatives) {
    if (!acc.length) break;
    acc = withoutNegative(ctx, acc, evaluate(neg.f, ctx), neg.inside);
  }
  for (const re of f.notRegexes) {
    if (!acc.length) break;
    const ys = regexMatches(re, ctx);
    acc = acc.filter((x) => !ys.some((y) => contains(y, x) || contains(x, y)));
  }
  for (let c = c0; c < f.conditions.length; c++) {
    if (!acc.length) break;
    const cond = f.conditions[c];
    acc = acc.flatMap((x) => applyCondition(cond, x, ctx));
  }
  for (const names of f.focus) acc = acc.flatMap((x) => focus(names, x, ctx));
  return dedupe(ctx, acc);
}

/**
 * Drops each x that a negative match y removes (`inside`: y encloses x; else y has x's range) with
 * compatible bindings. The ys are indexed by range (or sorted by start) instead of scanned per x.
 */
function withoutNegative(ctx: EvalContext, xs: RangeMatch[], ys: RangeMatch[], inside: boolean): RangeMatch[] {
  if (ys.length === 0) return xs;
  if (!inside) {
    const byRange = new Map<string, RangeMatch[]>();
    for (const y of ys) {
      const key = `${y.start}:${y.end}`;
      const list = byRange.get(key);
      if (list) list.push(y);
      else byRange.set(key, [y]);
    }
    return xs.filter((x) => !byRange.get(`${x.start}:${x.end}`)?.some((y) => compatible(ctx, x.env, y.env)));
  }
  const sorted = [...ys].sort((a, b) => a.start - b.start);
  return xs.filter((x) => {
    // The ys that start at or before x, latest first; one of them must also end at or after x.
    let hi = sorted.length;
    let lo = 0;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start <= x.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0; i--) {
      const y = sorted[i];
      if (y.end >= x.end && compatible(ctx, x.env, y.env)) return false;
    }
    return true;
  });
}

function contains(outer: RangeMatch, inner: RangeMatch): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

function equal(a: RangeMatch, b: RangeMatch): boolean {
  return a.start === b.start && a.end === b.end;
}

function compatible(ctx: EvalContext, a: Env, b: Env): boolean {
  return !ctx.st || unify(ctx.st, a, b) !== null;
}

function merge(ctx: EvalContext, a: Env, b: Env): Env | null {
  return ctx.st ? unify(ctx.st, a, b) : a;
}

/** Positive terms: keep x inside y (and, if symmetric, y inside x) when bindings agree. */
function intersect(ctx: EvalContext, xs: RangeMatch[], ys: RangeMatch[], symmetric: boolean): RangeMatch[] {
  const out: RangeMatch[] = [];
  const sorted = [...ys].sort((a, b) => a.start - b.start);
  for (const x of xs) {
    for (const y of sorted) {
      if (y.start > x.end) break;
      if (contains(y, x)) {
        const env = merge(ctx, x.env, y.env);
        if (env !== null) out.push({ start: x.start, end: x.end, env });
      } else if (symmetric && contains(x, y)) {
        const env = merge(ctx, y.env, x.env);
        if (env !== null) out.push({ start: y.start, end: y.end, env });
      }
      if (out.length >= MAX_RESULTS) return out;
    }
  }
  return out;
}

/** The first match of each range and bindings; bindings are only compared between matches of one range. */
function dedupe(ctx: EvalContext, xs: RangeMatch[]): RangeMatch[] {
  if (xs.length < 2) return xs;
  const first = new Map<number | string, RangeMatch>();
  let keys: Map<number | string, Set<string>> | undefined;
  const out: RangeMatch[] = [];
  for (const x of xs) {
    const range = rangeId(x);
    const seen = first.get(range);
    if (!seen) {
      first.set(range, x);
      out.push(x);
      continue;
    }
    keys ??= new Map();
    let group = keys.get(range);
    if (!group) keys.set(range, (group = new Set([envKey(ctx, seen.env)])));
    const key = envKey(ctx, x.env);
    if (group.has(key)) continue;
    group.add(key);
    out.push(x);
  }
  return out;
}

/** A map key for a match's range: a number when the offsets allow (no string to build), else `start:end`. */
function rangeId(x: RangeMatch): number | string {
  return x.end < 0x400000 ? x.start * 0x400000 + x.end : `${x.start}:${x.end}`;
}

function envKey(ctx: EvalContext, env: Env): string {
  const parts: string[] = [];
  const seen = new Set<string>();
  for (let b = env; b; b = b.next) {
    if (seen.has(b.name)) continue;
    seen.add(b.name);
    const r = ctx.st ? valueRange(ctx.st, b.value) : undefined;
    parts.push(`${b.name}=${r ? `${r.start}-${r.end}` : b.value.k === 'text' ? b.value.text : ''}`);
  }
  return parts.sort().join(',');
}

/** Regex matches as ranges; capture groups bind `$1`, `$2`… and named groups `$NAME`. */
function regexMatches(re: SafeRegex, ctx: EvalContext): RangeMatch[] {
  return re.matchAll(ctx.text, MAX_RESULTS).map((m) => {
    let env: Env = undefined;
    for (let g = 1; g < m.groups.length; g++) {
      const text = m.groups[g];
      if (text === undefined) continue;
      const start = ctx.base + (m.groupStarts[g] ?? m.start);
      env = bind(env, `$${g}`, { k: 'text', text, start, end: start + text.length });
    }
    for (const [name, text] of Object.entries(m.named)) {
      if (text === undefined) continue;
      const index = m.groups.indexOf(text);
      const start = ctx.base + (index > 0 ? m.groupStarts[index] : m.start);
      env = bind(env, `$${name}`, { k: 'text', text, start, end: start + text.length });
    }
    return { start: ctx.base + m.start, end: ctx.base + m.end, env };
  });
}

function textOf(ctx: EvalContext, v: BoundValue): string {
  return ctx.st ? boundText(ctx.st, v) : v.k === 'text' || v.k === 'str' ? v.text : '';
}

function applyCondition(cond: CCondition, x: RangeMatch, ctx: EvalContext): RangeMatch[] {
  switch (cond.c) {
    case 'regex': {
      const v = lookup(x.env, cond.mv);
      return v && regexCondition(cond, textOf(ctx, v)) ? [x] : [];
    }
    case 'comparison':
      return compare(cond, x, ctx) ? [x] : [];
    case 'pattern': {
      const v = lookup(x.env, cond.mv);
      if (!v) return [];
      return subMatches(cond.sub, v, ctx).flatMap((m) => {
        if (cond.sub.mode !== 'inside') return [x];
        const env = merge(ctx, x.env, m.env);
        return env === null ? [] : [{ start: x.start, end: x.end, env }];
      });
    }
  }
}

/** Results of each metavariable-regex condition by bound text (the test only depends on the text). */
const regexResults = new WeakMap<CCondition, Map<string, boolean>>();
const REGEX_MEMO_ENTRIES = 4096;
const REGEX_MEMO_TEXT = 1024;

function regexCondition(cond: Extract<CCondition, { c: 'regex' }>, text: string): boolean {
  if (text.length > REGEX_MEMO_TEXT) return cond.re.testAtStart(text);
  let memo = regexResults.get(cond);
  if (!memo) regexResults.set(cond, (memo = new Map()));
  let result = memo.get(text);
  if (result === undefined) {
    result = cond.re.testAtStart(text);
    if (memo.size >= REGEX_MEMO_ENTRIES) memo.clear();
    memo.set(text, result);
  }
  return result;
}

/** Matches of a metavariable-pattern's formula in the value bound to the metavariable. */
function subMatches(sub: SubFormula, v: BoundValue, ctx: EvalContext): RangeMatch[] {
  const st = ctx.st;
  const isString = v.k === 'str' || (st !== undefined && v.k === 'node' && (st.flags(v.node) & KIND_STRING) !== 0);
  // With an explicit language, Semgrep parses a string's content; otherwise it matches inside the node.
  if (sub.mode === 'parse' && sub.lang && st && !isString && v.k !== 'text' && sub.lang.spec.id === st.lang.spec.id) {
    return subMatches({ ...sub, mode: 'inside' }, v, ctx);
  }
  if (sub.mode === 'inside' && st && v.k !== 'text') {
    const nodes = v.k === 'seq' ? v.nodes : [v.node];
    const index = new PatternIndex(sub.patterns);
    return nodes.flatMap((node) => {
      const matches = index.run(st, undefined, undefined, node);
      const range = { start: st.start[node], end: st.end[node] };
      return evaluate(sub.formula, { st, text: st.source.slice(range.start, range.end), base: range.start, slotMatches: (s) => matches[s] });
    });
  }
  const text = conditionText(ctx, v);
  if (sub.mode === 'parse' && sub.lang) {
    const tree = sub.lang.parser.parse(text);
    if (!tree) return [];
    try {
      const inner = SyntaxTree.fromTree(tree, text, sub.lang);
      const matches = new PatternIndex(sub.patterns).run(inner, undefined);
      return evaluate(sub.formula, { st: inner, text, base: 0, slotMatches: (s) => matches[s] });
    } finally {
      tree.delete();
    }
  }
  return evaluate(sub.formula, { st: undefined, text, base: 0, slotMatches: () => [] });
}

/** The text a condition sees: a string literal's content for `metavariable-pattern` with a language. */
function conditionText(ctx: EvalContext, v: BoundValue): string {
  const st = ctx.st;
  if (st && v.k === 'node' && st.flags(v.node) & KIND_STRING) return stringContent(st.text(v.node));
  return textOf(ctx, v);
}

function compare(cond: Extract<CCondition, { c: 'comparison' }>, x: RangeMatch, ctx: EvalContext): boolean {
  const result = cond.cmp.evaluate((name) => {
    const v = lookup(x.env, name);
    if (!v) return undefined;
    let text = textOf(ctx, v);
    if (ctx.st && v.k === 'node') text = constantText(ctx.st, v.node) ?? text;
    const isString = v.k === 'str' || (ctx.st !== undefined && v.k === 'node' && (ctx.st.flags(v.node) & KIND_STRING) !== 0) || /^["'`]/.test(text);
    if (isString) text = stringContent(text);
    if (cond.mv === name && cond.strip) text = text.replace(/^["'`]|["'`]$/g, '');
    if (cond.mv === name && cond.base !== undefined) {
      const n = parseInt(text, cond.base);
      return Number.isNaN(n) ? text : n;
    }
    return isString ? text : numberOrText(text);
  });
  return result.ok && result.value;
}

function numberOrText(text: string): ComparisonValue {
  const t = text.trim().replace(/_/g, '');
  if (/^[+-]?\d+$/.test(t)) return Number(t);
  if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(t)) return Number(t);
  if (/^[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
  return text;
}

function focus(names: readonly string[], x: RangeMatch, ctx: EvalContext): RangeMatch[] {
  if (!ctx.st) return [];
  let start = -Infinity;
  let end = Infinity;
  for (const name of names) {
    const v = lookup(x.env, name);
    const r = v && valueRange(ctx.st, v);
    if (!r) return [];
    start = Math.max(start, r.start);
    end = Math.min(end, r.end);
  }
  return start <= end ? [{ start, end, env: x.env }] : [];
}
