/**
 * Merges the advisories several sources give for one dependency: two advisories are the same
 * vulnerability when their ids or aliases meet (transitively: a Snyk issue naming CVE-X, a GHSA
 * aliasing CVE-X and a PYSEC aliasing the GHSA are one). The merged advisory keeps the first
 * source's id, title and ranges, and takes the union of ids (as aliases), fixed versions,
 * references, CWEs and sources; the highest level wins.
 */
import { levelRank } from '../../engine/finding';
import type { Advisory, Ecosystem } from '../types';
import { sortVersions } from './osv-record-advisory';

/** `lists` in source priority order; the result sorted by level (highest first), then id. */
export function mergeAdvisories(ecosystem: Ecosystem, lists: readonly (readonly Advisory[])[]): Advisory[] {
  const all = lists.flat();
  const parent = all.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const owner = new Map<string, number>();
  all.forEach((advisory, i) => {
    for (const id of [advisory.id, ...advisory.aliases]) {
      const key = id.trim().toUpperCase();
      const seen = owner.get(key);
      if (seen === undefined) owner.set(key, i);
      else {
        const [a, b] = [find(seen), find(i)];
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  });
  const groups = new Map<number, Advisory[]>();
  all.forEach((advisory, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), advisory]);
  });
  return [...groups.values()]
    .map((group) => mergeGroup(ecosystem, group))
    .sort((a, b) => levelRank(b.level) - levelRank(a.level) || a.id.localeCompare(b.id));
}

function mergeGroup(ecosystem: Ecosystem, group: readonly Advisory[]): Advisory {
  const primary = group[0] as Advisory;
  if (group.length === 1) return primary;
  const id = primary.id;
  const titled = group.find((a) => a.title !== a.id) ?? primary;
  const details = group.find((a) => a.details)?.details;
  const cvss = group.find((a) => a.cvss?.score !== undefined)?.cvss ?? group.find((a) => a.cvss)?.cvss;
  const published = group.find((a) => a.published)?.published;
  return {
    id,
    aliases: union(group.flatMap((a) => [a.id, ...a.aliases])).filter((alias) => alias.toUpperCase() !== id.toUpperCase()),
    title: titled.title,
    ...(details ? { details } : {}),
    level: group.reduce((best, a) => (levelRank(a.level) > levelRank(best) ? a.level : best), primary.level),
    ...(cvss ? { cvss } : {}),
    affected: primary.affected,
    fixed: sortVersions(ecosystem, union(group.flatMap((a) => a.fixed))),
    references: union(group.flatMap((a) => a.references)),
    cwes: union(group.flatMap((a) => a.cwes)),
    ...(published ? { published } : {}),
    sources: union(group.flatMap((a) => a.sources)),
  };
}

/** Distinct values in first-seen order, comparing ids case-insensitively. */
function union(values: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const value of values) if (!seen.has(value.toUpperCase())) seen.set(value.toUpperCase(), value);
  return [...seen.values()];
}
