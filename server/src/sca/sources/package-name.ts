/**
 * Package names compared the way each ecosystem compares them, so a dependency read from a
 * manifest finds the advisories filed under the same package: PyPI per PEP 503 (lowercase, runs of
 * `-`, `_`, `.` become one `-`); npm, Go and Maven names are compared as written.
 */

/** The comparable form of a package name in an OSV ecosystem (`PyPI`, `npm`, `Go`, `Maven`, …). */
export function normalizePackageName(ecosystem: string, name: string): string {
  return ecosystem === 'PyPI' ? name.toLowerCase().replace(/[-_.]+/g, '-') : name;
}

/** Index key for one package in one ecosystem. */
export function packageKey(ecosystem: string, name: string): string {
  return `${ecosystem}|${normalizePackageName(ecosystem, name)}`;
}
