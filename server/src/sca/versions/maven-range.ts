/**
 * Maven dependency version requirements (https://maven.apache.org/pom.html, "Dependency Version
 * Requirement Specification"): a soft requirement `1.0`, an exact `[1.0]`, ranges `[1.0,2.0)`,
 * `(,1.0]`, `[1.5,)` and unions `(,1.0],[1.2,)`.
 */
import { compareMaven, isMavenVersionText, parseMavenVersion, type MavenVersion } from './maven-version';
import { VersionError } from './version-scheme';

export interface MavenBound {
  readonly text: string;
  readonly version: MavenVersion;
  readonly inclusive: boolean;
}

/** One interval; an absent bound is unbounded on that side. */
export interface MavenRestriction {
  readonly lower?: MavenBound;
  readonly upper?: MavenBound;
}

export type MavenSpec =
  | { readonly kind: 'soft'; readonly version: MavenVersion }
  | { readonly kind: 'ranges'; readonly restrictions: readonly MavenRestriction[]; readonly exact: boolean };

/** Reads a requirement; throws VersionError saying what is wrong. */
export function parseMavenSpec(spec: string): MavenSpec {
  const text = spec.trim();
  if (!/^[[(]/.test(text)) {
    if (!isMavenVersionText(text)) throw new VersionError('Maven', spec, 'not a Maven version or version range');
    return { kind: 'soft', version: parseMavenVersion(text) };
  }
  const restrictions: MavenRestriction[] = [];
  let exact = false;
  let rest = text;
  for (;;) {
    const m = /^([[(])([^\])[(]*)([\])])\s*/.exec(rest);
    if (!m) throw new VersionError('Maven', spec, 'unbalanced brackets in version range');
    const parts = m[2].split(',').map((p) => p.trim());
    if (parts.length === 1) {
      if (m[1] !== '[' || m[3] !== ']') throw new VersionError('Maven', spec, 'a single version must be written [version]');
      const bound = boundOf(parts[0], true, spec);
      restrictions.push({ lower: bound, upper: bound });
      exact = true;
    } else if (parts.length === 2) {
      const lower = parts[0] === '' ? undefined : boundOf(parts[0], m[1] === '[', spec);
      const upper = parts[1] === '' ? undefined : boundOf(parts[1], m[3] === ']', spec);
      if (lower && upper) {
        const order = compareMaven(lower.version, upper.version);
        if (order > 0 || (order === 0 && !(lower.inclusive && upper.inclusive))) throw new VersionError('Maven', spec, 'range lower bound is above its upper bound');
      }
      restrictions.push({ lower, upper });
    } else {
      throw new VersionError('Maven', spec, 'a range has at most two bounds');
    }
    rest = rest.slice(m[0].length);
    if (rest === '') break;
    if (!rest.startsWith(',')) throw new VersionError('Maven', spec, 'ranges must be separated by commas');
    rest = rest.slice(1).trimStart();
  }
  return { kind: 'ranges', restrictions, exact: exact && restrictions.length === 1 };
}

function boundOf(text: string, inclusive: boolean, spec: string): MavenBound {
  if (!isMavenVersionText(text)) throw new VersionError('Maven', spec, `not a Maven version: ${text}`);
  return { text, version: parseMavenVersion(text), inclusive };
}

export function restrictionContains(r: MavenRestriction, v: MavenVersion): boolean {
  return aboveLower(r, v) && belowUpper(r, v);
}

export function aboveLower(r: MavenRestriction, v: MavenVersion): boolean {
  if (!r.lower) return true;
  const order = compareMaven(v, r.lower.version);
  return order > 0 || (order === 0 && r.lower.inclusive);
}

export function belowUpper(r: MavenRestriction, v: MavenVersion): boolean {
  if (!r.upper) return true;
  const order = compareMaven(v, r.upper.version);
  return order < 0 || (order === 0 && r.upper.inclusive);
}
