/**
 * The language server through a real JSON-RPC connection (`moat lsp --stdio` as a child process):
 * diagnostics on open and change, stale versions dropped, quick fix / fixAll / suppression edits,
 * settings changes, rule hot reload, diagnostics inside broken rule files, pull diagnostics,
 * workspace scan with cancellable progress, and a failing rule not taking the server down.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeAction,
  CodeActionRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  HoverRequest,
  DocumentDiagnosticRequest,
  ExecuteCommandRequest,
  TextEdit,
  WorkDoneProgressCreateRequest,
  WorkDoneProgressCancelNotification,
  WorkspaceDiagnosticRequest,
} from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../helpers/lsp-client';
import { expandSample } from '../../server/src/secrets/sample-tokens';

const RULES = `rules:
  - id: py-eval
    message: eval of $X is dangerous
    severity: ERROR
    languages: [python]
    pattern: eval($X)
    fix: ast.literal_eval($X)
    metadata:
      cwe: ["CWE-95: Eval Injection"]
      references: ["https://docs.python.org/3/library/ast.html#ast.literal_eval"]
  - id: py-print
    message: print left in code
    severity: INFO
    languages: [python]
    pattern: print(...)
`;

let root: string;
let rulesDir: string;
const settings = () => ({ bundledRules: false, rulePaths: [rulesDir], debounceMs: 20 });

before(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'moat-lsp-'));
  rulesDir = path.join(root, 'rules');
  mkdirSync(rulesDir);
  writeFileSync(path.join(rulesDir, 'python.yaml'), RULES);
});
after(() => rmSync(root, { recursive: true, force: true }));

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'python', 1, text), edits);
}

async function withClient(fn: (c: TestLspClient) => Promise<void>, opts: { pull?: boolean; settings?: Record<string, unknown> } = {}) {
  const client = await TestLspClient.start({ root, settings: opts.settings ?? settings(), pull: opts.pull });
  try {
    await fn(client);
  } finally {
    await client.stop();
  }
}

test('open → diagnostics with rule id, source, severity, codeDescription', async () => {
  await withClient(async (c) => {
    const uri = pathToFileURL(path.join(root, 'a.py')).toString();
    await c.open(uri, 'python', 'x = eval(data)\nprint(x)\n');
    const p = await c.waitFor('diagnostics', () => c.latest(uri, 1));
    const ev = p.diagnostics.find((d) => d.code === 'py-eval');
    assert.ok(ev);
    assert.equal(ev.source, 'moat');
    assert.equal(ev.severity, 1);
    assert.equal(ev.message, 'eval of data is dangerous');
    assert.equal(ev.codeDescription?.href, 'https://docs.python.org/3/library/ast.html#ast.literal_eval');
    assert.deepEqual(ev.range, { start: { line: 0, character: 4 }, end: { line: 0, character: 14 } });
    assert.ok(p.diagnostics.some((d) => d.code === 'py-print' && d.severity === 4));
  });
});

test('changes: diagnostics follow edits; stale versions are never published', async () => {
  await withClient(async (c) => {
    const uri = pathToFileURL(path.join(root, 'b.py')).toString();
    await c.open(uri, 'python', 'x = 1\n');
    await c.waitFor('first publish', () => c.latest(uri, 1));
    let text = 'x = 1\n';
    for (let v = 2; v <= 6; v++) {
      const insert = v === 6 ? 'eval(y)\n' : '#\n';
      await c.change(uri, v, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: insert }]);
      text = insert + text;
    }
    const last = await c.waitFor('version 6', () => c.latest(uri, 6));
    assert.deepEqual(last.diagnostics.map((d) => d.code), ['py-eval']);
    assert.equal(last.diagnostics[0].range.start.line, 0);
    const intermediate = c.published.filter((p) => p.uri === uri && p.version !== undefined && p.version > 1 && p.version < 6);
    assert.deepEqual(intermediate, [], 'debounced: intermediate versions are not checked');
  }, { settings: { ...settings(), debounceMs: 400 } });
});

test('quick fix, suppression and fixAll produce the right edits; hover explains the rule', async () => {
  await withClient(async (c) => {
    const uri = pathToFileURL(path.join(root, 'c.py')).toString();
    const text = 'def f(a, b):\n    x = eval(a)\n    return eval(b)\n';
    await c.open(uri, 'python', text);
    const p = await c.waitFor('diagnostics', () => c.latest(uri, 1));
    const diag = p.diagnostics.find((d) => d.code === 'py-eval')!;
    const actions = (await c.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } })) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred)!;
    assert.equal(apply(text, fix.edit!.changes![uri]), 'def f(a, b):\n    x = ast.literal_eval(a)\n    return eval(b)\n');
    const suppress = actions.find((a) => a.title.startsWith('Suppress'))!;
    assert.equal(apply(text, suppress.edit!.changes![uri]), 'def f(a, b):\n    # moat-ignore: py-eval -- explain why this is safe\n    x = eval(a)\n    return eval(b)\n');
    const all = (await c.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diag.range, context: { diagnostics: [], only: ['source.fixAll'] } })) as CodeAction[];
    assert.equal(all.length, 1);
    assert.equal(apply(text, all[0].edit!.changes![uri]), 'def f(a, b):\n    x = ast.literal_eval(a)\n    return ast.literal_eval(b)\n');
    const hover = await c.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 10 } });
    const value = (hover?.contents as { value: string }).value;
    assert.match(value, /py-eval/);
    assert.match(value, /CWE-95/);
    assert.match(value, /literal_eval/);
  });
});

test('a suppressed finding disappears', async () => {
  await withClient(async (c) => {
    const uri = pathToFileURL(path.join(root, 'd.py')).toString();
    await c.open(uri, 'python', '# moat-ignore: py-eval -- constant input\neval("1")\n');
    const p = await c.waitFor('diagnostics', () => c.latest(uri, 1));
    assert.deepEqual(p.diagnostics.map((d) => d.code), []);
  });
});

test('settings: a severity threshold change re-checks open documents', async () => {
  await withClient(async (c) => {
    const uri = pathToFileURL(path.join(root, 'e.py')).toString();
    await c.open(uri, 'python', 'print(eval(x))\n');
    const first = await c.waitFor('diagnostics', () => c.latest(uri, 1));
    assert.equal(first.diagnostics.length, 2);
    const count = c.published.length;
    c.settings = { ...settings(), severityThreshold: 'high' };
    await c.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const next = await c.waitFor('re-check', () => c.published.slice(count).find((p) => p.uri === uri));
    assert.deepEqual(next.diagnostics.map((d) => d.code), ['py-eval']);
  });
});

test('rules reload when a rule file changes, and a broken rule file gets diagnostics at the key', async () => {
  const dir = path.join(root, 'hot');
  mkdirSync(dir, { recursive: true });
  const ruleFile = path.join(dir, 'r.yaml');
  writeFileSync(ruleFile, 'rules:\n  - id: hot-a\n    message: a\n    severity: WARNING\n    languages: [python]\n    pattern: alpha()\n');
  await withClient(
    async (c) => {
      const uri = pathToFileURL(path.join(root, 'f.py')).toString();
      await c.open(uri, 'python', 'alpha()\nbeta()\n');
      const p = await c.waitFor('diagnostics', () => {
        const l = c.latest(uri, 1);
        return l && l.diagnostics.length > 0 ? l : undefined;
      });
      assert.deepEqual(p.diagnostics.map((d) => d.range.start.line), [0]);
      writeFileSync(
        ruleFile,
        'rules:\n  - id: hot-a\n    message: a\n    severity: WARNING\n    languages: [python]\n    pattern: beta()\n  - id: broken\n    message: b\n    severity: WARNING\n    languages: [python]\n    pattern: gamma()\n    pattern-nott: x\n',
      );
      const count = c.published.length;
      await c.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(ruleFile).toString(), type: FileChangeType.Changed }] });
      const reloaded = await c.waitFor('reload', () => c.published.slice(count).find((x) => x.uri === uri));
      assert.deepEqual(reloaded.diagnostics.map((d) => d.range.start.line), [1]);
      const ruleDiag = await c.waitFor('rule file diagnostics', () => c.published.slice(count).find((x) => x.uri === pathToFileURL(ruleFile).toString()));
      assert.equal(ruleDiag.diagnostics.length, 1);
      assert.equal(ruleDiag.diagnostics[0].range.start.line, 11);
      assert.match(ruleDiag.diagnostics[0].message, /pattern-nott/);
      const status = c.notifications.filter((n) => n.method === 'moat/status').at(-1)?.params as { ruleErrors: number };
      assert.equal(status.ruleErrors, 1);
    },
    { settings: { bundledRules: false, rulePaths: [dir], debounceMs: 20 } },
  );
});

test('pull diagnostics (LSP 3.17) when the client supports them', async () => {
  await withClient(
    async (c) => {
      const uri = pathToFileURL(path.join(root, 'g.py')).toString();
      await c.open(uri, 'python', 'eval(z)\n');
      await c.waitFor('rules loaded', () => c.notifications.some((n) => n.method === 'moat/status'));
      const report = await c.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      assert.equal(report.kind, 'full');
      assert.deepEqual((report as { items: { code: string }[] }).items.map((d) => d.code), ['py-eval']);
      assert.equal(c.published.filter((p) => p.uri === uri).length, 0, 'nothing pushed in pull mode');
    },
    { pull: true },
  );
});

test('workspace scan fills diagnostics for files that are not open; a failing rule does not stop the server', async () => {
  const ws = path.join(root, 'ws');
  mkdirSync(path.join(ws, 'pkg'), { recursive: true });
  for (let i = 0; i < 5; i++) writeFileSync(path.join(ws, 'pkg', `m${i}.py`), `eval(v${i})\n`);
  writeFileSync(path.join(ws, 'slow.py'), `f(${Array.from({ length: 300 }, (_, i) => `a${i}`).join(', ')})\n`);
  const rules = path.join(ws, '.rules');
  mkdirSync(rules);
  writeFileSync(path.join(rules, 'r.yaml'), RULES + '  - id: explosive\n    message: m\n    severity: INFO\n    languages: [python]\n    pattern: f(..., $A, ..., $B, ..., $C, ..., $D, ..., 0)\n');
  const client = await TestLspClient.start({ root: ws, settings: { bundledRules: false, rulePaths: [rules], debounceMs: 20 } });
  try {
    await client.waitFor('rules loaded', () => client.notifications.some((n) => n.method === 'moat/status'));
    const summary = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'moat.server.scanWorkspace', arguments: [] })) as { files: number; findings: number };
    assert.equal(summary.findings, 5);
    for (let i = 0; i < 5; i++) {
      const uri = pathToFileURL(path.join(ws, 'pkg', `m${i}.py`)).toString();
      assert.equal(client.latest(uri)?.diagnostics[0]?.code, 'py-eval');
    }
    const uri = pathToFileURL(path.join(ws, 'x.py')).toString();
    await client.open(uri, 'python', 'eval(1)\n');
    const p = await client.waitFor('server still answers', () => client.latest(uri, 1));
    assert.equal(p.diagnostics.length, 1);
  } finally {
    await client.stop();
  }
});

test('a workspace scan is cancelled from its progress (window/workDoneProgress/cancel)', async () => {
  const ws = path.join(root, 'big-ws');
  mkdirSync(ws, { recursive: true });
  for (let i = 0; i < 400; i++) writeFileSync(path.join(ws, `m${i}.py`), `eval(v${i})\n` + 'x = 1\n'.repeat(200));
  const client = await TestLspClient.start({ root: ws, settings: { bundledRules: false, rulePaths: [rulesDir], debounceMs: 20 } });
  try {
    await client.waitFor('rules loaded', () => client.notifications.some((n) => n.method === 'moat/status'));
    const tokens: Array<string | number> = [];
    client.connection.onRequest(WorkDoneProgressCreateRequest.type, (p) => {
      tokens.push(p.token);
      return null;
    });
    const running = client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'moat.server.scanWorkspace', arguments: [] });
    await client.waitFor('progress token', () => tokens.length > 0 && client.published.length > 0);
    await client.connection.sendNotification(WorkDoneProgressCancelNotification.type, { token: tokens[0] });
    const summary = (await running) as { files: number; findings: number; cancelled: boolean };
    assert.equal(summary.cancelled, true);
    assert.ok(summary.files < 400, `stopped early (${summary.files} files)`);
  } finally {
    await client.stop();
  }
});

test('workspace diagnostics include open documents at their current version (a closed tab is no longer pulled)', async () => {
  await withClient(
    async (c) => {
      const uri = pathToFileURL(path.join(root, 'h.py')).toString();
      await c.open(uri, 'python', 'eval(z)\n');
      await c.waitFor('rules loaded', () => c.notifications.some((n) => n.method === 'moat/status'));
      await c.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } }, text: 'ok(z)' }]);
      const report = await c.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] });
      const mine = report.items.find((i) => i.uri === uri);
      assert.ok(mine);
      assert.equal(mine.version, 2);
      assert.deepEqual((mine as { items: unknown[] }).items, []);
    },
    { pull: true },
  );
});

test("the workspace's .gitleaks.toml configures secrets in the editor; secret values never reach diagnostics", async () => {
  const ws = path.join(root, 'gl');
  mkdirSync(ws, { recursive: true });
  const token = 'ACME-' + 'q7Xk2Lm9Vb4Np8Rt3Wz6Yc1Hd5Fg0Js2'.slice(0, 32);
  writeFileSync(path.join(ws, '.gitleaks.toml'), `[[rules]]\nid = "acme-internal-token"\ndescription = "ACME internal token"\nregex = '''\\b(ACME-[A-Za-z0-9]{32})\\b'''\nsecretGroup = 1\nkeywords = ["acme-"]\n`);
  const client = await TestLspClient.start({ root: ws, settings: { bundledRules: false, debounceMs: 20 } });
  try {
    const uri = pathToFileURL(path.join(ws, 'conf.py')).toString();
    await client.open(uri, 'python', `TOKEN = "${token}"\n`);
    const p = await client.waitFor('diagnostics', () => {
      const l = client.latest(uri, 1);
      return l && l.diagnostics.length > 0 ? l : undefined;
    });
    assert.equal(p.diagnostics[0].code, 'acme-internal-token');
    assert.deepEqual(p.diagnostics[0].range.start, { line: 0, character: 9 });
    assert.ok(!JSON.stringify(allMessages(client)).includes(token.slice(5)), 'the secret appears in no message from the server');
  } finally {
    await client.stop();
  }
});

function allMessages(c: TestLspClient): unknown[] {
  return [...c.published, ...c.notifications];
}

test('a hardcoded secret offers "Move secret to Vault" (a client command without the value) and a Vault lookup edit', async () => {
  const ws = path.join(root, 'vault-ws');
  mkdirSync(ws, { recursive: true });
  const key = expandSample('sk-proj-{alnum:58}T3BlbkFJ{alnum:58}', 'lsp-vault');
  const text = `import os\n\nOPENAI_API_KEY = "${key}"\n`;
  const client = await TestLspClient.start({ root: ws, settings: { bundledRules: true, debounceMs: 20 } });
  try {
    const uri = pathToFileURL(path.join(ws, 'settings.py')).toString();
    await client.open(uri, 'python', text);
    const p = await client.waitFor('secret diagnostic', () => client.latest(uri, 1)?.diagnostics.find((d) => String(d.code).startsWith('moat.secrets.')));
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: p.range, context: { diagnostics: [p] } })) as CodeAction[];
    const move = actions.find((a) => a.title.startsWith('Move secret to Vault'));
    assert.ok(move?.command, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(move.command.command, 'moat.moveSecretToVault');
    assert.ok(!JSON.stringify(actions).includes(key), 'no action carries the secret');
    const replace = actions.find((a) => a.title.startsWith('Replace with a Vault lookup'))!;
    const fixed = apply(text, replace.edit!.changes![uri]);
    assert.ok(!fixed.includes(key));
    assert.match(fixed, /import hvac/);
    assert.match(fixed, /read_secret_version\(/);
    assert.match(fixed, /openai_api_key/);
  } finally {
    await client.stop();
  }
});
