/**
 * Version ordering and range evaluation for the dependency scanner: one VersionScheme per
 * ecosystem (npm, PyPI, Go, Maven) and OSV `affected[]` evaluation on top of them.
 */
export { VersionError, type VersionScheme } from './version-scheme';
export { versionScheme } from './version-schemes';
export { isAffected, fixedVersionsFor, nearestFix } from './osv-affected';
