/**
 * `moat pack init|test|build [DIR]`: scaffold a rule pack, run its rule tests (the `moat test`
 * runner over the files its manifest selects), and build its deterministic tarball with the
 * sha256 that `.moat.yaml` pins. Exit codes: 0 ok, 1 failed tests, 2 errors.
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Problem } from '../engine/finding';
import { buildPack } from '../packs/pack-build';
import { defaultPackName, packScaffold } from '../packs/pack-init';
import { PACK_MANIFEST, PackManifest, parsePackManifest } from '../packs/pack-manifest';
import { packRuleFiles } from '../packs/pack-rules';
import { runTestCommand } from './test-command';
import { MOAT_VERSION } from './version';

const HELP = `Usage: moat pack <command> [DIR]

  init [DIR] [--name SCOPE/NAME]   create a pack: moat-pack.yaml, an example rule and its test
  test [DIR] [--verbose]           run the pack's rule tests (as \`moat test\` does)
  build [DIR] [--out-dir D]        write NAME-VERSION.tgz (deterministic) and NAME-VERSION.tgz.sha256
                                   to D (default: the current folder) and print the sha256

DIR defaults to the current folder. Pin a built pack in .moat.yaml:
  packs:
    - source: https://example.com/acme-payments-1.0.0.tgz
      sha256: <the printed hash>
`;

export async function runPackCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  let args;
  try {
    args = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        'out-dir': { type: 'string', short: 'o' },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    return fail(`${(e as Error).message}\n\n${HELP}`);
  }
  if (args.values.help || sub === undefined || sub === '--help' || sub === '-h') {
    process.stdout.write(HELP);
    return sub === undefined ? 2 : 0;
  }
  if (args.positionals.length > 1) return fail(`one pack folder at a time (got ${args.positionals.join(', ')})`);
  const dir = path.resolve(args.positionals[0] ?? '.');
  switch (sub) {
    case 'init':
      return init(dir, args.values.name);
    case 'test':
      return test(dir, args.values.verbose === true);
    case 'build':
      return build(dir, path.resolve(args.values['out-dir'] ?? '.'));
    default:
      return fail(`unknown command "${sub}"\n\n${HELP}`);
  }
}

async function init(dir: string, name: string | undefined): Promise<number> {
  if (existsSync(path.join(dir, PACK_MANIFEST))) return fail(`${path.join(dir, PACK_MANIFEST)} already exists`);
  const packName = name ?? defaultPackName(path.basename(dir));
  if (!/^[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/.test(packName)) return fail(`--name must look like scope/name in lowercase (got "${packName}")`);
  const files = packScaffold(packName, MOAT_VERSION);
  for (const f of files) {
    const target = path.join(dir, ...f.path.split('/'));
    if (existsSync(target)) return fail(`${target} already exists`);
  }
  for (const f of files) {
    const target = path.join(dir, ...f.path.split('/'));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, f.text, { flag: 'wx' });
    process.stdout.write(`created ${path.relative(process.cwd(), target) || target}\n`);
  }
  process.stdout.write(`\nPack ${packName} is ready: \`moat pack test${dirArg(dir)}\` runs its tests, \`moat pack build${dirArg(dir)}\` builds it.\n`);
  return 0;
}

async function test(dir: string, verbose: boolean): Promise<number> {
  const manifest = await readManifest(dir);
  if (!manifest) return 2;
  const files = await packRuleFiles(manifest);
  if (files.length === 0) return fail(`pack ${manifest.name} has no rule files (rules: ${manifest.rules.join(', ')})`);
  process.stdout.write(`pack ${manifest.name} ${manifest.version}: ${files.length} rule file${files.length === 1 ? '' : 's'}\n`);
  return runTestCommand([...files, ...(verbose ? ['--verbose'] : [])], { defaultSeverity: manifest.defaultSeverity });
}

async function build(dir: string, outDir: string): Promise<number> {
  const manifest = await readManifest(dir);
  if (!manifest) return 2;
  const result = await buildPack(manifest);
  if ('problems' in result) {
    printProblems(result.problems);
    return fail(`pack ${manifest.name} was not built: fix the errors above (\`moat pack test${dirArg(dir)}\`)`);
  }
  const { built } = result;
  await fs.mkdir(outDir, { recursive: true });
  const out = path.join(outDir, built.fileName);
  await fs.writeFile(out, built.tarball);
  await fs.writeFile(`${out}.sha256`, `${built.sha256}  ${built.fileName}\n`);
  process.stdout.write(`wrote ${path.relative(process.cwd(), out) || out} (${built.files.length} files, ${built.tarball.length} bytes)\nsha256 ${built.sha256}\n`);
  return 0;
}

async function readManifest(dir: string): Promise<PackManifest | undefined> {
  const file = path.join(dir, PACK_MANIFEST);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    fail(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message} (create a pack with \`moat pack init\`)`);
    return undefined;
  }
  const parsed = parsePackManifest(text, file, MOAT_VERSION, path.relative(process.cwd(), file) || file);
  printProblems(parsed.problems);
  return parsed.manifest;
}

function printProblems(problems: readonly Problem[]): void {
  for (const p of problems) {
    process.stderr.write(`${p.severity === 'error' ? 'ERROR' : 'WARNING'} ${p.file ?? ''}:${p.line ?? 0}:${p.column ?? 0} ${p.ruleId ? `[${p.ruleId}] ` : ''}${p.key ? `${p.key}: ` : ''}${p.message}\n`);
  }
}

function dirArg(dir: string): string {
  const rel = path.relative(process.cwd(), dir);
  return rel === '' ? '' : ` ${rel}`;
}

function fail(message: string): number {
  process.stderr.write(`moat pack: ${message}\n`);
  return 2;
}
