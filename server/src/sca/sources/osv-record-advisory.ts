/**
 * One OSV record, read for one dependency, as an Advisory: the title (summary, or the first line
 * of the details), the level (the database's severity, else the CVSS v3 base score computed from
 * the vector), the fixed versions and affected ranges of the entries for this package, references,
 * CWEs and aliases. Shared by the OSV API, offline and bundled sources.
 */
import { parseSeverity, type Level } from '../../engine/finding';
import type { Advisory, Cvss, Dependency, OsvAffected, OsvRange, OsvRecord } from '../types';
import { fixedVersionsFor, isAffected, versionScheme } from '../versions';
import { cvssScoreLevel, cvssV3BaseScore } from './cvss-v3-score';
import { normalizePackageName } from './package-name';

/** Level used when a record gives neither a severity nor a CVSS v3 vector. */
export const UNKNOWN_SEVERITY_LEVEL: Level = 'medium';

const TITLE_MAX = 200;

/** The record's `affected` entries about this dependency's package (same ecosystem, same normalized name). */
export function entriesForPackage(record: OsvRecord, dep: Pick<Dependency, 'ecosystem' | 'name'>): OsvAffected[] {
  const wanted = normalizePackageName(dep.ecosystem, dep.name);
  return (record.affected ?? []).filter(
    (entry) => entry.package !== undefined && entry.package.ecosystem === dep.ecosystem && normalizePackageName(dep.ecosystem, entry.package.name) === wanted,
  );
}

/** Whether the record (not withdrawn) says this dependency's exact version is affected. */
export function recordAffects(record: OsvRecord, dep: Pick<Dependency, 'ecosystem' | 'name' | 'version'>): boolean {
  if (record.withdrawn || !dep.version) return false;
  const version = dep.version;
  return entriesForPackage(record, dep).some((entry) => {
    try {
      return isAffected(dep.ecosystem, version, entry);
    } catch {
      return false;
    }
  });
}

/** The Advisory this record gives for the dependency (the caller has decided that it applies). */
export function osvRecordToAdvisory(record: OsvRecord, dep: Pick<Dependency, 'ecosystem' | 'name' | 'version'>, source: string): Advisory {
  const entries = entriesForPackage(record, dep);
  const cvss = recordCvss(record);
  const level = databaseLevel(record, entries) ?? (cvss?.score !== undefined && cvss.type === 'CVSS_V3' ? cvssScoreLevel(cvss.score) : undefined) ?? UNKNOWN_SEVERITY_LEVEL;
  return {
    id: record.id,
    aliases: unique((record.aliases ?? []).filter((alias) => alias !== record.id)),
    title: recordTitle(record),
    ...(record.details ? { details: record.details } : {}),
    level,
    ...(cvss ? { cvss } : {}),
    affected: affectedText(entries),
    fixed: fixedVersions(dep, entries),
    references: unique((record.references ?? []).map((ref) => ref.url).filter((url) => url !== '')),
    cwes: cweIds(record),
    ...(record.published ? { published: record.published } : {}),
    sources: [source],
  };
}

function recordTitle(record: OsvRecord): string {
  const summary = record.summary?.trim();
  const firstLine = record.details
    ?.split('\n')
    .map((line) => line.replace(/^#+\s*/, '').trim())
    .find((line) => line !== '');
  const title = summary || firstLine || record.id;
  return title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title;
}

/** GitHub's `database_specific.severity` (LOW, MODERATE, HIGH, CRITICAL), on the record or an entry. */
function databaseLevel(record: OsvRecord, entries: readonly OsvAffected[]): Level | undefined {
  const candidates = [record.database_specific?.severity, ...entries.flatMap((e) => [e.database_specific?.severity, e.ecosystem_specific?.severity])];
  for (const value of candidates) {
    if (typeof value !== 'string') continue;
    const level = value.toUpperCase() === 'MODERATE' ? 'medium' : parseSeverity(value);
    if (level) return level;
  }
  return undefined;
}

/** The most useful CVSS entry: v3 (with its computed base score), else v4, else v2 (vector only). */
function recordCvss(record: OsvRecord): Cvss | undefined {
  const severities = record.severity ?? [];
  const v3 = severities.find((s) => s.type === 'CVSS_V3');
  if (v3) {
    const score = cvssV3BaseScore(v3.score);
    return score === undefined ? { type: 'CVSS_V3', vector: v3.score } : { type: 'CVSS_V3', vector: v3.score, score };
  }
  const other = severities.find((s) => s.type === 'CVSS_V4') ?? severities.find((s) => s.type === 'CVSS_V2');
  return other ? { type: other.type, vector: other.score } : undefined;
}

function fixedVersions(dep: Pick<Dependency, 'ecosystem' | 'version'>, entries: readonly OsvAffected[]): string[] {
  if (!dep.version) return [];
  const version = dep.version;
  const fixed = unique(
    entries.flatMap((entry) => {
      try {
        return fixedVersionsFor(dep.ecosystem, version, entry);
      } catch {
        return [];
      }
    }),
  );
  return sortVersions(dep.ecosystem, fixed);
}

/** Versions in ascending order for the ecosystem; left as given when the scheme cannot compare them. */
export function sortVersions(ecosystem: Dependency['ecosystem'], versions: readonly string[]): string[] {
  try {
    const scheme = versionScheme(ecosystem);
    return [...versions].sort((a, b) => scheme.compare(a, b));
  } catch {
    return [...versions];
  }
}

/** Ranges as people read them: `>=1.0.0, <1.2.5; >=2.0.0, <2.0.1`. */
export function affectedText(entries: readonly OsvAffected[]): string {
  const parts = unique(entries.flatMap((entry) => (entry.ranges ?? []).filter((r) => r.type !== 'GIT').flatMap(rangeIntervals)));
  if (parts.length) return parts.join('; ');
  const versions = unique(entries.flatMap((entry) => entry.versions ?? []));
  if (versions.length) return versions.length > 10 ? `${versions.slice(0, 10).join(', ')} and ${versions.length - 10} more` : versions.join(', ');
  return 'all versions';
}

function rangeIntervals(range: OsvRange): string[] {
  const out: string[] = [];
  let introduced: string | undefined;
  const lower = (): string[] => (introduced && introduced !== '0' ? [`>=${introduced}`] : []);
  for (const event of range.events) {
    if (event.introduced !== undefined) {
      if (introduced !== undefined) out.push(lower().join('') || 'all versions');
      introduced = event.introduced;
    } else if (event.fixed !== undefined || event.last_affected !== undefined || event.limit !== undefined) {
      const upper = event.fixed !== undefined ? `<${event.fixed}` : event.last_affected !== undefined ? `<=${event.last_affected}` : `<${event.limit}`;
      out.push([...lower(), upper].join(', '));
      introduced = undefined;
    }
  }
  if (introduced !== undefined) out.push(lower().join('') || 'all versions');
  return out;
}

function cweIds(record: OsvRecord): string[] {
  const ids = record.database_specific?.cwe_ids;
  return Array.isArray(ids) ? unique(ids.filter((id): id is string => typeof id === 'string')) : [];
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
