/**
 * `moat check` through the built CLI, as agent hooks run it: Claude Code's PreToolUse event for a
 * Write and an Edit (blocked: exit 2, actionable findings on stderr), PostToolUse, the generic JSON
 * event (JSON out, exit 1), files and stdin with --path, --fail-on, and a secret that is blocked
 * without its value ever being printed.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expandSample } from '../../server/src/secrets/sample-tokens';

const MOAT = path.join(__dirname, '..', '..', '..', 'dist', 'moat.js');
let dir: string;

before(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'moat-check-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function moat(args: string[], stdin = ''): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MOAT, 'check', ...args], { cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const INSECURE = 'import requests\n\nresp = requests.get("https://models.internal/v1", verify=False)\n';

test('Claude Code PreToolUse Write with a high finding: exit 2, rule id, line, message and the fixed line on stderr', async () => {
  const event = { session_id: 'x', cwd: dir, hook_event_name: 'PreToolUse', tool_name: 'Write', tool_input: { file_path: path.join(dir, 'client.py'), content: INSECURE } };
  const run = await moat(['--hook', 'claude'], JSON.stringify(event));
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, /Moat blocked this change: \d+ findings? at or above high in client\.py/);
  assert.match(run.stderr, /client\.py:3:\d+ {2}HIGH {2}genai\.tls-verify-disabled/);
  assert.match(run.stderr, /TLS certificate verification is turned off/);
  assert.match(run.stderr, /fix: replace line 3 with:\n\s+resp = requests\.get\("https:\/\/models\.internal\/v1", verify=True\)/);
  assert.equal(run.stdout, '');
});

test('Claude Code Edit: the edit is applied to the file on disk before checking; a harmless edit passes', async () => {
  writeFileSync(path.join(dir, 'edit_me.py'), 'import requests\n\nresp = requests.get(URL)\n');
  const edit = (newString: string) => ({
    cwd: dir,
    hook_event_name: 'PreToolUse',
    tool_name: 'Edit',
    tool_input: { file_path: 'edit_me.py', old_string: 'requests.get(URL)', new_string: newString },
  });
  const bad = await moat(['--hook', 'claude'], JSON.stringify(edit('requests.get(URL, verify=False)')));
  assert.equal(bad.status, 2, bad.stderr + bad.stdout);
  assert.match(bad.stderr, /edit_me\.py:3:\d+ {2}HIGH {2}genai\.tls-verify-disabled/);
  const good = await moat(['--hook', 'claude'], JSON.stringify(edit('requests.get(URL, timeout=10)')));
  assert.equal(good.status, 0, good.stderr);
});

test('PostToolUse checks the file as written; a tool that writes nothing passes', async () => {
  writeFileSync(path.join(dir, 'written.py'), INSECURE);
  const post = { cwd: dir, hook_event_name: 'PostToolUse', tool_name: 'Write', tool_input: { file_path: 'written.py', content: INSECURE }, tool_response: {} };
  const run = await moat(['--hook', 'claude'], JSON.stringify(post));
  assert.equal(run.status, 2);
  assert.match(run.stderr, /genai\.tls-verify-disabled/);
  const bash = await moat(['--hook', 'claude'], JSON.stringify({ cwd: dir, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'ls' } }));
  assert.equal(bash.status, 0);
});

test('a malformed Claude event is a non-blocking error (exit 1) that says what is wrong', async () => {
  const run = await moat(['--hook', 'claude'], '{"tool_name": "Write", "tool_input": {}}');
  assert.equal(run.status, 1);
  assert.match(run.stderr, /tool_input\.file_path is missing/);
});

test('generic {"path","content"} event: JSON for agents, exit 1 when blocked', async () => {
  const run = await moat(['--hook', 'generic'], JSON.stringify({ path: 'svc/client.py', content: INSECURE }));
  assert.equal(run.status, 1, run.stderr);
  const report = JSON.parse(run.stdout);
  assert.equal(report.blocked, true);
  assert.equal(report.failOn, 'high');
  assert.equal(report.files[0].path, 'svc/client.py');
  const finding = report.files[0].findings.find((f: { ruleId: string }) => f.ruleId === 'genai.tls-verify-disabled');
  assert.ok(finding, run.stdout);
  assert.equal(finding.line, 3);
  assert.equal(finding.level, 'high');
  assert.deepEqual(finding.fix, { startLine: 3, endLine: 3, replacement: 'resp = requests.get("https://models.internal/v1", verify=True)' });
  assert.ok(finding.cwe[0].startsWith('CWE-295'));
});

test('a file argument, stdin with --path, and --fail-on', async () => {
  writeFileSync(path.join(dir, 'clean.py'), 'print("hello")\n');
  writeFileSync(path.join(dir, 'bad.py'), INSECURE);
  assert.equal((await moat(['clean.py'])).status, 0);
  const bad = await moat(['bad.py', '--json']);
  assert.equal(bad.status, 1);
  assert.ok(JSON.parse(bad.stdout).files[0].findings.some((f: { line: number; level: string }) => f.line === 3 && f.level === 'high'));
  assert.equal((await moat(['--path', 'x.py'], INSECURE)).status, 1);
  assert.equal((await moat(['--path', 'x.py', '--fail-on', 'critical'], INSECURE)).status, 0, 'high is below critical');
  const missing = await moat(['nope.py']);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read nope\.py: ENOENT/);
  const wrongLevel = await moat(['clean.py', '--fail-on', 'severe']);
  assert.equal(wrongLevel.status, 2);
  assert.match(wrongLevel.stderr, /--fail-on must be one of info, low, medium, high, critical/);
});

test('a hardcoded secret is blocked by default, with guidance, and its value is never printed', async () => {
  const key = expandSample('sk-proj-{alnum:58}T3BlbkFJ{alnum:58}', 'agent-check');
  const content = `import openai\n\nclient = openai.OpenAI(api_key="${key}", timeout=30)\n`;
  const event = { cwd: dir, hook_event_name: 'PreToolUse', tool_name: 'Write', tool_input: { file_path: 'llm.py', content } };
  for (const args of [['--hook', 'claude'], ['--hook', 'claude', '--json']]) {
    const run = await moat(args, JSON.stringify(event));
    assert.equal(run.status, 2, run.stderr);
    const all = run.stdout + run.stderr;
    assert.match(all, /moat\.secrets\.openai/);
    assert.match(all, /moat vault move llm\.py:3/);
    assert.ok(!all.includes(key), 'the secret value is not printed');
    for (let i = 8; i + 12 <= key.length; i += 6) assert.ok(!all.includes(key.slice(i, i + 12)), `no fragment of the secret (${i})`);
  }
});
