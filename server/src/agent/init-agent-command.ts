/**
 * `moat init-agent`: prints (dry run) or writes (`--write`) the configuration that wires Moat into
 * coding agents — Claude Code hooks and `.mcp.json`, Cursor's and VS Code's MCP files, and an
 * instruction section in AGENTS.md. Existing JSON is merged, never replaced; running it twice
 * changes nothing. Exit 0 done, 2 usage error or a file that could not be merged (the others are
 * still written).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AGENT_TARGETS, AgentTarget, FilePlan, planInitAgent } from './init-agent-plan';

const HELP = `Usage: moat init-agent [--write] [--agents LIST] [--hook-event pre|post] [--command CMD] [--dir DIR]

Shows the files that wire Moat into coding agents, and writes them with --write:
  claude        .claude/settings.json (hook: Write|Edit|MultiEdit → moat check --hook claude) and .mcp.json
  cursor        .cursor/mcp.json
  vscode        .vscode/mcp.json
  instructions  a Moat section in AGENTS.md (--instructions-file CLAUDE.md to use that instead)
Default agents: claude and instructions, plus cursor / vscode when .cursor/ / .vscode/ exist.

Options:
      --write             write the files (default: print them only)
      --agents LIST       comma-separated: ${AGENT_TARGETS.join(', ')}
      --hook-event E      pre (default: PreToolUse, the write is refused) or post (PostToolUse, sent back)
      --command CMD       how agents run Moat (default: node and this moat.js, absolute)
      --instructions-file F   default AGENTS.md
      --dir DIR           the project folder (default: the current folder)
`;

export async function runInitAgentCommand(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        write: { type: 'boolean', default: false },
        agents: { type: 'string' },
        'hook-event': { type: 'string', default: 'pre' },
        command: { type: 'string' },
        'instructions-file': { type: 'string', default: 'AGENTS.md' },
        dir: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    process.stderr.write(`moat init-agent: ${(e as Error).message}\n\nRun \`moat init-agent --help\` for usage.\n`);
    return 2;
  }
  const opts = args.values;
  if (opts.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const fail = (message: string): number => {
    process.stderr.write(`moat init-agent: ${message}\n`);
    return 2;
  };
  const root = path.resolve(opts.dir ?? '.');
  if (!isDir(root)) return fail(`no such folder: ${root}`);
  const event = opts['hook-event'] === 'pre' ? 'PreToolUse' : opts['hook-event'] === 'post' ? 'PostToolUse' : undefined;
  if (!event) return fail(`--hook-event must be pre or post, not "${opts['hook-event']}"`);
  let targets: AgentTarget[];
  if (opts.agents !== undefined) {
    const asked = opts.agents.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = asked.filter((a) => !(AGENT_TARGETS as readonly string[]).includes(a));
    if (unknown.length || asked.length === 0) return fail(`--agents takes ${AGENT_TARGETS.join(', ')} (got "${opts.agents}")`);
    targets = asked as AgentTarget[];
  } else {
    targets = ['claude', ...(isDir(path.join(root, '.cursor')) ? ['cursor' as const] : []), ...(isDir(path.join(root, '.vscode')) ? ['vscode' as const] : []), 'instructions'];
  }
  const command = opts.command !== undefined ? opts.command.trim().split(/\s+/).filter(Boolean) : defaultCommand();
  if (command.length === 0) return fail('--command is empty');
  const instructionsFile = opts['instructions-file'];
  if (path.isAbsolute(instructionsFile) || instructionsFile.split(/[\\/]/).includes('..')) return fail('--instructions-file must be a path inside the project');

  const read = (relative: string): string | undefined => {
    try {
      return readFileSync(path.join(root, relative), 'utf8');
    } catch {
      return undefined;
    }
  };
  const plans = planInitAgent(read, { command, targets, hookEvent: event, instructionsFile });
  const out: string[] = [
    opts.write ? `moat init-agent: writing into ${root}` : `moat init-agent: dry run in ${root} — nothing is written; run again with --write to write these files`,
  ];
  for (const plan of plans) {
    out.push('', `== ${plan.path} (${plan.action}: ${plan.summary})`);
    if (plan.action === 'create' || plan.action === 'update') {
      if (!opts.write) out.push(plan.text!.replace(/\n$/, ''));
      else write(root, plan);
    }
  }
  if (!opts.write && plans.some((p) => p.action === 'create' || p.action === 'update')) out.push('', 'Run `moat init-agent --write` (same options) to write them.');
  if (opts.write) out.push('', 'Done. Restart the agent (or reload its MCP servers) to pick up the configuration.');
  process.stdout.write(out.join('\n') + '\n');
  return plans.some((p) => p.action === 'error') ? 2 : 0;
}

/** `node /abs/path/moat.js` when running from a moat.js bundle, else `moat` (on PATH). */
function defaultCommand(): string[] {
  const script = process.argv[1] ? path.resolve(process.argv[1]) : '';
  return /moat(\.js)?$/.test(script) && existsSync(script) ? ['node', script] : ['moat'];
}

function write(root: string, plan: FilePlan): void {
  const file = path.join(root, plan.path);
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.moat-${process.pid}.tmp`;
  writeFileSync(temp, plan.text!);
  renameSync(temp, file);
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
