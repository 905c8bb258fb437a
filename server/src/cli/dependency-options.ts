/**
 * The dependency-scanning options shared by `moat scan` and `moat check`: which advisory sources
 * to ask (bundled snapshot by default: offline, no account), the offline database, Snyk's org and
 * the API base URLs. The Snyk token only ever comes from SNYK_TOKEN. Turns them into an
 * AdvisorySetup; `.moat.yaml`'s `advisories:` section fills what the flags leave unset.
 */
import { ADVISORY_SOURCE_NAMES, AdvisorySourceName } from '../protocol/settings';
import type { AdvisorySetup } from '../sca/advisory-setup';
import { bundledAdvisoriesLocation } from '../scan/install-paths';

export const DEPENDENCY_OPTIONS = {
  dependencies: { type: 'boolean' },
  'no-dependencies': { type: 'boolean', default: false },
  advisories: { type: 'string' },
  'offline-db': { type: 'string' },
  'snyk-org': { type: 'string' },
  'snyk-url': { type: 'string' },
  'osv-url': { type: 'string' },
} as const;

export const DEPENDENCY_HELP = `      --dependencies      check manifests and lockfiles for vulnerable dependencies (default
                          when no --config is given)
      --no-dependencies   do not check them
      --advisories LIST   advisory sources, comma-separated: bundled (default; offline),
                          osv-offline, osv (API), snyk (API; needs SNYK_TOKEN and --snyk-org)
      --offline-db PATH   the osv-offline database (folder or zip of OSV records; default: the
                          one \`moat advisories import\` fills)
      --snyk-org ID       Snyk organization id      --snyk-url URL / --osv-url URL  API base URLs
`;

export interface DependencyFlags {
  readonly dependencies?: boolean;
  readonly 'no-dependencies'?: boolean;
  readonly advisories?: string;
  readonly 'offline-db'?: string;
  readonly 'snyk-org'?: string;
  readonly 'snyk-url'?: string;
  readonly 'osv-url'?: string;
}

/** Workspace-config defaults (`.moat.yaml` `advisories:`), when present. */
export interface AdvisoryDefaults {
  readonly sources?: readonly string[];
  readonly offlineDb?: string;
  readonly snykOrg?: string;
  readonly cacheHours?: number;
}

export type DependencySetup = { readonly enabled: false } | { readonly enabled: true; readonly setup: AdvisorySetup } | { readonly error: string };

export function dependencySetup(flags: DependencyFlags, defaults: AdvisoryDefaults = {}, env: NodeJS.ProcessEnv = process.env): DependencySetup {
  if (flags['no-dependencies']) return { enabled: false };
  const listed = flags.advisories !== undefined ? flags.advisories.split(',').map((s) => s.trim()).filter(Boolean) : defaults.sources ?? ['bundled'];
  const unknown = listed.filter((s) => !ADVISORY_SOURCE_NAMES.includes(s as AdvisorySourceName));
  if (unknown.length) return { error: `unknown advisory source ${unknown.map((u) => `"${u}"`).join(', ')} (known: ${ADVISORY_SOURCE_NAMES.join(', ')})` };
  return {
    enabled: true,
    setup: {
      sources: listed as AdvisorySourceName[],
      bundledLocation: bundledAdvisoriesLocation(),
      offlineDatabase: flags['offline-db'] ?? defaults.offlineDb,
      snykOrg: flags['snyk-org'] ?? defaults.snykOrg ?? env.SNYK_ORG_ID,
      snykToken: env.SNYK_TOKEN?.trim() || undefined,
      snykApiUrl: flags['snyk-url'] ?? env.SNYK_API,
      osvApiUrl: flags['osv-url'],
      cacheHours: defaults.cacheHours,
    },
  };
}
