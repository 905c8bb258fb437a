/**
 * `moat scan`: loads rules (the bundled packs, or only the `--config` rules when given, as with
 * Semgrep), scans the targets, and writes text, JSON or SARIF. Exit 0 when nothing at or above
 * `--severity` is found, 1 when something is, 2 when rules or arguments are broken.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Grammars } from '../engine/grammars';
import { Level, levelRank, parseSeverity } from '../engine/finding';
import { RuleSet } from '../engine/rule-set';
import { formatJson } from '../report/format-json';
import { formatSarif } from '../report/format-sarif';
import { formatText } from '../report/format-text';
import { ScanReport } from '../report/report';
import { loadRules } from '../rules/rule-loader';
import { DEFAULT_MAX_FILE_BYTES } from '../scan/file-walk';
import { bundledPacksDir, bundledRulesIndexFor, wasmFromDir } from '../scan/install-paths';
import { scanWorkspace } from '../scan/workspace-scan';
import { MOAT_VERSION } from './version';
import { findGitleaksConfig, secretsDetectors } from '../scan/secrets-setup';
import { scanWorkspaceConfig } from '../config/scan-config';
import { DEPENDENCY_HELP, DEPENDENCY_OPTIONS } from './dependency-options';
import { mergeFileFindings, scanDependencies } from './scan-dependencies';

const HELP = `Usage: moat scan [PATH...] [options]

Scans files and folders (default: the current folder) with Moat's rules.

Options:
  -c, --config PATH       a rule file, a folder of rules or a pack; repeatable. When given, only
                          these rules run (the bundled packs do not).
  -f, --format FORMAT     text (default), json or sarif
  -o, --output FILE       write the report to FILE instead of stdout
      --severity LEVEL    report only findings at or above LEVEL (info, low, medium, high,
                          critical; Semgrep's INFO/WARNING/ERROR work too)
  -j, --jobs N            worker threads (default: CPU count for large scans)
      --max-file-size N   skip files larger than N bytes (default ${DEFAULT_MAX_FILE_BYTES})
      --secrets           run the secrets detectors (default when no --config is given)
      --no-secrets        do not run them
      --gitleaks-config F use a gitleaks config for the secrets detectors (default: .gitleaks.toml
                          in the current folder when present; [extend] useDefault keeps Moat's)
      --moat-config FILE  the workspace config (default: .moat.yaml in the current folder, or in
                          the one folder scanned): packs, rule overrides, excludes, secrets
${DEPENDENCY_HELP}      --no-gitignore      do not honour .gitignore (.moatignore is always honoured)
      --verbose           list skipped files
      --no-color          plain text output

Exit codes: 0 no findings, 1 findings, 2 error.
`;

export async function runScanCommand(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string', short: 'c', multiple: true },
        format: { type: 'string', short: 'f', default: 'text' },
        output: { type: 'string', short: 'o' },
        severity: { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        'max-file-size': { type: 'string' },
        'no-gitignore': { type: 'boolean', default: false },
        secrets: { type: 'boolean' },
        'no-secrets': { type: 'boolean', default: false },
        'gitleaks-config': { type: 'string' },
        'moat-config': { type: 'string' },
        ...DEPENDENCY_OPTIONS,
        verbose: { type: 'boolean', default: false },
        'no-color': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    process.stderr.write(`moat scan: ${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  const opts = args.values;
  if (opts.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const format = opts.format ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) return usageError(`unknown format "${format}"`);
  let minLevel: Level = 'info';
  if (opts.severity !== undefined) {
    const level = parseSeverity(opts.severity) ?? (['info', 'low', 'medium', 'high', 'critical'].includes(opts.severity.toLowerCase()) ? (opts.severity.toLowerCase() as Level) : undefined);
    if (!level) return usageError(`unknown severity "${opts.severity}"`);
    minLevel = level;
  }
  const jobs = opts.jobs === undefined ? undefined : Number(opts.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 0)) return usageError(`--jobs needs a whole number`);
  const maxFileBytes = opts['max-file-size'] === undefined ? DEFAULT_MAX_FILE_BYTES : Number(opts['max-file-size']);
  if (!(Number.isInteger(maxFileBytes) && maxFileBytes > 0)) return usageError('--max-file-size needs a positive number of bytes');

  const targets = args.positionals.length ? args.positionals : ['.'];
  for (const t of targets) {
    try {
      await fs.stat(t);
    } catch {
      return usageError(`no such file or folder: ${t}`);
    }
  }
  const configs = opts.config?.length ? opts.config : [bundledPacksDir()];
  const loaded = await loadRules(configs, undefined, { indexFor: bundledRulesIndexFor });
  // .moat.yaml: its packs add rules (unless --config chose them), its overrides and excludes apply.
  const ws = await scanWorkspaceConfig({ explicit: opts['moat-config'], root: process.cwd(), targets, packs: !opts.config?.length, moatVersion: MOAT_VERSION });
  if ('error' in ws) return usageError(ws.error);
  const rules = ws.overrides.applyToRules([...loaded.rules, ...ws.rules]);
  const secrets = !opts['no-secrets'] && (opts.secrets === true || opts['gitleaks-config'] !== undefined || !opts.config?.length);
  const root = process.cwd();
  let gitleaks;
  try {
    gitleaks = secrets ? findGitleaksConfig(opts['gitleaks-config'], root) : undefined;
  } catch (e) {
    return usageError(`cannot read ${opts['gitleaks-config']}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const wsSecrets = secrets ? ws.secretsSource(gitleaks) : { source: gitleaks, problems: [] };
  gitleaks = wsSecrets.source;
  const compile = async () => RuleSet.create(rules, await Grammars.create(wasmFromDir()), secrets ? secretsDetectors(gitleaks).detectors : []);
  const full = await scanWorkspace(rules, compile, { targets, root, maxFileBytes, respectGitignore: !opts['no-gitignore'], jobs, secrets, gitleaks, excludePath: (f) => ws.excluded(f) });
  // Like the secrets detectors: on by default, off when --config chose the rules (unless asked for).
  const dependenciesOn = !opts['no-dependencies'] && (opts.dependencies === true || !opts.config?.length);
  const advisoryDefaults = { sources: ws.advisories.sources, offlineDb: ws.advisories.offlineDb, snykOrg: ws.advisories.snykOrg, cacheHours: ws.advisories.cacheTtlMs / 3_600_000 };
  const deps = await scanDependencies({ ...opts, 'no-dependencies': !dependenciesOn }, advisoryDefaults, {
    targets,
    root,
    respectGitignore: !opts['no-gitignore'],
    excludePath: (f) => ws.excluded(f),
  });
  if ('error' in deps) return usageError(deps.error);
  const report: ScanReport = {
    ...full,
    rules: ws.overrides.applyToInfos([...full.rules, ...deps.infos]),
    problems: [...loaded.problems, ...ws.problems, ...wsSecrets.problems, ...full.problems, ...deps.problems],
    files: mergeFileFindings(full.files, deps.files)
      .map((f) => ({ ...f, findings: ws.overrides.applyToFindings(f.findings).filter((x) => levelRank(x.level) >= levelRank(minLevel)) }))
      .filter((f) => f.findings.length > 0),
  };

  const color = format === 'text' && !opts.output && !opts['no-color'] && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const text =
    format === 'json' ? formatJson(report) : format === 'sarif' ? formatSarif(report, { toolVersion: MOAT_VERSION }) : formatText(report, { color, verbose: opts.verbose });
  if (opts.output) {
    await fs.mkdir(path.dirname(path.resolve(opts.output)), { recursive: true });
    await fs.writeFile(opts.output, text.endsWith('\n') ? text : text + '\n');
    if (format !== 'text') process.stderr.write(summaryLine(report, opts.output));
  } else {
    process.stdout.write(text.endsWith('\n') ? text : text + '\n');
  }
  if (report.problems.some((p) => p.severity === 'error')) return 2;
  return report.files.some((f) => f.findings.some((x) => !x.suppressed)) ? 1 : 0;
}

function summaryLine(report: ScanReport, output: string): string {
  const count = report.files.reduce((n, f) => n + f.findings.filter((x) => !x.suppressed).length, 0);
  return `moat: ${count} finding${count === 1 ? '' : 's'} in ${report.stats.filesScanned} files; report written to ${output}\n`;
}

function usageError(message: string): number {
  process.stderr.write(`moat scan: ${message}\n\nRun \`moat scan --help\` for usage.\n`);
  return 2;
}
