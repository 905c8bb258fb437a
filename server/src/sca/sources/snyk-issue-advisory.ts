/**
 * One issue from Snyk's REST "List issues for a package" answer (JSON:API resource of type
 * `issue`) as an Advisory for the dependency it was asked for: title, effective severity, CVE/GHSA
 * ids from `problems` as aliases (CWE ids as CWEs), fixed versions from the coordinates' remedies
 * (`upgrade_package`, only those above the current version), affected ranges from their
 * representations, CVSS from `severities`, references from `slots`.
 */
import { parseSeverity, type Level } from '../../engine/finding';
import type { Advisory, Cvss, Dependency } from '../types';
import { versionScheme } from '../versions';
import { UNKNOWN_SEVERITY_LEVEL, sortVersions } from './osv-record-advisory';

export const SNYK_SOURCE = 'snyk';

/** Whether a JSON:API resource looks like a Snyk issue this reader understands. */
export function isSnykIssue(value: unknown): value is { id: string; attributes: Record<string, unknown> } {
  return isObject(value) && typeof value.id === 'string' && isObject(value.attributes);
}

export function snykIssueToAdvisory(issue: { id: string; attributes: Record<string, unknown> }, dep: Pick<Dependency, 'ecosystem' | 'version'>): Advisory {
  const a = issue.attributes;
  const id = typeof a.key === 'string' && a.key !== '' ? a.key : issue.id;
  const problems = objects(a.problems);
  const problemIds = problems.map((p) => p.id).filter((v): v is string => typeof v === 'string');
  const coordinates = objects(a.coordinates);
  const severities = objects(a.severities);
  const slots = isObject(a.slots) ? a.slots : {};
  const title = typeof a.title === 'string' && a.title.trim() !== '' ? a.title.trim() : id;
  const published = firstString(slots.publication_time, a.created_at);
  const cvss = snykCvss(severities);
  return {
    id,
    aliases: unique(problemIds.filter((p) => !/^CWE-/i.test(p) && p !== id)),
    title,
    ...(typeof a.description === 'string' && a.description !== '' ? { details: a.description } : {}),
    level: snykLevel(a.effective_severity_level, severities),
    ...(cvss ? { cvss } : {}),
    affected: unique(coordinates.flatMap((c) => objects(c.representations)).map((r) => r.resource_path).filter((p): p is string => typeof p === 'string' && p !== '')).join('; ') || 'see advisory',
    fixed: fixedVersions(dep, coordinates),
    references: unique([
      ...objects(slots.references).map((r) => r.url),
      ...problems.map((p) => p.url),
    ].filter((u): u is string => typeof u === 'string' && /^https?:\/\//.test(u))),
    cwes: unique(problemIds.filter((p) => /^CWE-/i.test(p))),
    ...(published ? { published } : {}),
    sources: [SNYK_SOURCE],
  };
}

function snykLevel(effective: unknown, severities: readonly Record<string, unknown>[]): Level {
  for (const value of [effective, ...severities.map((s) => s.level)]) {
    if (typeof value === 'string') {
      const level = parseSeverity(value);
      if (level) return level;
    }
  }
  return UNKNOWN_SEVERITY_LEVEL;
}

/** Snyk's own (primary) CVSS rating first, then any other with a vector. */
function snykCvss(severities: readonly Record<string, unknown>[]): Cvss | undefined {
  const ranked = [...severities].sort((x, y) => rank(y) - rank(x));
  for (const s of ranked) {
    const vector = typeof s.vector === 'string' ? s.vector : undefined;
    const score = typeof s.score === 'number' ? s.score : undefined;
    if (!vector && score === undefined) continue;
    const type = vector?.startsWith('CVSS:4') ? 'CVSS_V4' : vector?.startsWith('CVSS:3') ? 'CVSS_V3' : typeof s.version === 'string' && s.version.startsWith('4') ? 'CVSS_V4' : 'CVSS_V3';
    return { type, ...(vector ? { vector } : {}), ...(score !== undefined ? { score } : {}) };
  }
  return undefined;
}

function rank(s: Record<string, unknown>): number {
  return (s.type === 'primary' ? 2 : 0) + (s.source === 'Snyk' ? 1 : 0);
}

/** `upgrade_package: "5.4.0,6.4.0"` lists fixes for every affected line; keep those above the current version. */
function fixedVersions(dep: Pick<Dependency, 'ecosystem' | 'version'>, coordinates: readonly Record<string, unknown>[]): string[] {
  const all = unique(
    coordinates
      .flatMap((c) => objects(c.remedies))
      .map((r) => (isObject(r.details) ? r.details.upgrade_package : undefined))
      .filter((v): v is string => typeof v === 'string')
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v !== ''),
  );
  const current = dep.version;
  const above = current
    ? all.filter((v) => {
        try {
          return versionScheme(dep.ecosystem).compare(v, current) > 0;
        } catch {
          return true;
        }
      })
    : all;
  return sortVersions(dep.ecosystem, above);
}

function objects(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function firstString(...values: unknown[]): string | undefined {
  return values.find((v): v is string => typeof v === 'string' && v !== '');
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
