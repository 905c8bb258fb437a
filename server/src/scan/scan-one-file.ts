/**
 * Reads and scans one file for a workspace scan (in the main thread or a worker): skip files no
 * rule can apply to without reading them, classify the bytes (binary, minified, too large), run
 * the engine, and keep the source lines only when there are findings (for snippets).
 */
import { scanFile } from '../engine/file-scan';
import type { Finding, Problem } from '../engine/finding';
import { languageForPath, TEXT_LANGUAGE_NAMES } from '../engine/languages';
import { languageIdsFor } from '../engine/rule-set';
import type { RuleDto } from '../engine/rule-model';
import type { RuleSet } from '../engine/rule-set';
import type { FileFindings, SkippedFile } from '../report/report';
import { readScanFileSync, WalkedFile } from './file-walk';

export type FileOutcome =
  | { readonly kind: 'scanned'; readonly file: FileFindings; readonly problems: Problem[]; readonly parsed: boolean }
  | { readonly kind: 'skipped'; readonly skipped: SkippedFile }
  | { readonly kind: 'ignored' };

/** Can any rule of the set apply to this path (by language)? */
export function rulesApply(rules: RuleSet, relative: string): boolean {
  if (rules.textOnly.length > 0 || rules.detectors.length > 0) return true;
  const spec = languageForPath(relative);
  return spec !== undefined && rules.forLanguage(spec.id) !== undefined;
}

/** The same question from the rules' data alone, without compiling them (no grammar is loaded). */
export function ruleTargets(dtos: readonly RuleDto[], anyText = false): { applies(relative: string): boolean } {
  const ids = new Set(dtos.flatMap((d) => d.languages.flatMap((name) => languageIdsFor(name))));
  const text = anyText || dtos.some((d) => d.languages.some((name) => TEXT_LANGUAGE_NAMES.includes(name.toLowerCase())));
  return {
    applies(relative: string): boolean {
      if (text) return true;
      const spec = languageForPath(relative);
      return spec !== undefined && ids.has(spec.id);
    },
  };
}

export function scanOneFile(rules: RuleSet, file: WalkedFile, maxFileBytes: number): FileOutcome {
  if (!rulesApply(rules, file.relative)) return { kind: 'ignored' };
  const content = readScanFileSync(file.path, maxFileBytes);
  if (!content.ok) return { kind: 'skipped', skipped: { path: file.relative, reason: content.reason, detail: content.detail } };
  const result = scanFile(rules, content.text, { path: file.relative });
  const lines = result.findings.length ? maskSecrets(content.text.split(/\r?\n/), result.findings) : undefined;
  return {
    kind: 'scanned',
    file: { path: file.relative, findings: result.findings, ...(lines ? { lines } : {}) },
    problems: result.problems,
    parsed: result.parsed,
  };
}

/** Source lines for snippets, with every secret value (suppressed ones too) replaced by `*`s. */
export function maskSecrets(lines: string[], findings: readonly Finding[]): string[] {
  for (const f of findings) {
    if (!f.secret) continue;
    for (let line = f.range.startPos.line; line <= f.range.endPos.line && line < lines.length; line++) {
      const from = line === f.range.startPos.line ? f.range.startPos.column : 0;
      const to = line === f.range.endPos.line ? f.range.endPos.column : lines[line].length;
      lines[line] = lines[line].slice(0, from) + '*'.repeat(Math.max(0, to - from)) + lines[line].slice(to);
    }
  }
  return lines;
}
