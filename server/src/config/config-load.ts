/**
 * Loads a workspace's `.moat.yaml` and the packs it names (I/O), into what the scanners consume:
 * the packs' rules, the rule overrides, the exclude matcher, the secrets settings, the typed
 * advisories section, and every problem located in the file it is about (a pack that does not
 * resolve is reported at its `source`/`sha256`/`version` key in `.moat.yaml`). A pack that fails
 * is left out; the other packs and the rest of the config still apply.
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import ignore from 'ignore';
import semver from 'semver';
import type { Problem } from '../engine/finding';
import type { RuleDto } from '../engine/rule-model';
import type { GitleaksSource } from '../secrets/gitleaks-detector';
import { defaultPackCacheDir } from '../packs/pack-cache';
import { PACK_MANIFEST, PackManifest, parsePackManifest } from '../packs/pack-manifest';
import { loadPackRules } from '../packs/pack-rules';
import { parsePackSource, resolvePackSource } from '../packs/pack-source';
import { AdvisoriesConfig, DEFAULT_ADVISORIES } from './advisories-config';
import { RuleOverrides } from './rule-overrides';
import { combinedSecretsSource, SecretsContribution } from './secrets-config';
import { parseWorkspaceConfig, WORKSPACE_CONFIG_NAMES, WorkspaceConfig } from './workspace-config';

export interface LoadedPack {
  readonly manifest: PackManifest;
  readonly rules: readonly RuleDto[];
  /** Rule files read, absolute. */
  readonly files: readonly string[];
}

export interface LoadOptions {
  /** This Moat's version, checked against packs' `moat:` ranges. */
  readonly moatVersion: string;
  /** Problems name files relative to this folder ('/' keeps them absolute without the leading slash). */
  readonly displayBase?: string;
  readonly cacheDir?: string;
  readonly caFile?: string;
  /** Do not download packs (cached ones still load). */
  readonly offline?: boolean;
  /** Load the packs (false: only overrides, excludes, secrets and advisories apply). */
  readonly packs?: boolean;
}

export interface EffectiveConfig {
  /** The parsed config; undefined when there is none or it is invalid. */
  readonly config: WorkspaceConfig | undefined;
  /** The config file, absolute, when one was read. */
  readonly file: string | undefined;
  readonly packs: readonly LoadedPack[];
  /** Every loaded pack's rules (pack severities applied; workspace overrides not yet). */
  readonly rules: readonly RuleDto[];
  readonly problems: readonly Problem[];
  readonly overrides: RuleOverrides;
  readonly advisories: AdvisoriesConfig;
  /** Files and folders whose change means the config must be loaded again (absolute). */
  readonly watched: readonly string[];
  /** Is this absolute path excluded by `exclude:`? */
  excluded(file: string): boolean;
  /** The secrets detectors' gitleaks source once `.moat.yaml` and the packs have their say. */
  secretsSource(base: GitleaksSource | undefined): { source: GitleaksSource | undefined; problems: Problem[] };
}

/** `.moat.yaml` (or `.moat.yml`) in `dir`, absolute, when present. */
export function findWorkspaceConfig(dir: string): string | undefined {
  for (const name of WORKSPACE_CONFIG_NAMES) {
    const file = path.join(dir, name);
    if (existsSync(file)) return path.resolve(file);
  }
  return undefined;
}

/** The config of no `.moat.yaml`: nothing changes. */
export function emptyEffectiveConfig(): EffectiveConfig {
  return effective(undefined, undefined, [], [], [], []);
}

