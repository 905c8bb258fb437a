/**
 * The scan report the output formatters (text, JSON, SARIF) take: findings grouped by file, the
 * rules that ran, problems, skipped files and timing. Paths are relative to the scan root.
 */

import type { Finding, Problem, RuleInfo, SourceRange } from '../engine/finding';

export interface FileFindings {
  /** Relative to the scan root, forward slashes. */
  readonly path: string;
  readonly findings: readonly Finding[];
  /** The file's source lines (without terminators), for snippets; may be absent. */
  readonly lines?: readonly string[];
}

export type SkipReason = 'binary' | 'minified' | 'too-large' | 'unreadable' | 'no-rules';

export interface SkippedFile {
  readonly path: string;
  readonly reason: SkipReason;
  readonly detail?: string;
}

export interface ScanStats {
  readonly filesScanned: number;
  readonly durationMs: number;
}

export interface ScanReport {
  /** The scan root (absolute path). */
  readonly root: string;
  readonly files: readonly FileFindings[];
  readonly rules: readonly RuleInfo[];
  readonly problems: readonly Problem[];
  readonly skipped: readonly SkippedFile[];
  readonly stats: ScanStats;
}

/** Code-unit order, so output does not depend on the locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** By start offset, then end offset, then rule id. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.range.start - b.range.start || a.range.end - b.range.end || comparePaths(a.ruleId, b.ruleId);
}

/** The report's files sorted by path, each with its findings in document order: formatters print in this order. */
export function orderedFiles(report: ScanReport): FileFindings[] {
  return [...report.files]
    .sort((a, b) => comparePaths(a.path, b.path))
    .map((file) => ({ ...file, findings: [...file.findings].sort(compareFindings) }));
}

/**
 * The source lines a range covers (a trailing '\r' removed), or undefined when the file's lines are
 * absent or do not reach the range. A range ending at column 0 of a line does not cover that line.
 */
export function coveredLines(file: FileFindings, range: SourceRange): string[] | undefined {
  const lines = file.lines;
  if (lines === undefined) return undefined;
  const first = range.startPos.line;
  const last = lastCoveredLine(range);
  if (first < 0 || last >= lines.length) return undefined;
  return lines.slice(first, last + 1).map((line) => line.replace(/\r$/, ''));
}

/** The 0-based line holding the range's last character (its start line when the range is empty). */
export function lastCoveredLine(range: SourceRange): number {
  const { startPos, endPos } = range;
  return endPos.line > startPos.line && endPos.column === 0 ? endPos.line - 1 : endPos.line;
}
