/**
 * `.moat.yaml` per workspace folder, for the language server: each folder's config and packs are
 * loaded (trusted workspaces only), their rules join the one compiled rule set, and each document
 * then sees only what its own folder asked for — pack rules of its folder's packs, its folder's
 * overrides and excludes. Problems keep absolute file paths (shown inside `.moat.yaml`,
 * `moat-pack.yaml` and pack rule files); `watched` says which changes reload.
 */
import path from 'node:path';
import type { Finding, Problem } from '../engine/finding';
import type { RuleDto } from '../engine/rule-model';
import { EffectiveConfig, findWorkspaceConfig, loadWorkspaceConfig } from '../config/config-load';
import { WORKSPACE_CONFIG_NAMES } from '../config/workspace-config';
import { PACK_MANIFEST } from '../packs/pack-manifest';
import { MOAT_VERSION } from '../cli/version';

interface FolderConfig {
  readonly folder: string;
  readonly config: EffectiveConfig;
  /** Ids of the rules its packs brought. */
  readonly packRuleIds: ReadonlySet<string>;
}

/** A `.moat.yaml`/`.moat.yml` or `moat-pack.yaml` file name. */
export function isConfigFileName(name: string): boolean {
  return WORKSPACE_CONFIG_NAMES.includes(name) || name === PACK_MANIFEST || name === 'moat-pack.yml';
}

export class WorkspaceConfigs {
  private constructor(
    private readonly folders: readonly FolderConfig[],
    /** Every pack's rules, each rule id once. */
    readonly rules: readonly RuleDto[],
    readonly problems: readonly Problem[],
  ) {}

  static readonly none = new WorkspaceConfigs([], [], []);

  /** Loads the config of each folder (absolute paths) that has one. */
  static async load(folders: readonly string[]): Promise<WorkspaceConfigs> {
    const loaded: FolderConfig[] = [];
    const rules: RuleDto[] = [];
    const problems: Problem[] = [];
    const ids = new Set<string>();
    for (const folder of folders) {
      const file = findWorkspaceConfig(folder);
      if (!file) continue;
      const config = await loadWorkspaceConfig(file, { moatVersion: MOAT_VERSION, displayBase: '/' });
      problems.push(...config.problems);
      const packRuleIds = new Set<string>();
      for (const rule of config.rules) {
        packRuleIds.add(rule.id);
        if (ids.has(rule.id)) continue;
        ids.add(rule.id);
        rules.push(rule);
      }
      loaded.push({ folder, config, packRuleIds });
    }
    return new WorkspaceConfigs(loaded, rules, problems);
  }

  /** The loaded config of the first folder, if any (its secrets settings apply, as `.gitleaks.toml` does). */
  get first(): EffectiveConfig | undefined {
    return this.folders[0]?.config;
  }

  /** Config files and pack folders: a change under one of them reloads. */
  get watched(): string[] {
    return this.folders.flatMap((f) => [...f.config.watched]);
  }

  /** The packs' rule files (absolute), to show their problems in them. */
  get files(): string[] {
    return this.folders.flatMap((f) => f.config.packs.flatMap((p) => [...p.files]));
  }

  private folderOf(file: string): FolderConfig | undefined {
    return this.folders.filter((f) => file === f.folder || file.startsWith(f.folder + path.sep)).sort((a, b) => b.folder.length - a.folder.length)[0];
  }

  excluded(file: string): boolean {
    return this.folderOf(file)?.config.excluded(file) ?? false;
  }

  /** The findings a document of `file` shows: other folders' pack rules dropped, its folder's overrides applied. */
  applyToFindings(file: string | undefined, findings: readonly Finding[]): Finding[] {
    if (this.folders.length === 0) return [...findings];
    const own = file ? this.folderOf(file) : undefined;
    const foreign = (id: string) => this.folders.some((f) => f !== own && f.packRuleIds.has(id)) && !own?.packRuleIds.has(id);
    const kept = findings.filter((f) => !foreign(f.ruleId));
    return own ? own.config.overrides.applyToFindings(kept) : kept;
  }
}
