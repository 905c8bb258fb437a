/**
 * The incremental API for the language server: a document that keeps its tree-sitter tree, takes
 * text changes (offsets in the old text, UTF-16 units, as LSP sends them after conversion), edits
 * the tree and reparses only what changed, then flattens the new tree for matching on demand.
 * The caller owns the document and must dispose() it.
 */
import { Edit, Tree } from 'web-tree-sitter';
import type { LoadedLanguage } from './grammars';
import { SyntaxTree } from './syntax-tree';
import { composeEdits, EditSpan, PreviousWalk } from './incremental-walk';
import { LiteralLookup } from './prefilter';

export interface TextChange {
  /** Replace [start, end) of the current text with `text`. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function pointAt(text: string, offset: number): { row: number; column: number } {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}

export class ParsedDocument {
  private flat: SyntaxTree | undefined;
  /** The walk of the last scanned tree, and the edits made since (undefined: none; null: unknown). */
  private lastWalk: PreviousWalk | undefined;
  private editSinceWalk: EditSpan | null | undefined;
  private literalLookup: LiteralLookup | undefined;

  private constructor(
    readonly lang: LoadedLanguage,
    private currentText: string,
    private tree: Tree,
  ) {}

  static create(lang: LoadedLanguage, text: string): ParsedDocument {
    const tree = lang.parser.parse(text);
    if (!tree) throw new Error(`the ${lang.spec.id} parser returned no tree`);
    return new ParsedDocument(lang, text, tree);
  }

  get text(): string {
    return this.currentText;
  }

  /** Applies changes in order (each against the text left by the previous one) and reparses once. */
  applyChanges(changes: readonly TextChange[]): void {
    let text = this.currentText;
    for (const c of changes) {
      if (c.start < 0 || c.end < c.start || c.end > text.length) throw new RangeError(`change [${c.start}, ${c.end}) is outside the document (length ${text.length})`);
      const startPosition = pointAt(text, c.start);
      const oldEndPosition = pointAt(text, c.end);
      const next = text.slice(0, c.start) + c.text + text.slice(c.end);
      const newEndIndex = c.start + c.text.length;
      this.tree.edit(
        new Edit({ startIndex: c.start, oldEndIndex: c.end, newEndIndex, startPosition, oldEndPosition, newEndPosition: pointAt(next, newEndIndex) }),
      );
      const span: EditSpan = { start: c.start, oldEnd: c.end, newEnd: newEndIndex };
      if (this.editSinceWalk !== null) this.editSinceWalk = this.editSinceWalk ? composeEdits(this.editSinceWalk, span) : span;
      this.literalLookup = this.literalLookup?.afterEdit(next, span.start, span.oldEnd, span.newEnd);
      text = next;
    }
    const tree = this.lang.parser.parse(text, this.tree);
    if (!tree) throw new Error(`the ${this.lang.spec.id} parser returned no tree`);
    this.tree.delete();
    this.tree = tree;
    this.currentText = text;
    this.flat = undefined;
  }

  /** Literal presence for the current text, carried across edits. */
  get literals(): LiteralLookup {
    if (!this.literalLookup || this.literalLookup.text !== this.currentText) this.literalLookup = new LiteralLookup(this.currentText);
    return this.literalLookup;
  }

  /** The walk to reuse for the current tree and the edit since it was made, if both are known. */
  get reusableWalk(): { previous: PreviousWalk; edit: EditSpan } | undefined {
    return this.lastWalk && this.editSinceWalk ? { previous: this.lastWalk, edit: this.editSinceWalk } : undefined;
  }

  /** Records the walk of the current tree, for the next incremental walk. */
  rememberWalk(walk: PreviousWalk): void {
    this.lastWalk = walk;
    this.editSinceWalk = undefined;
  }

  /** Replaces the whole text (a full-sync change) with a fresh parse. */
  replaceText(text: string): void {
    this.editSinceWalk = null;
    const tree = this.lang.parser.parse(text);
    if (!tree) throw new Error(`the ${this.lang.spec.id} parser returned no tree`);
    this.tree.delete();
    this.tree = tree;
    this.currentText = text;
    this.flat = undefined;
  }

  /** The flat tree of the current text, built once per version. */
  get syntaxTree(): SyntaxTree {
    this.flat ??= SyntaxTree.fromTree(this.tree, this.currentText, this.lang);
    return this.flat;
  }

  dispose(): void {
    this.tree.delete();
  }
}
