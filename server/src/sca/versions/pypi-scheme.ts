/** The PyPI version scheme: PEP 440 versions and specifier sets. */
import { parsePySpecifiers, pyAdmits } from './pypi-specifier';
import { upgradePySpec } from './pypi-spec-upgrade';
import { comparePy, parsePyVersion, tryParsePyVersion } from './pypi-version';
import { VersionError, type VersionScheme } from './version-scheme';

export const pypiScheme: VersionScheme = {
  ecosystem: 'PyPI',
  valid: (version) => tryParsePyVersion(version) !== undefined,
  compare: (a, b) => comparePy(parsePyVersion(a), parsePyVersion(b)),
  satisfies(version, spec) {
    const set = parsePySpecifiers(spec);
    const parsed = tryParsePyVersion(version);
    // A version outside PEP 440 can still match `===` (arbitrary equality) and nothing else.
    if (!parsed && !(set.clauses.length > 0 && set.clauses.every((c) => c.op === '==='))) {
      throw new VersionError('PyPI', version, 'not a PEP 440 version');
    }
    return pyAdmits(set, version, parsed);
  },
  exactVersion(spec) {
    try {
      const { clauses } = parsePySpecifiers(spec);
      const only = clauses.length === 1 ? clauses[0] : undefined;
      return only && (only.op === '===' || (only.op === '==' && !only.wildcard)) ? only.versionText : undefined;
    } catch {
      return undefined;
    }
  },
  upgradeSpec: (spec, target) => upgradePoetrySpec(spec, target) ?? upgradePySpec(spec, parsePyVersion(target)),
};

/**
 * Poetry's own constraint syntax in pyproject.toml (`^1.2`, `~1.2`, a bare `1.2.3` meaning exactly
 * that version): rewritten in the same style. Undefined when the spec is PEP 440.
 */
function upgradePoetrySpec(spec: string, target: string): string | undefined {
  parsePyVersion(target);
  const m = /^(\s*)(\^|~(?!=))?\s*(v?\d[\w.!+-]*)(\s*)$/.exec(spec);
  if (!m) return undefined;
  return `${m[1]}${m[2] ?? ''}${target}${m[4]}`;
}
