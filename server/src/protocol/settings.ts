/**
 * Moat's settings, shared by the client and the server: the type, the defaults, and the schema
 * from which package.json's `contributes.configuration` is checked (test/unit/settings-schema.test.ts),
 * so the two cannot drift. The server pulls them per resource; none are kept in globals.
 */

export type SeverityThreshold = 'info' | 'low' | 'medium' | 'high' | 'critical';

export interface MoatSettings {
  /** Check files with Moat. */
  readonly enable: boolean;
  /** Extra rule files, folders or packs (workspace-relative or absolute), loaded besides the bundled packs. */
  readonly rulePaths: readonly string[];
  /** Load the bundled packs (moat/genai…). */
  readonly bundledRules: boolean;
  /** Findings below this severity are not shown. */
  readonly severityThreshold: SeverityThreshold;
  /** Milliseconds to wait after a keystroke before checking. */
  readonly debounceMs: number;
  /** An insertion at least this many characters long (a paste, an assistant's completion) is checked at once. */
  readonly largeChangeChars: number;
  /** Glob patterns (gitignore syntax, workspace-relative) of files not to check. */
  readonly exclude: readonly string[];
  /** Files larger than this many bytes are not checked. */
  readonly maxFileSize: number;
  /** Vault address for "Move secret to Vault" (empty: VAULT_ADDR). The token is never a setting. */
  readonly vaultAddress: string;
  /** Vault namespace (Enterprise/HCP), if any. */
  readonly vaultNamespace: string;
  /** The KV v2 mount secrets are moved to. */
  readonly vaultMount: string;
  /** AppRole role ID (not a secret); the secret ID lives in SecretStorage or VAULT_SECRET_ID. */
  readonly vaultRoleId: string;
  /** Check dependency manifests and lockfiles for known vulnerabilities. */
  readonly dependencies: boolean;
  /** Advisory sources, in order: bundled (offline snapshot), osv-offline, osv (API), snyk (API). */
  readonly advisorySources: readonly AdvisorySourceName[];
  /** An offline OSV database (folder or zip); empty: the one `moat advisories import` fills. */
  readonly offlineAdvisoryDatabase: string;
  /** Snyk organization ID for the Snyk source (the token is never a setting). */
  readonly snykOrg: string;
  readonly snykApiUrl: string;
  readonly osvApiUrl: string;
  /** Hours an online source's answer is reused from the disk cache. */
  readonly advisoryCacheHours: number;
}

export type AdvisorySourceName = 'bundled' | 'osv-offline' | 'osv' | 'snyk';

export const ADVISORY_SOURCE_NAMES: readonly AdvisorySourceName[] = ['bundled', 'osv-offline', 'osv', 'snyk'];

export const DEFAULT_SETTINGS: MoatSettings = {
  enable: true,
  rulePaths: [],
  bundledRules: true,
  severityThreshold: 'info',
  debounceMs: 150,
  largeChangeChars: 200,
  exclude: [],
  maxFileSize: 1_000_000,
  vaultAddress: '',
  vaultNamespace: '',
  vaultMount: 'secret',
  vaultRoleId: '',
  dependencies: true,
  advisorySources: ['bundled'],
  offlineAdvisoryDatabase: '',
  snykOrg: '',
  snykApiUrl: 'https://api.snyk.io',
  osvApiUrl: 'https://api.osv.dev',
  advisoryCacheHours: 24,
};

interface PropertySchema {
  readonly type: 'boolean' | 'string' | 'number' | 'array';
  readonly default: unknown;
  readonly description: string;
  readonly scope: 'resource' | 'window' | 'machine-overridable';
  readonly enum?: readonly string[];
  readonly items?: { readonly type: 'string'; readonly enum?: readonly string[] };
  readonly minimum?: number;
  readonly maximum?: number;
}

