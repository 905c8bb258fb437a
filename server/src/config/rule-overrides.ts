/**
 * Rule overrides (`.moat.yaml` `rules:` and a pack's `severity:`): ids or globs to disable, and
 * new severities by id or glob, the most specific glob winning. Applied to rule DTOs before they
 * are compiled (a disabled rule costs nothing) and to findings and rule infos afterwards (for the
 * detectors, such as the secrets detectors, that are not DTOs). Pure.
 */
import { Finding, Level, parseSeverity, RuleInfo } from '../engine/finding';
import type { RuleDto } from '../engine/rule-model';
import { RuleIdGlob, ruleIdGlob } from './rule-id-glob';

export interface RuleOverrideSpec {
  readonly disable?: readonly string[];
  /** id-or-glob → severity as written (HIGH, warning…). */
  readonly severity?: Readonly<Record<string, string>>;
}

export class RuleOverrides {
  private readonly disabled: RuleIdGlob[];
  private readonly severities: Array<{ glob: RuleIdGlob; severity: string; level: Level }>;

  constructor(spec: RuleOverrideSpec = {}) {
    this.disabled = (spec.disable ?? []).map(ruleIdGlob);
    this.severities = Object.entries(spec.severity ?? {})
      .map(([glob, severity]) => ({ glob: ruleIdGlob(glob), severity: severity.toUpperCase(), level: parseSeverity(severity) }))
      .filter((s): s is { glob: RuleIdGlob; severity: string; level: Level } => s.level !== undefined)
      .sort((a, b) => b.glob.specificity - a.glob.specificity);
  }

  get isEmpty(): boolean {
    return this.disabled.length === 0 && this.severities.length === 0;
  }

  isDisabled(id: string): boolean {
    return this.disabled.some((g) => g.matches(id));
  }

  /** The overriding severity for a rule id (most specific glob first), or undefined. */
  severityFor(id: string): { severity: string; level: Level } | undefined {
    const hit = this.severities.find((s) => s.glob.matches(id));
    return hit && { severity: hit.severity, level: hit.level };
  }

  /** Drops disabled rules and rewrites overridden severities. */
  applyToRules(rules: readonly RuleDto[]): RuleDto[] {
    if (this.isEmpty) return [...rules];
    return rules.filter((r) => !this.isDisabled(r.id)).map((r) => {
      const s = this.severityFor(r.id);
      return s ? { ...r, severity: s.severity } : r;
    });
  }

  applyToFindings(findings: readonly Finding[]): Finding[] {
    if (this.isEmpty) return [...findings];
    return findings.filter((f) => !this.isDisabled(f.ruleId)).map((f) => {
      const s = this.severityFor(f.ruleId);
      return s ? { ...f, level: s.level, severity: s.severity } : f;
    });
  }

  applyToInfos(infos: readonly RuleInfo[]): RuleInfo[] {
    if (this.isEmpty) return [...infos];
    return infos.filter((i) => !this.isDisabled(i.id)).map((i) => {
      const s = this.severityFor(i.id);
      return s ? { ...i, level: s.level, severity: s.severity } : i;
    });
  }
}
