/**
 * `moat lsp --stdio [--metrics-port N] [--metrics-host H] [--log-format text|ecs]`: the language
 * server over stdio for any LSP client. Its own bundle (dist/moat-lsp.js), so the metrics
 * registry the server records into is the one the metrics endpoint serves.
 */
import { lspObservability } from '../observability/lsp-options';
import { startServer } from '../lsp/start-server';

/** Starts the server; resolves with an exit code only when the arguments are wrong. */
export async function runLspCommand(argv: string[]): Promise<number | 'serving'> {
  if (!argv.includes('--stdio')) {
    process.stderr.write('moat lsp: only --stdio is supported (e.g. `moat lsp --stdio`)\n');
    return 2;
  }
  const observed = await lspObservability(argv);
  if (!observed.ok) {
    process.stderr.write(`moat lsp: ${observed.message}\n`);
    return 2;
  }
  await startServer({ log: observed.log });
  return 'serving';
}
