/**
 * Semgrep's import equivalences for Python: after `import pickle as pk`, `pk.loads(...)` is
 * `pickle.loads(...)`; after `from pickle import load as load_pickle`, `load_pickle(...)` is
 * `pickle.load(...)`. Computed once per tree from its import statements; the matcher resolves a
 * dotted target name through it when the plain structural comparison fails.
 */
import type { PNode } from './pattern-ast';
import type { SyntaxTree } from './syntax-tree';

const cache = new WeakMap<SyntaxTree, ReadonlyMap<string, string>>();

/** Local name → fully qualified name, from the file's imports. */
export function importAliases(st: SyntaxTree): ReadonlyMap<string, string> {
  let map = cache.get(st);
  if (map) return map;
  const out = new Map<string, string>();
  const named = (n: number) => st.significantChildren(n).filter((c) => st.isNamed(c));
  const importKind = st.lang.kinds.namedKind('import_statement');
  const fromKind = st.lang.kinds.namedKind('import_from_statement');
  if (st.lang.spec.id === 'python') {
    for (let n = 0; n < st.count; n++) {
      if (st.kind[n] !== importKind && st.kind[n] !== fromKind) continue;
      const kind = st.kindName(n);
      if (kind === 'import_statement') {
        for (const c of named(n)) {
          if (st.kindName(c) !== 'aliased_import') continue;
          const [name, alias] = named(c);
          if (name !== undefined && alias !== undefined) out.set(st.text(alias), st.text(name));
        }
      } else if (kind === 'import_from_statement') {
        const [module, ...names] = named(n);
        if (module === undefined || st.kindName(module) !== 'dotted_name') continue;
        const from = st.text(module);
        for (const c of names) {
          if (st.kindName(c) === 'dotted_name') out.set(st.text(c), `${from}.${st.text(c)}`);
          else if (st.kindName(c) === 'aliased_import') {
            const [name, alias] = named(c);
            if (name !== undefined && alias !== undefined) out.set(st.text(alias), `${from}.${st.text(name)}`);
          }
        }
      }
    }
  }
  map = out;
  cache.set(st, map);
  return map;
}

const DOTTED_KINDS = new Set(['attribute', 'member_expression', 'selector_expression', 'field_access']);

/** `a.b.c` for a target made only of identifiers and attribute accesses, else undefined. */
export function targetDottedName(st: SyntaxTree, n: number): string | undefined {
  if (st.isLeaf(n)) return /^[A-Za-z_$][\w$]*$/.test(st.text(n)) ? st.text(n) : undefined;
  if (!DOTTED_KINDS.has(st.kindName(n))) return undefined;
  const kids = st.significantChildren(n);
  if (kids.length !== 2) return undefined;
  const head = targetDottedName(st, kids[0]);
  const tail = st.isLeaf(kids[1]) ? st.text(kids[1]) : undefined;
  return head && tail ? `${head}.${tail}` : undefined;
}

const patternNames = new WeakMap<PNode, string | null>();

/** `a.b.c` for a pattern made only of literal identifiers and attribute accesses. */
export function patternDottedName(st: SyntaxTree, p: PNode): string | undefined {
  let v = patternNames.get(p);
  if (v === undefined) {
    v = null;
    if (p.t === 'leaf' && p.named && /^[A-Za-z_$][\w$]*$/.test(p.text)) v = p.text;
    else if (p.t === 'node' && DOTTED_KINDS.has(st.lang.kinds.names[p.kind]) && p.kids.length === 2) {
      const head = patternDottedName(st, p.kids[0]);
      const tail = p.kids[1];
      if (head && tail.t === 'leaf') v = `${head}.${tail.text}`;
    }
    patternNames.set(p, v);
  }
  return v ?? undefined;
}

/** The target's name with its head resolved through the imports. */
export function resolvedName(st: SyntaxTree, n: number): string | undefined {
  const name = targetDottedName(st, n);
  if (!name) return undefined;
  const aliases = importAliases(st);
  const dot = name.indexOf('.');
  const head = dot < 0 ? name : name.slice(0, dot);
  const full = aliases.get(head);
  return full ? full + (dot < 0 ? '' : name.slice(dot)) : undefined;
}
