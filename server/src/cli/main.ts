/**
 * The `moat` command: dispatches to subcommands. Exit codes: 0 clean, 1 findings (or failed rule
 * tests), 2 error (bad arguments, broken rules or config).
 */
import { runScanCommand } from './scan-command';
import { runTestCommand } from './test-command';
import { runVaultCommand } from './vault-command';
import { startServer } from '../lsp/start-server';
import { MOAT_VERSION } from './version';

const USAGE = `moat ${MOAT_VERSION} — DevSecOps checks for generative-AI platforms

Usage:
  moat scan [PATH...] [--config RULES]... [--format text|json|sarif] [--output FILE]
            [--severity LEVEL] [--jobs N] [--max-file-size BYTES] [--no-gitignore] [--verbose]
  moat test [PATH...]          run rule tests (Semgrep annotation format) beside the rules
  moat lsp --stdio             the Moat language server over stdio, for any LSP client
  moat vault move FILE:LINE    move the hardcoded secret on that line to HashiCorp Vault
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
      return runVaultCommand(rest);
    case 'lsp':
      if (!rest.includes('--stdio')) {
        process.stderr.write('moat lsp: only --stdio is supported (e.g. `moat lsp --stdio`)\n');
        return 2;
      }
      await startServer();
      return new Promise<number>(() => undefined);
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
