/**
 * Structural matching of a compiled pattern against a SyntaxTree, Semgrep style: metavariables
 * bind and unify, `...` absorbs list items or any single node, `$...X` binds a list slice,
 * `<... P ...>` looks inside, strings compare by content, parentheses and comments are looked
 * through, keyword arguments and dictionary/object members match in any order, and a `...` in a
 * statement sequence also reaches statements in nested blocks (Semgrep's deep statement matching).
 *
 * Written in continuation-passing style: every way a pattern can match is offered to the
 * continuation, which returns true to stop. This enumerates all bindings (needed when a later
 * metavariable condition rejects the first one) without building intermediate lists.
 */
import { KIND_BLOCK, KIND_COMMENT, KIND_EXPR_STMT, KIND_KWARG, KIND_OPTIONAL, KIND_STRING, KIND_TRANSPARENT } from './grammars';
import { Env, bind, lookup, sameValue } from './bindings';
import { PNode, StringMatcher } from './pattern-ast';
import { declaredType } from './declared-types';
import { importAliases, patternDottedName, resolvedName } from './import-aliases';
import { stringContent } from './string-literal';
import { NO_NODE, SyntaxTree } from './syntax-tree';

type K = (env: Env) => boolean;

/** Delimiters of markup elements, ignored when matching JSX attributes as a set. */
const ANGLE_TOKENS = new Set(['<', '>', '/', '/>', '</']);
type SeqK = (env: Env, first: number, last: number) => boolean;

/** Thrown when one match attempt takes more steps than its budget (a pathological pattern/file pair). */
export class MatchBudgetExceeded extends Error {
  constructor(readonly steps: number) {
    super(`matching gave up after ${steps} steps`);
    this.name = 'MatchBudgetExceeded';
  }
}

/** Steps allowed for one pattern at one node; ordinary matches take tens. */
export const STEP_BUDGET = 200_000;

export class Matcher {
  /** Steps taken since the caller last reset it. */
  steps = 0;

  /** Kinds whose first named child is a head matched in place (a JSX tag name), the rest as a set. */
  private readonly headed: ReadonlySet<number>;
  private readonly jsxElement: number;
  private readonly jsxSelfClosing: number;
  private readonly declarator: number;
  private readonly declarations: ReadonlySet<number>;

  constructor(readonly st: SyntaxTree) {
    const kinds = st.lang.kinds;
    this.headed = new Set(['jsx_self_closing_element', 'jsx_opening_element'].map((k) => kinds.namedKind(k)).filter((k) => k >= 0));
    this.jsxElement = kinds.namedKind('jsx_element');
    this.jsxSelfClosing = kinds.namedKind('jsx_self_closing_element');
    this.declarator = kinds.namedKind('variable_declarator');
    this.declarations = new Set((st.lang.spec.declarationKinds ?? []).map((k) => kinds.namedKind(k)).filter((k) => k >= 0));
  }

  /** Looks through parentheses and other single-child wrappers. */
  unwrap(n: number): number {
    const st = this.st;
    while (st.flags(n) & KIND_TRANSPARENT) {
      const kids = st.significantChildren(n);
      if (kids.length !== 1) break;
      n = kids[0];
    }
    return n;
  }

