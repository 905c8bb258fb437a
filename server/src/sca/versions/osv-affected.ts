/**
 * OSV `affected[]` evaluation (https://ossf.github.io/osv-schema/#evaluation): a version is
 * affected when the `versions` list names it or a SEMVER/ECOSYSTEM range includes it. A range is
 * walked in version order: `introduced` (`"0"` = before everything) opens it, `fixed` closes it at
 * that version, `last_affected` closes it after that version; `limit` events (`"*"` = infinity)
 * cap it. GIT ranges are ignored (they need the repository). ECOSYSTEM ranges use the
 * ecosystem's order; SEMVER ranges use semver precedence (no range syntax, so `introduced: 0,
 * fixed: 1.0.0` covers `1.0.0-rc.1`). A range with a version its order cannot read is skipped,
 * never thrown on; only the queried version must be valid.
 */
import * as semver from 'semver';
import type { Ecosystem, OsvAffected, OsvRange } from '../types';
import { VersionError } from './version-scheme';
import { versionScheme } from './version-schemes';

interface VersionOrder {
  valid(version: string): boolean;
  compare(a: string, b: string): number;
}

const stripV = (v: string) => v.trim().replace(/^v/, '');

/** SemVer 2.0 precedence, for SEMVER ranges of ecosystems whose own order is not semver. */
const SEMVER_ORDER: VersionOrder = {
  valid: (v) => semver.valid(stripV(v)) !== null,
  compare: (a, b) => semver.compare(stripV(a), stripV(b)),
};

type Kind = 'introduced' | 'last_affected' | 'fixed';
const KIND_RANK: Readonly<Record<Kind, number>> = { introduced: 0, last_affected: 1, fixed: 2 };

interface Walk {
  readonly events: readonly { readonly kind: Kind; readonly version: string }[];
  readonly limits: readonly string[];
}

function orderFor(ecosystem: Ecosystem, range: OsvRange): VersionOrder | undefined {
  if (range.type === 'ECOSYSTEM') return versionScheme(ecosystem);
  if (range.type === 'SEMVER') return ecosystem === 'npm' || ecosystem === 'Go' ? versionScheme(ecosystem) : SEMVER_ORDER;
  return undefined;
}

/** The range's events in walking order, or undefined when any version in it cannot be read. */
function walkOf(order: VersionOrder, range: OsvRange): Walk | undefined {
  const events: { kind: Kind; version: string }[] = [];
  const limits: string[] = [];
  for (const event of Array.isArray(range.events) ? range.events : []) {
    for (const kind of ['introduced', 'last_affected', 'fixed'] as const) {
      const version = event[kind];
      if (version === undefined) continue;
      if (typeof version !== 'string') return undefined;
      if (!(kind === 'introduced' && version === '0') && !order.valid(version)) return undefined;
      events.push({ kind, version });
    }
    if (event.limit !== undefined) {
      if (typeof event.limit !== 'string' || (!event.limit.includes('*') && !order.valid(event.limit))) return undefined;
      limits.push(event.limit);
    }
  }
  events.sort((a, b) => {
    if (a.version === '0' && a.kind === 'introduced') return b.version === '0' && b.kind === 'introduced' ? 0 : -1;
    if (b.version === '0' && b.kind === 'introduced') return 1;
    return order.compare(a.version, b.version) || KIND_RANK[a.kind] - KIND_RANK[b.kind];
  });
  return { events, limits };
}

function walkIncludes(order: VersionOrder, walk: Walk, version: string): boolean {
  if (walk.limits.length > 0 && !walk.limits.some((limit) => limit.includes('*') || order.compare(version, limit) < 0)) return false;
  let vulnerable = false;
  for (const event of walk.events) {
    if (event.kind === 'introduced') {
      if (event.version === '0' || order.compare(version, event.version) >= 0) vulnerable = true;
    } else if (event.kind === 'fixed') {
      if (order.compare(version, event.version) >= 0) vulnerable = false;
    } else if (order.compare(version, event.version) > 0) {
      vulnerable = false;
    }
  }
  return vulnerable;
}

/** The ranges that include `version`, each with the order it was evaluated in. */
function includingRanges(ecosystem: Ecosystem, version: string, affected: OsvAffected): { order: VersionOrder; walk: Walk }[] {
  const out: { order: VersionOrder; walk: Walk }[] = [];
  for (const range of Array.isArray(affected.ranges) ? affected.ranges : []) {
    const order = range && orderFor(ecosystem, range);
    if (!order || !order.valid(version)) continue;
    const walk = walkOf(order, range);
    if (walk && walkIncludes(order, walk, version)) out.push({ order, walk });
  }
  return out;
}

function requireValid(ecosystem: Ecosystem, version: string): void {
  if (!versionScheme(ecosystem).valid(version)) throw new VersionError(ecosystem, version, 'not a version');
}

/** Whether the OSV entry says `version` is affected. Throws VersionError only for `version` itself. */
export function isAffected(ecosystem: Ecosystem, version: string, affected: OsvAffected): boolean {
  requireValid(ecosystem, version);
  const scheme = versionScheme(ecosystem);
  const listed = (Array.isArray(affected.versions) ? affected.versions : []).some(
    (v) => typeof v === 'string' && (scheme.valid(v) ? scheme.compare(v, version) === 0 : v.trim() === version.trim()),
  );
  return listed || includingRanges(ecosystem, version, affected).length > 0;
}

/**
 * The `fixed` versions of the ranges that include `version`, those above `version` only,
 * ascending and without duplicates. Empty when no range includes it or none has a fix.
 */
export function fixedVersionsFor(ecosystem: Ecosystem, version: string, affected: OsvAffected): string[] {
  requireValid(ecosystem, version);
  const scheme = versionScheme(ecosystem);
  const fixed: string[] = [];
  for (const { order, walk } of includingRanges(ecosystem, version, affected)) {
    for (const event of walk.events) {
      if (event.kind !== 'fixed' || !scheme.valid(event.version) || order.compare(event.version, version) <= 0) continue;
      if (!fixed.some((f) => scheme.compare(f, event.version) === 0)) fixed.push(event.version);
    }
  }
  return fixed.sort((a, b) => scheme.compare(a, b));
}

/**
 * The nearest upgrade that fixes every advisory: for each list, the smallest fixed version above
 * `current`; the answer is the largest of those. Undefined when any list has none above `current`
 * (or there are no lists). Unreadable versions in the lists are ignored.
 */
export function nearestFix(ecosystem: Ecosystem, current: string, fixedLists: readonly (readonly string[])[]): string | undefined {
  requireValid(ecosystem, current);
  const scheme = versionScheme(ecosystem);
  let answer: string | undefined;
  for (const list of fixedLists) {
    let smallest: string | undefined;
    for (const candidate of list) {
      if (!scheme.valid(candidate) || scheme.compare(candidate, current) <= 0) continue;
      if (smallest === undefined || scheme.compare(candidate, smallest) < 0) smallest = candidate;
    }
    if (smallest === undefined) return undefined;
    if (answer === undefined || scheme.compare(smallest, answer) > 0) answer = smallest;
  }
  return answer;
}
