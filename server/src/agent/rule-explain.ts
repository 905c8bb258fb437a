/**
 * What an agent asks about a rule and a finding (MCP `explain_finding`, `fix_finding`): the
 * rule's message, risk, CWE/OWASP and references, and how to fix it — the rule's own fix applied
 * to the code when it has one (verified by scanning the result), guidance otherwise.
 */
import type { Finding } from '../engine/finding';
import { AgentFinding, AgentFix, guidanceFor, metadataList, renderFix, toAgentFindings } from './agent-findings';
import type { AgentScanner } from './agent-scanner';

export interface RuleExplanation {
  readonly ruleId: string;
  readonly level: string;
  readonly severity: string;
  readonly languages: readonly string[];
  /** The rule's message (its template: `$X` not filled in). */
  readonly message: string;
  readonly risk: string;
  readonly category?: string;
  readonly cwe: readonly string[];
  readonly owasp: readonly string[];
  readonly references: readonly string[];
  readonly fix: { readonly automatic: boolean; readonly guidance: string };
}

const SECRET_RISK =
  'Anyone who can read the source, its history, a fork, a build artifact or a log can use this credential until it is revoked; moving it out of the code does not undo a leak that already happened.';

export function explainRule(scanner: AgentScanner, ruleId: string): RuleExplanation | undefined {
  const info = scanner.ruleInfo(ruleId);
  if (!info) return undefined;
  const dto = scanner.ruleDto(ruleId);
  const meta = info.metadata;
  const category = typeof meta['category'] === 'string' ? meta['category'] : undefined;
  const secret = category === 'secrets';
  const rating = ['likelihood', 'impact', 'confidence'].filter((k) => typeof meta[k] === 'string').map((k) => `${k} ${String(meta[k]).toLowerCase()}`);
  const risk = secret ? SECRET_RISK : `${capitalize(info.level)} severity${rating.length ? ` (${rating.join(', ')})` : ''}. ${firstSentence(info.message)}`;
  const automatic = dto !== undefined && (dto.fix !== undefined || dto.fixRegex !== undefined);
  const guidance = automatic
    ? `The rule has an automatic fix${dto?.fix !== undefined ? ` (the match becomes \`${dto.fix.trim()}\`)` : ' (a regex replacement)'}: call fix_finding with the code, rule id and line, or apply it in the editor.`
    : secret
      ? guidanceFor(ruleId, true, 'FILE:LINE', info)
      : `No automatic fix. ${firstSentence(lastSentences(info.message))}`;
  return {
    ruleId,
    level: info.level,
    severity: info.severity,
    languages: info.languages,
    message: info.message.trim(),
    risk,
    ...(category ? { category } : {}),
    cwe: metadataList(info, 'cwe'),
    owasp: [...metadataList(info, 'owasp'), ...metadataList(info, 'owasp-llm')],
    references: metadataList(info, 'references'),
    fix: { automatic, guidance },
  };
}

/** Rule ids sharing the most words with `text` (for "did you mean"), closest first (prefix, then shortest), at most 5. */
export function similarRuleIds(scanner: AgentScanner, text: string): string[] {
  const words = text.toLowerCase().split(/[.\-_/]/).filter((p) => p.length >= 3);
  const scored = scanner.infos.map((i) => ({ id: i.id, score: words.filter((w) => i.id.toLowerCase().includes(w)).length }));
  const best = Math.max(0, ...scored.map((s) => s.score));
  const needle = text.toLowerCase();
  const closeness = (id: string) => (id.toLowerCase().startsWith(needle) ? 0 : 1) * 1000 + id.length;
  return best === 0 ? [] : scored.filter((s) => s.score === best).map((s) => s.id).sort((a, b) => closeness(a) - closeness(b)).slice(0, 5);
}

export type FixOutcome =
  | {
      readonly found: true;
      readonly finding: AgentFinding;
      /** The fix as the lines it rewrites (secrets masked). */
      readonly fix?: AgentFix;
      /** The whole code with the fix applied — omitted when the code holds a secret (never echoed). */
      readonly fixedCode?: string;
      /** Whether the rule no longer reports that line after the fix. */
      readonly resolved?: boolean;
      readonly guidance?: string;
    }
  | { readonly found: false; readonly message: string; readonly linesWithRule: readonly number[] };

/** Applies the rule's fix to the finding of `ruleId` on `line` (1-based) in `code`. */
export async function fixFinding(scanner: AgentScanner, code: string, file: string, ruleId: string, line: number): Promise<FixOutcome> {
  const scan = await scanner.scanText(code, file);
  const mine = scan.findings.filter((f) => f.ruleId === ruleId && !f.suppressed);
  const target = mine.find((f) => f.range.startPos.line + 1 <= line && line <= f.range.endPos.line + 1);
  if (!target) {
    return { found: false, message: `no ${ruleId} finding on line ${line}`, linesWithRule: mine.map((f) => f.range.startPos.line + 1) };
  }
  const finding = toAgentFindings({ ...scan, findings: [target] }, (id) => scanner.ruleInfo(id))[0];
  if (!target.fix) return { found: true, finding, guidance: finding.guidance ?? guidanceFor(ruleId, target.secret === true, `${scan.path}:${line}`, scanner.ruleInfo(ruleId)) };
  const fixed = code.slice(0, target.fix.start) + target.fix.text + code.slice(target.fix.end);
  const holdsSecret = scan.findings.some((f: Finding) => f.secret);
  const after = await scanner.scanText(fixed, file);
  const resolved = !after.findings.some((f) => f.ruleId === ruleId && !f.suppressed && f.range.startPos.line === target.range.startPos.line);
  return { found: true, finding, fix: renderFix(scan.masked, target.fix), ...(holdsSecret ? {} : { fixedCode: fixed }), resolved };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const m = /^(.+?[.!?])(\s|$)/.exec(flat);
  return m ? m[1] : flat;
}

/** The text after the first sentence (messages usually say what is wrong, then what to do). */
function lastSentences(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const first = firstSentence(flat);
  const rest = flat.slice(first.length).trim();
  const sentences = rest.split(/(?<=[.!?])\s+/).filter(Boolean);
  return sentences.length ? sentences[sentences.length - 1] : first;
}
