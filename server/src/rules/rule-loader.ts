/**
 * Finds and reads rule files (I/O): a `--config` path may be a rule file or a folder of rules
 * (a pack); folders are searched recursively for `.yaml`/`.yml` files, leaving out pack manifests,
 * workspace config and hidden folders. Problems carry the path of the file they are about.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ignore, { Ignore } from 'ignore';
import { parse as parseYaml } from 'yaml';
import type { Problem } from '../engine/finding';
import type { RuleDto } from '../engine/rule-model';
import { parseRuleFile } from './rule-yaml';
import { readRuleIndex } from './rule-index';

export interface LoadedRules {
  readonly rules: RuleDto[];
  readonly problems: Problem[];
  /** The rule files read, absolute. */
  readonly files: string[];
}

const NOT_RULE_FILES = new Set(['moat-pack.yaml', 'moat-pack.yml', '.moat.yaml', '.moat.yml']);

export function isRuleFileName(name: string): boolean {
  return /\.ya?ml$/i.test(name) && !NOT_RULE_FILES.has(name) && !/\.fixed\.ya?ml$/i.test(name) && !/\.test\.ya?ml$/i.test(name);
}

/**
 * Rule files under `target` (a file or a folder), sorted. Inside a pack folder (one with a
 * `moat-pack.yaml`), only the files its `rules:` globs select count, so a pack can carry other
 * YAML (e.g. Falco rules) that is not Moat rules.
 */
export async function findRuleFiles(target: string): Promise<string[]> {
  const stat = await fs.stat(target);
  if (stat.isFile()) return [path.resolve(target)];
  const out: string[] = [];
  const visit = async (dir: string, pack: PackSelection | undefined) => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    const manifest = entries.find((e) => e.isFile() && NOT_RULE_FILES.has(e.name) && e.name.startsWith('moat-pack.'));
    const here = manifest ? ((await packSelection(dir, manifest.name)) ?? pack) : pack;
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await visit(full, here);
      else if (e.isFile() && isRuleFileName(e.name) && (!here || here.select.ignores(path.relative(here.root, full).split(path.sep).join('/')))) out.push(full);
    }
  };
  await visit(path.resolve(target), undefined);
  return out.sort();
}

interface PackSelection {
  readonly root: string;
  readonly select: Ignore;
}

/** The `rules:` globs of the manifest `name` in `dir`; undefined when it lists none or does not parse (every rule file counts then). */
async function packSelection(dir: string, name: string): Promise<PackSelection | undefined> {
  try {
    const rules = (parseYaml(await fs.readFile(path.join(dir, name), 'utf8')) as { rules?: unknown } | null)?.rules;
    if (Array.isArray(rules) && rules.every((g) => typeof g === 'string')) return { root: dir, select: ignore().add(rules as string[]) };
  } catch {
    // A broken manifest is reported where packs are loaded (packs/pack-manifest.ts).
  }
  return undefined;
}

/** Reads every rule file under the given targets; a missing target is a problem, not a throw. */
export interface LoadRulesOptions {
  /** A prebuilt index for a target folder (see rule-index.ts), used when it matches the files. */
  readonly indexFor?: (target: string) => string | undefined;
}

export async function loadRules(targets: readonly string[], displayBase = process.cwd(), options: LoadRulesOptions = {}): Promise<LoadedRules> {
  const rules: RuleDto[] = [];
  const problems: Problem[] = [];
  const files: string[] = [];
  for (const target of targets) {
    let found: string[];
    try {
      found = await findRuleFiles(target);
    } catch (e) {
      problems.push({ severity: 'error', message: `cannot read rules from ${target}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file: target });
      continue;
    }
    const indexFile = options.indexFor?.(target);
    const indexed = indexFile ? await readRuleIndex(path.resolve(target), found, indexFile, displayBase) : undefined;
    if (indexed) {
      rules.push(...indexed.rules);
      problems.push(...indexed.problems);
      files.push(...found);
      continue;
    }
    for (const file of found) {
      const display = path.relative(displayBase, file) || file;
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch (e) {
        problems.push({ severity: 'error', message: `cannot read rule file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file: display });
        continue;
      }
      files.push(file);
      const parsed = parseRuleFile(text, display);
      rules.push(...parsed.rules);
      problems.push(...parsed.problems);
    }
  }
  return { rules, problems, files };
}
