/**
 * `moat mcp` through the MCP SDK's own Client and StdioClientTransport, spawning the built CLI:
 * the tool list, scan_snippet / scan_file (structured findings with fixes), explain_finding,
 * fix_finding (the fixed code, verified), and move_secret_to_vault against the Vault test server
 * (value in Vault, lookup in the file). No result ever holds the secret value or the token.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { expandSample } from '../../server/src/secrets/sample-tokens';
import { startVaultTestServer, VaultTestServer } from '../helpers/vault-test-server';

const MOAT = path.join(__dirname, '..', '..', '..', 'dist', 'moat.js');
const TOKEN = 'mcp-test-token-not-a-credential'; // moat-ignore: moat.secrets.generic-api-key test fixture
const KEY = expandSample('sk-proj-{alnum:58}T3BlbkFJ{alnum:58}', 'agent-mcp');
let dir: string;
let vault: VaultTestServer;
let client: Client;
const seen: string[] = [];

interface ToolResult {
  readonly isError?: boolean;
  readonly content: Array<{ type: string; text?: string }>;
  readonly structuredContent?: Record<string, unknown>;
}

async function call(name: string, args: Record<string, unknown>): Promise<ToolResult> {
  const result = (await client.callTool({ name, arguments: args })) as ToolResult;
  seen.push(JSON.stringify(result));
  return result;
}

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'moat-mcp-'));
  vault = await startVaultTestServer({ token: TOKEN });
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  const transport = new StdioClientTransport({ command: process.execPath, args: [MOAT, 'mcp'], cwd: dir, env: { ...env, VAULT_ADDR: vault.url, VAULT_TOKEN: TOKEN }, stderr: 'pipe' });
  transport.stderr?.on('data', (d) => seen.push(String(d)));
  client = new Client({ name: 'moat-test', version: '1.0.0' });
  await client.connect(transport);
});

after(async () => {
  await client?.close();
  await vault?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('lists the five tools, each with an input and an output schema', async () => {
  const { tools } = await client.listTools();
  assert.deepEqual(tools.map((t) => t.name).sort(), ['explain_finding', 'fix_finding', 'move_secret_to_vault', 'scan_file', 'scan_snippet']);
  for (const tool of tools) {
    assert.equal(tool.inputSchema.type, 'object', tool.name);
    assert.equal(tool.outputSchema?.type, 'object', tool.name);
  }
  assert.match(client.getInstructions() ?? '', /scan_snippet/);
});

test('scan_snippet: structured findings with line, level, message and the fix; a short text', async () => {
  const code = 'import requests\n\nr = requests.get(url, verify=False)\n';
  const result = await call('scan_snippet', { code, language: 'python' });
  assert.ok(!result.isError);
  const s = result.structuredContent as { language: string; findings: Array<Record<string, unknown>>; suppressed: number };
  assert.equal(s.language, 'python');
  const tls = s.findings.find((f) => f.ruleId === 'genai.tls-verify-disabled');
  assert.ok(tls, JSON.stringify(s.findings));
  assert.equal(tls.line, 3);
  assert.equal(tls.level, 'high');
  assert.match(String(tls.message), /TLS certificate verification is turned off/);
  assert.deepEqual(tls.fix, { startLine: 3, endLine: 3, replacement: 'r = requests.get(url, verify=True)' });
  assert.match(result.content[0].text ?? '', /^\d+ findings? in snippet\.py: .*line 3 genai\.tls-verify-disabled \(high, fix available\)/);
  const bad = await call('scan_snippet', { code, language: 'cobol' });
  assert.equal(bad.isError, true);
  assert.match(bad.content[0].text ?? '', /unknown language "cobol"/);
});

test('scan_file: a file relative to the server folder; a secret is reported masked', async () => {
  writeFileSync(path.join(dir, 'settings.py'), `import os\n\nOPENAI_API_KEY = "${KEY}"\n`);
  const result = await call('scan_file', { path: 'settings.py' });
  const s = result.structuredContent as { path: string; findings: Array<{ ruleId: string; line: number; source: string; guidance?: string }> };
  assert.equal(s.path, 'settings.py');
  const secret = s.findings.find((f) => f.ruleId.startsWith('moat.secrets.'));
  assert.ok(secret, JSON.stringify(s));
  assert.equal(secret.line, 3);
  assert.match(secret.source, /^OPENAI_API_KEY = "\*{20,}"$/);
  assert.match(secret.guidance ?? '', /move_secret_to_vault/);
  const missing = await call('scan_file', { path: 'nope.py' });
  assert.equal(missing.isError, true);
  assert.match(missing.content[0].text ?? '', /cannot scan nope\.py: unreadable/);
});

test('explain_finding: message, risk, CWE/OWASP, references and fix guidance; unknown ids suggest similar ones', async () => {
  const result = await call('explain_finding', { ruleId: 'genai.tls-verify-disabled' });
  const s = result.structuredContent as { level: string; risk: string; cwe: string[]; owasp: string[]; references: string[]; fix: { automatic: boolean; guidance: string } };
  assert.equal(s.level, 'high');
  assert.match(s.risk, /^High severity \(likelihood medium, impact high, confidence high\)\./);
  assert.ok(s.cwe[0].startsWith('CWE-295'));
  assert.ok(s.owasp.some((o) => o.startsWith('LLM02')));
  assert.ok(s.references.length >= 2);
  assert.equal(s.fix.automatic, true);
  assert.match(s.fix.guidance, /`True`/);
  const unknown = await call('explain_finding', { ruleId: 'genai.tls-verify' });
  assert.equal(unknown.isError, true);
  assert.match(unknown.content[0].text ?? '', /did you mean genai\.tls-verify-disabled/);
});

test('fix_finding: the fixed code, verified by a rescan; a wrong line says where the rule fires', async () => {
  const code = 'import requests\n\nr = requests.get(url, verify=False)\nprint(r)\n';
  const result = await call('fix_finding', { code, ruleId: 'genai.tls-verify-disabled', line: 3, language: 'python' });
  const s = result.structuredContent as { found: boolean; fixedCode?: string; resolved?: boolean };
  assert.equal(s.found, true);
  assert.equal(s.fixedCode, 'import requests\n\nr = requests.get(url, verify=True)\nprint(r)\n');
  assert.equal(s.resolved, true);
  const wrong = await call('fix_finding', { code, ruleId: 'genai.tls-verify-disabled', line: 1, language: 'python' });
  assert.equal((wrong.structuredContent as { found: boolean }).found, false);
  assert.match(wrong.content[0].text ?? '', /reported on line 3/);
});

test('fix_finding with a secret in the code: the rewritten lines only, never the whole code', async () => {
  const code = `import requests\nKEY = "${KEY}"\nr = requests.get(url, verify=False)\n`;
  const result = await call('fix_finding', { code, ruleId: 'genai.tls-verify-disabled', line: 3, path: 'client.py' });
  const s = result.structuredContent as { found: boolean; fixedCode?: string; fix?: { replacement: string } };
  assert.equal(s.found, true);
  assert.equal(s.fixedCode, undefined);
  assert.equal(s.fix?.replacement, 'r = requests.get(url, verify=True)');
  const secretFix = await call('fix_finding', { code, ruleId: 'moat.secrets.openai-project-key', line: 2, path: 'client.py' });
  const g = secretFix.structuredContent as { found: boolean; guidance?: string };
  assert.equal(g.found, true, JSON.stringify(g));
  assert.match(g.guidance ?? '', /moat vault move client\.py:2/);
});

test('move_secret_to_vault: Vault gets the value, the file gets the lookup; sealed Vault leaves the file unchanged', async () => {
  const file = path.join(dir, 'config_move.py');
  const original = `import os\n\nOPENAI_API_KEY = "${KEY}"\n`;
  writeFileSync(file, original);
  vault.faults.set('sealed', true);
  const sealed = await call('move_secret_to_vault', { file: 'config_move.py', line: 3, path: 'app/llm' });
  vault.faults.clear();
  assert.equal(sealed.isError, true);
  assert.equal((sealed.structuredContent as { moved: boolean }).moved, false);
  assert.equal(readFileSync(file, 'utf8'), original);

  const moved = await call('move_secret_to_vault', { file: 'config_move.py', line: 3, path: 'app/llm' });
  const s = moved.structuredContent as { moved: boolean; code: number; ref?: { mount: string; path: string; key: string } };
  assert.equal(s.moved, true, moved.content[0].text);
  assert.deepEqual(s.ref, { mount: 'secret', path: 'app/llm', key: 'openai_api_key' });
  const now = readFileSync(file, 'utf8');
  assert.ok(!now.includes(KEY));
  assert.match(now, /read_secret_version\(path="app\/llm", mount_point="secret"\)/);
  assert.ok(JSON.stringify([...vault.store.values()]).includes(KEY), 'Vault holds the value');

  const nothing = await call('move_secret_to_vault', { file: 'config_move.py', line: 1 });
  assert.equal((nothing.structuredContent as { code: number }).code, 2);
  assert.match(nothing.content[0].text ?? '', /no hardcoded secret found/);
});

test('no tool result or server message held the secret value or the Vault token', () => {
  const all = seen.join('\n');
  assert.ok(seen.length >= 10);
  assert.ok(!all.includes(KEY), 'no secret value');
  assert.ok(!all.includes(TOKEN), 'no token');
  for (let i = 8; i + 12 <= KEY.length; i += 6) assert.ok(!all.includes(KEY.slice(i, i + 12)), `no fragment (${i})`);
});
