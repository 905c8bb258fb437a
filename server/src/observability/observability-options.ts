/**
 * The observability flags shared by `moat check`, `moat mcp` and `moat lsp`: `--metrics-port N`
 * (off by default), `--metrics-host H` (default 127.0.0.1) and `--log-format text|ecs` (text: no
 * structured events). Starts what they ask for and says where the metrics are.
 */
import { MOAT_VERSION } from '../cli/version';
import { ecsLog, EventLog, SILENT_LOG } from './ecs-log';
import { DEFAULT_METRICS_HOST, MetricsServer, parseMetricsPort, startMetricsServer } from './metrics-server';
import type { Surface } from './metrics';

/** For node:util parseArgs `options`. */
export const OBSERVABILITY_ARGS = {
  'metrics-port': { type: 'string' },
  'metrics-host': { type: 'string' },
  'log-format': { type: 'string' },
} as const;

export const OBSERVABILITY_HELP = `      --metrics-port N    serve Prometheus metrics at http://127.0.0.1:N/metrics (0: any free port)
      --metrics-host H    bind the metrics endpoint to H instead of 127.0.0.1
      --log-format F      text (default) or ecs: one Elastic Common Schema JSON object per event on stderr
`;

export interface ObservabilityValues {
  readonly 'metrics-port'?: string;
  readonly 'metrics-host'?: string;
  readonly 'log-format'?: string;
}

export interface Observability {
  readonly log: EventLog;
  readonly metrics?: MetricsServer;
  close(): Promise<void>;
}

export type ObservabilityResult = { readonly ok: true; readonly value: Observability } | { readonly ok: false; readonly message: string };

export async function startObservability(values: ObservabilityValues, surface: Surface, stderr: (text: string) => void = (t) => process.stderr.write(t)): Promise<ObservabilityResult> {
  const format = values['log-format'] ?? 'text';
  if (format !== 'text' && format !== 'ecs') return { ok: false, message: `--log-format must be text or ecs, not "${format}"` };
  const log = format === 'ecs' ? ecsLog({ name: 'moat', version: MOAT_VERSION, type: surface }, stderr) : SILENT_LOG;
  if (values['metrics-host'] !== undefined && values['metrics-port'] === undefined) return { ok: false, message: '--metrics-host needs --metrics-port' };
  if (values['metrics-port'] === undefined) return { ok: true, value: { log, close: async () => undefined } };
  const port = parseMetricsPort(values['metrics-port']);
  if (port === undefined) return { ok: false, message: `--metrics-port needs a port number (0-65535), not "${values['metrics-port']}"` };
  const host = values['metrics-host'] ?? DEFAULT_METRICS_HOST;
  let metrics: MetricsServer;
  try {
    metrics = await startMetricsServer(port, host);
  } catch (e) {
    return { ok: false, message: `cannot serve metrics on ${host}:${port}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  if (log.enabled) {
    log.emit({
      level: 'info',
      message: `metrics at ${metrics.url}`,
      event: { kind: 'event', category: ['web'], type: ['info'], action: 'metrics-endpoint-started', outcome: 'success' },
      labels: { url: metrics.url },
    });
  } else {
    stderr(`moat: metrics at ${metrics.url}\n`);
  }
  return { ok: true, value: { log, metrics, close: () => metrics.close() } };
}
