/**
 * A pack's rules (I/O): the rule files its `rules:` globs select (gitignore syntax, relative to
 * the pack; rule tests, `.fixed` files and manifests left out; symlinks never followed), read with
 * the pack's `default-severity`, then its per-id `severity:` overrides applied.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ignore from 'ignore';
import type { Problem } from '../engine/finding';
import type { RuleDto } from '../engine/rule-model';
import { RuleOverrides } from '../config/rule-overrides';
import { isRuleFileName } from '../rules/rule-loader';
import { parseRuleFile } from '../rules/rule-yaml';
import type { PackManifest } from './pack-manifest';

export interface PackRules {
  readonly rules: RuleDto[];
  readonly problems: Problem[];
  /** The rule files read, absolute. */
  readonly files: string[];
}

/** The pack's rule files, absolute and sorted. */
export async function packRuleFiles(manifest: PackManifest): Promise<string[]> {
  const select = ignore().add([...manifest.rules]);
  const out: string[] = [];
  const visit = async (dir: string, rel: string) => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const relative = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await visit(path.join(dir, e.name), relative);
      else if (e.isFile() && isRuleFileName(e.name) && select.ignores(relative)) out.push(path.join(dir, e.name));
    }
  };
  await visit(manifest.dir, '');
  return out.sort();
}

/** Reads the pack's rules; problems name the file as `displayBase`-relative (absolute with '/'). */
export async function loadPackRules(manifest: PackManifest, displayBase = process.cwd()): Promise<PackRules> {
  const overrides = new RuleOverrides({ severity: manifest.severity });
  const rules: RuleDto[] = [];
  const problems: Problem[] = [];
  const files: string[] = [];
  let found: string[];
  try {
    found = await packRuleFiles(manifest);
  } catch (e) {
    return { rules, files, problems: [{ severity: 'error', message: `cannot list the rules of pack ${manifest.name}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file: manifest.file }] };
  }
  if (found.length === 0) problems.push({ severity: 'warning', message: `pack ${manifest.name} has no rule files matching ${manifest.rules.join(', ')}`, file: manifest.file, key: 'rules' });
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
    const parsed = parseRuleFile(text, display, { defaultSeverity: manifest.defaultSeverity });
    rules.push(...overrides.applyToRules(parsed.rules));
    problems.push(...parsed.problems);
  }
  return { rules, problems, files };
}
