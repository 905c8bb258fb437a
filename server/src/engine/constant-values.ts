/**
 * A small constant propagation, as Semgrep applies it to `metavariable-comparison`: a metavariable
 * bound to an identifier takes the literal value of that name when the file defines the name
 * exactly once, with a literal (`const weakCost = 8`, `COST = 8`, `final int COST = 8;`).
 */
import { KIND_STRING } from './grammars';
import type { SyntaxTree } from './syntax-tree';

const DEFINITION_KINDS = new Set([
  'variable_declarator',
  'assignment',
  'assignment_expression',
  'const_spec',
  'var_spec',
  'short_var_declaration',
  'assignment_statement',
]);

const cache = new WeakMap<SyntaxTree, Map<string, string | null>>();

function single(st: SyntaxTree, n: number): number {
  const kids = st.significantChildren(n).filter((c) => st.isNamed(c));
  return kids.length === 1 && !st.isLeaf(n) && st.kindName(n).startsWith('expression_list') ? kids[0] : n;
}

function definitions(st: SyntaxTree): Map<string, string | null> {
  let map = cache.get(st);
  if (map) return map;
  map = new Map();
  for (let n = 0; n < st.count; n++) {
    if (!DEFINITION_KINDS.has(st.kindName(n))) continue;
    const kids = st.significantChildren(n).filter((c) => st.isNamed(c));
    if (kids.length < 2) continue;
    const target = single(st, kids[0]);
    if (!st.isLeaf(target) || !/^[A-Za-z_$][\w$]*$/.test(st.text(target))) continue;
    const name = st.text(target);
    const value = single(st, kids[kids.length - 1]);
    const literal = st.isLeaf(value) && /^[-+]?(\d[\d_]*(\.\d+)?|0[xX][0-9a-fA-F]+)$/.test(st.text(value)) ? st.text(value) : st.flags(value) & KIND_STRING ? st.text(value) : null;
    map.set(name, map.has(name) ? null : literal);
  }
  cache.set(st, map);
  return map;
}

/** The literal source text an identifier node stands for, when the file defines it once with a literal. */
export function constantText(st: SyntaxTree, node: number): string | undefined {
  if (!st.isLeaf(node)) return undefined;
  return definitions(st).get(st.text(node)) ?? undefined;
}
