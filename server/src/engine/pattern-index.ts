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

  constructor(readonly patterns: readonly CompiledPattern[]) {
    patterns.forEach((p, slot) => {
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
    return { matches: results, overBudget };
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
