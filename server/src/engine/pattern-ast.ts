/**
 * The compiled form of one Semgrep pattern for one language: a small tree of pattern nodes that
 * the matcher walks against a SyntaxTree. Kind ids come from the language's KindTable, so a
 * compiled pattern belongs to exactly one loaded grammar.
 */

export type PNode =
  /**
   * `$X` (binds and unifies) or `$_` (anonymous: name is undefined). A typed metavariable
   * (`($X: T)`, `(T $X)`) has `type`: it matches only expressions declared with that type.
   */
  | { readonly t: 'mv'; readonly name: string | undefined; readonly type?: string }
  /** `...` — in a list: zero or more items; alone: any single node. */
  | { readonly t: 'ell' }
  /** `$...X` — like `...` and binds the sequence. */
  | { readonly t: 'ellmv'; readonly name: string }
  /** `<... P ...>` — P matches the node or any node inside it. */
  | { readonly t: 'deep'; readonly p: PNode }
  /** A string literal compared by content. */
  | { readonly t: 'str'; readonly m: StringMatcher }
  /** A token compared by kind and text. */
  | { readonly t: 'leaf'; readonly kind: number; readonly text: string; readonly named: boolean }
  /** An inner node: kind, then children by the kind's list mode. */
  | { readonly t: 'node'; readonly kind: number; readonly kids: readonly PNode[]; readonly mode: ListMode };

export type ListMode = 'ordered' | 'args' | 'unordered' | 'subset' | 'stmts';

export type StringMatcher =
  | { readonly kind: 'any' }
  | { readonly kind: 'exact'; readonly value: string }
  | { readonly kind: 'mv'; readonly name: string }
  | { readonly kind: 'regex'; readonly re: RegExp };

export interface CompiledPattern {
  /** The source text of the pattern, as written in the rule. */
  readonly source: string;
  /** A single node pattern, or a statement sequence. */
  readonly root: PNode;
  readonly sequence: readonly PNode[] | undefined;
  /** Kind ids this pattern can start at; undefined means any named node. */
  readonly startKinds: readonly number[] | undefined;
  /** Identifiers and string contents that every match must contain (for the prefilter). */
  readonly literals: readonly string[];
  /** Has typed metavariables: its matches depend on declarations elsewhere in the file. */
  readonly typed?: boolean;
}
