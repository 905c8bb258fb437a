/**
 * Builds the AdvisoryService from what the user chose (settings, CLI flags, `.moat.yaml`): the
 * bundled snapshot (offline, default), an offline OSV database, the OSV API and Snyk (opt-in).
 * A source that cannot be used as configured (Snyk without a token or org) is left out with a
 * message saying what is missing; its absence never stops the others. Tokens come from the
 * caller (environment or SecretStorage), never from settings files, and are never echoed.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AdvisorySourceName } from '../protocol/settings';
import { defaultAdvisoryCacheDir } from './sources/advisory-import';
import { AdvisoryService } from './sources/advisory-service';
import { DiskCache } from './sources/disk-cache';
import { OsvApiSource } from './sources/osv-api-source';
import { BUNDLED_SOURCE, OSV_OFFLINE_SOURCE, OsvOfflineSource } from './sources/osv-offline-source';
import { SnykSource } from './sources/snyk-source';
import type { AdvisorySource } from './types';

export interface AdvisorySetup {
  readonly sources: readonly AdvisorySourceName[];
  /** The bundled snapshot (a folder or zip of OSV records). */
  readonly bundledLocation?: string;
  /** The osv-offline database; default: the folder `moat advisories import` fills. */
  readonly offlineDatabase?: string;
  readonly osvApiUrl?: string;
  readonly snykApiUrl?: string;
  readonly snykOrg?: string;
  /** From SNYK_TOKEN or SecretStorage. */
  readonly snykToken?: string;
  /** Where online answers are cached; default under the advisory cache dir. */
  readonly cacheDir?: string;
  readonly cacheHours?: number;
  /** Per-request timeout for online sources. */
  readonly timeoutMs?: number;
}

export interface AdvisoryServiceSetup {
  readonly service: AdvisoryService;
  /** Why a configured source was left out, one line each. */
  readonly notes: string[];
}

export function createAdvisoryService(setup: AdvisorySetup): AdvisoryServiceSetup {
  const sources: AdvisorySource[] = [];
  const notes: string[] = [];
  const cacheRoot = defaultAdvisoryCacheDir();
  for (const name of new Set(setup.sources)) {
    switch (name) {
      case 'bundled':
        if (setup.bundledLocation) sources.push(new OsvOfflineSource(BUNDLED_SOURCE, setup.bundledLocation));
        else notes.push('bundled: the bundled advisory snapshot is missing from this installation');
        break;
      case 'osv-offline': {
        const location = setup.offlineDatabase || cacheRoot;
        if (existsSync(location)) sources.push(new OsvOfflineSource(OSV_OFFLINE_SOURCE, location));
        else notes.push(`osv-offline: no database at ${location} (run \`moat advisories import PATH\` or set the offline database path)`);
        break;
      }
      case 'osv':
        sources.push(new OsvApiSource({ baseUrl: setup.osvApiUrl || undefined, timeoutMs: setup.timeoutMs }));
        break;
      case 'snyk':
        if (!setup.snykToken) notes.push('snyk: no token (set SNYK_TOKEN, or run "Moat: Set Snyk Token" in VS Code)');
        else if (!setup.snykOrg) notes.push('snyk: no organization id (set moat.snykOrg, --snyk-org or advisories.snyk.org in .moat.yaml)');
        else sources.push(new SnykSource({ token: setup.snykToken, orgId: setup.snykOrg, baseUrl: setup.snykApiUrl || undefined, timeoutMs: setup.timeoutMs }));
        break;
    }
  }
  const cacheHours = setup.cacheHours ?? 24;
  const cache = cacheHours > 0 ? new DiskCache(setup.cacheDir ?? path.join(cacheRoot, '..', 'advisory-answers')) : undefined;
  return { service: new AdvisoryService(sources, { cache, ttlMs: cacheHours * 3600_000 }), notes };
}
