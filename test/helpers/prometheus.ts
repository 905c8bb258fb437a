/**
 * A real Prometheus for tests (Debian's `prometheus` package): started on 127.0.0.1 with a temp
 * config that scrapes the given targets every second and a temp storage folder, in its own process
 * group so `stop()` ends it and anything it started. Queries go through its HTTP API.
 * `prometheusBinary()` is undefined when it is not installed; callers decide to fail or skip.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface PromSample {
  readonly metric: Record<string, string>;
  readonly value: number;
}

export interface PrometheusHandle {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** Runs an instant query through `/api/v1/query`. */
  query(expr: string): Promise<PromSample[]>;
  /** Polls `query(expr)` until it returns a sample for which `accept` holds, or times out. */
  waitFor(expr: string, accept: (s: PromSample) => boolean, timeoutMs: number): Promise<PromSample>;
  /** What Prometheus printed (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

export function prometheusBinary(): string | undefined {
  for (const candidate of ['/usr/bin/prometheus', '/usr/local/bin/prometheus']) if (existsSync(candidate)) return candidate;
  return undefined;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startPrometheus(binary: string, targets: readonly string[]): Promise<PrometheusHandle> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'moat-prometheus-'));
  const config = path.join(dir, 'prometheus.yml');
  writeFileSync(
    config,
    [
      'global:',
      '  scrape_interval: 1s',
      '  scrape_timeout: 900ms',
      '  evaluation_interval: 1s',
      'scrape_configs:',
      '  - job_name: moat',
      '    metrics_path: /metrics',
      '    static_configs:',
      `      - targets: [${targets.map((t) => `'${t}'`).join(', ')}]`,
      '',
    ].join('\n'),
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const child: ChildProcess = spawn(
    binary,
    [`--config.file=${config}`, `--storage.tsdb.path=${path.join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));

  const stop = async (): Promise<void> => {
    if (!exited && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const killed = await Promise.race([exit.then(() => true), sleep(5000).then(() => false)]);
      if (!killed) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
        await exit;
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`prometheus exited at start:\n${log}`);
    }
    try {
      const res = await fetch(`${url}/-/ready`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prometheus did not become ready in 30 s:\n${log}`);
    }
    await sleep(200);
  }

  const query = async (expr: string): Promise<PromSample[]> => {
    const res = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(expr)}`);
    const body = (await res.json()) as { status: string; error?: string; data?: { resultType: string; result: Array<{ metric: Record<string, string>; value: [number, string] }> } };
    if (body.status !== 'success' || !body.data) throw new Error(`query ${expr} failed: ${body.error ?? res.status}`);
    return body.data.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
  };

  return {
    url,
    query,
    async waitFor(expr, accept, timeoutMs) {
      const until = Date.now() + timeoutMs;
      let last: PromSample[] = [];
      for (;;) {
        last = await query(expr);
        const hit = last.find(accept);
        if (hit) return hit;
        if (Date.now() > until) throw new Error(`no sample of ${expr} matched within ${timeoutMs} ms; last: ${JSON.stringify(last)}\n${log}`);
        await sleep(500);
      }
    },
    output: () => log,
    stop,
  };
}