/** Reads and applies `file` (a `.moat.yaml`); never throws. */
export async function loadWorkspaceConfig(file: string, options: LoadOptions): Promise<EffectiveConfig> {
  const absolute = path.resolve(file);
  const shown = show(absolute, options.displayBase);
  let text: string;
  try {
    text = await fs.readFile(absolute, 'utf8');
  } catch (e) {
    return effective(undefined, absolute, [], [{ severity: 'error', message: `cannot read ${shown}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file: shown }], [], [absolute]);
  }
  const parsed = parseWorkspaceConfig(text, absolute, shown);
  const problems: Problem[] = [...parsed.problems];
  const config = parsed.config;
  if (!config) return effective(undefined, absolute, [], problems, [], [absolute]);

  const packs: LoadedPack[] = [];
  const watched: string[] = [absolute];
  const cacheDir = options.cacheDir ?? defaultPackCacheDir();
  for (const ref of options.packs === false ? [] : config.packs) {
    const at = (key: 'source' | 'sha256' | 'version', message: string) => problems.push(parsed.locate(['packs', ref.index, key], 'value', message));
    const source = parsePackSource(ref.source, ref.sha256);
    if ('message' in source) {
      at(source.key, source.message);
      continue;
    }
    const resolved = await resolvePackSource(source, { baseDir: config.dir, cacheDir, caFile: options.caFile, offline: options.offline });
    if ('message' in resolved) {
      at(resolved.key, resolved.message);
      continue;
    }
    watched.push(resolved.dir);
    const manifestFile = path.join(resolved.dir, PACK_MANIFEST);
    let manifestText: string;
    try {
      manifestText = await fs.readFile(manifestFile, 'utf8');
    } catch (e) {
      at('source', `cannot read ${manifestFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      continue;
    }
    const manifest = parsePackManifest(manifestText, manifestFile, options.moatVersion, show(manifestFile, options.displayBase));
    problems.push(...manifest.problems);
    if (!manifest.manifest) {
      at('source', `pack at ${ref.source} has an invalid ${PACK_MANIFEST} (see its problems); it is not loaded`);
      continue;
    }
    const m = manifest.manifest;
    if (ref.version !== undefined && !semver.satisfies(m.version, ref.version, { includePrerelease: true })) {
      at('version', `pack ${m.name} is version ${m.version}, which is not in the range ${ref.version}; it is not loaded`);
      continue;
    }
    const twin = packs.find((p) => p.manifest.name === m.name);
    if (twin) {
      at('source', `pack ${m.name} is already loaded (version ${twin.manifest.version} from ${twin.manifest.dir}); this one is left out`);
      continue;
    }
    const loaded = await loadPackRules(m, options.displayBase ?? process.cwd());
    problems.push(...loaded.problems);
    packs.push({ manifest: m, rules: loaded.rules, files: loaded.files });
  }
  return effective(config, absolute, packs, problems, packs.flatMap((p) => p.rules), watched);
}

function effective(
  config: WorkspaceConfig | undefined,
  file: string | undefined,
  packs: LoadedPack[],
  problems: Problem[],
  rules: RuleDto[],
  watched: string[],
): EffectiveConfig {
  const overrides = new RuleOverrides(config?.rules);
  const matcher = config && config.exclude.length ? ignore().add([...config.exclude]) : undefined;
  const contributions: SecretsContribution[] = [
    ...(config?.secrets.allowlist ? [{ from: '.moat.yaml', allowlist: config.secrets.allowlist }] : []),
    ...packs.filter((p) => p.manifest.secrets).map((p) => ({ from: `pack ${p.manifest.name}`, allowlist: p.manifest.secrets!.allowlist, gitleaks: p.manifest.secrets!.gitleaks })),
  ];
  return {
    config,
    file,
    packs,
    rules,
    problems,
    overrides,
    advisories: config?.advisories ?? DEFAULT_ADVISORIES,
    watched,
    excluded(target: string): boolean {
      if (!matcher || !config) return false;
      const rel = path.relative(config.dir, path.resolve(target)).split(path.sep).join('/');
      if (rel === '' || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) return false;
      return matcher.ignores(rel);
    },
    secretsSource(base: GitleaksSource | undefined) {
      if (contributions.length === 0) return { source: base, problems: [] };
      try {
        const { source, ignored } = combinedSecretsSource(base, contributions, file ?? '.moat.yaml');
        return { source, problems: ignored.map((message): Problem => ({ severity: 'warning', message, file })) };
      } catch (e) {
        return { source: base, problems: [{ severity: 'error', message: `cannot apply the secrets settings: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file }] };
      }
    },
  };
}

function show(file: string, displayBase: string | undefined): string {
  return path.relative(displayBase ?? process.cwd(), file) || file;
}
