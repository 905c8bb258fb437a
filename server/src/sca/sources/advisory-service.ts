/**
 * Asks every configured advisory source about a set of dependencies, in parallel, and merges the
 * answers per dependency (same vulnerability across sources by id/alias → one Advisory). A source
 * that fails becomes a warning naming it while the others' results still count. Answers of
 * network sources are cached on disk for a TTL when a DiskCache is given.
 */
import { AdvisorySourceError, dependencyKey, type Advisory, type AdvisorySource, type Dependency, uniqueVersioned } from '../types';
import { createHash } from 'node:crypto';
import { mergeAdvisories } from './advisory-merge';
import type { DiskCache } from './disk-cache';
import type { ExtendedAdvisorySource } from './source-extras';

export const DEFAULT_ADVISORY_TTL_MS = 24 * 60 * 60 * 1000;

export interface AdvisoryServiceOptions {
  /** On-disk cache for the answers of network sources (`remote: true`). */
  readonly cache?: DiskCache;
  /** How long a cached answer is used, default 24 h. */
  readonly ttlMs?: number;
}

export interface AdvisoryLookupResult {
  /** Merged advisories per `dependencyKey`, for every dependency with an exact version (empty when none). */
  readonly byDependency: Map<string, Advisory[]>;
  /** One line per problem: a failing source (named), records skipped, the cache unwritable. */
  readonly warnings: string[];
  /** Names of the sources whose lookup failed (for metrics). */
  readonly failedSources: string[];
}

export class AdvisoryService {
  readonly #sources: readonly ExtendedAdvisorySource[];
  readonly #cache: DiskCache | undefined;
  readonly #ttlMs: number;

  constructor(sources: AdvisorySource[], options: AdvisoryServiceOptions = {}) {
    this.#sources = [...sources];
    this.#cache = options.cache;
    this.#ttlMs = options.ttlMs ?? DEFAULT_ADVISORY_TTL_MS;
  }

  get sourceNames(): string[] {
    return this.#sources.map((s) => s.name);
  }

  async lookup(dependencies: readonly Dependency[], signal?: AbortSignal): Promise<AdvisoryLookupResult> {
    const unique = uniqueVersioned(dependencies);
    const deps = [...unique.values()];
    const asked = await Promise.all(
      this.#sources.map(async (source) => {
        const warnings: string[] = [];
        const failed = { value: false };
        return { answers: await this.#ask(source, deps, warnings, signal, failed), warnings, failed: failed.value ? source.name : undefined };
      }),
    );
    const answers = asked.map((a) => a.answers);
    const warnings = asked.flatMap((a) => a.warnings); // in source order, whatever finished first
    const byDependency = new Map<string, Advisory[]>();
    for (const [key, dep] of unique) {
      byDependency.set(key, mergeAdvisories(dep.ecosystem, answers.map((answer) => answer.get(key) ?? [])));
    }
    return { byDependency, warnings, failedSources: asked.flatMap((a) => (a.failed ? [a.failed] : [])) };
  }

  /** One source's answers, from the cache where fresh; a failure is recorded as a warning and answers nothing. */
  async #ask(source: ExtendedAdvisorySource, deps: readonly Dependency[], warnings: string[], signal: AbortSignal | undefined, failed: { value: boolean }): Promise<Map<string, Advisory[]>> {
    const cache = source.remote ? this.#cache : undefined;
    const answers = new Map<string, Advisory[]>();
    let misses = deps;
    if (cache && deps.length) {
      const cached = await Promise.all(deps.map((dep) => cache.get(cacheName(source), dependencyKey(dep), this.#ttlMs)));
      misses = deps.filter((dep, i) => {
        const hit = cached[i];
        if (hit) answers.set(dependencyKey(dep), hit);
        return !hit;
      });
    }
    if (misses.length === 0) return answers;
    let fresh: Map<string, Advisory[]>;
    try {
      fresh = await source.lookup(misses, signal);
    } catch (error) {
      warnings.push(...this.#takeWarnings(source), sourceFailure(source.name, error));
      failed.value = true;
      return answers;
    }
    warnings.push(...this.#takeWarnings(source));
    for (const [key, advisories] of fresh) answers.set(key, advisories);
    if (cache) {
      const written = await Promise.allSettled(misses.filter((dep) => fresh.has(dependencyKey(dep))).map((dep) => cache.set(cacheName(source), dependencyKey(dep), fresh.get(dependencyKey(dep)) ?? [])));
      const failed = written.find((w): w is PromiseRejectedResult => w.status === 'rejected');
      if (failed) warnings.push(`advisory cache: cannot write to ${cache.dir} (${(failed.reason as NodeJS.ErrnoException).code ?? String(failed.reason)})`);
    }
    return answers;
  }

  #takeWarnings(source: ExtendedAdvisorySource): string[] {
    try {
      return source.takeWarnings?.() ?? [];
    } catch {
      return [];
    }
  }
}

/** The cache namespace of a source: its name, plus its scope (a Snyk org, an API host) when it has one. */
function cacheName(source: ExtendedAdvisorySource): string {
  return source.cacheScope ? `${source.name}-${createHash('sha256').update(source.cacheScope).digest('hex').slice(0, 16)}` : source.name;
}

function sourceFailure(name: string, error: unknown): string {
  if (error instanceof AdvisorySourceError) return error.message;
  return `${name}: failed unexpectedly (${error instanceof Error ? error.message : String(error)})`;
}
