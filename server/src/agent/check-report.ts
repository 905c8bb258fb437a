/**
 * The output of `moat check`: text for people (and for Claude Code, which reads a blocked hook's
 * stderr), and a JSON document for agents. Both list each finding with rule id, line, message,
 * the masked source line and the fix (the fixed lines) or what to do instead.
 */
import type { Level, Problem } from '../engine/finding';
import { clean } from '../report/format-text';
import type { AgentFinding } from './agent-findings';

export const CHECK_JSON_VERSION = 1;

export interface CheckedFile {
  readonly path: string;
  readonly language: string;
  readonly findings: readonly AgentFinding[];
}

export interface CheckResult {
  readonly files: readonly CheckedFile[];
  readonly problems: readonly Problem[];
  readonly failOn: Level;
  /** Unsuppressed findings at or above `failOn`. */
  readonly blocking: number;
  readonly durationMs: number;
  readonly rules: number;
}

export function checkJson(result: CheckResult): string {
  return (
    JSON.stringify({
      version: CHECK_JSON_VERSION,
      blocked: result.blocking > 0,
      failOn: result.failOn,
      files: result.files,
      errors: result.problems.map((p) => ({ severity: p.severity, message: p.message, ...(p.file ? { file: p.file } : {}), ...(p.line ? { line: p.line } : {}), ...(p.ruleId ? { ruleId: p.ruleId } : {}), ...(p.key ? { key: p.key } : {}) })),
      stats: { findings: countActive(result), blocking: result.blocking, durationMs: Math.round(result.durationMs), rules: result.rules },
    }) + '\n'
  );
}

export function checkText(result: CheckResult, options: { readonly header?: boolean } = {}): string {
  const out: string[] = [];
  const active = countActive(result);
  if (options.header !== false) {
    const where = result.files.map((f) => f.path).join(', ');
    out.push(
      result.blocking > 0
        ? `Moat blocked this change: ${result.blocking} finding${result.blocking === 1 ? '' : 's'} at or above ${result.failOn} in ${where}. Fix ${result.blocking === 1 ? 'it' : 'them'} and write the file again.`
        : `Moat: ${active} finding${active === 1 ? '' : 's'} in ${where} (none at or above ${result.failOn}).`,
    );
  }
  for (const file of result.files) {
    for (const f of file.findings) {
      if (f.suppressed) continue;
      out.push('', `${clean(file.path)}:${f.line}:${f.column}  ${f.level.toUpperCase()}  ${clean(f.ruleId)}`);
      out.push(...f.message.split(/\r?\n/).map((l) => `    ${clean(l)}`));
      if (f.source) out.push(`    line ${f.line}: ${clean(f.source)}`);
      if (f.fix) {
        const lines = f.fix.replacement.split('\n');
        const span = f.fix.startLine === f.fix.endLine ? `line ${f.fix.startLine}` : `lines ${f.fix.startLine}-${f.fix.endLine}`;
        out.push(`    fix: replace ${span} with:`, ...lines.map((l) => `        ${clean(l)}`));
      } else if (f.guidance) {
        out.push(`    how to fix: ${clean(f.guidance)}`);
      }
    }
  }
  for (const p of result.problems) {
    const where = [p.file, p.line].filter((x) => x !== undefined).join(':');
    out.push('', `${p.severity === 'error' ? 'ERROR' : 'WARNING'}${where ? ` ${where}` : ''}${p.ruleId ? ` (${p.ruleId})` : ''}: ${clean(p.message)}`);
  }
  return out.join('\n') + '\n';
}

function countActive(result: CheckResult): number {
  return result.files.reduce((n, f) => n + f.findings.filter((x) => !x.suppressed).length, 0);
}
