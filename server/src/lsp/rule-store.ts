/**
 * The rules the language server runs: the bundled packs plus the workspace's `moat.rulePaths`
 * (only in a trusted workspace), compiled into one RuleSet. Reloads on demand (a watched rule file
 * changed); keeps every load/compile problem grouped by rule file so they can be shown as
 * diagnostics inside that file. A broken rule never stops the others.
 */
import path from 'node:path';
import type { Problem, RuleInfo } from '../engine/finding';
import type { Grammars } from '../engine/grammars';
import { RuleSet } from '../engine/rule-set';
import { loadRules } from '../rules/rule-loader';
import type { GitleaksSource } from '../secrets/gitleaks-detector';
import { secretsDetectors } from '../scan/secrets-setup';
import { bundledRulesIndexFor } from '../scan/install-paths';
import { WorkspaceConfigs } from './config-workspace';

export interface RuleSources {
  /** The bundled packs folder (the built-in secrets detectors come with it), or undefined. */
  readonly bundled: string | undefined;
  /** Absolute paths of workspace rule files/folders. */
  readonly workspace: readonly string[];
  /** The workspace's `.gitleaks.toml`, read (trusted workspaces only). */
  readonly gitleaks?: GitleaksSource;
  /** Each folder's `.moat.yaml` and packs (trusted workspaces only). */
  readonly configs?: WorkspaceConfigs;
}

export interface LoadedRuleState {
  readonly rules: RuleSet;
  /** Problems per absolute rule file path (files without problems are listed with []). */
  readonly problemsByFile: ReadonlyMap<string, readonly Problem[]>;
  readonly problemCount: number;
  /** Absolute paths that were read (to decide whether a changed file matters). */
  readonly roots: readonly string[];
  /** Increases with every load; results computed with an older generation are out of date. */
  readonly generation: number;
  /** What each loaded rule (and detector rule) says about itself, by id. */
  readonly infoById: ReadonlyMap<string, RuleInfo>;
  /** The folders' `.moat.yaml`: which findings each document shows, excludes. */
  readonly configs: WorkspaceConfigs;
}

export class RuleStore {
  private current: Promise<LoadedRuleState>;
  private resolveFirst!: (s: LoadedRuleState) => void;
  private generation = 0;

  constructor(private readonly grammars: Grammars) {
    this.current = new Promise((resolve) => (this.resolveFirst = resolve));
  }

  /** The loaded rules; before the first load completes, a promise that waits for it. */
  get state(): Promise<LoadedRuleState> {
    return this.current;
  }

  /** Loads (again) from the sources; the latest call wins. */
  async load(sources: RuleSources): Promise<LoadedRuleState> {
    const generation = ++this.generation;
    const state = await this.loadNow(sources, generation);
    if (generation !== this.generation) return this.current;
    this.current = Promise.resolve(state);
    this.resolveFirst(state);
    return state;
  }

  private async loadNow(sources: RuleSources, generation: number): Promise<LoadedRuleState> {
    const configs = sources.configs ?? WorkspaceConfigs.none;
    const roots = [...(sources.bundled ? [sources.bundled] : []), ...sources.workspace, ...(sources.gitleaks ? [sources.gitleaks.file] : []), ...configs.watched];
    const read = await loadRules(roots.filter((r) => !configs.watched.includes(r)), '/', { indexFor: bundledRulesIndexFor });
    const loaded = { rules: [...read.rules, ...configs.rules], problems: [...read.problems, ...configs.problems], files: [...read.files, ...configs.files] };
    const secrets = sources.bundled || sources.gitleaks ? secretsDetectors(sources.gitleaks) : { detectors: [], problems: [] };
    const rules = await RuleSet.create(loaded.rules, this.grammars, secrets.detectors);
    const problemsByFile = new Map<string, Problem[]>();
    for (const file of loaded.files) problemsByFile.set(file, []);
    for (const p of [...loaded.problems, ...rules.problems, ...secrets.problems]) {
      const file = p.file ? path.resolve('/', p.file) : undefined;
      if (!file) continue;
      const list = problemsByFile.get(file) ?? [];
      list.push(p);
      problemsByFile.set(file, list);
    }
    const problemCount = loaded.problems.length + rules.problems.length + secrets.problems.length;
    const infoById = new Map(rules.infos.map((i) => [i.id, i]));
    return { rules, problemsByFile, problemCount, roots, generation, infoById, configs };
  }

  /** Does a change to this file affect the loaded rules? */
  static affects(state: LoadedRuleState | undefined, file: string): boolean {
    if (!state) return false;
    if (!/\.ya?ml$/i.test(file) && !file.endsWith('.gitleaks.toml')) return false;
    return state.roots.some((root) => file === root || file.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
  }
}
