/**
 * Metavariable bindings: an immutable linked list (cheap to extend while backtracking), values that
 * point into the SyntaxTree, and the equality Semgrep uses to unify a metavariable bound twice
 * (same tokens, layout and comments aside; a string binds its content).
 */
import { stringContent } from './string-literal';
import { KIND_STRING } from './grammars';
import type { SyntaxTree } from './syntax-tree';

export type BoundValue =
  | { readonly k: 'node'; readonly node: number }
  | { readonly k: 'seq'; readonly nodes: readonly number[] }
  /** `"$X"`: the content of the string literal `node`. */
  | { readonly k: 'str'; readonly node: number; readonly text: string }
  /** A value that is not in the tree (a regex capture group), with its offsets. */
  | { readonly k: 'text'; readonly text: string; readonly start: number; readonly end: number };

export interface Binding {
  readonly name: string;
  readonly value: BoundValue;
  readonly next: Env;
}

export type Env = Binding | undefined;

export function bind(env: Env, name: string, value: BoundValue): Env {
  return { name, value, next: env };
}

export function lookup(env: Env, name: string): BoundValue | undefined {
  for (let b = env; b; b = b.next) if (b.name === name) return b.value;
  return undefined;
}

/** Bindings as a plain object, latest binding of each name. */
export function bindingsOf(env: Env): Map<string, BoundValue> {
  const out = new Map<string, BoundValue>();
  for (let b = env; b; b = b.next) if (!out.has(b.name)) out.set(b.name, b.value);
  return out;
}

/** The comparable form of a value: normalized tokens, or a string's content. */
export function valueKey(st: SyntaxTree, v: BoundValue): string {
  switch (v.k) {
    case 'node':
      return st.flags(v.node) & KIND_STRING ? stringContent(st.text(v.node)) : st.normalizedText(v.node);
    case 'str':
    case 'text':
      return v.text;
    case 'seq':
      return v.nodes.map((n) => st.normalizedText(n)).join(' , ');
  }
}

export function sameValue(st: SyntaxTree, a: BoundValue, b: BoundValue): boolean {
  if (a.k === 'node' && b.k === 'node' && a.node === b.node) return true;
  return valueKey(st, a) === valueKey(st, b);
}

/** The source text a metavariable stands for (messages, fixes, metavariable-regex). */
export function valueText(st: SyntaxTree, v: BoundValue): string {
  switch (v.k) {
    case 'node':
      return st.text(v.node);
    case 'str':
    case 'text':
      return v.text;
    case 'seq':
      return v.nodes.length ? st.source.slice(st.start[v.nodes[0]], st.end[v.nodes[v.nodes.length - 1]]) : '';
  }
}

/** The source range a value covers, if it has one. */
export function valueRange(st: SyntaxTree, v: BoundValue): { start: number; end: number } | undefined {
  switch (v.k) {
    case 'node':
    case 'str':
      return { start: st.start[v.node], end: st.end[v.node] };
    case 'text':
      return { start: v.start, end: v.end };
    case 'seq':
      return v.nodes.length ? { start: st.start[v.nodes[0]], end: st.end[v.nodes[v.nodes.length - 1]] } : undefined;
  }
}

/** Merges `b` into `a` when they agree on every shared name; undefined when they conflict. */
export function unify(st: SyntaxTree, a: Env, b: Env): Env | null {
  let out = a;
  const seen = new Set<string>();
  for (let x = b; x; x = x.next) {
    if (seen.has(x.name)) continue;
    seen.add(x.name);
    const mine = lookup(a, x.name);
    if (mine) {
      if (!sameValue(st, mine, x.value)) return null;
    } else {
      out = bind(out, x.name, x.value);
    }
  }
  return out;
}