/** The `contributes.configuration.properties` Moat declares, keyed `moat.<name>`. */
export const SETTINGS_SCHEMA: Readonly<Record<`moat.${keyof MoatSettings}`, PropertySchema>> = {
  'moat.enable': { type: 'boolean', default: true, scope: 'resource', description: 'Check files with Moat.' },
  'moat.rulePaths': {
    type: 'array',
    items: { type: 'string' },
    default: [],
    scope: 'resource',
    description: 'Extra rule files, folders or packs (workspace-relative or absolute), loaded besides the bundled packs. Ignored in untrusted workspaces.',
  },
  'moat.bundledRules': { type: 'boolean', default: true, scope: 'resource', description: 'Load the bundled rule packs.' },
  'moat.severityThreshold': {
    type: 'string',
    enum: ['info', 'low', 'medium', 'high', 'critical'],
    default: 'info',
    scope: 'resource',
    description: 'Findings below this severity are not shown.',
  },
  'moat.debounceMs': { type: 'number', default: 150, minimum: 0, maximum: 5000, scope: 'resource', description: 'Milliseconds to wait after a keystroke before checking.' },
  'moat.largeChangeChars': {
    type: 'number',
    default: 200,
    minimum: 1,
    scope: 'resource',
    description: 'An insertion at least this long (a paste or an assistant completion) is checked at once, without waiting for the debounce.',
  },
  'moat.exclude': { type: 'array', items: { type: 'string' }, default: [], scope: 'resource', description: 'Glob patterns (gitignore syntax, workspace-relative) of files not to check.' },
  'moat.maxFileSize': { type: 'number', default: 1000000, minimum: 1, scope: 'resource', description: 'Files larger than this many bytes are not checked.' },
  'moat.vaultAddress': {
    type: 'string',
    default: '',
    scope: 'machine-overridable',
    description: 'HashiCorp Vault address for "Move secret to Vault" (empty: the VAULT_ADDR environment variable). The token comes from "Moat: Set Vault Token" (VS Code SecretStorage) or VAULT_TOKEN, never from settings.',
  },
  'moat.vaultNamespace': { type: 'string', default: '', scope: 'machine-overridable', description: 'Vault namespace (Vault Enterprise / HCP Vault), if any.' },
  'moat.vaultMount': { type: 'string', default: 'secret', scope: 'resource', description: 'The KV version 2 secrets engine mount that secrets are moved to.' },
  'moat.vaultRoleId': {
    type: 'string',
    default: '',
    scope: 'machine-overridable',
    description: 'AppRole role ID for Vault, used when no token is set. The secret ID comes from "Moat: Set Vault AppRole Secret ID" (SecretStorage) or VAULT_SECRET_ID.',
  },
  'moat.dependencies': { type: 'boolean', default: true, scope: 'resource', description: 'Check dependency manifests and lockfiles (package.json, requirements.txt, pyproject.toml, go.mod, pom.xml…) for known vulnerabilities.' },
  'moat.advisorySources': {
    type: 'array',
    items: { type: 'string', enum: ['bundled', 'osv-offline', 'osv', 'snyk'] },
    default: ['bundled'],
    scope: 'machine-overridable',
    description: 'Where vulnerability advisories come from: bundled (offline snapshot shipped with Moat), osv-offline (an OSV database on disk), osv (the OSV API; package names and versions are sent), snyk (the Snyk API; needs "Moat: Set Snyk Token" or SNYK_TOKEN, and moat.snykOrg). Online sources are opt-in.',
  },
  'moat.offlineAdvisoryDatabase': {
    type: 'string',
    default: '',
    scope: 'machine-overridable',
    description: 'An offline OSV database for the osv-offline source: a folder or zip of OSV JSON records (osv-scanner\'s layout works). Empty: the one `moat advisories import` fills.',
  },
  'moat.snykOrg': { type: 'string', default: '', scope: 'machine-overridable', description: 'Snyk organization ID for the snyk advisory source. The token comes from "Moat: Set Snyk Token" (SecretStorage) or SNYK_TOKEN, never from settings.' },
  'moat.snykApiUrl': { type: 'string', default: 'https://api.snyk.io', scope: 'machine-overridable', description: 'Snyk REST API base URL (regional or proxied instances).' },
  'moat.osvApiUrl': { type: 'string', default: 'https://api.osv.dev', scope: 'machine-overridable', description: 'OSV API base URL (a mirror or proxy).' },
  'moat.advisoryCacheHours': { type: 'number', default: 24, minimum: 0, scope: 'machine-overridable', description: 'Hours an online advisory source\'s answer is reused from the disk cache.' },
};

