/**
 * The `moat` command: dispatches to subcommands. Exit codes: 0 clean, 1 findings (or failed rule
 * tests), 2 error (bad arguments, broken rules or config).
 */
import { runScanCommand } from './scan-command';
import { runTestCommand } from './test-command';
import { runPackCommand } from './pack-command';
import { runAdvisoriesCommand } from './advisories-command';
import { MOAT_VERSION } from './version';

const USAGE = `moat ${MOAT_VERSION} — DevSecOps checks for generative-AI platforms

Usage:
  moat scan [PATH...] [--config RULES]... [--format text|json|sarif] [--output FILE]
            [--severity LEVEL] [--jobs N] [--max-file-size BYTES] [--no-gitignore] [--verbose]
  moat test [PATH...]          run rule tests (Semgrep annotation format) beside the rules
  moat pack init|test|build [DIR]  create, test and build a rule pack (moat-pack.yaml)
  moat lsp --stdio             the Moat language server over stdio, for any LSP client
                               [--metrics-port N] [--metrics-host H] [--log-format text|ecs]
  moat check [FILE...]         check what an agent writes (--path P < content, --hook claude < event)
  moat mcp                     Moat as an MCP server over stdio (scan, explain, fix, move secrets)
  moat init-agent [--write]    wire Moat into Claude Code, Cursor, VS Code and AGENTS.md
  moat vault move FILE:LINE    move the hardcoded secret on that line to HashiCorp Vault
  moat advisories import PATH  load an OSV export into the offline advisory database
  moat falco check FILE|DIR... check Falco rules files (fields, conditions, macros, lists)
  moat --version

Run \`moat scan --help\` or \`moat test --help\` for details.
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'scan':
      return runScanCommand(rest);
    case 'test':
      return runTestCommand(rest);
    case 'vault':
      return (await import('./vault-command')).runVaultCommand(rest);
    case 'pack':
      return runPackCommand(rest);
    case 'advisories':
      return runAdvisoriesCommand(rest);
    case 'lsp': {
      const served = await (await import('./lsp-command')).runLspCommand(rest);
      return served === 'serving' ? new Promise<number>(() => undefined) : served;
    }
    // The agent commands load their modules on demand: `moat check` runs on every agent edit.
    case 'check':
      return (await import('../agent/check-command')).runCheckCommand(rest);
    case 'mcp': {
      const served = await (await import('../agent/mcp-command')).runMcpCommand(rest);
      return served === 'serving' ? new Promise<number>(() => undefined) : served;
    }
    case 'init-agent':
      return (await import('../agent/init-agent-command')).runInitAgentCommand(rest);
    case 'falco':
      return (await import('../falco/falco-command')).runFalcoCommand(rest);
    case '--version':
    case '-v':
    case 'version':
      process.stdout.write(`${MOAT_VERSION}\n`);
      return 0;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`moat: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`moat: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
