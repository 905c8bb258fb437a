/**
 * Compiles one Semgrep pattern for one language: substitute the metasyntax, parse with the
 * language's grammar (trying the language's wrappers until one parses cleanly), cut the pattern's
 * own nodes out of the wrapper, and turn them into PNodes. Errors are values, never throws.
 */
import {
  KIND_BLOCK,
  KIND_ERROR,
  KIND_EXPR_STMT,
  KIND_STRING,
  KIND_SUBSET,
  KIND_TRANSPARENT,
  KIND_UNORDERED,
  LoadedLanguage,
} from './grammars';
import { normalizeTypeName } from './declared-types';
import { CompiledPattern, ListMode, PNode, StringMatcher } from './pattern-ast';
import { placeholderOf, restoreMetasyntax, splitPlaceholders, substituteMetasyntax, TypedMetavariable } from './pattern-metasyntax';
import { stringContent } from './string-literal';
import { NO_NODE, SyntaxTree } from './syntax-tree';

export type CompileResult = { ok: true; pattern: CompiledPattern } | { ok: false; message: string };

/** Node kinds that only hold the pattern (document roots, bodies) and are looked through. */
const CONTAINER_KINDS = new Set(['stream', 'document', 'config_file', 'body', 'program', 'module', 'source_file', 'block_mapping']);

export function compilePattern(source: string, lang: LoadedLanguage): CompileResult {
  const trimmed = dedent(source).trim();
  if (trimmed === '') return { ok: false, message: 'empty pattern' };
  const sub = substituteMetasyntax(trimmed, lang.spec);
  let lastError = '';
  // A clean parse in the first wrapper that gives one; failing that, as Semgrep's own parsers do
  // for fragments, the parse with the fewest errors among those whose only errors are missing
  // tokens or an ERROR node around one complete construct.
  let best: { pattern: CompiledPattern; errors: number } | undefined;
  for (const wrapper of lang.spec.wrappers) {
    const at = wrapper.template.indexOf('{P}');
    const text = wrapper.template.slice(0, at) + sub.text + wrapper.template.slice(at + 3);
    const tree = lang.parser.parse(text);
    if (!tree) continue;
    try {
      const clean = !tree.rootNode.hasError;
      if (!clean && !lastError) lastError = describeError(tree.rootNode, at, sub.text.length);
      const st = SyntaxTree.fromTree(tree, text, lang);
      if (!clean && (!errorsAreTolerable(st) || (best && best.errors <= st.errorCount))) continue;
      const tops = topNodes(st, 0, at, at + sub.text.length);
      if (tops.length === 0) continue;
      const compiled = new PatternCompiler(st, sub.originals, sub.typed).finish(trimmed, tops);
      const pattern = sub.typed.size > 0 ? { ...compiled, typed: true } : compiled;
      if (clean) return { ok: true, pattern };
      best = { pattern, errors: st.errorCount };
    } finally {
      tree.delete();
    }
  }
  if (best) return { ok: true, pattern: best.pattern };
  return { ok: false, message: `pattern does not parse as ${lang.spec.id}${lastError ? `: ${lastError}` : ''}` };
}

/** ERROR nodes are tolerated when each wraps exactly one significant node (compiled as that node). */
function errorsAreTolerable(st: SyntaxTree): boolean {
  for (let n = 0; n < st.count; n++) {
    if (st.flags(n) & KIND_ERROR && st.significantChildren(n).length !== 1) return false;
  }
  return true;
}

function describeError(root: import('web-tree-sitter').Node, offset: number, length: number): string {
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.isError || n.isMissing) {
      const col = Math.max(0, Math.min(length, n.startIndex - offset));
      return n.isMissing ? `missing ${n.type} near column ${col + 1}` : `unexpected input near column ${col + 1}`;
    }
    for (let i = n.childCount - 1; i >= 0; i--) {
      const c = n.child(i);
      if (c && c.hasError) stack.push(c);
      else if (c && c.isMissing) stack.push(c);
    }
  }
  return '';
}

function dedent(text: string): string {
  const lines = text.replace(/\t/g, '    ').split('\n');
  let indent = Infinity;
  for (const line of lines) {
    if (line.trim() === '') continue;
    indent = Math.min(indent, line.length - line.trimStart().length);
  }
  if (!isFinite(indent) || indent === 0) return text;
  return lines.map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length))).join('\n');
}

