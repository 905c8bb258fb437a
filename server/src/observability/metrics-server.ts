/**
 * The `/metrics` HTTP endpoint Prometheus scrapes (`--metrics-port`, `--metrics-host`). Binds
 * 127.0.0.1 unless told otherwise; port 0 picks a free port. The server does not keep the process
 * alive on its own: `moat mcp` and `moat lsp` live as long as their stdio, `moat check` exits when done.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { enableProcessMetrics, metricsRegistry } from './metrics';

export interface MetricsServer {
  /** `http://HOST:PORT/metrics`. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export const DEFAULT_METRICS_HOST = '127.0.0.1';

/** Parses a `--metrics-port` value: a whole number from 0 (any free port) to 65535. */
export function parseMetricsPort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port <= 65535 ? port : undefined;
}

export function startMetricsServer(port: number, host: string = DEFAULT_METRICS_HOST): Promise<MetricsServer> {
  enableProcessMetrics();
  const server = http.createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (url !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('moat: metrics are at /metrics\n');
      return;
    }
    metricsRegistry.metrics().then(
      (text) => res.writeHead(200, { 'Content-Type': metricsRegistry.contentType }).end(req.method === 'HEAD' ? undefined : text),
      () => res.writeHead(500, { 'Content-Type': 'text/plain' }).end('moat: metrics unavailable\n'),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      server.unref();
      const bound = (server.address() as AddressInfo).port;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${bound}/metrics`,
        port: bound,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
