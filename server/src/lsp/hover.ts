/**
 * Hover on a finding: the message, severity, rule id, CWE/OWASP classes and references from the
 * rule's metadata, as Markdown; for a vulnerable dependency also the advisory's ids, CVSS,
 * affected and fixed versions and sources.
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
  const lines: string[] = [...describeAdvisory(m.advisory)];
  const cwe = list(m.cwe);
  const owasp = [...list(m.owasp), ...list(m['owasp-llm'])];
  if (cwe.length) lines.push(`**CWE:** ${cwe.join('; ')}`);
  if (owasp.length) lines.push(`**OWASP:** ${owasp.join('; ')}`);
  const refs = list(m.references);
  if (refs.length) lines.push('**References:**', ...refs.map((r) => `- ${r}`));
  return lines;
}

function describeAdvisory(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const a = value as Record<string, unknown>;
  const lines: string[] = [];
  if (typeof a.details === 'string') lines.push(a.details, '');
  const aliases = list(a.aliases);
  if (aliases.length) lines.push(`**Also known as:** ${aliases.join(', ')}`);
  if (typeof a.cvss === 'string') lines.push(`**CVSS:** ${a.cvss}`);
  if (typeof a.affected === 'string' && a.affected) lines.push(`**Affected:** ${a.affected}`);
  const fixed = list(a.fixed);
  lines.push(`**Fixed in:** ${fixed.length ? fixed.join(', ') : 'no fixed version yet'}`);
  const sources = list(a.sources);
  if (sources.length) lines.push(`**Source:** ${sources.join(', ')}${typeof a.published === 'string' ? ` · published ${a.published.slice(0, 10)}` : ''}`);
  return lines;
}

export function hoverFor(doc: TextDocument, result: CheckResult, position: Position, infos: Pick<ReadonlyMap<string, RuleInfo>, 'get'>): Hover | null {
  const offset = doc.offsetAt(position);
  const hits = [...result.findings.values()].filter((f) => f.range.start <= offset && offset <= f.range.end);
  if (hits.length === 0) return null;
  const parts = hits.map((f) => {
    const info = infos.get(f.ruleId);
    return [`**Moat** · \`${f.ruleId}\` · ${f.severity.toUpperCase()}`, '', f.message, '', ...describeRule(info), ...(f.fix ? ['', '_A quick fix is available._'] : [])].join('\n');
  });
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') } };
}
