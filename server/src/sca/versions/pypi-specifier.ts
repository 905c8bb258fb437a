/**
 * PEP 440 version specifiers (`>=1.0, <2`, `~=1.4.2`, `==1.*`, `!=1.5`, `===foo`), read and matched
 * as `packaging`'s SpecifierSet does. Our own evaluation on top of the library's parsing and order,
 * because @renovatebot/pep440 5.0.1's `satisfies` gets these wrong:
 * - `<V` / `>V` reject every version with V's release numbers (`1.0` vs `>1.0a1`, `1.0.post2` vs
 *   `>1.0.post1`, `1.0rc1` vs `<1.0rc2`, `2!1.0` vs `>1.0`); PEP 440 only excludes pre-releases of V
 *   (for `<`) and post-releases and local versions of V (for `>`);
 * - `==1.0.*` does not zero-pad the candidate (`1` must match);
 * - pre-releases are admitted per specifier instead of per set (`1.5b1` vs `>=1.0a1,<2.0`).
 */
import { comparePy, publicPart, baseVersion, tryParsePyVersion, type PyVersion } from './pypi-version';
import { VersionError } from './version-scheme';

export type PyOperator = '~=' | '==' | '!=' | '<=' | '>=' | '<' | '>' | '===';

export interface PySpecifier {
  readonly op: PyOperator;
  /** Whitespace written between the operator and the version. */
  readonly gap: string;
  /** The version as written (without `.*`). */
  readonly versionText: string;
  /** The parsed version; absent only for `===` with a non-PEP 440 string. */
  readonly version?: PyVersion;
  /** `==1.*` / `!=1.*` */
  readonly wildcard: boolean;
  /** The clause as written, trimmed. */
  readonly text: string;
}

export interface PySpecifierSet {
  readonly clauses: readonly PySpecifier[];
  /** The separator as written between the first two clauses (`,`, `, `), for rewriting. */
  readonly separator: string;
}

/** Reads a specifier set; an empty one admits every final release. Throws VersionError. */
export function parsePySpecifiers(spec: string): PySpecifierSet {
  const clauses = spec
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => parseClause(part, spec));
  return { clauses, separator: /\s*,\s*/.exec(spec.trim())?.[0] ?? ', ' };
}

function parseClause(text: string, spec: string): PySpecifier {
  const m = /^(===|~=|==|!=|<=|>=|<|>)(\s*)(\S+)$/.exec(text);
  if (!m || /[;,]/.test(m[3])) throw new VersionError('PyPI', spec, `not a PEP 440 specifier (${text})`);
  const op = m[1] as PyOperator;
  const gap = m[2];
  if (op === '===') return { op, gap, versionText: m[3], version: tryParsePyVersion(m[3]), wildcard: false, text };
  const wildcard = m[3].endsWith('.*');
  const versionText = wildcard ? m[3].slice(0, -2) : m[3];
  const version = tryParsePyVersion(versionText);
  const bad = (why: string) => new VersionError('PyPI', spec, `${why} (${text})`);
  if (!version) throw bad('not a PEP 440 version');
  const { info } = version;
  if (wildcard && op !== '==' && op !== '!=') throw bad('a wildcard is only allowed with == and !=');
  if (wildcard && (info.pre || info.is_postrelease || info.is_devrelease || info.local)) throw bad('a wildcard follows the release numbers only');
  if (info.local && op !== '==' && op !== '!=') throw bad('a local version is only allowed with == and !=');
  if (op === '~=' && info.release.length < 2) throw bad('~= needs at least two release numbers');
  return { op, gap, versionText, version, wildcard, text };
}

/** The set's own pre-release rule: admitted only when some specifier names a pre-release. */
export function setAllowsPrereleases(set: PySpecifierSet): boolean {
  return set.clauses.some((c) => c.op !== '!=' && c.version !== undefined && c.version.info.is_prerelease);
}

/**
 * Whether the set admits the candidate. `raw` is the candidate as written, for `===`; `version`
 * is absent when the candidate is not PEP 440 (then only `===` clauses can match).
 */
export function pyAdmits(set: PySpecifierSet, raw: string, version: PyVersion | undefined, allowPrereleases = setAllowsPrereleases(set)): boolean {
  if (version?.info.is_prerelease && !allowPrereleases) return false;
  return set.clauses.every((c) => clauseAdmits(c, raw.trim(), version));
}

export function clauseAdmits(c: PySpecifier, raw: string, v: PyVersion | undefined): boolean {
  if (c.op === '===') return raw.toLowerCase() === c.versionText.toLowerCase();
  const s = c.version;
  if (!v || !s) return false;
  switch (c.op) {
    case '==':
      return c.wildcard ? prefixMatches(v, s, s.info.release) : equalsForSpec(v, s);
    case '!=':
      return c.wildcard ? !prefixMatches(v, s, s.info.release) : !equalsForSpec(v, s);
    case '~=':
      return comparePy(publicPart(v), s) >= 0 && prefixMatches(v, s, s.info.release.slice(0, -1));
    case '<=':
      return comparePy(publicPart(v), s) <= 0;
    case '>=':
      return comparePy(publicPart(v), s) >= 0;
    case '<':
      if (comparePy(v, s) >= 0) return false;
      // <V does not admit a pre-release of V itself unless V is one.
      return s.info.is_prerelease || !v.info.is_prerelease || comparePy(baseVersion(v), baseVersion(s)) !== 0;
    case '>': {
      if (comparePy(v, s) <= 0) return false;
      const sameBase = comparePy(baseVersion(v), baseVersion(s)) === 0;
      // >V does not admit a post-release of V (unless V is one) nor a local version of V.
      if (sameBase && v.info.is_postrelease && !s.info.is_postrelease) return false;
      return !(sameBase && v.info.local);
    }
  }
}

/** `==X` ignores the candidate's local label unless X has one. */
function equalsForSpec(v: PyVersion, s: PyVersion): boolean {
  return comparePy(s.info.local ? v : publicPart(v), s) === 0;
}

/** Same epoch and the release starts with `prefix` (the candidate zero-padded). */
function prefixMatches(v: PyVersion, s: PyVersion, prefix: readonly number[]): boolean {
  if (v.info.epoch !== s.info.epoch) return false;
  return prefix.every((n, i) => (v.info.release[i] ?? 0) === n);
}
