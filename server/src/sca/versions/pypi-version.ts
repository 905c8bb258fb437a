/**
 * PEP 440 versions on @renovatebot/pep440: parsing (normalized forms, `v` prefix, surrounding
 * whitespace as PEP 440 allows) and ordering (epochs, pre/post/dev releases, local versions).
 */
import { compare as pep440Compare, explain, type Pep440Version } from '@renovatebot/pep440';
import { VersionError } from './version-scheme';

export interface PyVersion {
  /** The version as written, without surrounding whitespace. */
  readonly raw: string;
  readonly info: Pep440Version;
}

export function tryParsePyVersion(text: string): PyVersion | undefined {
  const raw = text.trim();
  const info = explain(raw);
  return info ? { raw, info } : undefined;
}

export function parsePyVersion(text: string): PyVersion {
  const parsed = tryParsePyVersion(text);
  if (!parsed) throw new VersionError('PyPI', text, 'not a PEP 440 version');
  return parsed;
}

/** PEP 440 order (the library's sort key is the one `packaging` uses). */
export function comparePy(a: PyVersion, b: PyVersion): number {
  return Math.sign(pep440Compare(a.raw, b.raw));
}

/** The version without its local label (`1.0+cpu` → `1.0`). */
export function publicPart(v: PyVersion): PyVersion {
  return v.info.local ? parsePyVersion(v.info.public) : v;
}

/** Same epoch and release as `v`, nothing else (`1!2.0rc1.post3` → `1!2.0`). */
export function baseVersion(v: PyVersion): PyVersion {
  return parsePyVersion(v.info.base_version);
}