/** Settings from a raw `moat` configuration section: unknown or mistyped values fall back to defaults. */
export function settingsFrom(raw: unknown): MoatSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const bool = (k: keyof MoatSettings, d: boolean) => (typeof r[k] === 'boolean' ? (r[k] as boolean) : d);
  const num = (k: keyof MoatSettings, d: number) => (typeof r[k] === 'number' && Number.isFinite(r[k]) && (r[k] as number) >= 0 ? (r[k] as number) : d);
  const strings = (k: keyof MoatSettings) => (Array.isArray(r[k]) ? (r[k] as unknown[]).filter((x): x is string => typeof x === 'string') : []);
  const str = (k: keyof MoatSettings, d: string) => (typeof r[k] === 'string' ? (r[k] as string).trim() : d);
  const level = r.severityThreshold;
  return {
    enable: bool('enable', DEFAULT_SETTINGS.enable),
    rulePaths: strings('rulePaths'),
    bundledRules: bool('bundledRules', DEFAULT_SETTINGS.bundledRules),
    severityThreshold: ['info', 'low', 'medium', 'high', 'critical'].includes(level as string) ? (level as SeverityThreshold) : DEFAULT_SETTINGS.severityThreshold,
    debounceMs: num('debounceMs', DEFAULT_SETTINGS.debounceMs),
    largeChangeChars: num('largeChangeChars', DEFAULT_SETTINGS.largeChangeChars),
    exclude: strings('exclude'),
    maxFileSize: num('maxFileSize', DEFAULT_SETTINGS.maxFileSize),
    vaultAddress: typeof r.vaultAddress === 'string' ? r.vaultAddress : DEFAULT_SETTINGS.vaultAddress,
    vaultNamespace: typeof r.vaultNamespace === 'string' ? r.vaultNamespace : DEFAULT_SETTINGS.vaultNamespace,
    vaultMount: typeof r.vaultMount === 'string' && r.vaultMount.trim() !== '' ? r.vaultMount : DEFAULT_SETTINGS.vaultMount,
    vaultRoleId: typeof r.vaultRoleId === 'string' ? r.vaultRoleId : DEFAULT_SETTINGS.vaultRoleId,
    dependencies: bool('dependencies', DEFAULT_SETTINGS.dependencies),
    advisorySources: Array.isArray(r.advisorySources)
      ? ADVISORY_SOURCE_NAMES.filter((n) => (r.advisorySources as unknown[]).includes(n))
      : DEFAULT_SETTINGS.advisorySources,
    offlineAdvisoryDatabase: str('offlineAdvisoryDatabase', DEFAULT_SETTINGS.offlineAdvisoryDatabase),
    snykOrg: str('snykOrg', DEFAULT_SETTINGS.snykOrg),
    snykApiUrl: str('snykApiUrl', DEFAULT_SETTINGS.snykApiUrl) || DEFAULT_SETTINGS.snykApiUrl,
    osvApiUrl: str('osvApiUrl', DEFAULT_SETTINGS.osvApiUrl) || DEFAULT_SETTINGS.osvApiUrl,
    advisoryCacheHours: num('advisoryCacheHours', DEFAULT_SETTINGS.advisoryCacheHours),
  };
}
