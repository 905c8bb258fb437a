/**
 * A parsed file as flat typed arrays, built in one TreeCursor walk. Matching then runs on plain
 * JS numbers instead of crossing into WASM for every node, and node ids are stable integers
 * (pre-order indices) that patterns, bindings and findings refer to. Offsets are UTF-16 code
 * units, as web-tree-sitter reports them for JS strings. MISSING nodes (zero-width tokens the
 * parser invented) are left out.
 */
import type { Tree } from 'web-tree-sitter';
import { KIND_COMMENT, KIND_ERROR, KIND_TRIVIA, LoadedLanguage } from './grammars';
import { NativeCursorCalls, withNativeCursor } from './native-walk';

export const NO_NODE = -1;

export class SyntaxTree {
  kind: Int32Array;
  start: Int32Array;
  end: Int32Array;
  parent: Int32Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  /** Last node of each node's subtree (pre-order), so a subtree is the id range [n, last[n]]. */
  last: Int32Array;
  count = 0;
  /** ERROR and MISSING nodes: the parser recovered from a syntax error. */
  errorCount = 0;
  private lineStarts: number[] | undefined;
  private readonly kidsCache: Array<number[] | undefined> = [];

  constructor(
    readonly source: string,
    readonly lang: LoadedLanguage,
    capacity: number,
  ) {
    const cap = Math.max(64, capacity);
    this.kind = new Int32Array(cap);
    this.start = new Int32Array(cap);
    this.end = new Int32Array(cap);
    this.parent = new Int32Array(cap);
    this.firstChild = new Int32Array(cap);
    this.nextSibling = new Int32Array(cap);
    this.last = new Int32Array(cap);
  }

  /** Flattens a web-tree-sitter tree. The caller keeps ownership of `tree`. */
  static fromTree(tree: Tree, source: string, lang: LoadedLanguage): SyntaxTree {
    const st = new SyntaxTree(source, lang, (source.length >> 2) + 16);
    const cursor = tree.walk();
    try {
      const fast = withNativeCursor(tree, cursor, (calls) => st.fill(calls));
      if (!fast) {
        st.fill({
          gotoFirstChild: () => cursor.gotoFirstChild(),
          gotoNextSibling: () => cursor.gotoNextSibling(),
          gotoParent: () => cursor.gotoParent(),
          typeId: () => cursor.nodeTypeId,
          startIndex: () => cursor.startIndex,
          endIndex: () => cursor.endIndex,
          isMissing: () => cursor.nodeIsMissing,
        });
      }
      return st;
    } finally {
      cursor.delete();
    }
  }

  /** Pre-order walk from the cursor's node (the root), filling the arrays. */
  private fill(c: NativeCursorCalls): void {
    const table = this.lang.kinds.fromTypeId;
    const errorKind = this.lang.kinds.errorKind;
    const flags = this.lang.kinds.flags;
    const stack: number[] = [];
    let prev = NO_NODE; // previous sibling at the current depth
    let parent = NO_NODE;
    for (;;) {
      const start = c.startIndex();
      const end = c.endIndex();
      // Only zero-width nodes can be MISSING; asking every node costs a call into WASM.
      if (start !== end || !c.isMissing()) {
        const typeId = c.typeId();
        let kind = typeId < table.length ? table[typeId] : errorKind;
        if (kind < 0) kind = errorKind;
        const id = this.push(kind, start, end, parent);
        if (flags[kind] & KIND_ERROR) this.errorCount++;
        if (prev !== NO_NODE) this.nextSibling[prev] = id;
        else if (parent !== NO_NODE) this.firstChild[parent] = id;
        if (c.gotoFirstChild()) {
          stack.push(id);
          parent = id;
          prev = NO_NODE;
          continue;
        }
        this.last[id] = id;
        prev = id;
      } else {
        this.errorCount++;
      }
      // climb until a next sibling exists
      while (!c.gotoNextSibling()) {
        if (stack.length === 0) return;
        c.gotoParent();
        const done = stack.pop()!;
        this.last[done] = this.count - 1;
        prev = done;
        parent = stack.length ? stack[stack.length - 1] : NO_NODE;
      }
    }
  }

  private push(kind: number, start: number, end: number, parent: number): number {
    if (this.count === this.kind.length) this.grow();
    const id = this.count++;
    this.kind[id] = kind;
    this.start[id] = start;
    this.end[id] = end;
    this.parent[id] = parent;
    this.firstChild[id] = NO_NODE;
    this.nextSibling[id] = NO_NODE;
    this.last[id] = id;
    return id;
  }

  private grow(): void {
    const size = this.kind.length * 2;
    const grow = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.kind = grow(this.kind);
    this.start = grow(this.start);
    this.end = grow(this.end);
    this.parent = grow(this.parent);
    this.firstChild = grow(this.firstChild);
    this.nextSibling = grow(this.nextSibling);
    this.last = grow(this.last);
  }

  text(n: number): string {
    return this.source.slice(this.start[n], this.end[n]);
  }

  kindName(n: number): string {
    return this.lang.kinds.names[this.kind[n]];
  }

  isNamed(n: number): boolean {
    return this.lang.kinds.named[this.kind[n]];
  }

  flags(n: number): number {
    return this.lang.kinds.flags[this.kind[n]];
  }

  isLeaf(n: number): boolean {
    return this.firstChild[n] === NO_NODE;
  }

  /** Children that can decide a match: no comments, no punctuation tokens. Computed once per node; do not mutate. */
  significantChildren(n: number): number[] {
    let out = this.kidsCache[n];
    if (out) return out;
    out = [];
    const flags = this.lang.kinds.flags;
    for (let c = this.firstChild[n]; c !== NO_NODE; c = this.nextSibling[c]) {
      if (!(flags[this.kind[c]] & KIND_TRIVIA)) out.push(c);
    }
    this.kidsCache[n] = out;
    return out;
  }

  isComment(n: number): boolean {
    return (this.flags(n) & KIND_COMMENT) !== 0;
  }

  /** Tokens of a subtree joined by single spaces: equal for code that differs only in layout. */
  normalizedText(n: number): string {
    if (this.isLeaf(n)) return this.text(n);
    const parts: string[] = [];
    const flags = this.lang.kinds.flags;
    const stop = this.last[n];
    for (let i = n; i <= stop; i++) {
      if (this.firstChild[i] !== NO_NODE) continue;
      if (flags[this.kind[i]] & KIND_COMMENT) continue;
      parts.push(this.text(i));
    }
    return parts.join(' ');
  }

  /** 0-based line and UTF-16 column of an offset. */
  position(offset: number): { line: number; column: number } {
    return positionAt(this.lineStartOffsets(), offset);
  }

  lineStartOffsets(): number[] {
    if (!this.lineStarts) this.lineStarts = lineStarts(this.source);
    return this.lineStarts;
  }
}

/** Offsets at which each line of `text` starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 0-based line and UTF-16 column of `offset`, given the line start offsets (binary search). */
export function positionAt(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, column: offset - starts[lo] };
}