/** The pattern's own nodes inside the wrapper: the outermost significant nodes within [from, to). */
function topNodes(st: SyntaxTree, n: number, from: number, to: number): number[] {
  if (st.end[n] <= from || st.start[n] >= to) return [];
  const within = st.start[n] >= from && st.end[n] <= to;
  const kids = st.significantChildren(n);
  const container =
    st.parent[n] === NO_NODE ||
    CONTAINER_KINDS.has(st.kindName(n)) ||
    (st.flags(n) & KIND_BLOCK) !== 0 ||
    ((st.flags(n) & KIND_TRANSPARENT) !== 0 && kids.length === 1);
  if (within && !container) return [n];
  if (within && kids.length === 0) return st.isComment(n) ? [] : [n];
  const out: number[] = [];
  for (const c of kids) out.push(...topNodes(st, c, from, to));
  return out;
}

class PatternCompiler {
  private readonly literals = new Set<string>();

  constructor(
    private readonly st: SyntaxTree,
    private readonly originals: ReadonlyMap<string, string>,
    private readonly typed: ReadonlyMap<string, TypedMetavariable>,
  ) {}

  finish(source: string, tops: number[]): CompiledPattern {
    const st = this.st;
    if (tops.length === 1) {
      let top = tops[0];
      const kids = st.significantChildren(top);
      if (st.flags(top) & KIND_EXPR_STMT && kids.length === 1) top = kids[0];
      const root = this.compile(top);
      return { source, root, sequence: undefined, startKinds: this.startKinds(root), literals: [...this.literals] };
    }
    const parent = st.parent[tops[0]];
    const parentFlags = parent === NO_NODE ? 0 : st.flags(parent);
    const kids = tops.map((n) => this.compile(n));
    if (parentFlags & (KIND_UNORDERED | KIND_SUBSET)) {
      const root: PNode = { t: 'node', kind: st.kind[parent], kids, mode: parentFlags & KIND_SUBSET ? 'subset' : 'unordered' };
      return { source, root, sequence: undefined, startKinds: [st.kind[parent]], literals: [...this.literals] };
    }
    const blockKinds: number[] = [];
    const flags = st.lang.kinds.flags;
    for (let k = 0; k < flags.length; k++) if (flags[k] & KIND_BLOCK) blockKinds.push(k);
    return { source, root: kids[0], sequence: kids, startKinds: blockKinds, literals: [...this.literals] };
  }

  private startKinds(root: PNode): number[] | undefined {
    switch (root.t) {
      case 'node':
        return [root.kind, ...(this.st.lang.kinds.equivalents[root.kind] ?? [])];
      case 'leaf':
        return [root.kind];
      case 'str': {
        const flags = this.st.lang.kinds.flags;
        const out: number[] = [];
        for (let k = 0; k < flags.length; k++) if (flags[k] & KIND_STRING) out.push(k);
        return out;
      }
      default:
        return undefined;
    }
  }

  compile(n: number): PNode {
    const st = this.st;
    const flags = st.flags(n);
    const kids = st.significantChildren(n);
    if (flags & (KIND_TRANSPARENT | KIND_ERROR) && kids.length === 1) return this.compile(kids[0]);
    if (st.isLeaf(n)) {
      const text = st.text(n);
      const typed = this.typed.get(text);
      if (typed) return { t: 'mv', name: typed.name, type: normalizeTypeName(typed.type) };
      const ph = placeholderOf(text);
      if (ph) return ph.t === 'deep' ? { t: 'mv', name: undefined } : ph;
      if (flags & KIND_STRING) return this.quotedPlaceholder(n) ?? { t: 'str', m: this.stringMatcher(text) };
      const named = st.isNamed(n);
      if (named && /^[A-Za-z_$][\w$]*$/.test(text) && text.length > 1) this.literals.add(text);
      return { t: 'leaf', kind: st.kind[n], text, named };
    }
    if (flags & KIND_STRING && !this.hasInterpolation(n)) {
      const quoted = this.quotedPlaceholder(n);
      if (quoted) return quoted;
      return { t: 'str', m: this.stringMatcher(st.text(n)) };
    }
    const wrapped = this.wrappedPlaceholder(n, kids);
    if (wrapped) return wrapped;
    if (flags & KIND_EXPR_STMT && kids.length === 1) {
      const inner = this.compile(kids[0]);
      if (inner.t === 'ell' || inner.t === 'ellmv') return inner;
    }
    const deep = this.deepOperand(kids);
    if (deep !== undefined) return { t: 'deep', p: this.compile(deep) };
    return { t: 'node', kind: st.kind[n], kids: kids.flatMap((c) => this.expand(c)), mode: this.modeOf(n) };
  }

