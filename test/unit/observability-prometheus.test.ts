/**
 * Metrics reach a real Prometheus: `moat mcp --metrics-port 0` scans a snippet, Debian's
 * `prometheus` (started on 127.0.0.1 with a temp config scraping Moat every second and a temp
 * storage folder) scrapes it, and the series is read back through Prometheus's HTTP API. Fails
 * when prometheus is not installed, unless MOAT_SKIP_PROMETHEUS=1.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { PrometheusHandle, prometheusBinary, startPrometheus } from '../helpers/prometheus';

const MOAT = path.join(__dirname, '..', '..', '..', 'dist', 'moat.js');
const binary = prometheusBinary();
const skip = binary === undefined && process.env.MOAT_SKIP_PROMETHEUS === '1' ? 'prometheus is not installed and MOAT_SKIP_PROMETHEUS=1' : false;

test('Prometheus scrapes moat mcp and answers a query for Moat\'s findings and scan latency', { skip, timeout: 120_000 }, async () => {
  assert.ok(binary, 'prometheus is not installed (Debian: apt-get install -y --no-install-recommends prometheus); set MOAT_SKIP_PROMETHEUS=1 to skip this test');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'moat-prom-'));
  const transport = new StdioClientTransport({ command: process.execPath, args: [MOAT, 'mcp', '--metrics-port', '0'], cwd: dir, stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (d) => (stderr += d));
  const client = new Client({ name: 'prometheus-test', version: '1.0.0' });
  let prometheus: PrometheusHandle | undefined;
  try {
    await client.connect(transport);
    const result = await client.callTool({ name: 'scan_snippet', arguments: { code: 'import requests\nrequests.get(u, verify=False)\n', language: 'python' } });
    assert.ok(!result.isError);
    const url = /moat: metrics at http:\/\/(127\.0\.0\.1:\d+)\/metrics/.exec(stderr)?.[1];
    assert.ok(url, stderr);
    prometheus = await startPrometheus(binary!, [url]);
    const up = await prometheus.waitFor('up{job="moat"}', (s) => s.value === 1, 30_000);
    assert.equal(up.metric['instance'], url);
    const findings = await prometheus.waitFor('moat_findings_total{rule_id="genai.tls-verify-disabled"}', (s) => s.value >= 1, 30_000);
    assert.deepEqual({ surface: findings.metric['surface'], severity: findings.metric['severity'], job: findings.metric['job'] }, { surface: 'mcp', severity: 'high', job: 'moat' });
    const scans = await prometheus.query('sum(moat_scan_duration_seconds_count{surface="mcp"})');
    assert.equal(scans[0]?.value, 1);
    const rules = await prometheus.query('moat_rules_loaded{surface="mcp"}');
    assert.ok((rules[0]?.value ?? 0) > 100, JSON.stringify(rules));
  } finally {
    await prometheus?.stop();
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
