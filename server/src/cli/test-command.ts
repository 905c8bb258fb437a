/**
 * `moat test [PATH...]`: for every rule file found, scans the test file beside it (same base name,
 * any other extension), compares the findings with the `ruleid:`/`ok:` annotations, and checks
 * `NAME.fixed.EXT` against the file with every fix applied. Prints each failure with expected and
 * reported lines and ends with `N passed, N failed`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { scanFile } from '../engine/file-scan';
import type { Finding, Problem, TextEdit } from '../engine/finding';
import { Grammars } from '../engine/grammars';
import { RuleSet } from '../engine/rule-set';
import { findRuleFiles } from '../rules/rule-loader';
import { compareRule, parseAnnotations } from '../rules/rule-test-annotations';
import { parseRuleFile } from '../rules/rule-yaml';
import { wasmFromDir } from '../scan/install-paths';

const HELP = `Usage: moat test [PATH...]

Runs rule tests: for each rule file NAME.yaml, the test file NAME.EXT beside it is scanned and its
findings compared with annotations in comments on the line before the code:
  ruleid: ID[, ID]   a finding of ID is expected on the next line
  ok: ID             no finding of ID is expected there
  todoruleid: ID     a known false negative (no finding expected yet)
  todook: ID         a known false positive (a finding expected for now)
NAME.fixed.EXT, when present, must equal NAME.EXT with every fix applied.
`;

interface Tally {
  passed: number;
  failed: number;
}

/** `options.defaultSeverity`: a pack's `default-severity`, for rules that give none (`moat pack test`). */
export async function runTestCommand(argv: string[], options: { readonly defaultSeverity?: string } = {}): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h', default: false }, verbose: { type: 'boolean', default: false } } });
  } catch (e) {
    process.stderr.write(`moat test: ${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const targets = args.positionals.length ? args.positionals : ['.'];
  const grammars = await Grammars.create(wasmFromDir());
  const tally: Tally = { passed: 0, failed: 0 };
  let errors = 0;
  for (const target of targets) {
    let files: string[];
    try {
      files = await findRuleFiles(target);
    } catch (e) {
      process.stdout.write(`ERROR ${target}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      errors++;
      continue;
    }
    for (const file of files) errors += await testRuleFile(file, grammars, tally, args.values.verbose === true, options.defaultSeverity);
  }
  process.stdout.write(`${tally.passed} passed, ${tally.failed} failed${errors ? `, ${errors} errors` : ''}\n`);
  return tally.failed > 0 || errors > 0 ? 1 : 0;
}

/** Tests one rule file; returns the number of errors (broken rules, missing test file). */
async function testRuleFile(file: string, grammars: Grammars, tally: Tally, verbose: boolean, defaultSeverity?: string): Promise<number> {
  const shown = path.relative(process.cwd(), file) || file;
  const parsed = parseRuleFile(await fs.readFile(file, 'utf8'), shown, { defaultSeverity });
  const rules = await RuleSet.create(parsed.rules, grammars);
  const problems: Problem[] = [...parsed.problems, ...rules.problems];
  for (const p of problems) process.stdout.write(`ERROR ${p.file}:${p.line ?? 0}:${p.column ?? 0} ${p.ruleId ? `[${p.ruleId}] ` : ''}${p.key ? `${p.key}: ` : ''}${p.message}\n`);
  const targets = await testTargets(file);
  if (targets.length === 0) {
    process.stdout.write(`ERROR ${shown}: no test file beside it (expected ${path.basename(file).replace(/\.ya?ml$/, '')}.<ext>)\n`);
    return problems.length + 1;
  }
  for (const target of targets) {
    const targetShown = path.relative(process.cwd(), target) || target;
    const text = await fs.readFile(target, 'utf8');
    const result = scanFile(rules, text, { path: path.basename(target) });
    for (const p of result.problems) process.stdout.write(`ERROR ${targetShown}: ${p.message}\n`);
    const annotations = parseAnnotations(text);
    for (const dto of parsed.rules) {
      const reported = result.findings.filter((f) => f.ruleId === dto.id && !f.suppressed).map((f) => f.range.startPos.line + 1);
      const outcome = compareRule(dto.id, annotations, reported);
      if (outcome.passed) {
        tally.passed++;
        if (verbose) process.stdout.write(`ok   ${dto.id} (${targetShown})\n`);
        continue;
      }
      tally.failed++;
      process.stdout.write(`FAIL ${dto.id} in ${targetShown}\n`);
      if (outcome.missing.length) process.stdout.write(`     expected a finding on lines ${outcome.missing.join(', ')}, none reported\n`);
      if (outcome.unexpected.length) process.stdout.write(`     unexpected finding on lines ${outcome.unexpected.join(', ')}\n`);
      process.stdout.write(`     expected lines: [${outcome.expected.join(', ')}]  reported lines: [${outcome.reported.join(', ')}]\n`);
    }
    const fixed = fixedFileFor(target);
    if (fixed && (await exists(fixed))) {
      const want = await fs.readFile(fixed, 'utf8');
      const got = applyFixes(text, result.findings);
      if (got === want) tally.passed++;
      else {
        tally.failed++;
        process.stdout.write(`FAIL fix ${path.relative(process.cwd(), fixed)}: the fixed output differs\n${firstDifference(want, got)}`);
      }
    }
  }
  return problems.length;
}

async function testTargets(ruleFile: string): Promise<string[]> {
  const dir = path.dirname(ruleFile);
  const base = path.basename(ruleFile).replace(/\.ya?ml$/i, '');
  const entries = await fs.readdir(dir);
  return entries
    .filter((name) => {
      if (!name.startsWith(base + '.')) return false;
      const rest = name.slice(base.length + 1);
      if (/^test\.ya?ml$/i.test(rest)) return true;
      return !/\.ya?ml$/i.test(name) && !rest.includes('fixed.') && rest.split('.').length === 1;
    })
    .map((name) => path.join(dir, name))
    .sort();
}

function fixedFileFor(target: string): string | undefined {
  const ext = path.extname(target);
  return ext ? target.slice(0, -ext.length) + '.fixed' + ext : undefined;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

/** Applies every non-overlapping fix, earliest first. */
export function applyFixes(text: string, findings: readonly Finding[]): string {
  const edits: TextEdit[] = findings.filter((f) => f.fix && !f.suppressed).map((f) => f.fix!).sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let last = 0;
  for (const e of edits) {
    if (e.start < last) continue;
    out += text.slice(last, e.start) + e.text;
    last = e.end;
  }
  return out + text.slice(last);
}

function firstDifference(want: string, got: string): string {
  const a = want.split('\n');
  const b = got.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `     line ${i + 1}: expected ${JSON.stringify(a[i] ?? '<end of file>')}\n     line ${i + 1}: got      ${JSON.stringify(b[i] ?? '<end of file>')}\n`;
  }
  return '';
}
