/**
 * Metrics and logs: the /metrics endpoint (prom-client exposition, 127.0.0.1, 404 elsewhere), the
 * exported advisory-source error counter, ECS log lines from `moat check`, and the MCP server and
 * language server serving metrics for the scans they did — with a fake secret scanned, neither
 * its value nor a long fragment of it appears in /metrics or in the log.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { labelValue, metricsText, recordAdvisorySourceError } from '../../server/src/observability/metrics';
import { startMetricsServer } from '../../server/src/observability/metrics-server';
import { ecsDocument } from '../../server/src/observability/ecs-log';
import { expandSample } from '../../server/src/secrets/sample-tokens';

const MOAT = path.join(__dirname, '..', '..', '..', 'dist', 'moat.js');
const KEY = expandSample('sk-proj-{alnum:58}T3BlbkFJ{alnum:58}', 'observability');
const CODE = `import requests\nKEY = "${KEY}"\nr = requests.get(url, verify=False)\n`;

function assertNoSecret(text: string, where: string): void {
  assert.ok(!text.includes(KEY), `the secret value appears in ${where}`);
  for (let i = 4; i + 10 <= KEY.length; i += 5) assert.ok(!text.includes(KEY.slice(i, i + 10)), `a fragment of the secret (${i}) appears in ${where}`);
}

/** The value of one series in exposition text, or undefined. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[3] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[4]);
  }
  return undefined;
}

test('the endpoint serves the registry on 127.0.0.1, with the advisory-source error counter other code records', async () => {
  recordAdvisorySourceError('osv');
  recordAdvisorySourceError('osv');
  recordAdvisorySourceError('ghsa mirror "eu"');
  const server = await startMetricsServer(0);
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const res = await fetch(server.url);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    assert.equal(sample(text, 'moat_advisory_source_errors_total', { source: 'osv' }), 2);
    assert.equal(sample(text, 'moat_advisory_source_errors_total', { source: 'ghsa_mirror__eu_' }), 1);
    assert.match(text, /# TYPE moat_scan_duration_seconds histogram/);
    assert.match(text, /# TYPE moat_process_cpu_seconds_total counter/);
    assert.equal((await fetch(server.url.replace('/metrics', '/'))).status, 404);
  } finally {
    await server.close();
  }
  assert.equal(labelValue('x'.repeat(200)).length, 96);
  assert.match(await metricsText(), /moat_agent_writes_blocked_total/);
});

test('an ECS document has the field names Filebeat expects', () => {
  const doc = ecsDocument(
    { level: 'warn', message: 'm', event: { kind: 'alert', category: ['file'], type: ['info'], action: 'finding', severity: 4 }, rule: { id: 'r.one', name: 'Rule one' }, file: { path: 'a.py' } },
    { name: 'moat', version: '1.2.3', type: 'check' },
    new Date('2026-01-02T03:04:05.000Z'),
  );
  assert.deepEqual(Object.keys(doc).slice(0, 4), ['@timestamp', 'log.level', 'message', 'ecs.version']);
  assert.equal(doc['@timestamp'], '2026-01-02T03:04:05.000Z');
  assert.deepEqual(doc['event'], { kind: 'alert', category: ['file'], type: ['info'], action: 'finding', severity: 4, module: 'moat', dataset: 'moat.check' });
  assert.deepEqual(doc['service'], { name: 'moat', version: '1.2.3', type: 'check' });
  assert.deepEqual(doc['rule'], { id: 'r.one', name: 'Rule one' });
});

test('moat check --log-format ecs: one ECS object per line on stderr — scan, findings, blocked write — and no secret', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'moat-ecs-'));
  try {
    const run = await new Promise<{ status: number | null; stderr: string; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, [MOAT, 'check', '--hook', 'claude', '--log-format', 'ecs', '--json'], { cwd: dir });
      let stderr = '';
      let stdout = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.on('data', (d) => (stdout += d));
      child.on('close', (status) => resolve({ status, stderr, stdout }));
      child.stdin.end(JSON.stringify({ cwd: dir, hook_event_name: 'PreToolUse', tool_name: 'Write', tool_input: { file_path: 'svc.py', content: CODE } }));
    });
    assert.equal(run.status, 2);
    const lines = run.stderr.trim().split('\n');
    const events = lines.filter((l) => l.startsWith('{"@timestamp"')).map((l) => JSON.parse(l) as Record<string, any>);
    assert.ok(events.length >= 4, run.stderr);
    for (const e of events) {
      assert.equal(e['ecs.version'], '8.11.0');
      assert.ok(['info', 'warn', 'error'].includes(e['log.level']));
      assert.equal(typeof e.message, 'string');
      assert.equal(e.service.name, 'moat');
      assert.ok(Array.isArray(e.event.category) && Array.isArray(e.event.type));
    }
    const scan = events.find((e) => e.event.action === 'scan');
    assert.equal(scan?.file.path, 'svc.py');
    assert.ok(scan!.event.duration > 0, 'event.duration in nanoseconds');
    const findings = events.filter((e) => e.event.action === 'finding');
    const ids = findings.map((e) => e.rule.id);
    assert.ok(ids.includes('genai.tls-verify-disabled') && ids.includes('moat.secrets.openai-project-key'), ids.join(', '));
    assert.ok(findings.every((e) => e.event.kind === 'alert' && typeof e.rule.name === 'string'));
    const blocked = events.find((e) => e.event.action === 'agent-write-blocked');
    assert.equal(blocked?.event.outcome, 'failure');
    assert.equal(blocked?.labels.tool, 'Write');
    assertNoSecret(run.stderr + run.stdout, 'the check output and ECS log');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('moat mcp --metrics-port 0: scans show up in /metrics by rule, severity and surface; no secret in metrics or log', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'moat-mcp-metrics-'));
  const transport = new StdioClientTransport({ command: process.execPath, args: [MOAT, 'mcp', '--metrics-port', '0', '--log-format', 'ecs'], cwd: dir, stderr: 'pipe' });
  let log = '';
  transport.stderr?.on('data', (d) => (log += d));
  const client = new Client({ name: 'metrics-test', version: '1.0.0' });
  try {
    await client.connect(transport);
    await client.callTool({ name: 'scan_snippet', arguments: { code: CODE, language: 'python' } });
    const started = log.split('\n').find((l) => l.includes('metrics-endpoint-started'));
    assert.ok(started, log);
    const url = (JSON.parse(started) as { labels: { url: string } }).labels.url;
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const text = await (await fetch(url)).text();
    assert.equal(sample(text, 'moat_findings_total', { surface: 'mcp', rule_id: 'genai.tls-verify-disabled', severity: 'high' }), 1);
    assert.equal(sample(text, 'moat_findings_total', { surface: 'mcp', rule_id: 'moat.secrets.openai-project-key', severity: 'critical' }), 1);
    assert.equal(sample(text, 'moat_scan_duration_seconds_count', { surface: 'mcp', language: 'python' }), 1);
    assert.ok((sample(text, 'moat_rules_loaded', { surface: 'mcp' }) ?? 0) > 100);
    assertNoSecret(text, '/metrics');
    assertNoSecret(log, 'the ECS log');
  } finally {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('moat lsp --stdio --metrics-port 0: each check of an open document is timed and its findings counted', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'moat-lsp-metrics-'));
  const child = spawn(process.execPath, [MOAT, 'lsp', '--stdio', '--metrics-port', '0'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published: string[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => published.push(...p.diagnostics.map((d) => String(d.code))));
  connection.listen();
  try {
    const root = pathToFileURL(dir).toString();
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: root, capabilities: {}, workspaceFolders: [{ uri: root, name: 'w' }] });
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: `${root}/svc.py`, languageId: 'python', version: 1, text: CODE } });
    const until = Date.now() + 20_000;
    while (!published.includes('genai.tls-verify-disabled') && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    assert.ok(published.includes('genai.tls-verify-disabled'), `diagnostics: ${published.join(', ')}; ${stderr}`);
    const url = /moat: metrics at (\S+)/.exec(stderr)?.[1];
    assert.ok(url, stderr);
    const text = await (await fetch(url)).text();
    assert.equal(sample(text, 'moat_findings_total', { surface: 'lsp', rule_id: 'genai.tls-verify-disabled', severity: 'high' }), 1);
    assert.equal(sample(text, 'moat_scan_duration_seconds_count', { surface: 'lsp', language: 'python' }), 1);
    assert.ok((sample(text, 'moat_rules_loaded', { surface: 'lsp' }) ?? 0) > 100);
    assertNoSecret(text, '/metrics');
    assertNoSecret(stderr, 'the server log');
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
  } finally {
    connection.dispose();
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
