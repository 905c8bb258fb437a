/**
 * `moat mcp`: Moat as an MCP server over stdio, for coding agents (Claude Code, Cursor, VS Code…).
 * Rules are read once at start; each language's rules are compiled on first use. Options choose
 * the rules like `moat check`, plus the metrics endpoint and the ECS log (stdout is the protocol,
 * so every message goes to stderr).
 */
import { parseArgs } from 'node:util';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { setRulesLoaded } from '../observability/metrics';
import { OBSERVABILITY_ARGS, OBSERVABILITY_HELP, startObservability } from '../observability/observability-options';
import { AgentScanner } from './agent-scanner';
import { createMoatMcpServer } from './mcp-tools';

const HELP = `Usage: moat mcp [options]

Runs Moat as an MCP server on stdin/stdout. Tools: scan_snippet, scan_file, explain_finding,
fix_finding, move_secret_to_vault.

Options:
  -c, --config PATH       rule file, folder or pack (repeatable); default: the bundled packs
      --secrets / --no-secrets   secrets detection (default on without --config)
      --gitleaks-config F a gitleaks config for the secrets detectors
${OBSERVABILITY_HELP}`;

/** Resolves once the server is connected; the process then lives as long as stdin is open. */
export async function runMcpCommand(argv: string[]): Promise<number | 'serving'> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        config: { type: 'string', short: 'c', multiple: true },
        secrets: { type: 'boolean' },
        'no-secrets': { type: 'boolean', default: false },
        'gitleaks-config': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        ...OBSERVABILITY_ARGS,
      },
    });
  } catch (e) {
    process.stderr.write(`moat mcp: ${(e as Error).message}\n\nRun \`moat mcp --help\` for usage.\n`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const observability = await startObservability(args.values, 'mcp');
  if (!observability.ok) {
    process.stderr.write(`moat mcp: ${observability.message}\n`);
    return 2;
  }
  const scanner = await AgentScanner.create({
    root: process.cwd(),
    configs: args.values.config,
    secrets: args.values['no-secrets'] ? false : args.values.secrets,
    gitleaksConfig: args.values['gitleaks-config'],
  });
  for (const p of scanner.problems) process.stderr.write(`moat mcp: ${p.severity}: ${p.file ? `${p.file}${p.line ? `:${p.line}` : ''}: ` : ''}${p.message}\n`);
  setRulesLoaded('mcp', scanner.ruleCount);
  const server = createMoatMcpServer({ scanner, log: observability.value.log });
  await server.connect(new StdioServerTransport());
  return 'serving';
}
