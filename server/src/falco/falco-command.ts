/**
 * `moat falco check FILE|DIR...`: checks Falco rules files (a folder: every `.yaml`/`.yml` in it
 * that looks like a Falco rules file) and prints each problem as `file:line:column: severity:
 * key: message`, then a count. Exit codes: 0 no errors (warnings are printed), 1 errors (or
 * warnings with `--strict`), 2 bad arguments or a file that cannot be read. `--format json`
 * prints the problems as a JSON array instead.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { LocatedProblem } from '../config/yaml-schema-check';
import { checkFalcoFile } from './falco-check';
import { looksLikeFalcoRules } from './falco-rules-yaml';

const HELP = `Usage: moat falco check FILE|DIR... [options]

Checks Falco rules files: required fields of rules, macros and lists, priorities, conditions that
do not parse (with the column), macros and lists that are not defined in the file or in Falco's
default ruleset, names defined twice without append/override, and output %fields.
A folder is searched for .yaml/.yml files that contain - rule:, - macro: or - list: items.

Options:
  -f, --format FORMAT   text (default) or json
      --strict          warnings fail the check too (exit 1)
  -h, --help            this help
`;

export async function runFalcoCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (sub !== 'check') {
    process.stderr.write(`moat falco: ${sub === undefined ? 'missing subcommand' : `unknown subcommand "${sub}"`}\n\n${HELP}`);
    return 2;
  }
  let args;
  try {
    args = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { format: { type: 'string', short: 'f', default: 'text' }, strict: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    });
  } catch (e) {
    process.stderr.write(`moat falco check: ${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const format = args.values.format;
  if (format !== 'text' && format !== 'json') {
    process.stderr.write(`moat falco check: --format must be text or json, not "${format}"\n`);
    return 2;
  }
  if (args.positionals.length === 0) {
    process.stderr.write(`moat falco check: give at least one Falco rules file or folder\n\n${HELP}`);
    return 2;
  }
  const problems: LocatedProblem[] = [];
  let checked = 0;
  for (const target of args.positionals) {
    let files: string[];
    try {
      files = await falcoFilesUnder(target);
    } catch (e) {
      process.stderr.write(`moat falco check: cannot read ${target}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return 2;
    }
    for (const file of files) {
      const shown = path.relative(process.cwd(), file) || file;
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch (e) {
        process.stderr.write(`moat falco check: cannot read ${shown}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
        return 2;
      }
      checked++;
      problems.push(...checkFalcoFile(text, shown));
    }
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (format === 'json') {
    const out = problems.map((p) => ({ file: p.file, line: p.line, column: p.column, endLine: p.endLine, endColumn: p.endColumn, severity: p.severity, key: p.key, message: p.message }));
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    for (const p of problems) process.stdout.write(`${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.key ? `${p.key}: ` : ''}${p.message}\n`);
    process.stdout.write(`${checked} Falco rules file${checked === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
  }
  return errors > 0 || (args.values.strict && warnings > 0) ? 1 : 0;
}

/** A file as given; in a folder, the YAML files that look like Falco rules files (sorted). */
async function falcoFilesUnder(target: string): Promise<string[]> {
  const stat = await fs.stat(target);
  if (stat.isFile()) return [path.resolve(target)];
  const out: string[] = [];
  const visit = async (dir: string) => {
    for (const e of await fs.readdir(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await visit(full);
      else if (e.isFile() && /\.ya?ml$/i.test(e.name) && looksLikeFalcoRules(await fs.readFile(full, 'utf8'))) out.push(full);
    }
  };
  await visit(path.resolve(target));
  return out.sort();
}
