/**
 * What a secrets scan reports, and its conversion to engine Findings and RuleInfos. A
 * SecretFinding never holds the secret: only where it is (ranges), how long it is, its entropy and
 * a redacted preview of its first characters.
 */
import type { Finding, Level, RuleInfo, SourceRange } from '../engine/finding';
import { findSuppression } from '../engine/suppression';
import type { SecretRuleset } from './compile';

export interface SecretFinding {
  readonly ruleId: string;
  readonly description: string;
  readonly level: Level;
  readonly tags: readonly string[];
  /** The whole regex match. */
  readonly range: SourceRange;
  /** The secret itself (the rule's secret group). */
  readonly secretRange: SourceRange;
  /** First characters, an ellipsis and the length: `sk-p…(164 chars)`. */
  readonly redacted: string;
  /** Shannon entropy of the secret, bits per character, 2 decimals. */
  readonly entropy: number;
}

/**
 * `abcd…(N chars)`: at most 4 leading characters and never more than a third of the secret, so a
 * short secret is not half given away.
 */
export function redact(secret: string): string {
  const shown = Math.min(4, Math.floor(secret.length / 3));
  return `${secret.slice(0, shown)}…(${secret.length} chars)`;
}

/**
 * The engine Finding for a secret, ranged on the secret itself. Pass the document's lines to honour
 * `moat-ignore` / `nosemgrep` comments.
 */
export function toFinding(finding: SecretFinding, lines?: readonly string[]): Finding {
  const suppressed = lines ? findSuppression(lines, finding.secretRange.startPos.line, finding.ruleId) : undefined;
  return {
    ruleId: finding.ruleId,
    message: `${finding.description} (${finding.redacted}). Revoke or rotate it, and load it from the environment or a secret manager instead of the source.`,
    level: finding.level,
    severity: finding.level.toUpperCase(),
    range: finding.secretRange,
    ...(suppressed ? { suppressed } : {}),
  };
}

/** What each secrets rule says about itself, for SARIF `tool.driver.rules` and hovers. */
export function secretRuleInfos(ruleset: SecretRuleset): RuleInfo[] {
  return ruleset.rules.map(({ rule }) => ({
    id: rule.id,
    message: rule.description,
    level: rule.severity,
    severity: rule.severity.toUpperCase(),
    languages: [],
    metadata: { category: 'secrets', tags: [...rule.tags], cwe: 'CWE-798: Use of Hard-coded Credentials' },
  }));
}
