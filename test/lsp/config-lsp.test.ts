/**
 * `.moat.yaml`, `moat-pack.yaml` and rule files in the language server (`moat lsp --stdio`):
 * schema errors as diagnostics with the exact range of the key or value at fault, key and value
 * completion from the schemas, hover with the schema descriptions, a pack and overrides from
 * `.moat.yaml` applied to diagnostics, and a changed `.moat.yaml` reloaded live.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CompletionItem, CompletionList, CompletionRequest, DidChangeWatchedFilesNotification, FileChangeType, HoverRequest } from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../helpers/lsp-client';

const FIXTURE_PACK = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'packs', 'acme-payments');
let root: string;

before(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'moat-lsp-config-'));
  cpSync(FIXTURE_PACK, path.join(root, 'packs', 'acme'), { recursive: true });
});
after(() => rmSync(root, { recursive: true, force: true }));

async function withClient(fn: (c: TestLspClient) => Promise<void>) {
  const client = await TestLspClient.start({ root, settings: { bundledRules: false, debounceMs: 10 } });
  try {
    await fn(client);
  } finally {
    await client.stop();
  }
}

const labels = (r: CompletionItem[] | CompletionList | null) => (Array.isArray(r) ? r : (r?.items ?? [])).map((i) => i.label);

test('a .moat.yaml schema error is a diagnostic on the exact key, with the key path in the message', async () => {
  await withClient(async (c) => {
    const uri = pathToFileURL(path.join(root, 'scratch', '.moat.yaml')).toString();
    await c.open(uri, 'yaml', 'rules:\n  disable: [a.b]\n  severty:\n    "x.*": HIGH\nexclude: [build/]\n');
    const p = await c.waitFor('diagnostics', () => c.latest(uri, 1));
    assert.equal(p.diagnostics.length, 1, JSON.stringify(p.diagnostics));
    const d = p.diagnostics[0];
    assert.deepEqual(d.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 9 } });
    assert.match(d.message, /^rules\.severty: unknown key `severty`/);
    assert.equal(d.source, 'moat');
    await c.change(uri, 2, [{ text: 'rules:\n  severity:\n    "x.*": SEVERE\n' }]);
    const p2 = await c.waitFor('diagnostics v2', () => c.latest(uri, 2));
    assert.deepEqual(p2.diagnostics.map((x) => [x.range.start.line, x.range.start.character, x.range.end.character]), [[2, 11, 17]]);
    assert.match(p2.diagnostics[0].message, /`SEVERE` is not allowed/);
  });
});

test('a moat-pack.yaml error is located too', async () => {
  await withClient(async (c) => {
    const uri = pathToFileURL(path.join(root, 'scratch', 'moat-pack.yaml')).toString();
    await c.open(uri, 'yaml', 'name: acme/x\nversion: one\n');
    const p = await c.waitFor('diagnostics', () => c.latest(uri, 1));
    assert.deepEqual(p.diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.message.split(':')[0]]), [[1, 9, 'version']]);
  });
});

test('completion offers the schema keys not yet written, nested keys, and allowed values', async () => {
  await withClient(async (c) => {
    const uri = pathToFileURL(path.join(root, 'scratch', '.moat.yaml')).toString();
    const text = 'exclude: [dist/]\n\nadvisories:\n  cache-ttl: 1h\n  \n  sources:\n    - \nrules:\n  severity:\n    "a.*": \n';
    await c.open(uri, 'yaml', text);
    const complete = (line: number, character: number) => c.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } });
    const top = await complete(1, 0);
    assert.deepEqual(labels(top).sort(), ['packs', 'secrets'], 'exclude, advisories and rules are already there');
    const item = (Array.isArray(top) ? top : top!.items).find((i) => i.label === 'packs')!;
    assert.match(JSON.stringify(item.documentation), /Rule packs to load/);
    assert.deepEqual(labels(await complete(4, 2)).sort(), ['offline-db', 'snyk']);
    assert.deepEqual(labels(await complete(6, 6)), ['bundled', 'osv-offline', 'osv', 'snyk']);
    assert.deepEqual(labels(await complete(9, 11)), ['INFO', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL', 'WARNING', 'ERROR']);
  });
});

test('hover shows the schema description of the key; rule files get rule-key completion', async () => {
  await withClient(async (c) => {
    const uri = pathToFileURL(path.join(root, 'scratch', '.moat.yaml')).toString();
    await c.open(uri, 'yaml', 'exclude: [dist/]\n');
    const hover = await c.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 3 } });
    const value = (hover?.contents as { value: string }).value;
    assert.match(value, /\*\*exclude\*\*/);
    assert.match(value, /gitignore syntax/);
    const ruleUri = pathToFileURL(path.join(root, 'scratch', 'rules', 'r.yaml')).toString();
    await c.open(ruleUri, 'yaml', 'rules:\n  - id: x\n    \n');
    const items = labels(await c.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: ruleUri }, position: { line: 2, character: 4 } }));
    for (const k of ['message', 'severity', 'languages', 'pattern', 'patterns', 'fix', 'metadata']) assert.ok(items.includes(k), `${k} in ${items.join(',')}`);
    assert.ok(!items.includes('id'));
  });
});

test('the workspace .moat.yaml: pack rules and overrides reach diagnostics; a change reloads live', async () => {
  const config = path.join(root, '.moat.yaml');
  writeFileSync(config, 'packs:\n  - source: ./packs/acme\nrules:\n  severity:\n    "acme.payments.hardcoded-*": CRITICAL\n');
  try {
    await withClient(async (c) => {
      const uri = pathToFileURL(path.join(root, 'pay.py')).toString();
      await c.open(uri, 'python', 'card_number = "4111111111111111"\namount = float(x)\n');
      const p = await c.waitFor('pack diagnostics', () => {
        const l = c.latest(uri);
        return l && l.diagnostics.length === 2 ? l : undefined;
      });
      const byCode = Object.fromEntries(p.diagnostics.map((d) => [d.code, d.severity]));
      assert.deepEqual(byCode, { 'acme.payments.hardcoded-card-number': 1, 'acme.payments.float-amount': 3 }, 'CRITICAL → Error; the pack default LOW → Information');
      const count = c.published.length;
      writeFileSync(config, 'packs:\n  - source: ./packs/acme\nrules:\n  disable: [acme.payments.float-*]\n');
      await c.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(config).toString(), type: FileChangeType.Changed }] });
      const reloaded = await c.waitFor('reload', () => c.published.slice(count).find((x) => x.uri === uri));
      assert.deepEqual(reloaded.diagnostics.map((d) => [d.code, d.severity]), [['acme.payments.hardcoded-card-number', 1]]);
    });
  } finally {
    rmSync(config, { force: true });
  }
});
