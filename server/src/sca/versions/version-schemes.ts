/** The version scheme of each ecosystem Moat scans. */
import type { Ecosystem } from '../types';
import { goScheme } from './go-scheme';
import { mavenScheme } from './maven-scheme';
import { npmScheme } from './npm-scheme';
import { pypiScheme } from './pypi-scheme';
import type { VersionScheme } from './version-scheme';

const SCHEMES: Readonly<Record<Ecosystem, VersionScheme>> = { npm: npmScheme, PyPI: pypiScheme, Go: goScheme, Maven: mavenScheme };

export function versionScheme(ecosystem: Ecosystem): VersionScheme {
  const scheme = SCHEMES[ecosystem];
  if (!scheme) throw new Error(`no version scheme for ecosystem ${JSON.stringify(ecosystem)}`);
  return scheme;
}
