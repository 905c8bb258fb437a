/**
 * Package URLs (https://github.com/package-url/purl-spec) for the SCA ecosystems, and PEP 503
 * name normalization for PyPI.
 */
import type { Ecosystem } from '../types';

/** PEP 503: lowercase, and every run of `-`, `_`, `.` becomes one `-`. */
export function normalizePypiName(name: string): string {
  return name.trim().toLowerCase().replace(/[-_.]+/g, '-');
}

/** Percent-encodes one purl segment (`@`, `/`, `+`… are encoded; letters, digits and `.-_~` are not). */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `pkg:npm/%40scope/name@1.0.0`, `pkg:pypi/name@1.0`, `pkg:golang/github.com/a/b@v1.2.3`,
 * `pkg:maven/group/artifact@1.0`. The version is left out when unknown.
 */
export function purlFor(ecosystem: Ecosystem, name: string, version?: string): string {
  let path: string;
  switch (ecosystem) {
    case 'npm':
      path = `npm/${name.split('/').map(encodeSegment).join('/')}`;
      break;
    case 'PyPI':
      path = `pypi/${encodeSegment(normalizePypiName(name))}`;
      break;
    case 'Go':
      path = `golang/${name.split('/').map(encodeSegment).join('/')}`;
      break;
    case 'Maven': {
      const colon = name.indexOf(':');
      path =
        colon < 0
          ? `maven/${encodeSegment(name)}`
          : `maven/${encodeSegment(name.slice(0, colon))}/${encodeSegment(name.slice(colon + 1))}`;
      break;
    }
  }
  return version ? `pkg:${path}@${encodeSegment(version)}` : `pkg:${path}`;
}
