/**
 * The observability flags of `moat lsp --stdio`: `--metrics-port`, `--metrics-host`,
 * `--log-format`. Other arguments (`--stdio`, and whatever vscode-languageserver reads) are left to
 * the server. Without these flags the server runs unobserved, exactly as before.
 */
import { parseArgs } from 'node:util';
import type { EventLog } from './ecs-log';
import { OBSERVABILITY_ARGS, startObservability } from './observability-options';

export async function lspObservability(argv: readonly string[]): Promise<{ ok: true; log?: EventLog } | { ok: false; message: string }> {
  let values;
  try {
    values = parseArgs({ args: [...argv], options: OBSERVABILITY_ARGS, strict: false, allowPositionals: true }).values;
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  const wanted = {
    'metrics-port': typeof values['metrics-port'] === 'string' ? values['metrics-port'] : undefined,
    'metrics-host': typeof values['metrics-host'] === 'string' ? values['metrics-host'] : undefined,
    'log-format': typeof values['log-format'] === 'string' ? values['log-format'] : undefined,
  };
  if (wanted['metrics-port'] === undefined && wanted['log-format'] === undefined && wanted['metrics-host'] === undefined) return { ok: true };
  const started = await startObservability(wanted, 'lsp');
  return started.ok ? { ok: true, log: started.value.log } : { ok: false, message: started.message };
}
