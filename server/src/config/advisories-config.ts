/**
 * The `advisories:` section of `.moat.yaml`, typed for the dependency checks: which advisory
 * sources to ask and in what order, the offline OSV database, the Snyk organization, and how long
 * fetched advisories are cached. Parsing only; the SCA layer decides what to do with it.
 */

import type { AdvisorySourceName } from '../protocol/settings';

export type { AdvisorySourceName };

export interface AdvisoriesConfig {
  /** In the order written; `['bundled']` when not configured. */
  readonly sources: readonly AdvisorySourceName[];
  /** Absolute path of the offline OSV database (folder or zip), when configured. */
  readonly offlineDb?: string;
  /** The Snyk organization id (the token never comes from the config). */
  readonly snykOrg?: string;
  /** Cache lifetime of fetched advisories, in milliseconds. */
  readonly cacheTtlMs: number;
}

export const DEFAULT_ADVISORY_CACHE_TTL_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_ADVISORIES: AdvisoriesConfig = { sources: ['bundled'], cacheTtlMs: DEFAULT_ADVISORY_CACHE_TTL_MS };

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `30m`, `12h`, `7d`… in milliseconds; undefined when not a duration. */
export function parseDuration(text: string): number | undefined {
  const m = /^([0-9]+)(ms|s|m|h|d|w)$/.exec(text.trim());
  return m ? Number(m[1]) * UNIT_MS[m[2]] : undefined;
}
