/**
 * Conversions from Moat's values to LSP's: findings to diagnostics, problems to diagnostics in
 * rule files, levels to LSP severities, fixes to text edits. The only place that knows both.
 */
import { Diagnostic, DiagnosticSeverity, Range, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Level, Problem, RuleInfo } from '../engine/finding';
import type { DiagnosticData } from '../protocol/messages';

export function severityOf(level: Level): DiagnosticSeverity {
  switch (level) {
    case 'critical':
    case 'high':
      return DiagnosticSeverity.Error;
    case 'medium':
      return DiagnosticSeverity.Warning;
    case 'low':
      return DiagnosticSeverity.Information;
    case 'info':
      return DiagnosticSeverity.Hint;
  }
}

export function rangeOf(f: Finding): Range {
  return {
    start: { line: f.range.startPos.line, character: f.range.startPos.column },
    end: { line: f.range.endPos.line, character: f.range.endPos.column },
  };
}

/** A link for the rule: metadata `source`, `source-rule-url`, or the first reference. */
export function ruleHref(info: RuleInfo | undefined): string | undefined {
  const m = info?.metadata ?? {};
  const refs = Array.isArray(m.references) ? m.references : typeof m.references === 'string' ? [m.references] : [];
  const candidates = [m.source, m['source-rule-url'], m.shortlink, ...refs];
  return candidates.find((c): c is string => typeof c === 'string' && /^https?:\/\//.test(c));
}

export function toDiagnostic(f: Finding, info: RuleInfo | undefined, data: DiagnosticData): Diagnostic {
  const href = ruleHref(info);
  return {
    range: rangeOf(f),
    severity: severityOf(f.level),
    code: f.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: 'moat',
    message: f.message,
    data,
  };
}

export function problemToDiagnostic(p: Problem): Diagnostic {
  const line = Math.max(0, (p.line ?? 1) - 1);
  const character = Math.max(0, (p.column ?? 1) - 1);
  return {
    range: { start: { line, character }, end: { line, character: character + Math.max(1, p.key?.length ?? 1) } },
    severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: 'moat',
    ...(p.ruleId ? { code: p.ruleId } : {}),
    message: p.key ? `${p.key}: ${p.message}` : p.message,
  };
}

export function toTextEdit(doc: TextDocument, edit: { start: number; end: number; text: string }): TextEdit {
  return { range: { start: doc.positionAt(edit.start), end: doc.positionAt(edit.end) }, newText: edit.text };
}
