/**
 * `moat check`: the hook form of a scan, for coding agents. Checks files given as paths, content on
 * stdin (`--path` names it, for the language and the rules' paths), or the JSON event an agent hook
 * sends on stdin (Claude Code's PreToolUse/PostToolUse for Write/Edit/MultiEdit, or a generic
 * `{"path","content"}`). Exit codes: 0 nothing at or above `--fail-on` (default high); 1 something
 * is (2 with `--hook claude`, Claude Code's "blocking error": the write is refused and the findings
 * on stderr go back to the agent); 2 usage or rule errors (1 with `--hook claude`, a non-blocking
 * error that does not stop the agent).
 */
import { promises as fs, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Level, levelRank, LEVELS, parseSeverity } from '../engine/finding';
import { setRulesLoaded } from '../observability/metrics';
import { DEFAULT_MAX_FILE_BYTES } from '../scan/file-walk';
import { OBSERVABILITY_ARGS, OBSERVABILITY_HELP, Observability, startObservability } from '../observability/observability-options';
import { observeBlockedWrite, observeScan } from '../observability/scan-events';
import { toAgentFindings } from './agent-findings';
import { AgentScanner } from './agent-scanner';
import { CheckedFile, checkJson, CheckResult, checkText } from './check-report';
import { CheckTarget, HookInfo, parseHookInput } from './check-input';

const HELP = `Usage: moat check [FILE...] [options]
       moat check --path FILE < content
       moat check --hook claude < hook-event.json

Checks what an agent is about to write (or just wrote) and exits non-zero when a finding at or
above --fail-on is present, so the write is blocked or sent back with actionable findings.

Options:
      --path FILE         the file the content on stdin belongs to (picks the language and rules)
      --hook KIND         stdin is a hook event: claude (Claude Code PreToolUse/PostToolUse for
                          Write|Edit|MultiEdit; blocked = exit 2, findings on stderr) or generic
                          ({"path","content"}; JSON output, blocked = exit 1)
  -f, --format FORMAT     text (default) or json
      --json              same as --format json
      --fail-on LEVEL     block at or above LEVEL: info, low, medium, high (default), critical
  -c, --config PATH       rule file, folder or pack (repeatable); default: the bundled packs
      --secrets / --no-secrets   secrets detection (default on without --config)
      --gitleaks-config F a gitleaks config for the secrets detectors
${OBSERVABILITY_HELP}
Exit codes: 0 pass, 1 blocked (2 with --hook claude), 2 error (1 with --hook claude).
`;

export interface CheckIo {
  readStdin(): Promise<string>;
  readonly stdinIsTTY: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
  readonly cwd: string;
}

export const PROCESS_IO: CheckIo = {
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  get stdinIsTTY() {
    return process.stdin.isTTY === true;
  },
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  get cwd() {
    return process.cwd();
  },
};

function readTextOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export async function runCheckCommand(argv: string[], io: CheckIo = PROCESS_IO): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        path: { type: 'string' },
        hook: { type: 'string' },
        format: { type: 'string', short: 'f' },
        json: { type: 'boolean', default: false },
        'fail-on': { type: 'string' },
        config: { type: 'string', short: 'c', multiple: true },
        secrets: { type: 'boolean' },
        'no-secrets': { type: 'boolean', default: false },
        'gitleaks-config': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        ...OBSERVABILITY_ARGS,
      },
    });
  } catch (e) {
    io.stderr(`moat check: ${(e as Error).message}\n\nRun \`moat check --help\` for usage.\n`);
    return 2;
  }
  const opts = args.values;
  if (opts.help) {
    io.stdout(HELP);
    return 0;
  }
  const hookKind = opts.hook;
  const errorCode = hookKind === 'claude' ? 1 : 2;
  const fail = (message: string): number => {
    io.stderr(`moat check: ${message}\n`);
    return errorCode;
  };
  if (hookKind !== undefined && hookKind !== 'claude' && hookKind !== 'generic') return fail(`--hook must be claude or generic, not "${hookKind}"`);
  const format = opts.json ? 'json' : (opts.format ?? (hookKind === 'generic' ? 'json' : 'text'));
  if (format !== 'text' && format !== 'json') return fail(`unknown format "${format}"`);
  const failOn = parseLevel(opts['fail-on'] ?? 'high');
  if (!failOn) return fail(`--fail-on must be one of ${LEVELS.join(', ')}, not "${opts['fail-on']}"`);

  // What to check.
  let targets: CheckTarget[];
  let hook: HookInfo | undefined;
  let cwd = io.cwd;
  if (args.positionals.length > 0) {
    if (hookKind || opts.path) return fail('give FILE arguments, or --path/--hook with stdin, not both');
    targets = [];
    for (const p of args.positionals) {
      try {
        targets.push({ file: p, content: await fs.readFile(p, 'utf8') });
      } catch (e) {
        return fail(`cannot read ${p}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
    }
  } else if (opts.path !== undefined && hookKind === undefined) {
    targets = [{ file: opts.path, content: await io.readStdin() }];
  } else {
    if (hookKind === undefined && io.stdinIsTTY) return fail('give a FILE, --path FILE with the content on stdin, or a hook event on stdin (--hook claude)');
    const stdin = await io.readStdin();
    if (stdin.trim() === '') return fail('nothing on stdin: give a FILE, --path FILE with the content on stdin, or a hook event on stdin (--hook claude)');
    const input = parseHookInput(stdin, readTextOrUndefined, io.cwd, hookKind);
    if (input.kind === 'error') return fail(input.message);
    if (input.kind === 'skip') {
      if (format === 'json') io.stdout(JSON.stringify({ version: 1, blocked: false, skipped: input.reason, files: [] }) + '\n');
      return 0;
    }
    targets = [input.target];
    hook = input.hook;
    cwd = input.hook.cwd;
  }

  const observability = await startObservability(opts, 'check', io.stderr);
  if (!observability.ok) return fail(observability.message);
  try {
    return await check(targets, { cwd, failOn, format, hook, hookKind, errorCode, io, obs: observability.value, configs: opts.config, secrets: opts['no-secrets'] ? false : opts.secrets, gitleaks: opts['gitleaks-config'] });
  } finally {
    await observability.value.close();
  }
}

interface CheckRun {
  readonly cwd: string;
  readonly failOn: Level;
  readonly format: 'text' | 'json';
  readonly hook: HookInfo | undefined;
  readonly hookKind: string | undefined;
  readonly errorCode: number;
  readonly io: CheckIo;
  readonly obs: Observability;
  readonly configs: string[] | undefined;
  readonly secrets: boolean | undefined;
  readonly gitleaks: string | undefined;
}

async function check(targets: readonly CheckTarget[], run: CheckRun): Promise<number> {
  const started = performance.now();
  const scanner = await AgentScanner.create({ root: run.cwd, configs: run.configs, secrets: run.secrets, gitleaksConfig: run.gitleaks });
  setRulesLoaded('check', scanner.ruleCount);
  const files: CheckedFile[] = [];
  const problems = [...scanner.problems];
  for (const t of targets) {
    if (t.content.length > DEFAULT_MAX_FILE_BYTES) {
      problems.push({ severity: 'warning', message: `not checked: ${t.content.length} characters is more than the ${DEFAULT_MAX_FILE_BYTES} a check reads`, file: scanner.displayPath(t.file) });
      continue;
    }
    const scan = await scanner.scanText(t.content, t.file);
    observeScan(run.obs.log, { surface: 'check', path: scan.path, language: scan.language, durationMs: scan.durationMs, findings: scan.findings, ruleInfo: (id) => scanner.ruleInfo(id) });
    problems.push(...scan.problems);
    files.push({ path: scan.path, language: scan.language, findings: toAgentFindings(scan, (id) => scanner.ruleInfo(id)) });
  }
  const blocking = files.reduce((n, f) => n + f.findings.filter((x) => !x.suppressed && levelRank(x.level) >= levelRank(run.failOn)).length, 0);
  const result: CheckResult = { files, problems, failOn: run.failOn, blocking, durationMs: performance.now() - started, rules: scanner.ruleCount };
  const broken = problems.some((p) => p.severity === 'error');
  if (blocking > 0 && run.hook) {
    for (const f of files) observeBlockedWrite(run.obs.log, { hook: run.hook.kind, tool: run.hook.tool, path: f.path, blocking });
  }
  if (run.hookKind === 'claude') {
    // Claude Code: exit 2 refuses the write (PreToolUse) or sends it back (PostToolUse), feeding
    // stderr to the agent; on exit 0 stdout only reaches the transcript.
    if (blocking > 0) {
      run.io.stderr(run.format === 'json' ? checkJson(result) : checkText(result));
      return 2;
    }
    if (broken) {
      run.io.stderr(checkText(result));
      return run.errorCode;
    }
    run.io.stdout(run.format === 'json' ? checkJson(result) : checkText(result));
    return 0;
  }
  run.io.stdout(run.format === 'json' ? checkJson(result) : checkText(result));
  if (blocking > 0) return 1;
  return broken ? run.errorCode : 0;
}

function parseLevel(text: string): Level | undefined {
  const lower = text.toLowerCase();
  return (LEVELS as readonly string[]).includes(lower) ? (lower as Level) : parseSeverity(text);
}
