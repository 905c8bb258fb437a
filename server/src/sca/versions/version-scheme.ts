/**
 * The contract every ecosystem's version scheme keeps (ordering, spec matching, pinned versions,
 * spec upgrades) and the one error they throw for text they cannot read.
 */
import type { Ecosystem } from '../types';

export interface VersionScheme {
  readonly ecosystem: Ecosystem;
  /** Whether `version` is a version of this scheme (surrounding whitespace ignored). */
  valid(version: string): boolean;
  /** Total order of valid versions; throws VersionError (with the bad text) on an invalid one. */
  compare(a: string, b: string): number;
  /**
   * Does the manifest's version spec admit this version? Follows the package manager's own rules,
   * including its pre-release rules (npm: a pre-release only matches a comparator on the same
   * major.minor.patch that names a pre-release; PyPI: only when a specifier names a pre-release).
   * Throws VersionError when the version or the spec cannot be read.
   */
  satisfies(version: string, spec: string): boolean;
  /** The exact version a spec pins, else undefined (also for a spec that cannot be read). */
  exactVersion(spec: string): string | undefined;
  /**
   * The spec rewritten, in the same style, so that it admits `target` and nothing older than it.
   * Keeps surrounding whitespace; throws VersionError when the spec or target cannot be read.
   */
  upgradeSpec(spec: string, target: string): string;
}

/** A version or version spec this scheme cannot read. `text` is the offending text. */
export class VersionError extends Error {
  constructor(
    readonly ecosystem: Ecosystem,
    readonly text: string,
    reason: string,
  ) {
    super(`${ecosystem}: ${reason}: ${JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text)}`);
    this.name = 'VersionError';
  }
}

/** Applies `rewrite` to the spec without its surrounding whitespace and puts that whitespace back. */
export function keepOuterWhitespace(spec: string, rewrite: (inner: string) => string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(spec)!;
  return match[1] + rewrite(match[2]) + match[3];
}
