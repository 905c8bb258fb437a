/**
 * Open documents with incremental sync: each keeps its LSP TextDocument, the text changes not yet
 * given to its tree (so a burst of keystrokes costs one incremental reparse), its ParsedDocument,
 * and the results of the last check for a version (findings with their fixes, diagnostics).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { Finding } from '../engine/finding';
import { ParsedDocument, TextChange } from '../engine/parsed-document';
import type { LoadedLanguage } from '../engine/grammars';
import type { Diagnostic } from 'vscode-languageserver';

export interface CheckResult {
  readonly version: number;
  /** The rule-store generation the result was computed with. */
  readonly generation: number;
  /** By diagnostic data key. */
  readonly findings: ReadonlyMap<string, Finding>;
  readonly diagnostics: Diagnostic[];
}

export class OpenDocument {
  private parsed: ParsedDocument | undefined;
  private pending: TextChange[] = [];
  /** Characters inserted by the changes since the last check (for "large insertion" detection). */
  insertedSinceCheck = 0;
  result: CheckResult | undefined;
  /** The result last pushed to the client (to avoid publishing the same result twice). */
  published: CheckResult | undefined;
  /** Cancels the scheduled check (a debounce timer, or an immediate for a check without delay). */
  cancelScheduled: (() => void) | undefined;

  constructor(public doc: TextDocument) {}

  get uri(): string {
    return this.doc.uri;
  }

  get version(): number {
    return this.doc.version;
  }

  /** Applies LSP content changes (incremental or full) in order. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change) {
        const start = this.doc.offsetAt(change.range.start);
        const end = this.doc.offsetAt(change.range.end);
        this.pending.push({ start, end, text: change.text });
        this.insertedSinceCheck += change.text.length;
        this.doc = TextDocument.update(this.doc, [change], version);
      } else {
        this.pending = [];
        this.parsed?.dispose();
        this.parsed = undefined;
        this.insertedSinceCheck += change.text.length;
        this.doc = TextDocument.update(this.doc, [change], version);
      }
    }
    this.doc = TextDocument.update(this.doc, [], version);
  }

  /** The parsed document for `lang`, brought up to date with the pending changes. */
  parsedFor(lang: LoadedLanguage): ParsedDocument {
    if (this.parsed && this.parsed.lang !== lang) {
      this.parsed.dispose();
      this.parsed = undefined;
    }
    if (!this.parsed) {
      this.parsed = ParsedDocument.create(lang, this.doc.getText());
      this.pending = [];
    } else if (this.pending.length) {
      this.parsed.applyChanges(this.pending);
      this.pending = [];
      if (this.parsed.text.length !== this.doc.getText().length) this.parsed.replaceText(this.doc.getText());
    }
    return this.parsed;
  }

  dispose(): void {
    this.cancelScheduled?.();
    this.parsed?.dispose();
    this.parsed = undefined;
  }
}

export class DocumentStore {
  private readonly docs = new Map<string, OpenDocument>();

  open(uri: string, languageId: string, version: number, text: string): OpenDocument {
    this.docs.get(uri)?.dispose();
    const d = new OpenDocument(TextDocument.create(uri, languageId, version, text));
    this.docs.set(uri, d);
    return d;
  }

  get(uri: string): OpenDocument | undefined {
    return this.docs.get(uri);
  }

  close(uri: string): void {
    this.docs.get(uri)?.dispose();
    this.docs.delete(uri);
  }

  all(): OpenDocument[] {
    return [...this.docs.values()];
  }
}
