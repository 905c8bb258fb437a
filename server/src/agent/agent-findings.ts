/**
 * Findings as agents get them (from `moat check` and the MCP tools): compact, 1-based, actionable —
 * rule id, line, message, the masked source line, and either the rule's fix rendered as the fixed
 * lines or guidance for what to do instead. Built from the masked text, so no secret value appears.
 */
import type { Finding, Level, RuleInfo } from '../engine/finding';
import type { AgentScan } from './agent-scanner';

export interface AgentFix {
  /** The lines the fix rewrites (1-based, inclusive) in the original text… */
  readonly startLine: number;
  readonly endLine: number;
  /** …and what they read after the fix. */
  readonly replacement: string;
}

export interface AgentFinding {
  readonly ruleId: string;
  readonly level: Level;
  /** 1-based; columns in UTF-16 code units. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message: string;
  /** The finding's first source line, secrets masked. */
  readonly source: string;
  readonly fix?: AgentFix;
  /** What to do when the rule has no automatic fix. */
  readonly guidance?: string;
  readonly cwe?: readonly string[];
  readonly owasp?: readonly string[];
  readonly suppressed?: { readonly kind: string; readonly reason: string };
}

export function toAgentFindings(scan: AgentScan, info: (ruleId: string) => RuleInfo | undefined): AgentFinding[] {
  const lines = scan.masked.split(/\r?\n/);
  return scan.findings.map((f) => toAgentFinding(f, scan, lines, info(f.ruleId)));
}

function toAgentFinding(f: Finding, scan: AgentScan, lines: readonly string[], info: RuleInfo | undefined): AgentFinding {
  const { startPos, endPos } = f.range;
  const fix = f.fix ? renderFix(scan.masked, f.fix) : undefined;
  const guidance = fix ? undefined : guidanceFor(f.ruleId, f.secret === true, `${scan.path}:${startPos.line + 1}`, info);
  const cwe = metadataList(info, 'cwe');
  const owasp = [...metadataList(info, 'owasp'), ...metadataList(info, 'owasp-llm')];
  return {
    ruleId: f.ruleId,
    level: f.level,
    line: startPos.line + 1,
    column: startPos.column + 1,
    endLine: endPos.line + 1,
    endColumn: endPos.column + 1,
    message: f.message.trim(),
    source: (lines[startPos.line] ?? '').trim(),
    ...(fix ? { fix } : {}),
    ...(guidance ? { guidance } : {}),
    ...(cwe.length ? { cwe } : {}),
    ...(owasp.length ? { owasp } : {}),
    ...(f.suppressed ? { suppressed: { kind: f.suppressed.kind, reason: f.suppressed.reason } } : {}),
  };
}

/** The whole lines a fix touches, before (line numbers) and after (text). */
export function renderFix(text: string, fix: { readonly start: number; readonly end: number; readonly text: string }): AgentFix {
  const lineStart = text.lastIndexOf('\n', fix.start - 1) + 1;
  const nl = text.indexOf('\n', fix.end);
  const lineEnd = nl < 0 ? text.length : nl;
  const before = text.slice(lineStart, lineEnd);
  const after = text.slice(lineStart, fix.start) + fix.text + text.slice(fix.end, lineEnd);
  const startLine = countLines(text, lineStart) + 1;
  return { startLine, endLine: startLine + countLines(before, before.length), replacement: after.replace(/\r(?=\n|$)/g, '') };
}

function countLines(text: string, upTo: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < upTo; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** What to do for a finding without an automatic fix; `where` is `FILE:LINE`. */
export function guidanceFor(ruleId: string, secret: boolean, where: string, info: RuleInfo | undefined): string {
  if (secret) {
    return (
      `Do not commit this credential. Move it to HashiCorp Vault with \`moat vault move ${where}\` ` +
      '(MCP: move_secret_to_vault), or read it from an environment variable or secret manager; then rotate it.'
    );
  }
  const reference = metadataList(info, 'references')[0];
  return `No automatic fix: change the code as the message says${reference ? ` (see ${reference})` : ''}, or suppress it with a reason: \`moat-ignore: ${ruleId} <reason>\`.`;
}

export function metadataList(info: RuleInfo | undefined, key: string): string[] {
  const value = info?.metadata[key];
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
}
