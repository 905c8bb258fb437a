/**
 * Dependencies and the advisories that affect them → findings on the manifest line, plus the rule
 * infos that describe each advisory (hovers, SARIF rules). One finding per advisory and dependency;
 * each carries the upgrade to the nearest version that fixes every known advisory of that
 * dependency, written in the manifest's own spec style (`^`, `~=`, `==` kept).
 */
import type { Finding, RuleInfo, TextEdit } from '../engine/finding';
import { Advisory, Dependency, dependencyKey } from './types';
import { nearestFix, versionScheme } from './versions';

export interface DependencyFindings {
  readonly findings: Finding[];
  /** One per advisory id that produced a finding. */
  readonly infos: RuleInfo[];
}

/** Findings for the dependencies that have advisories in `byKey` (keyed by dependencyKey). */
export function dependencyFindings(dependencies: readonly Dependency[], byKey: ReadonlyMap<string, readonly Advisory[]>): DependencyFindings {
  const findings: Finding[] = [];
  const infos = new Map<string, RuleInfo>();
  for (const dep of dependencies) {
    const advisories = dep.version ? byKey.get(dependencyKey(dep)) : undefined;
    if (!advisories?.length || !dep.version) continue;
    const target = safeNearestFix(dep, advisories);
    const fix = target ? upgradeEdit(dep, target) : undefined;
    for (const advisory of advisories) {
      findings.push({
        ruleId: advisory.id,
        message: messageFor(dep, advisory, target, fix !== undefined),
        level: advisory.level,
        severity: advisory.level.toUpperCase(),
        range: dep.range,
        ...(fix ? { fix, fixTitle: `Upgrade ${dep.name} to ${target}` } : {}),
      });
      if (!infos.has(advisory.id)) infos.set(advisory.id, advisoryRuleInfo(advisory));
    }
  }
  return { findings, infos: [...infos.values()] };
}

function safeNearestFix(dep: Dependency, advisories: readonly Advisory[]): string | undefined {
  try {
    // Advisories without a fix cannot be upgraded away; the upgrade still fixes the others.
    const fixable = advisories.filter((a) => a.fixed.length > 0);
    return fixable.length ? nearestFix(dep.ecosystem, dep.version!, fixable.map((a) => a.fixed)) : undefined;
  } catch {
    return undefined;
  }
}

/** The manifest edit that upgrades `dep` to `target`, or undefined when its spec cannot be rewritten. */
function upgradeEdit(dep: Dependency, target: string): TextEdit | undefined {
  if (!dep.specRange || dep.spec === undefined) return undefined;
  try {
    const text = versionScheme(dep.ecosystem).upgradeSpec(dep.spec, target);
    return text === dep.spec ? undefined : { start: dep.specRange.start, end: dep.specRange.end, text };
  } catch {
    return undefined;
  }
}

function messageFor(dep: Dependency, advisory: Advisory, target: string | undefined, fixable: boolean): string {
  const ids = [advisory.id, ...advisory.aliases.filter((a) => a !== advisory.id && /^(CVE|GHSA)-/.test(a))].slice(0, 3).join(', ');
  const head = `${dep.name} ${dep.version} has a known vulnerability (${ids}): ${advisory.title.replace(/\.\s*$/, '')}.`;
  const fixedIn = advisory.fixed.length ? ` Fixed in ${advisory.fixed.join(', ')}.` : ' No fixed version is published yet.';
  let advice = '';
  if (advisory.fixed.length === 0) advice = target ? ` Upgrading to ${target} fixes this package's other known vulnerabilities.` : '';
  else if (target && fixable) advice = ` Upgrade to ${target}${dep.lockfile ? ` and refresh ${dep.lockfile}` : ''}.`;
  else if (target && !dep.direct) advice = ` It comes in through another dependency: upgrade the one that requires it, or pin ${dep.name} to ${target} or later (e.g. an override or constraint).`;
  else if (target) advice = ` Upgrade to ${target} or later.`;
  return head + fixedIn + advice;
}

/** What Moat knows about an advisory, in the shape reports and hovers read. */
export function advisoryRuleInfo(advisory: Advisory): RuleInfo {
  return {
    id: advisory.id,
    message: advisory.title,
    level: advisory.level,
    severity: advisory.level.toUpperCase(),
    languages: [],
    metadata: {
      category: 'dependency',
      cwe: [...advisory.cwes],
      references: [...advisory.references],
      advisory: {
        aliases: [...advisory.aliases],
        ...(advisory.cvss ? { cvss: [advisory.cvss.score?.toFixed(1), advisory.cvss.vector ?? advisory.cvss.type].filter(Boolean).join(' ') } : {}),
        affected: advisory.affected,
        fixed: [...advisory.fixed],
        sources: [...advisory.sources],
        ...(advisory.published ? { published: advisory.published } : {}),
        ...(advisory.details ? { details: advisory.details } : {}),
      },
    },
  };
}
