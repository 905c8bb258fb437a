/**
 * `.moat.yaml`, the workspace configuration: read, validated against
 * schemas/moat-config.schema.json with every error located (file, line, column, key), checked
 * beyond the schema (https packs pinned by sha256, version ranges, RE2 allowlist regexes,
 * advisory sources with what they need), and turned into a typed value. Pure: text in.
 */
import path from 'node:path';
import semver from 'semver';
import { AdvisoriesConfig, AdvisorySourceName, DEFAULT_ADVISORIES, parseDuration } from './advisories-config';
import type { RuleOverrideSpec } from './rule-overrides';
import { checkAllowlistRegexes, SecretsAllowlistSpec } from './secrets-config';
import { checkYamlAgainstSchema, LocatedProblem, YamlSchemaCheck } from './yaml-schema-check';

export const WORKSPACE_CONFIG_NAMES: readonly string[] = ['.moat.yaml', '.moat.yml'];

export interface PackRef {
  readonly source: string;
  /** Accepted pack versions (semver range). */
  readonly version?: string;
  readonly sha256?: string;
  /** Index in `packs:`, to locate problems. */
  readonly index: number;
}

export interface WorkspaceConfig {
  /** The config file, absolute. */
  readonly file: string;
  /** Its folder: relative paths in it are relative to this. */
  readonly dir: string;
  readonly packs: readonly PackRef[];
  readonly rules: RuleOverrideSpec;
  readonly exclude: readonly string[];
  readonly secrets: { readonly allowlist?: SecretsAllowlistSpec };
  readonly advisories: AdvisoriesConfig;
}

export interface ParsedWorkspaceConfig {
  readonly config: WorkspaceConfig | undefined;
  readonly problems: LocatedProblem[];
  /** Locates a path of the file, for problems found later (a pack that does not load). */
  readonly locate: YamlSchemaCheck['locate'];
}

interface RawConfig {
  packs?: Array<{ source: string; version?: string; sha256?: string }>;
  rules?: { disable?: string[]; severity?: Record<string, string> };
  exclude?: string[];
  secrets?: { allowlist?: SecretsAllowlistSpec };
  advisories?: { sources?: AdvisorySourceName[]; 'offline-db'?: string; snyk?: { org: string }; 'cache-ttl'?: string };
}

/** Parses `.moat.yaml` text. `file` is the absolute path (relative paths resolve from its folder); `shown` names it in problems. */
export function parseWorkspaceConfig(text: string, file: string, shown: string = file): ParsedWorkspaceConfig {
  const check = checkYamlAgainstSchema(text, shown, 'config');
  const locate = check.locate;
  if (check.problems.length > 0 || check.data === undefined) return { config: undefined, problems: check.problems, locate };
  const raw = check.data as RawConfig;
  const problems: LocatedProblem[] = [];
  const dir = path.dirname(path.resolve(file));

  const packs: PackRef[] = (raw.packs ?? []).map((p, index) => {
    if (/^https:\/\//i.test(p.source) && p.sha256 === undefined) {
      problems.push(locate(['packs', index, 'source'], 'key', 'an https:// pack must be pinned with `sha256` (printed by `moat pack build`)'));
    }
    if (p.version !== undefined && !semver.validRange(p.version)) problems.push(locate(['packs', index, 'version'], 'value', `\`${p.version}\` is not a semver range (like ^1.2.0)`));
    return { source: p.source, version: p.version, sha256: p.sha256, index };
  });

  checkAllowlistRegexes(raw.secrets?.allowlist, ['secrets', 'allowlist'], locate, problems);

  const adv = raw.advisories;
  const sources = adv?.sources ?? DEFAULT_ADVISORIES.sources;
  if (sources.includes('osv-offline') && adv?.['offline-db'] === undefined) {
    problems.push(locate(['advisories', 'sources', sources.indexOf('osv-offline')], 'value', '`osv-offline` needs `offline-db` (the folder or zip of OSV records)'));
  }
  if (sources.includes('snyk') && adv?.snyk === undefined) {
    problems.push(locate(['advisories', 'sources', sources.indexOf('snyk')], 'value', '`snyk` needs `snyk: {org: ORG-ID}` (the token comes from SNYK_TOKEN, never from this file)'));
  }
  const advisories: AdvisoriesConfig = {
    sources,
    offlineDb: adv?.['offline-db'] === undefined ? undefined : path.resolve(dir, adv['offline-db']),
    snykOrg: adv?.snyk?.org,
    cacheTtlMs: adv?.['cache-ttl'] === undefined ? DEFAULT_ADVISORIES.cacheTtlMs : (parseDuration(adv['cache-ttl']) ?? DEFAULT_ADVISORIES.cacheTtlMs),
  };

  if (problems.length > 0) return { config: undefined, problems, locate };
  return {
    config: {
      file: path.resolve(file),
      dir,
      packs,
      rules: { disable: raw.rules?.disable ?? [], severity: raw.rules?.severity ?? {} },
      exclude: raw.exclude ?? [],
      secrets: { allowlist: raw.secrets?.allowlist },
      advisories,
    },
    problems,
    locate,
  };
}

