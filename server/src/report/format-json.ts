/**
 * The machine-readable JSON report (`--json`). Its shape is a stable contract, described by the
 * `Json*` interfaces below and versioned by `version` (bumped on any incompatible change):
 *
 *   {
 *     "version": 1,
 *     "root": "/abs/scan/root",
 *     "results": [{
 *       "path": "src/app.ts",             // relative to root, forward slashes
 *       "ruleId": "js-eval",
 *       "severity": "ERROR",              // as written in the rule
 *       "level": "high",                  // normalized: info | low | medium | high | critical
 *       "message": "…",
 *       "start": { "line": 3, "col": 5, "offset": 40 },   // line/col 1-based, col in UTF-16 units;
 *       "end":   { "line": 3, "col": 17, "offset": 52 },  // offset 0-based UTF-16; end exclusive
 *       "fix": { "text": "…", "start": 40, "end": 52 },   // optional: replace [start, end) offsets
 *       "suppressed": { "kind": "moat-ignore", "reason": "…" }  // optional
 *     }],
 *     "errors":  [{ "severity": "error", "message": "…", "file"?, "line"?, "column"?, "ruleId"?, "key"? }],
 *     "skipped": [{ "path": "dist/app.min.js", "reason": "minified", "detail"?: "…" }],
 *     "stats": { "filesScanned": 40, "durationMs": 812, "findings": 12, "suppressed": 3 }
 *   }
 *
 * Results are sorted by path, then position. Suppressed findings are included, marked `suppressed`;
 * `stats.findings` counts the unsuppressed ones. Absent optional fields are omitted, never null.
 */

import type { Finding, Level, Position, Problem, Suppression } from '../engine/finding';
import { orderedFiles, type ScanReport, type SkipReason } from './report';

export const JSON_REPORT_VERSION = 1;

export interface JsonPoint {
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units. */
  readonly col: number;
  /** 0-based UTF-16 offset into the file. */
  readonly offset: number;
}

export interface JsonFix {
  readonly text: string;
  /** UTF-16 offsets of the replaced text, end exclusive. */
  readonly start: number;
  readonly end: number;
}

export interface JsonResult {
  readonly path: string;
  readonly ruleId: string;
  readonly severity: string;
  readonly level: Level;
  readonly message: string;
  readonly start: JsonPoint;
  readonly end: JsonPoint;
  readonly fix?: JsonFix;
  readonly suppressed?: { readonly kind: Suppression['kind']; readonly reason: string };
}

export interface JsonError {
  readonly severity: Problem['severity'];
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly ruleId?: string;
  readonly key?: string;
}

export interface JsonSkipped {
  readonly path: string;
  readonly reason: SkipReason;
  readonly detail?: string;
}

export interface JsonReport {
  readonly version: typeof JSON_REPORT_VERSION;
  readonly root: string;
  readonly results: readonly JsonResult[];
  readonly errors: readonly JsonError[];
  readonly skipped: readonly JsonSkipped[];
  readonly stats: {
    readonly filesScanned: number;
    readonly durationMs: number;
    readonly findings: number;
    readonly suppressed: number;
  };
}

export function formatJson(report: ScanReport): string {
  return JSON.stringify(toJsonReport(report), null, 2) + '\n';
}

export function toJsonReport(report: ScanReport): JsonReport {
  const results = orderedFiles(report).flatMap((file) => file.findings.map((finding) => toResult(file.path, finding)));
  const suppressed = results.filter((result) => result.suppressed !== undefined).length;
  return {
    version: JSON_REPORT_VERSION,
    root: report.root,
    results,
    errors: report.problems.map(toError),
    skipped: report.skipped.map((file) => ({ path: file.path, reason: file.reason, ...optional('detail', file.detail) })),
    stats: {
      filesScanned: report.stats.filesScanned,
      durationMs: Math.round(report.stats.durationMs),
      findings: results.length - suppressed,
      suppressed,
    },
  };
}

function toResult(path: string, finding: Finding): JsonResult {
  const { range, fix, suppressed } = finding;
  return {
    path,
    ruleId: finding.ruleId,
    severity: finding.severity,
    level: finding.level,
    message: finding.message,
    start: point(range.startPos, range.start),
    end: point(range.endPos, range.end),
    ...(fix === undefined ? {} : { fix: { text: fix.text, start: fix.start, end: fix.end } }),
    ...(suppressed === undefined ? {} : { suppressed: { kind: suppressed.kind, reason: suppressed.reason } }),
  };
}

function point(position: Position, offset: number): JsonPoint {
  return { line: position.line + 1, col: position.column + 1, offset };
}

function toError(problem: Problem): JsonError {
  return {
    severity: problem.severity,
    message: problem.message,
    ...optional('file', problem.file),
    ...optional('line', problem.line),
    ...optional('column', problem.column),
    ...optional('ruleId', problem.ruleId),
    ...optional('key', problem.key),
  };
}

/** `{ [key]: value }`, or nothing when value is undefined, for spreading into an object literal. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}
