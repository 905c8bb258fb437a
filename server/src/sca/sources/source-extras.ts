/**
 * Optional capabilities an AdvisorySource may offer beyond the shared contract in ../types.ts,
 * read by the AdvisoryService: whether its answers come from the network (and so are worth caching
 * on disk), and warnings from its last lookup that did not make the whole source fail (a broken
 * record skipped, a package the service does not know).
 */
import type { AdvisorySource } from '../types';

export interface AdvisorySourceExtras {
  /** True when lookups ask a network service; the AdvisoryService caches those answers on disk. */
  readonly remote?: boolean;
  /** What else an answer depends on (a Snyk org, an API host): cached answers are kept apart per scope. */
  readonly cacheScope?: string;
  /** Warnings gathered since the last call, then forgotten. */
  takeWarnings?(): string[];
}

export type ExtendedAdvisorySource = AdvisorySource & AdvisorySourceExtras;
