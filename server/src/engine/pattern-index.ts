/**
 * The kind index: every pattern of every rule for one language, filed under the node kinds it can
 * start at. One pass over a SyntaxTree consults the table at each node, so a pattern is only tried
 * where it can match, and all rules share the single parse and the single walk.
 */
import { Env } from './bindings';
import { CancellationToken, throwIfCancelled } from './cancellation';
import { KIND_COMMENT } from './grammars';
import { CompiledPattern } from './pattern-ast';
import { MatchBudgetExceeded, Matcher } from './pattern-match';
import { NO_NODE, SyntaxTree } from './syntax-tree';

export interface RangeMatch {
  readonly start: number;
  readonly end: number;
  readonly env: Env;
  /** The node the pattern matched at (for reuse by the incremental walk); absent for regex ranges. */
  readonly at?: number;
}

/** Matches kept per pattern and node; beyond this, further bindings of one node are dropped. */
const MAX_BINDINGS_PER_NODE = 256;
/** Matches kept per pattern and file. */
export const MAX_MATCHES_PER_PATTERN = 20000;

/** Per-pattern matches of one walk, and the patterns that hit the step budget somewhere. */
export interface WalkResult {
  readonly matches: RangeMatch[][];
  readonly overBudget: ReadonlySet<number>;
}

export class PatternIndex {
  private readonly byKind: number[][] = [];
  private readonly anyKind: number[] = [];
  /** The slot whose matches each slot shares (itself unless an earlier pattern is identical). */
  readonly canonical: Int32Array;
  private readonly hasAliases: boolean;

  /** With `shareIdentical`, identical patterns (several rules often repeat one) are matched once. */
  constructor(
    readonly patterns: readonly CompiledPattern[],
    shareIdentical = false,
  ) {
    this.canonical = Int32Array.from(patterns, (_, slot) => slot);
    if (shareIdentical) {
      const first = new Map<string, number>();
      patterns.forEach((p, slot) => {
        const key = patternKey(p);
        const seen = first.get(key);
        if (seen === undefined) first.set(key, slot);
        else this.canonical[slot] = seen;
      });
    }
    this.hasAliases = this.canonical.some((c, slot) => c !== slot);
    patterns.forEach((p, slot) => {
      if (this.canonical[slot] !== slot) return;
      if (p.startKinds === undefined) {
        this.anyKind.push(slot);
        return;
      }
      for (const kind of p.startKinds) (this.byKind[kind] ??= []).push(slot);
    });
  }

  /**
   * All matches of the active patterns in the subtree of `root` (the whole tree by default).
   * `active[slot]` says which patterns to try; inactive slots get empty lists.
   */
  run(st: SyntaxTree, active: Uint8Array | undefined, cancel?: CancellationToken, root = 0): RangeMatch[][] {
    return this.walk(st, active, cancel, root).matches;
  }

  walk(st: SyntaxTree, active: Uint8Array | undefined, cancel?: CancellationToken, root = 0): WalkResult {
    const results: RangeMatch[][] = this.patterns.map(() => []);
    const overBudget = new Set<number>();
    if (st.count === 0) return { matches: results, overBudget };
    this.visit(st, active, root, st.last[root], undefined, results, overBudget, cancel);
    this.shareResults(active, results, overBudget);
    return { matches: results, overBudget };
  }

  /** The active slots matched for `active`: each active slot's canonical slot. */
  private canonicalActive(active: Uint8Array | undefined): Uint8Array | undefined {
    if (!active || !this.hasAliases) return active;
    const out = new Uint8Array(active.length);
    for (let slot = 0; slot < active.length; slot++) if (active[slot]) out[this.canonical[slot]] = 1;
    return out;
  }

  /**
   * After visiting: every active slot that shares another's matches gets that slot's list (the same
   * array, which callers only read) and its budget state. Lists of aliases are left untouched by visit.
   */
  shareResults(active: Uint8Array | undefined, results: RangeMatch[][], overBudget: Set<number>): void {
    if (!this.hasAliases) return;
    for (let slot = 0; slot < results.length; slot++) {
      const c = this.canonical[slot];
      if (c === slot || (active && !active[slot])) continue;
      results[slot] = results[c];
      if (overBudget.has(c)) overBudget.add(slot);
    }
  }

  /** Tries the active patterns at nodes [from, to] (those `only` admits), adding to `results`. */
  visit(
    st: SyntaxTree,
    active: Uint8Array | undefined,
    from: number,
    to: number,
    only: ((n: number) => boolean) | undefined,
    results: RangeMatch[][],
    overBudget: Set<number>,
    cancel?: CancellationToken,
  ): void {
    const matcher = new Matcher(st);
    active = this.canonicalActive(active);
    const named = st.lang.kinds.named;
    const flags = st.lang.kinds.flags;
    for (let n = from; n <= to; n++) {
      if ((n & 4095) === 0) throwIfCancelled(cancel);
      const kind = st.kind[n];
      if (!named[kind] || flags[kind] & KIND_COMMENT) continue;
      if (only && !only(n)) continue;
      const slots = this.byKind[kind];
      if (slots) for (const slot of slots) if (!active || active[slot]) this.guarded(matcher, slot, n, results[slot], overBudget);
      for (const slot of this.anyKind) if (!active || active[slot]) this.guarded(matcher, slot, n, results[slot], overBudget);
    }
  }

  private guarded(matcher: Matcher, slot: number, n: number, out: RangeMatch[], overBudget: Set<number>): void {
    matcher.steps = 0;
    try {
      this.tryAt(matcher, slot, n, out);
    } catch (e) {
      if (!(e instanceof MatchBudgetExceeded)) throw e;
      overBudget.add(slot);
    }
  }

  private tryAt(matcher: Matcher, slot: number, n: number, out: RangeMatch[]): void {
    if (out.length >= MAX_MATCHES_PER_PATTERN) return;
    const st = matcher.st;
    const p = this.patterns[slot];
    let count = 0;
    if (p.sequence) {
      const kids = st.significantChildren(n);
      const starts = p.sequence[0].t === 'ell' ? 1 : kids.length;
      for (let s = 0; s < starts && count < MAX_BINDINGS_PER_NODE; s++) {
        matcher.stmts(p.sequence, 0, kids, s, undefined, NO_NODE, NO_NODE, (env, first, last) => {
          if (first === NO_NODE) return false;
          out.push({ start: st.start[first], end: st.end[last], env, at: n });
          return ++count >= MAX_BINDINGS_PER_NODE;
        });
      }
      return;
    }
    matcher.match(p.root, n, undefined, (env) => {
      out.push({ start: st.start[n], end: st.end[n], env, at: n });
      return ++count >= MAX_BINDINGS_PER_NODE;
    });
  }
}

let unsharedKeys = 0;

/**
 * Identical compiled patterns have the same key (regexes by source and flags). A pattern holding
 * any other kind of object gets a key of its own, so it is never shared by mistake.
 */
function patternKey(p: CompiledPattern): string {
  let unique = false;
  const key = JSON.stringify([p.root, p.sequence ?? null, p.startKinds ?? null, p.typed ?? false], (_, v: unknown) => {
    if (v instanceof RegExp) return `/${v.source}/${v.flags}`;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) !== Object.prototype) unique = true;
    return v;
  });
  return unique ? `unshared:${unsharedKeys++}` : key;
}