  /**
   * A child as list items. Go groups `a, b T` into one parameter declaration, so `(..., $R T)`
   * parses as one declaration whose first name is `...`: that ellipsis is an item of the list.
   */
  private expand(c: number): PNode[] {
    const st = this.st;
    if (st.lang.spec.id !== 'go' || st.kindName(c) !== 'parameter_declaration') return [this.compile(c)];
    const kids = st.significantChildren(c);
    const out: PNode[] = [];
    let i = 0;
    for (; i < kids.length - 1; i++) {
      const ph = placeholderOf(st.text(kids[i]));
      if (!ph || (ph.t !== 'ell' && ph.t !== 'ellmv')) break;
      out.push(ph);
    }
    if (i === 0) return [this.compile(c)];
    out.push({ t: 'node', kind: st.kind[c], kids: kids.slice(i).map((k) => this.compile(k)), mode: 'ordered' });
    return out;
  }

  /**
   * A node that only wraps a `...`/`$...X` placeholder (a TS parameter, a class field, a JSON pair
   * keyed by the placeholder) stands for that ellipsis.
   */
  private wrappedPlaceholder(n: number, kids: number[]): PNode | undefined {
    const st = this.st;
    if (kids.length === 0) return undefined;
    const first = kids[0];
    const named = kids.filter((c) => st.isNamed(c));
    if (named.length === 2 && st.text(named[1]) === '0') {
      const keyText = st.flags(named[0]) & KIND_STRING ? stringContent(st.text(named[0])) : st.text(named[0]);
      const key = placeholderOf(keyText);
      if (key && (key.t === 'ell' || key.t === 'ellmv')) return key;
    }
    if (kids.length !== 1) return undefined;
    const own = st.text(n).trim().replace(/[;,]$/, '').trim();
    const ph = placeholderOf(own);
    if (ph && ph.t !== 'deep' && own === st.text(first).trim()) return ph;
    return undefined;
  }

  /** JSON writes metasyntax inside quotes: `"$X"` is any value, `"..."` any items. */
  private quotedPlaceholder(n: number): PNode | undefined {
    const st = this.st;
    if (!st.lang.spec.quotedMetasyntax) return undefined;
    const content = stringContent(st.text(n));
    const ph = placeholderOf(content);
    if (!ph || ph.t === 'deep') return undefined;
    if (ph.t === 'mv' && !this.originals.has(`"${content}"`)) return undefined;
    return ph;
  }

  private modeOf(n: number): ListMode {
    const st = this.st;
    const flags = st.flags(n);
    if (flags & KIND_BLOCK) return 'stmts';
    if (flags & KIND_UNORDERED) return 'unordered';
    if (flags & KIND_SUBSET) return 'subset';
    if (st.lang.spec.keywordArgKinds.length > 0 && st.kindName(n) === 'argument_list') return 'args';
    return 'ordered';
  }

  /** `<... P ...>` was written as a call of a deep placeholder with one argument. */
  private deepOperand(kids: number[]): number | undefined {
    const st = this.st;
    if (kids.length !== 2 || !st.isLeaf(kids[0])) return undefined;
    const ph = placeholderOf(st.text(kids[0]));
    if (!ph || ph.t !== 'deep') return undefined;
    const args = st.significantChildren(kids[1]);
    return args.length === 1 ? args[0] : undefined;
  }

  private hasInterpolation(n: number): boolean {
    const st = this.st;
    for (let c = st.firstChild[n]; c !== NO_NODE; c = st.nextSibling[c]) {
      const name = st.kindName(c);
      if (name.includes('interpolation') || name.includes('substitution')) return true;
    }
    return false;
  }

  private stringMatcher(text: string): StringMatcher {
    const content = stringContent(text);
    const parts = splitPlaceholders(content);
    if (parts.length === 1 && typeof parts[0] !== 'string') {
      const p = parts[0];
      if (p.t === 'ell') return { kind: 'any' };
      if (p.t === 'mv' && p.name !== undefined) return { kind: 'mv', name: p.name };
      if (p.t === 'mv') return { kind: 'any' };
    }
    const restored = restoreMetasyntax(content, this.originals);
    const regex = /^=~\/(.*)\/([a-z]*)$/s.exec(restored);
    if (regex) {
      try {
        return { kind: 'regex', re: new RegExp(regex[1], regex[2].replace(/[^ims]/g, '')) };
      } catch {
        return { kind: 'exact', value: restored };
      }
    }
    if (parts.some((p) => typeof p !== 'string' && p.t === 'ell')) {
      const source = parts
        .map((p) => (typeof p === 'string' ? escapeRegex(restoreMetasyntax(p, this.originals)) : p.t === 'ell' ? '.*' : escapeRegex((p as { name?: string }).name ?? '$_')))
        .join('');
      return { kind: 'regex', re: new RegExp(`^${source}$`, 's') };
    }
    if (restored.length >= 3 && !/[\\'"`]/.test(restored)) this.literals.add(restored);
    return { kind: 'exact', value: restored };
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