  match(p: PNode, n0: number, env: Env, k: K): boolean {
    if (++this.steps > STEP_BUDGET) throw new MatchBudgetExceeded(this.steps);
    const st = this.st;
    const n = this.unwrap(n0);
    switch (p.t) {
      case 'mv': {
        if (!st.isNamed(n)) return false;
        if (p.type !== undefined && declaredType(st, n) !== p.type) return false;
        if (p.name === undefined) return k(env);
        const bound = lookup(env, p.name);
        if (bound) return sameValue(st, bound, { k: 'node', node: n }) ? k(env) : false;
        return k(bind(env, p.name, { k: 'node', node: n }));
      }
      case 'ell':
        return k(env);
      case 'ellmv':
        return this.bindSeq(p.name, [n], env, k);
      case 'deep': {
        const stop = st.last[n];
        const flags = st.lang.kinds.flags;
        const named = st.lang.kinds.named;
        for (let i = n; i <= stop; i++) {
          const kind = st.kind[i];
          if (!named[kind] || flags[kind] & KIND_COMMENT) continue;
          if (this.match(p.p, i, env, k)) return true;
        }
        return false;
      }
      case 'str':
        if (!(st.flags(n) & KIND_STRING)) return false;
        return this.matchString(p.m, n, env, k);
      case 'leaf':
        if (st.kind[n] !== p.kind || (p.named && st.text(n) !== p.text)) return this.matchImported(p, n, env, k);
        return k(env);
      case 'node': {
        let target = n;
        if (st.kind[target] !== p.kind && p.kind === this.jsxSelfClosing && st.kind[target] === this.jsxElement) {
          target = st.significantChildren(target)[0] ?? target;
        }
        if (st.kind[target] !== p.kind && !st.lang.kinds.equivalents[p.kind]?.includes(st.kind[target])) return this.matchImported(p, n, env, k);
        const kids = this.withoutOptional(p.kids, st.significantChildren(target));
        switch (p.mode) {
          case 'ordered':
            return this.list(p.kids, 0, kids, 0, env, k) || this.matchImported(p, n, env, k);
          case 'stmts':
            if (p.kids.length === 0) return kids.length === 0 ? k(env) : false;
            return this.stmts(p.kids, 0, kids, 0, env, NO_NODE, NO_NODE, (e) => k(e));
          case 'args':
            return this.args(p.kids, kids, env, k);
          case 'unordered':
            return this.unordered(p.kids, kids, false, env, k);
          case 'subset':
            return this.headed.has(p.kind) ? this.headedSubset(p.kids, kids, env, k) : this.unordered(p.kids, kids, true, env, k);
        }
      }
    }
  }

  /** `pickle.loads` in a pattern matches `pk.loads` after `import pickle as pk` (and `from … import`). */
  private matchImported(p: PNode, n: number, env: Env, k: K): boolean {
    const st = this.st;
    if (importAliases(st).size === 0) return false;
    const wanted = patternDottedName(st, p);
    return wanted !== undefined && wanted.includes('.') && resolvedName(st, n) === wanted ? k(env) : false;
  }

  /** Drops target children of optional kinds (return types, `async`…) that the pattern does not mention. */
  private withoutOptional(ps: readonly PNode[], kids: number[]): number[] {
    const st = this.st;
    const flags = st.lang.kinds.flags;
    if (!kids.some((c) => flags[st.kind[c]] & KIND_OPTIONAL)) return kids;
    return kids.filter((c) => !(flags[st.kind[c]] & KIND_OPTIONAL) || ps.some((p) => (p.t === 'node' || p.t === 'leaf') && p.kind === st.kind[c]));
  }

  /** A statement pattern `E;` also matches `const x = E`-style declarations and bare expression statements' cores. */
  private statementCores(s: number): number[] {
    const st = this.st;
    const kids = st.significantChildren(s);
    if (st.flags(s) & KIND_EXPR_STMT && kids.length === 1) return kids;
    if (this.declarations.has(st.kind[s])) {
      const declarators = kids.filter((c) => st.kind[c] === this.declarator);
      return declarators.length === 1 ? declarators : [];
    }
    return [];
  }

  private matchStatement(p: PNode, s: number, env: Env, k: K): boolean {
    const st = this.st;
    if (this.match(p, s, env, k)) return true;
    if (p.t !== 'node' || st.kind[s] === p.kind || !(st.lang.kinds.flags[p.kind] & KIND_EXPR_STMT) || p.kids.length !== 1) return false;
    const cores = this.statementCores(s);
    for (const core of cores) if (this.match(p.kids[0], core, env, k)) return true;
    if (this.holdsBlock(s)) return false;
    // Semgrep's deep expression statements: `eval($X);` also matches `return eval(x)`, `y = eval(x)`.
    return this.match({ t: 'deep', p: p.kids[0] }, s, env, k);
  }

