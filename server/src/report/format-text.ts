/**
 * The human-readable report for a terminal: each unsuppressed finding with its location, message and
 * the source line(s) underlined, then problems, skipped files and a one-line summary. ANSI colors
 * only when asked; control and bidi characters from sources and messages are made visible so a
 * scanned file cannot drive the terminal.
 */

import { LEVELS, type Finding, type Level, type Problem } from '../engine/finding';
import {
  coveredLines,
  lastCoveredLine,
  orderedFiles,
  type FileFindings,
  type ScanReport,
  type SkipReason,
  type SkippedFile,
} from './report';

export interface TextOptions {
  readonly color: boolean;
  /** List every skipped file, not only the counts per reason. */
  readonly verbose?: boolean;
}

const INDENT = '    ';
const TAB_WIDTH = 4;
/** Longer ranges show their first lines only. */
const MAX_SNIPPET_LINES = 5;

export function formatText(report: ScanReport, options: TextOptions): string {
  const paint = palette(options.color);
  const out: string[] = [];
  const files = orderedFiles(report);
  for (const file of files) {
    for (const finding of file.findings) {
      if (finding.suppressed === undefined) out.push(...findingBlock(file, finding, paint), '');
    }
  }
  out.push(...problemsSection(report.problems, paint));
  out.push(...skippedSection(report.skipped, options.verbose === true, paint));
  out.push(summaryLine(report, paint));
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Findings

function findingBlock(file: FileFindings, finding: Finding, paint: Palette): string[] {
  const { line, column } = finding.range.startPos;
  const location = `${clean(file.path)}:${line + 1}:${column + 1}`;
  const head = `${paint.bold(location)}  ${paint.level(finding.level, finding.level.toUpperCase())}  ${clean(finding.ruleId)}`;
  const block = [head, ...finding.message.split(/\r?\n/).map((text) => INDENT + clean(text))];
  const snippet = snippetLines(file, finding, paint);
  if (snippet.length > 0) block.push('', ...snippet);
  if (finding.fix !== undefined) block.push(INDENT + paint.green('fix available'));
  return block;
}

/** The covered source lines with a gutter and a caret underline, or nothing when lines are absent. */
function snippetLines(file: FileFindings, finding: Finding, paint: Palette): string[] {
  const lines = coveredLines(file, finding.range);
  if (lines === undefined) return [];
  const { startPos, endPos } = finding.range;
  const lastLine = lastCoveredLine(finding.range);
  const shown = lines.slice(0, MAX_SNIPPET_LINES);
  const width = String(startPos.line + shown.length).length;
  const out: string[] = [];
  shown.forEach((text, i) => {
    const lineNo = startPos.line + i;
    const from = lineNo === startPos.line ? startPos.column : firstNonBlank(text);
    const to = lineNo === endPos.line ? endPos.column : text.length;
    const gutter = paint.dim(`${String(lineNo + 1).padStart(width)} | `);
    out.push(INDENT + gutter + display(text));
    const blank = paint.dim(`${' '.repeat(width)} | `);
    out.push(INDENT + blank + paint.level(finding.level, underline(text, from, to)));
  });
  const hidden = lastLine - startPos.line + 1 - shown.length;
  if (hidden > 0) out.push(INDENT + paint.dim(`${' '.repeat(width)} | … ${hidden} more line${hidden === 1 ? '' : 's'}`));
  return out;
}

function firstNonBlank(text: string): number {
  const match = /\S/.exec(text);
  return match === null ? 0 : match.index;
}

/** Spaces up to `from` and carets to `to` (UTF-16 indices), in display columns; at least one caret. */
function underline(text: string, from: number, to: number): string {
  const start = Math.min(Math.max(from, 0), text.length);
  const end = Math.min(Math.max(to, start), text.length);
  const pad = displayWidth(text.slice(0, start));
  const carets = displayWidth(text.slice(0, end)) - pad;
  return ' '.repeat(pad) + '^'.repeat(Math.max(1, carets));
}

/** Width of text as `display` prints it: tabs to the next stop, one column per code point. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width = char === '\t' ? width + TAB_WIDTH - (width % TAB_WIDTH) : width + 1;
  return width;
}

/** A source line with tabs expanded (so carets line up) and unsafe characters made visible. */
function display(text: string): string {
  let out = '';
  let width = 0;
  for (const char of text) {
    const advance = char === '\t' ? TAB_WIDTH - (width % TAB_WIDTH) : 1;
    out += char === '\t' ? ' '.repeat(advance) : char;
    width += advance;
  }
  return clean(out);
}

/**
 * Replaces characters a terminal would act on, one for one so columns are kept: C0 controls and DEL
 * become their Control Pictures (␛ for ESC), C1 controls and bidi overrides/isolates become U+FFFD.
 */
export function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (char) => {
    const code = char.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return '\ufffd';
  });
}

// ---------------------------------------------------------------------------------------------
// Problems and skipped files

function problemsSection(problems: readonly Problem[], paint: Palette): string[] {
  if (problems.length === 0) return [];
  const out = [paint.bold('Problems:')];
  for (const problem of problems) {
    const label = problem.severity === 'error' ? paint.red('ERROR') : paint.yellow('WARNING');
    const what = problemSubject(problem);
    out.push(`  ${paint.bold(problemLocation(problem))}  ${label}${what === '' ? '' : '  ' + what}`);
    out.push(...problem.message.split(/\r?\n/).map((text) => '  ' + INDENT + clean(text)));
  }
  out.push('');
  return out;
}

