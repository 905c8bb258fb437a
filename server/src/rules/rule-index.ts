/**
 * A prebuilt index of a rule folder (the bundled packs): every rule file's parsed RuleDtos and
 * problems, with a digest of the files' names and contents. The build writes it for the bundled
 * packs (dist/rules-index.json); loading it skips YAML parsing, the largest part of a cold
 * `moat check` or language-server start. The digest is recomputed from the files on every load,
 * so an edited, added or removed rule file makes the index unusable and the YAML is parsed as
 * usual — the index can never serve stale rules.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../engine/finding';
import type { RuleDto } from '../engine/rule-model';

const FORMAT = 1;

export interface RuleIndex {
  readonly format: number;
  /** sha256 over each rule file's path (relative to the folder) and bytes, in order. */
  readonly digest: string;
  /** Rule files, relative to the folder, forward slashes. */
  readonly files: string[];
  /** `file` fields relative to the folder. */
  readonly rules: RuleDto[];
  readonly problems: Problem[];
}

const toPosix = (p: string) => p.split(path.sep).join('/');

/** The digest of the rule files (absolute paths, sorted) under `root`. */
export async function digestRuleFiles(root: string, files: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  const contents = await Promise.all(files.map((f) => fs.readFile(f)));
  files.forEach((f, i) => {
    hash.update(toPosix(path.relative(root, f)));
    hash.update('\0');
    hash.update(contents[i]);
    hash.update('\0');
  });
  return hash.digest('hex');
}

/** Builds the index of `root` from rules loaded with display paths relative to `root`. */
export async function buildRuleIndex(root: string, files: readonly string[], rules: readonly RuleDto[], problems: readonly Problem[]): Promise<RuleIndex> {
  return { format: FORMAT, digest: await digestRuleFiles(root, files), files: files.map((f) => toPosix(path.relative(root, f))), rules: [...rules], problems: [...problems] };
}

/**
 * The indexed rules of `root` when `indexFile` exists and matches the files found now (`files`,
 * absolute and sorted); their paths re-based for display. Undefined otherwise.
 */
export async function readRuleIndex(root: string, files: readonly string[], indexFile: string, displayBase: string): Promise<{ rules: RuleDto[]; problems: Problem[] } | undefined> {
  let index: RuleIndex;
  try {
    index = JSON.parse(await fs.readFile(indexFile, 'utf8')) as RuleIndex;
  } catch {
    return undefined;
  }
  if (index.format !== FORMAT || index.files.length !== files.length) return undefined;
  if (index.files.some((f, i) => f !== toPosix(path.relative(root, files[i])))) return undefined;
  if ((await digestRuleFiles(root, files)) !== index.digest) return undefined;
  const display = (rel: string) => path.relative(displayBase, path.join(root, rel)) || rel;
  return {
    rules: index.rules.map((r) => ({ ...r, file: display(r.file) })),
    problems: index.problems.map((p) => (p.file === undefined ? p : { ...p, file: display(p.file) })),
  };
}
