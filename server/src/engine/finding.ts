/**
 * What a scan produces, independent of where it is shown: findings with ranges, severity, fixes
 * and suppressions; problems (a bad rule, an unparsable file) as values with a location. Paths are
 * added by the adapters; the engine only knows documents.
 */

/** Normalized severity; rules may say INFO/WARNING/ERROR (Semgrep) or LOW/MEDIUM/HIGH/CRITICAL. */
export type Level = 'info' | 'low' | 'medium' | 'high' | 'critical';

export const LEVELS: readonly Level[] = ['info', 'low', 'medium', 'high', 'critical'];

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

/** Maps a rule's `severity:` to a Level, or undefined when it is not a known severity. */
export function parseSeverity(text: string): Level | undefined {
  switch (text.toUpperCase()) {
    case 'INFO':
      return 'info';
    case 'LOW':
      return 'low';
    case 'WARNING':
    case 'MEDIUM':
      return 'medium';
    case 'ERROR':
    case 'HIGH':
      return 'high';
    case 'CRITICAL':
      return 'critical';
    default:
      return undefined;
  }
}

/** 0-based line and UTF-16 column, as LSP counts them. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface SourceRange {
  /** UTF-16 offsets into the document text. */
  readonly start: number;
  readonly end: number;
  readonly startPos: Position;
  readonly endPos: Position;
}

/** Replace [start, end) of the document with `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Suppression {
  readonly kind: 'moat-ignore' | 'nosemgrep';
  /** Why the finding is suppressed, as written after the ids; may be empty. */
  readonly reason: string;
  /** 0-based line of the suppression comment. */
  readonly line: number;
}

export interface Finding {
  readonly ruleId: string;
  readonly message: string;
  readonly level: Level;
  /** The severity as written in the rule (ERROR, HIGH…). */
  readonly severity: string;
  readonly range: SourceRange;
  /** The rule's `fix`/`fix-regex` applied to this finding, if any. */
  readonly fix?: TextEdit;
  /** What the fix does, for people (`Upgrade langchain to 0.2.5`); derived from the edit when absent. */
  readonly fixTitle?: string;
  readonly suppressed?: Suppression;
  /** The range is a secret value: no output may show it (snippets are masked). */
  readonly secret?: boolean;
}

/** Something that went wrong, with where: a rule file, a source file, a config. */
export interface Problem {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly file?: string;
  /** 1-based, when known. */
  readonly line?: number;
  readonly column?: number;
  readonly ruleId?: string;
  /** The rule key at fault (`pattern-inside`, `languages`…). */
  readonly key?: string;
}

/** What a rule says about itself, for reports (SARIF `tool.driver.rules`) and hovers. */
export interface RuleInfo {
  readonly id: string;
  readonly message: string;
  readonly level: Level;
  readonly severity: string;
  readonly languages: readonly string[];
  readonly metadata: Readonly<Record<string, unknown>>;
  /** Where the rule was loaded from, for messages. */
  readonly file?: string;
  readonly line?: number;
}
