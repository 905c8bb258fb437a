/**
 * The software-composition-analysis (SCA) model shared by its layers: manifest readers turn files
 * into Dependencies tied to their manifest text; version schemes decide whether a version is
 * affected; advisory sources (Snyk, OSV API, offline OSV database, the bundled snapshot) answer
 * with Advisories; the adapters (CLI, language server) turn both into findings. No I/O here.
 */
import type { Level, Problem, SourceRange } from '../engine/finding';

/** OSV ecosystem names, as written in OSV records and osv-scanner's offline layout. */
export type Ecosystem = 'npm' | 'PyPI' | 'Go' | 'Maven';

export const ECOSYSTEMS: readonly Ecosystem[] = ['npm', 'PyPI', 'Go', 'Maven'];

/** One dependency as a manifest or lockfile declares it. */
export interface Dependency {
  readonly ecosystem: Ecosystem;
  /**
   * npm: `name` or `@scope/name`; PyPI: normalized per PEP 503 (lowercase, runs of `-_.` → `-`);
   * Go: module path; Maven: `groupId:artifactId`.
   */
  readonly name: string;
  /** The exact version, when the manifest pins one or a lockfile resolves it. */
  readonly version?: string;
  /** The version spec as written in the manifest (`^1.2.3`, `>=0.1,<0.2`, `==1.0`, `v1.2.3`). */
  readonly spec?: string;
  /** Package URL (https://github.com/package-url/purl-spec) with the exact version when known. */
  readonly purl: string;
  /** Declared by the project itself (false: only pulled in by another dependency). */
  readonly direct: boolean;
  /** The file that declares it (as the caller named it). */
  readonly file: string;
  /** Where it is declared in that file: the whole entry (name and version) for diagnostics. */
  readonly range: SourceRange;
  /** Just the version spec text inside `range`, for upgrade edits; absent when none is written. */
  readonly specRange?: SourceRange;
  /** The lockfile that gave `version`, when it did not come from the manifest itself. */
  readonly lockfile?: string;
}

/** What reading one manifest gives: its dependencies, and located problems for what it could not read. */
export interface ManifestResult {
  readonly dependencies: Dependency[];
  readonly problems: Problem[];
}

/** CVSS as published with an advisory. */
export interface Cvss {
  /** `CVSS_V3`, `CVSS_V4`, `CVSS_V2`. */
  readonly type: string;
  /** The vector string (`CVSS:3.1/AV:N/...`). */
  readonly vector?: string;
  /** Base score, 0–10, when known. */
  readonly score?: number;
}

/** One known vulnerability affecting one dependency version, normalized from any source. */
export interface Advisory {
  /** Primary id (GHSA-…, PYSEC-…, SNYK-…, GO-…, CVE-…). */
  readonly id: string;
  /** Other ids for the same vulnerability (CVE, GHSA, SNYK…): used to merge sources. */
  readonly aliases: readonly string[];
  readonly title: string;
  readonly details?: string;
  readonly level: Level;
  readonly cvss?: Cvss;
  /** Affected ranges as text for people (`>=0.0.1, <0.0.325`). */
  readonly affected: string;
  /** Versions that fix it for this dependency (may be empty: no fix yet). */
  readonly fixed: readonly string[];
  readonly references: readonly string[];
  readonly cwes: readonly string[];
  readonly published?: string;
  /** Names of the sources that reported it (`snyk`, `osv`, `osv-offline`, `bundled`). */
  readonly sources: readonly string[];
}

/** OSV schema (https://ossf.github.io/osv-schema/), the parts Moat reads. */
export interface OsvRecord {
  readonly id: string;
  readonly modified: string;
  readonly published?: string;
  readonly withdrawn?: string;
  readonly aliases?: readonly string[];
  readonly summary?: string;
  readonly details?: string;
  readonly severity?: readonly { readonly type: string; readonly score: string }[];
  readonly affected?: readonly OsvAffected[];
  readonly references?: readonly { readonly type: string; readonly url: string }[];
  readonly database_specific?: Readonly<Record<string, unknown>>;
}

export interface OsvAffected {
  readonly package?: { readonly ecosystem: string; readonly name: string; readonly purl?: string };
  readonly ranges?: readonly OsvRange[];
  readonly versions?: readonly string[];
  readonly database_specific?: Readonly<Record<string, unknown>>;
  readonly ecosystem_specific?: Readonly<Record<string, unknown>>;
}

export interface OsvRange {
  readonly type: 'SEMVER' | 'ECOSYSTEM' | 'GIT' | string;
  readonly events: readonly OsvEvent[];
}

export interface OsvEvent {
  readonly introduced?: string;
  readonly fixed?: string;
  readonly last_affected?: string;
  readonly limit?: string;
}

/** A source failed; the others' results still count and this is shown as a warning. */
export class AdvisorySourceError extends Error {
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(`${source}: ${message}`);
    this.name = 'AdvisorySourceError';
  }
}

/** One advisory source behind the common interface. */
export interface AdvisorySource {
  /** Short name shown in messages and `Advisory.sources`: `snyk`, `osv`, `osv-offline`, `bundled`. */
  readonly name: string;
  /**
   * Advisories affecting each dependency that has an exact version, keyed by `dependencyKey`.
   * Dependencies without one are skipped. Throws AdvisorySourceError when the source fails.
   * Only package coordinates (ecosystem, name, version) may leave the machine.
   */
  lookup(dependencies: readonly Dependency[], signal?: AbortSignal): Promise<Map<string, Advisory[]>>;
}

/** The key sources answer by: one entry per ecosystem, name and exact version. */
export function dependencyKey(dep: Pick<Dependency, 'ecosystem' | 'name' | 'version'>): string {
  return `${dep.ecosystem}|${dep.name}|${dep.version ?? ''}`;
}

/** The dependencies that have an exact version, one per dependencyKey (first wins), by key. */
export function uniqueVersioned(dependencies: Iterable<Dependency>): Map<string, Dependency> {
  const unique = new Map<string, Dependency>();
  for (const dep of dependencies) if (dep.version && !unique.has(dependencyKey(dep))) unique.set(dependencyKey(dep), dep);
  return unique;
}
