/**
 * npm versions and ranges on the `semver` package, with npm's own options: loose parsing (a `v`
 * or `=` prefix, surrounding spaces) and npm's default pre-release rule for ranges.
 */
import * as semver from 'semver';
import { upgradeNpmSpec } from './npm-spec-upgrade';
import { VersionError, type VersionScheme } from './version-scheme';

const LOOSE = { loose: true } as const;

/** The version as semver reads it, or a VersionError naming the text. */
export function parseNpmVersion(text: string): semver.SemVer {
  const parsed = semver.parse(text.trim(), LOOSE);
  if (!parsed) throw new VersionError('npm', text, 'not a semantic version');
  return parsed;
}

/** The range as npm reads it (`||`, x-ranges, `^`, `~`, hyphen ranges), or a VersionError. */
export function parseNpmRange(spec: string): semver.Range {
  try {
    return new semver.Range(spec, LOOSE);
  } catch {
    throw new VersionError('npm', spec, 'not a version range');
  }
}

export const npmScheme: VersionScheme = {
  ecosystem: 'npm',
  valid: (version) => semver.valid(version.trim(), LOOSE) !== null,
  compare: (a, b) => semver.compare(parseNpmVersion(a), parseNpmVersion(b)),
  satisfies: (version, spec) => parseNpmRange(spec).test(parseNpmVersion(version)),
  exactVersion(spec) {
    const match = /^=?\s*(\S+)$/.exec(spec.trim());
    const parsed = match ? semver.parse(match[1], LOOSE) : null;
    return parsed ? parsed.version : undefined;
  },
  upgradeSpec: (spec, target) => upgradeNpmSpec(spec, parseNpmVersion(target)),
};