  /** Is `s` a statement block (Go's `statement_list` inside `block`) or does it contain one? */
  private holdsBlock(s: number): boolean {
    const st = this.st;
    const flags = st.lang.kinds.flags;
    for (let i = s; i <= st.last[s]; i++) if (flags[st.kind[i]] & KIND_BLOCK) return true;
    return false;
  }

  private matchString(m: StringMatcher, n: number, env: Env, k: K): boolean {
    const content = stringContent(this.st.text(n));
    switch (m.kind) {
      case 'any':
        return k(env);
      case 'exact':
        return content === m.value ? k(env) : false;
      case 'regex':
        m.re.lastIndex = 0;
        return m.re.test(content) ? k(env) : false;
      case 'mv': {
        const value = { k: 'str' as const, node: n, text: content };
        const bound = lookup(env, m.name);
        if (bound) return sameValue(this.st, bound, value) ? k(env) : false;
        return k(bind(env, m.name, value));
      }
    }
  }

  private bindSeq(name: string, nodes: number[], env: Env, k: K): boolean {
    const value = { k: 'seq' as const, nodes };
    const bound = lookup(env, name);
    if (bound) return sameValue(this.st, bound, value) ? k(env) : false;
    return k(bind(env, name, value));
  }

  /** Ordered list with `...` and `$...X` items; every target item must be consumed. */
  private list(ps: readonly PNode[], pi: number, ns: number[], ni: number, env: Env, k: K): boolean {
    if (pi === ps.length) return ni === ns.length ? k(env) : false;
    const p = ps[pi];
    if (p.t === 'ell') {
      if (pi === ps.length - 1) return k(env);
      for (let j = ni; j <= ns.length; j++) if (this.list(ps, pi + 1, ns, j, env, k)) return true;
      return false;
    }
    if (p.t === 'ellmv') {
      for (let j = ni; j <= ns.length; j++) {
        if (this.bindSeq(p.name, ns.slice(ni, j), env, (e) => this.list(ps, pi + 1, ns, j, e, k))) return true;
      }
      return false;
    }
    if (ni >= ns.length) return false;
    return this.match(p, ns[ni], env, (e) => this.list(ps, pi + 1, ns, ni + 1, e, k));
  }

  /**
   * Statement sequence: like `list`, but trailing target statements are allowed, and after a
   * `...` the remaining pattern statements may match statements nested in later blocks.
   */
  stmts(ps: readonly PNode[], pi: number, ns: number[], ni: number, env: Env, first: number, last: number, k: SeqK): boolean {
    if (pi === ps.length) return k(env, first, last);
    const p = ps[pi];
    if (p.t === 'ell' || p.t === 'ellmv') {
      if (pi === ps.length - 1) {
        let end = last;
        for (let j = ni; j < ns.length; j++) if (end === NO_NODE || this.st.end[ns[j]] > this.st.end[end]) end = ns[j];
        return p.t === 'ell' ? k(env, first, end) : this.bindSeq(p.name, ns.slice(ni), env, (e) => k(e, first, end));
      }
      if (p.t === 'ellmv') {
        for (let j = ni; j <= ns.length; j++) {
          const f = first;
          if (this.bindSeq(p.name, ns.slice(ni, j), env, (e) => this.stmts(ps, pi + 1, ns, j, e, f, last, k))) return true;
        }
        return false;
      }
      const flat = this.flatten(ns, ni);
      for (let j = 0; j < flat.length; j++) {
        if (this.stmts(ps, pi + 1, flat, j, env, first, last, k)) return true;
      }
      return pi + 1 === ps.length ? k(env, first, last) : false;
    }
    if (ni >= ns.length) return false;
    const node = ns[ni];
    return this.matchStatement(p, node, env, (e) => this.stmts(ps, pi + 1, ns, ni + 1, e, first === NO_NODE ? node : first, node, k));
  }

