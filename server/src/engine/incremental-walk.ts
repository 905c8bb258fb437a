/**
 * Re-matching after an edit without redoing the whole file. A pattern's matches at a node depend
 * only on that node's subtree, so after an edit of [start, oldEnd) → [start, newEnd):
 *   - nodes that end before the edit keep their ids and offsets: their matches are reused as is;
 *   - nodes after it (the same trailing run of nodes, shifted) have their matches reused with ids
 *     and offsets shifted;
 *   - the edit's ancestors and the nodes in between are matched again.
 * Anything that could break that reasoning (other active patterns, changed imports, a pattern that
 * ran out of budget, typed metavariables) falls back to the full walk. Tested against the full walk on random edits.
 */
import { Env, bind, BoundValue } from './bindings';
import type { CancellationToken } from './cancellation';
import { importAliases } from './import-aliases';
import { MAX_MATCHES_PER_PATTERN, PatternIndex, RangeMatch, WalkResult } from './pattern-index';
import type { SyntaxTree } from './syntax-tree';

/** [start, oldEnd) of the previous text became [start, newEnd) of the current one. */
export interface EditSpan {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

export interface PreviousWalk {
  readonly tree: SyntaxTree;
  readonly mask: Uint8Array;
  readonly result: WalkResult;
  readonly index: PatternIndex;
}

/** The span covering two successive edits (the second in the coordinates left by the first). */
export function composeEdits(a: EditSpan, b: EditSpan): EditSpan {
  const delta = a.newEnd - a.oldEnd;
  const toOld = (x: number) => (x <= a.start ? x : x >= a.newEnd ? x - delta : a.oldEnd);
  const bDelta = b.newEnd - b.oldEnd;
  const through = (x: number) => (x <= b.start ? x : x >= b.oldEnd ? x + bDelta : b.newEnd);
  const start = Math.min(a.start, b.start);
  return { start, oldEnd: Math.max(a.oldEnd, toOld(b.oldEnd), start), newEnd: Math.max(through(a.newEnd), b.newEnd, start) };
}

function sameAliases(a: SyntaxTree, b: SyntaxTree): boolean {
  const x = importAliases(a);
  const y = importAliases(b);
  if (x.size !== y.size) return false;
  for (const [k, v] of x) if (y.get(k) !== v) return false;
  return true;
}

function shiftValue(v: BoundValue, ids: number, chars: number): BoundValue {
  switch (v.k) {
    case 'node':
      return { k: 'node', node: v.node + ids };
    case 'str':
      return { k: 'str', node: v.node + ids, text: v.text };
    case 'seq':
      return { k: 'seq', nodes: v.nodes.map((n) => n + ids) };
    case 'text':
      return { k: 'text', text: v.text, start: v.start + chars, end: v.end + chars };
  }
}

/** Does the env bind a value by offsets (which an edit before it shifts even when node ids do not)? */
function hasText(env: Env): boolean {
  for (let b = env; b; b = b.next) if (b.value.k === 'text') return true;
  return false;
}

/** The env with node ids shifted by `ids` and offsets by `chars`; the same env when nothing moves. */
function shiftEnv(env: Env, ids: number, chars: number): Env {
  if (!env || (ids === 0 && (chars === 0 || !hasText(env)))) return env;
  // Most matches bind one or two metavariables: rebuild those without the intermediate list.
  if (!env.next) return bind(undefined, env.name, shiftValue(env.value, ids, chars));
  if (!env.next.next) return bind(bind(undefined, env.next.name, shiftValue(env.next.value, ids, chars)), env.name, shiftValue(env.value, ids, chars));
  const items: Array<[string, BoundValue]> = [];
  for (let b: Env = env; b; b = b.next) items.push([b.name, shiftValue(b.value, ids, chars)]);
  let out: Env = undefined;
  for (let i = items.length - 1; i >= 0; i--) out = bind(out, items[i][0], items[i][1]);
  return out;
}

/** The walk of `st` given the previous walk and the edit between them; undefined when it cannot be reused. */
export function walkIncremental(
  index: PatternIndex,
  st: SyntaxTree,
  mask: Uint8Array,
  previous: PreviousWalk | undefined,
  edit: EditSpan | undefined,
  cancel?: CancellationToken,
): WalkResult | undefined {
  if (!previous || !edit || previous.index !== index || previous.result.overBudget.size > 0) return undefined;
  if (previous.mask.length !== mask.length || previous.mask.some((v, i) => v !== mask[i])) return undefined;
  // Typed metavariables look at declarations outside the matched node.
  if (index.patterns.some((p, slot) => p.typed && mask[slot])) return undefined;
  const old = previous.tree;
  if (old.lang !== st.lang || !sameAliases(old, st)) return undefined;
  const delta = edit.newEnd - edit.oldEnd;
  // Prefix: same ids, kinds and starts, all starting before the edit.
  let a = 0;
  while (a < old.count && a < st.count && old.kind[a] === st.kind[a] && old.start[a] === st.start[a] && old.start[a] < edit.start) a++;
  // Suffix: the same trailing nodes, shifted, all strictly after the edit.
  let k = 0;
  while (
    k < old.count - a &&
    k < st.count - a &&
    old.kind[old.count - 1 - k] === st.kind[st.count - 1 - k] &&
    old.start[old.count - 1 - k] > edit.oldEnd &&
    old.start[old.count - 1 - k] + delta === st.start[st.count - 1 - k] &&
    old.end[old.count - 1 - k] + delta === st.end[st.count - 1 - k]
  )
    k++;
  const b0 = old.count - k;
  const b1 = st.count - k;
  const ids = b1 - b0;
  const results: RangeMatch[][] = index.patterns.map(() => []);
  const overBudget = new Set<number>();
  if (previous.result.matches.some((list) => list.length >= MAX_MATCHES_PER_PATTERN)) return undefined;
  previous.result.matches.forEach((list, slot) => {
    if (index.canonical[slot] !== slot) return; // shares another slot's list (see shareResults)
    for (const m of list) {
      if (m.at === undefined) continue;
      if (m.at < a && old.end[m.at] < edit.start) results[slot].push(m);
      else if (m.at >= b0) results[slot].push(ids === 0 && delta === 0 ? m : { start: m.start + delta, end: m.end + delta, env: shiftEnv(m.env, ids, delta), at: m.at + ids });
    }
  });
  // Re-match the edit's ancestors (in the prefix, ending at or after the edit) and the middle.
  index.visit(st, mask, 0, a - 1, (n) => old.end[n] >= edit.start, results, overBudget, cancel);
  index.visit(st, mask, a, b1 - 1, undefined, results, overBudget, cancel);
  index.shareResults(mask, results, overBudget);
  return { matches: results, overBudget };
}