/** `file:line:col`, as much of it as is known. */
function problemLocation(problem: Problem): string {
  const parts = [clean(problem.file ?? '<no file>')];
  if (problem.line !== undefined) parts.push(String(problem.line));
  if (problem.line !== undefined && problem.column !== undefined) parts.push(String(problem.column));
  return parts.join(':');
}

/** The rule id and the key at fault: `rule-id (pattern-inside)`. */
function problemSubject(problem: Problem): string {
  const key = problem.key === undefined ? '' : `(${clean(problem.key)})`;
  if (problem.ruleId === undefined) return key;
  return key === '' ? clean(problem.ruleId) : `${clean(problem.ruleId)} ${key}`;
}

const SKIP_LABELS: Readonly<Record<SkipReason, string>> = {
  binary: 'binary',
  minified: 'minified',
  'too-large': 'too large',
  unreadable: 'unreadable',
  'no-rules': 'no applicable rules',
};

function skippedSection(skipped: readonly SkippedFile[], verbose: boolean, paint: Palette): string[] {
  if (skipped.length === 0) return [];
  const counts = new Map<SkipReason, number>();
  for (const file of skipped) counts.set(file.reason, (counts.get(file.reason) ?? 0) + 1);
  const parts = [...counts].map(([reason, count]) => `${count} ${SKIP_LABELS[reason]}`);
  const out = [`${paint.bold('Skipped')} ${plural(skipped.length, 'file')}: ${parts.join(', ')}`];
  if (verbose) {
    for (const file of skipped) {
      const why = file.detail === undefined ? SKIP_LABELS[file.reason] : `${SKIP_LABELS[file.reason]}: ${file.detail}`;
      out.push(`  ${clean(file.path)}  ${paint.dim(`(${clean(why)})`)}`);
    }
  }
  out.push('');
  return out;
}

// ---------------------------------------------------------------------------------------------
// Summary

/** `12 findings (2 critical, 5 high) in 40 files, 3 suppressed (moat-ignore), 1 rule error`. */
function summaryLine(report: ScanReport, paint: Palette): string {
  const findings = report.files.flatMap((file) => file.findings);
  const active = findings.filter((finding) => finding.suppressed === undefined);
  const byLevel = [...LEVELS]
    .reverse()
    .map((level): [Level, number] => [level, active.filter((finding) => finding.level === level).length])
    .filter(([, count]) => count > 0)
    .map(([level, count]) => paint.level(level, `${count} ${level}`));
  let head = plural(active.length, 'finding');
  if (byLevel.length > 0) head += ` (${byLevel.join(', ')})`;
  const parts = [`${paint.bold(head)} in ${plural(report.stats.filesScanned, 'file')}`];
  const suppressed = suppressedSummary(findings);
  if (suppressed !== '') parts.push(suppressed);
  parts.push(...problemCounts(report.problems, paint));
  return parts.join(', ');
}

/** `3 suppressed (moat-ignore)` or `3 suppressed (2 moat-ignore, 1 nosemgrep)`; empty when none. */
function suppressedSummary(findings: readonly Finding[]): string {
  const kinds = new Map<string, number>();
  for (const finding of findings) {
    if (finding.suppressed !== undefined) kinds.set(finding.suppressed.kind, (kinds.get(finding.suppressed.kind) ?? 0) + 1);
  }
  if (kinds.size === 0) return '';
  const total = [...kinds.values()].reduce((sum, count) => sum + count, 0);
  const detail = kinds.size === 1 ? [...kinds.keys()][0] : [...kinds].map(([kind, count]) => `${count} ${kind}`).join(', ');
  return `${total} suppressed (${detail})`;
}

/** Rule errors (a problem naming a rule or rule key), other errors, warnings; only the non-zero. */
function problemCounts(problems: readonly Problem[], paint: Palette): string[] {
  const errors = problems.filter((problem) => problem.severity === 'error');
  const ruleErrors = errors.filter((problem) => problem.ruleId !== undefined || problem.key !== undefined).length;
  const otherErrors = errors.length - ruleErrors;
  const warnings = problems.length - errors.length;
  const out: string[] = [];
  if (ruleErrors > 0) out.push(paint.red(plural(ruleErrors, 'rule error')));
  if (otherErrors > 0) out.push(paint.red(plural(otherErrors, 'error')));
  if (warnings > 0) out.push(paint.yellow(plural(warnings, 'warning')));
  return out;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

// ---------------------------------------------------------------------------------------------
// Colors

type Style = (text: string) => string;

interface Palette {
  readonly bold: Style;
  readonly dim: Style;
  readonly red: Style;
  readonly yellow: Style;
  readonly green: Style;
  readonly level: (level: Level, text: string) => string;
}

function palette(color: boolean): Palette {
  const sgr =
    (open: string, close: string): Style =>
    (text) =>
      color ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  const bold = sgr('1', '22');
  const red = sgr('31', '39');
  const levels: Readonly<Record<Level, Style>> = {
    critical: (text) => bold(sgr('35', '39')(text)),
    high: red,
    medium: sgr('33', '39'),
    low: sgr('34', '39'),
    info: sgr('36', '39'),
  };
  return {
    bold,
    dim: sgr('2', '22'),
    red,
    yellow: sgr('33', '39'),
    green: sgr('32', '39'),
    level: (level, text) => levels[level](text),
  };
}