  /** The statements from ns[from] on, in document order, including those in nested blocks. */
  private flatten(ns: number[], from: number): number[] {
    const st = this.st;
    const out: number[] = [];
    const flags = st.lang.kinds.flags;
    for (let x = from; x < ns.length; x++) {
      const top = ns[x];
      out.push(top);
      const stop = st.last[top];
      for (let i = top + 1; i <= stop; i++) {
        const parent = st.parent[i];
        if (!(flags[st.kind[parent]] & KIND_BLOCK)) continue;
        if (!st.lang.kinds.named[st.kind[i]] || st.isComment(i)) continue;
        out.push(i);
      }
    }
    return out;
  }

  /** Positional arguments in order; keyword arguments in any order. */
  private args(ps: readonly PNode[], ns: number[], env: Env, k: K): boolean {
    const st = this.st;
    const isKw = (n: number) => (st.flags(n) & KIND_KWARG) !== 0;
    const posP: PNode[] = [];
    const kwP: PNode[] = [];
    let hasEllipsis = false;
    for (const p of ps) {
      if (p.t === 'ell' || p.t === 'ellmv') hasEllipsis = true;
      if (p.t === 'node' && st.lang.kinds.flags[p.kind] & KIND_KWARG) kwP.push(p);
      else posP.push(p);
    }
    if (kwP.length === 0) return this.argList(posP, 0, ns, 0, env, k);
    const posN = ns.filter((n) => !isKw(n));
    const kwN = ns.filter(isKw);
    return this.list(posP, 0, posN, 0, env, (e) => this.unordered(kwP, kwN, hasEllipsis, e, k));
  }

  /** Arguments in order where only `...`/`$...X` may take keyword arguments (so `$...ARGS` binds them too). */
  private argList(ps: readonly PNode[], pi: number, ns: number[], ni: number, env: Env, k: K): boolean {
    if (pi === ps.length) return ni === ns.length ? k(env) : false;
    const p = ps[pi];
    if (p.t === 'ell') {
      if (pi === ps.length - 1) return k(env);
      for (let j = ni; j <= ns.length; j++) if (this.argList(ps, pi + 1, ns, j, env, k)) return true;
      return false;
    }
    if (p.t === 'ellmv') {
      for (let j = ni; j <= ns.length; j++) {
        if (this.bindSeq(p.name, ns.slice(ni, j), env, (e) => this.argList(ps, pi + 1, ns, j, e, k))) return true;
      }
      return false;
    }
    if (ni >= ns.length || this.st.flags(ns[ni]) & KIND_KWARG) return false;
    return this.match(p, ns[ni], env, (e) => this.argList(ps, pi + 1, ns, ni + 1, e, k));
  }

  private headedSubset(ps: readonly PNode[], ns: number[], env: Env, k: K): boolean {
    const pi = ps.findIndex((p) => !(p.t === 'leaf' && !p.named));
    const ni = ns.findIndex((n) => this.st.isNamed(n));
    if (pi < 0 || ni < 0) return this.unordered(ps, ns, true, env, k);
    const restP = ps.filter((_, i) => i !== pi);
    const restN = ns.filter((_, i) => i !== ni);
    return this.match(ps[pi], ns[ni], env, (e) => this.unordered(restP, restN, true, e, k));
  }

  /** Each pattern item matches a distinct target item; extras need `...` unless `subset`. */
  private unordered(ps: readonly PNode[], ns: number[], subset: boolean, env: Env, k: K): boolean {
    const items = ps.filter((p) => p.t !== 'ell' && p.t !== 'ellmv' && !(subset && p.t === 'leaf' && !p.named && ANGLE_TOKENS.has(p.text)));
    const allowExtras = subset || items.length !== ps.length;
    if (!allowExtras && items.length !== ns.length) return false;
    if (items.length > ns.length) return false;
    const used = new Uint8Array(ns.length);
    const step = (i: number, e: Env): boolean => {
      if (i === items.length) return k(e);
      for (let j = 0; j < ns.length; j++) {
        if (used[j]) continue;
        used[j] = 1;
        const stop = this.match(items[i], ns[j], e, (e2) => step(i + 1, e2));
        used[j] = 0;
        if (stop) return true;
      }
      return false;
    };
    return step(0, env);
  }
}
