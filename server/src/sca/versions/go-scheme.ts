/**
 * Go module versions: semantic versions with a `v` prefix (`v1.2.3`, `v1.2.3-rc.1`), pseudo-versions
 * (`v0.0.0-20210101000000-abcdef123456`, `v1.2.4-0.20210101000000-abcdef123456`: pre-releases, so
 * they sort before the release they precede) and `+incompatible` (build metadata: ignored by the
 * order, so `v2.0.0+incompatible` sorts as v2.0.0). OSV's Go records drop the `v`; both forms are
 * read and compare equal. go.mod pins one exact version, so a spec is a version.
 */
import * as semver from 'semver';
import { VersionError, keepOuterWhitespace, type VersionScheme } from './version-scheme';

const IDENT = '(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)';
const GO_VERSION = new RegExp(
  `^v?(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)(?:-${IDENT}(?:\\.${IDENT})*)?(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?$`,
);

function parseGoVersion(text: string): semver.SemVer {
  const trimmed = text.trim();
  const parsed = GO_VERSION.test(trimmed) ? semver.parse(trimmed.replace(/^v/, '')) : null;
  if (!parsed) throw new VersionError('Go', text, 'not a Go module version (vMAJOR.MINOR.PATCH)');
  return parsed;
}

export const goScheme: VersionScheme = {
  ecosystem: 'Go',
  valid: (version) => GO_VERSION.test(version.trim()),
  compare: (a, b) => semver.compare(parseGoVersion(a), parseGoVersion(b)),
  satisfies: (version, spec) => semver.compare(parseGoVersion(version), parseGoVersion(spec)) === 0,
  exactVersion: (spec) => (GO_VERSION.test(spec.trim()) ? spec.trim() : undefined),
  upgradeSpec(spec, target) {
    parseGoVersion(spec);
    const t = target.trim();
    parseGoVersion(t);
    return keepOuterWhitespace(spec, (inner) => {
      let version = t.replace(/^v/, '');
      // A module without /vN in its path takes every version ≥ v2 as +incompatible.
      if (inner.endsWith('+incompatible') && !version.includes('+') && semver.major(version) >= 2) version += '+incompatible';
      return (inner.startsWith('v') ? 'v' : '') + version;
    });
  },
};
