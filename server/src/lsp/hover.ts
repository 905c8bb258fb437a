/**
 * Hover on a finding: the message, severity, rule id, CWE/OWASP classes and references from the
 * rule's metadata, as Markdown.
 */
import { Hover, MarkupKind, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RuleInfo } from '../engine/finding';
import type { CheckResult } from './document-store';

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

export function describeRule(info: RuleInfo | undefined): string[] {
  if (!info) return [];
  const m = info.metadata;
  const lines: string[] = [];
  const cwe = list(m.cwe);
  const owasp = [...list(m.owasp), ...list(m['owasp-llm'])];
  if (cwe.length) lines.push(`**CWE:** ${cwe.join('; ')}`);
  if (owasp.length) lines.push(`**OWASP:** ${owasp.join('; ')}`);
  const refs = list(m.references);
  if (refs.length) lines.push('**References:**', ...refs.map((r) => `- ${r}`));
  return lines;
}

export function hoverFor(doc: TextDocument, result: CheckResult, position: Position, infos: ReadonlyMap<string, RuleInfo>): Hover | null {
  const offset = doc.offsetAt(position);
  const hits = [...result.findings.values()].filter((f) => f.range.start <= offset && offset <= f.range.end);
  if (hits.length === 0) return null;
  const parts = hits.map((f) => {
    const info = infos.get(f.ruleId);
    return [`**Moat** · \`${f.ruleId}\` · ${f.severity.toUpperCase()}`, '', f.message, '', ...describeRule(info), ...(f.fix ? ['', '_A quick fix is available._'] : [])].join('\n');
  });
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') } };
}
