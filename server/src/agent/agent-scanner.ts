/**
 * The scanner behind `moat check` and `moat mcp`: one text at a time, as fast as a hook needs.
 * Rules are read once; each language's rules are compiled (and its grammar loaded) only when a
 * file of that language is first scanned, then kept for the next one (the MCP server lives long).
 * Secrets detection is on by default, as in `moat scan`. Findings come back sorted, with every
 * secret value masked in the source lines and scrubbed from every message.
 */
import path from 'node:path';
import { scanFile } from '../engine/file-scan';
import type { Finding, Problem, RuleInfo } from '../engine/finding';
import { Grammars } from '../engine/grammars';
import { LanguageId, languageByName, languageForPath, LanguageSpec, TEXT_LANGUAGE_NAMES } from '../engine/languages';
import type { RuleDto } from '../engine/rule-model';
import { languageIdsFor, RuleSet } from '../engine/rule-set';
import { ruleInfo } from '../engine/rule-compile';
import type { TextDetector } from '../engine/text-detector';
import { compareFindings } from '../report/report';
import { loadRules } from '../rules/rule-loader';
import { bundledPacksDir, bundledRulesIndexFor, wasmFromDir } from '../scan/install-paths';
import { findGitleaksConfig, secretsDetectors } from '../scan/secrets-setup';
import { maskText, scrubSecretValues } from './secret-masking';

export interface AgentScannerOptions {
  /** Rule files, folders or packs; when given only these run (as `moat scan --config`). Default: the bundled packs. */
  readonly configs?: readonly string[];
  /** Run the secrets detectors. Default: on when no `configs` are given. */
  readonly secrets?: boolean;
  /** A gitleaks config file; default `.gitleaks.toml` in `root` when present. */
  readonly gitleaksConfig?: string;
  /** Paths are made relative to this folder for rules' `paths:` and for output. */
  readonly root: string;
}

export interface AgentScan {
  /** Relative to the scanner's root when inside it, forward slashes. */
  readonly path: string;
  /** The language id, or `text` when no grammar covers the file. */
  readonly language: string;
  /** Sorted by position; suppressed findings included (marked). Messages hold no secret value. */
  readonly findings: readonly Finding[];
  /** The text with every secret value replaced by `*`s (same length, same offsets). */
  readonly masked: string;
  /** Rule compile problems met for this language, and scan problems. */
  readonly problems: readonly Problem[];
  readonly durationMs: number;
}

export class AgentScanner {
  private readonly compiled = new Map<string, Promise<RuleSet>>();
  private grammars: Promise<Grammars> | undefined;
  readonly infos: readonly RuleInfo[];
  private readonly infoById: ReadonlyMap<string, RuleInfo>;

  private constructor(
    readonly root: string,
    readonly dtos: readonly RuleDto[],
    readonly detectors: readonly TextDetector[],
    /** Problems reading rules or the gitleaks config. */
    readonly problems: readonly Problem[],
  ) {
    this.infos = [...dtos.map(ruleInfo), ...detectors.flatMap((d) => d.infos)];
    this.infoById = new Map(this.infos.map((i) => [i.id, i]));
  }

  static async create(options: AgentScannerOptions): Promise<AgentScanner> {
    const configs = options.configs?.length ? [...options.configs] : [bundledPacksDir()];
    const loaded = await loadRules(configs, options.root, { indexFor: bundledRulesIndexFor });
    const problems: Problem[] = [...loaded.problems];
    const secrets = options.secrets ?? !options.configs?.length;
    let detectors: TextDetector[] = [];
    if (secrets) {
      try {
        const found = secretsDetectors(findGitleaksConfig(options.gitleaksConfig, options.root));
        detectors = found.detectors;
        problems.push(...found.problems);
      } catch (e) {
        problems.push({ severity: 'error', message: `cannot read the gitleaks config: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file: options.gitleaksConfig });
      }
    }
    return new AgentScanner(options.root, loaded.rules, detectors, problems);
  }

  get ruleCount(): number {
    return this.infos.length;
  }

  ruleInfo(ruleId: string): RuleInfo | undefined {
    return this.infoById.get(ruleId);
  }

  /** The rule's definition (pattern rules only; detectors have none). */
  ruleDto(ruleId: string): RuleDto | undefined {
    return this.dtos.find((d) => d.id === ruleId);
  }

  /** Path relative to the root (forward slashes) when inside it, else absolute. */
  displayPath(file: string): string {
    const abs = path.resolve(this.root, file);
    const rel = path.relative(this.root, abs);
    return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs).split(path.sep).join('/');
  }

  /** Scans `text` as the file at `file` (its extension picks the language and the rules). */
  async scanText(text: string, file: string): Promise<AgentScan> {
    const started = performance.now();
    const rel = this.displayPath(file);
    const spec = languageForPath(rel);
    const rules = await this.rulesFor(spec);
    const result = scanFile(rules, text, { path: rel });
    const findings = scrubSecretValues(text, result.findings).sort(compareFindings);
    return {
      path: rel,
      language: spec?.id ?? 'text',
      findings,
      masked: maskText(text, findings),
      problems: [...rules.problems, ...result.problems],
      durationMs: performance.now() - started,
    };
  }

  /** The rule set for one language: its rules plus the text rules and detectors, compiled once. */
  private rulesFor(spec: LanguageSpec | undefined): Promise<RuleSet> {
    const key = spec?.id ?? 'text';
    let set = this.compiled.get(key);
    if (!set) {
      const dtos = this.dtos.filter((d) => d.languages.some((name) => TEXT_LANGUAGE_NAMES.includes(name.toLowerCase()) || (spec !== undefined && covers(name, spec.id))));
      this.grammars ??= Grammars.create(wasmFromDir());
      set = this.grammars.then((g) => RuleSet.create(dtos, g, this.detectors));
      this.compiled.set(key, set);
    }
    return set;
  }
}

function covers(name: string, id: LanguageId): boolean {
  return languageIdsFor(name).includes(id);
}

/** A file name for a snippet in `language` (a Semgrep language name), or undefined when unknown. */
export function snippetPathFor(language: string): string | undefined {
  const spec = languageByName(language);
  return spec ? `snippet${spec.extensions[0] ?? ''}` : undefined;
}
