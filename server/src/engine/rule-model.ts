/**
 * A rule as plain, serializable data (what rules/rule-yaml.ts reads from YAML), before it is
 * compiled for a language. Every part keeps the line and column it came from so that a compile
 * error can name the file, line, rule id and key.
 */

export interface Loc {
  /** 1-based. */
  readonly line: number;
  readonly column: number;
}

export type FormulaDto =
  | { readonly op: 'pattern'; readonly pattern: string; readonly loc: Loc; readonly key: string }
  | { readonly op: 'regex'; readonly regex: string; readonly loc: Loc; readonly key: string }
  | { readonly op: 'either'; readonly items: readonly FormulaDto[]; readonly loc: Loc }
  | { readonly op: 'all'; readonly items: readonly ConjunctDto[]; readonly loc: Loc };

export type ConjunctDto =
  | { readonly kind: 'positive'; readonly formula: FormulaDto }
  | { readonly kind: 'inside'; readonly formula: FormulaDto }
  | { readonly kind: 'not'; readonly formula: FormulaDto }
  | { readonly kind: 'not-inside'; readonly formula: FormulaDto }
  | { readonly kind: 'not-regex'; readonly regex: string; readonly loc: Loc }
  | { readonly kind: 'metavariable-regex'; readonly metavariable: string; readonly regex: string; readonly loc: Loc }
  | {
      readonly kind: 'metavariable-pattern';
      readonly metavariable: string;
      readonly language: string | undefined;
      readonly formula: FormulaDto;
      readonly loc: Loc;
    }
  | {
      readonly kind: 'metavariable-comparison';
      readonly metavariable: string | undefined;
      readonly comparison: string;
      readonly base: number | undefined;
      readonly strip: boolean;
      readonly loc: Loc;
    }
  | { readonly kind: 'focus'; readonly metavariables: readonly string[]; readonly loc: Loc };

export interface FixRegexDto {
  readonly regex: string;
  readonly replacement: string;
  readonly count: number | undefined;
  readonly loc: Loc;
}

/** One entry of `pattern-sources`/`-sinks`/`-sanitizers`/`-propagators` in a `mode: taint` rule. */
export interface TaintSpecDto {
  readonly formula: FormulaDto;
  readonly loc: Loc;
  /** Sources, sinks, sanitizers: only the exact matched range counts (default false: anything inside it). */
  readonly exact: boolean;
  /** Sources and sanitizers: the matched l-value is tainted/cleaned for later code too; `only`: not the occurrence itself. */
  readonly bySideEffect: boolean | 'only';
  /** Sanitizers: ignored where they match exactly a source or a sink. */
  readonly notConflicting: boolean;
  /** Propagators: taint flows from the `from` metavariable into the `to` one. */
  readonly from: string | undefined;
  readonly to: string | undefined;
}

export interface TaintDto {
  readonly sources: readonly TaintSpecDto[];
  readonly sinks: readonly TaintSpecDto[];
  readonly sanitizers: readonly TaintSpecDto[];
  readonly propagators: readonly TaintSpecDto[];
}

export interface RuleDto {
  readonly id: string;
  readonly message: string;
  readonly severity: string;
  readonly languages: readonly string[];
  /** The search formula; undefined for a `mode: taint` rule. */
  readonly formula: FormulaDto | undefined;
  /** The taint specification of a `mode: taint` rule. */
  readonly taint: TaintDto | undefined;
  readonly fix: string | undefined;
  readonly fixRegex: FixRegexDto | undefined;
  readonly paths: { readonly include: readonly string[]; readonly exclude: readonly string[] };
  readonly metadata: Readonly<Record<string, unknown>>;
  /** Where the rule came from. */
  readonly file: string;
  readonly loc: Loc;
}
