/**
 * Rewrites an npm range so that it admits a target version and nothing older, in the range's own
 * style: `^1.2.3`→`^1.4.0`, `~1.2.3`→`~1.4.0`, `1.2.3`→`1.4.0`, `>=1.0.0 <2.0.0`→`>=1.4.0 <2.0.0`
 * (an upper bound is kept only when it still admits the target), `1.x`→`^1.4.0`.
 */
import * as semver from 'semver';
import { VersionError, keepOuterWhitespace } from './version-scheme';

const LOOSE = { loose: true } as const;
const LOOSE_WITH_PRERELEASES = { loose: true, includePrerelease: true } as const;

interface Comparator {
  readonly op: string;
  readonly gap: string;
  readonly version: string;
}

export function upgradeNpmSpec(spec: string, target: semver.SemVer): string {
  return keepOuterWhitespace(spec, (inner) => {
    if (semver.validRange(inner, LOOSE) === null) throw new VersionError('npm', spec, 'not a version range');
    const separator = /\s*\|\|\s*/.exec(inner)?.[0] ?? ' || ';
    const branches: string[] = [];
    for (const branch of inner.split(/\s*\|\|\s*/)) {
      const lowest = lowestOf(branch);
      const text = lowest && semver.gt(lowest, target) ? branch : rewriteBranch(branch, target);
      if (!branches.includes(text)) branches.push(text);
    }
    const result = branches.join(separator);
    return admitsFromTarget(result, target) ? result : `>=${target.version}`;
  });
}

function lowestOf(branch: string): semver.SemVer | null {
  try {
    return semver.minVersion(branch, LOOSE);
  } catch {
    return null;
  }
}

/** The result admits the target and nothing below it. */
function admitsFromTarget(range: string, target: semver.SemVer): boolean {
  if (semver.validRange(range, LOOSE) === null || !semver.satisfies(target, range, LOOSE)) return false;
  const lowest = lowestOf(range);
  return lowest !== null && semver.gte(lowest, target);
}

function rewriteBranch(branch: string, target: semver.SemVer): string {
  const t = target.version;
  const hyphen = /^(\S+)(\s+-\s+)(\S+)$/.exec(branch);
  if (hyphen) {
    const upperAdmits = new semver.Range(`0.0.0-0 - ${hyphen[3]}`, LOOSE_WITH_PRERELEASES).test(target);
    return upperAdmits ? t + hyphen[2] + hyphen[3] : `>=${t}`;
  }
  const comparators: Comparator[] = [];
  for (const m of branch.matchAll(/(~>|~|\^|>=|<=|>|<|=)?(\s*)([^\s~^<>=|]+)/g)) {
    comparators.push({ op: m[1] ?? '', gap: m[2], version: m[3] });
  }
  const lowers = comparators.filter((c) => c.op !== '<' && c.op !== '<=');
  const uppers = comparators.filter((c) => (c.op === '<' || c.op === '<=') && semver.satisfies(target, `${c.op}${c.version}`, LOOSE_WITH_PRERELEASES));
  const first = lowers[0];
  if (first && (first.op === '' || first.op === '=') && semver.valid(first.version, LOOSE) !== null) {
    // An exact version stays exact (with its `=` or `v` if it had them).
    return `${first.op}${first.gap}${/^v/i.test(first.version) ? first.version[0] : ''}${t}`;
  }
  return [first ? lowerFor(first, t) : `>=${t}`, ...uppers.map((c) => `${c.op}${c.gap}${c.version}`)].join(' ');
}

function lowerFor(c: Comparator, t: string): string {
  switch (c.op) {
    case '^':
    case '~':
    case '~>':
      return `${c.op}${c.gap}${t}`;
    case '>=':
    case '>':
      return `>=${c.gap}${t}`;
    default: {
      // An x-range: `*`, `1`, `1.x`, `1.2`, `1.2.x`.
      const parts = c.version.replace(/^v/i, '').split('.');
      let fixedParts = 0;
      while (fixedParts < parts.length && /^\d+$/.test(parts[fixedParts])) fixedParts++;
      if (fixedParts === 0) return `>=${t}`;
      return fixedParts === 1 ? `^${t}` : `~${t}`;
    }
  }
}
