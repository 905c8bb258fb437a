/**
 * Vulnerable dependencies in the language server, against the bundled advisory snapshot: a
 * diagnostic on the manifest line (exact versions from a lockfile beside package.json), a hover
 * with ids, affected and fixed versions, and an "Upgrade" quick fix that keeps the spec's style;
 * an advisory source that fails is named in a warning while the bundled findings still show.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CodeActionRequest, ExecuteCommandRequest, HoverRequest, TextEdit } from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../helpers/lsp-client';

let root: string;

before(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'moat-lsp-deps-'));
});
after(() => rmSync(root, { recursive: true, force: true }));

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'plaintext', 1, text), edits);
}

async function withClient(fn: (c: TestLspClient) => Promise<void>, settings: Record<string, unknown> = {}) {
  const client = await TestLspClient.start({ root, settings: { bundledRules: false, debounceMs: 20, ...settings } });
  try {
    await fn(client);
  } finally {
    await client.stop();
  }
}

test('requirements.txt: an advisory on the pinned line, a hover with its details, and an upgrade that keeps ==', async () => {
  await withClient(async (c) => {
    const file = path.join(root, 'requirements.txt');
    const text = 'fastapi>=0.100  # web\nlangchain==0.0.300\n';
    writeFileSync(file, text);
    const uri = pathToFileURL(file).toString();
    await c.open(uri, 'pip-requirements', text);
    const p = await c.waitFor('dependency diagnostics', () => c.latest(uri, 1));
    const ours = p.diagnostics.filter((d) => d.source === 'moat');
    assert.ok(ours.length >= 3, `several langchain advisories, got ${ours.map((d) => d.code).join(', ')}`);
    for (const d of ours) {
      assert.equal(d.range.start.line, 1, 'on the langchain line');
      assert.match(String(d.code), /^(GHSA|PYSEC|CVE)-/);
      assert.match(d.message, /^langchain 0\.0\.300 has a known vulnerability/);
    }
    const critical = ours.find((d) => d.code === 'GHSA-f73w-4m7g-ch9x');
    assert.ok(critical, 'the numexpr code-execution advisory (CVE-2023-39631)');
    assert.equal(critical.severity, 1);

    const hover = await c.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 3 } });
    const value = (hover?.contents as { value: string }).value;
    assert.match(value, /CVE-2023-39631/);
    assert.match(value, /\*\*Fixed in:\*\* 0\.0\.308/);
    assert.match(value, /\*\*Affected:\*\*/);
    assert.match(value, /\*\*Source:\*\* bundled/);

    const actions = (await c.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: critical.range, context: { diagnostics: [critical] } })) as CodeAction[];
    const upgrade = actions.find((a) => a.title.startsWith('Upgrade langchain to '));
    assert.ok(upgrade, `an upgrade action among ${actions.map((a) => a.title).join(' | ')}`);
    const upgraded = apply(text, upgrade.edit!.changes![uri]);
    const m = /^langchain==(\d+)\.(\d+)\.(\d+)$/m.exec(upgraded);
    assert.ok(m, `the spec keeps ==: ${upgraded}`);
    assert.ok(Number(m[2]) >= 1 || Number(m[3]) >= 308, 'to a version that fixes the code-execution advisory');
    assert.equal(upgraded.split('\n')[0], 'fastapi>=0.100  # web', 'other lines untouched');
  });
});

test('package.json takes the exact version from package-lock.json; the upgrade keeps ^ and says to refresh the lockfile', async () => {
  await withClient(async (c) => {
    const manifest = '{\n  "name": "app",\n  "dependencies": {\n    "express": "^4.17.0"\n  }\n}\n';
    const lock = JSON.stringify(
      { name: 'app', lockfileVersion: 3, requires: true, packages: { '': { name: 'app', dependencies: { express: '^4.17.0' } }, 'node_modules/express': { version: '4.17.1' } } },
      null,
      2,
    );
    writeFileSync(path.join(root, 'package.json'), manifest);
    writeFileSync(path.join(root, 'package-lock.json'), lock);
    const uri = pathToFileURL(path.join(root, 'package.json')).toString();
    await c.open(uri, 'json', manifest);
    const p = await c.waitFor('express advisories', () => c.latest(uri, 1));
    const express = p.diagnostics.filter((d) => d.message.startsWith('express 4.17.1 '));
    assert.ok(express.length >= 1, 'the locked version 4.17.1 is checked');
    assert.equal(express[0].range.start.line, 3);
    assert.match(express[0].message, /refresh package-lock\.json/);
    const actions = (await c.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: express[0].range, context: { diagnostics: [express[0]] } })) as CodeAction[];
    const upgrade = actions.find((a) => a.title.startsWith('Upgrade express to '))!;
    assert.match(apply(manifest, upgrade.edit!.changes![uri]), /"express": "\^4\.(19|2\d)\.\d+"/);
  });
});

test('a failing advisory source is named in a warning; the bundled findings still show', async () => {
  await withClient(
    async (c) => {
      const file = path.join(root, 'sub-requirements.txt');
      writeFileSync(file, 'gradio==3.40.0\n');
      const uri = pathToFileURL(file).toString();
      await c.open(uri, 'pip-requirements', 'gradio==3.40.0\n');
      const p = await c.waitFor('bundled findings', () => c.latest(uri, 1));
      assert.ok(p.diagnostics.some((d) => String(d.code).startsWith('GHSA-')));
      const warning = await c.waitFor('a warning naming osv', () =>
        c.notifications.find((n) => n.method === 'window/showMessage' && /osv/.test((n.params as { message: string }).message)),
      );
      assert.match((warning.params as { message: string }).message, /Moat dependency check: .*osv/);
    },
    // Port 9 (discard) on loopback: nothing listens, so the OSV source fails fast.
    { advisorySources: ['bundled', 'osv'], osvApiUrl: 'http://127.0.0.1:9', advisoryCacheHours: 0 },
  );
});

test('a broken manifest line is a diagnostic where it is; the readable lines are still checked', async () => {
  await withClient(async (c) => {
    const file = path.join(root, 'broken-requirements.txt');
    const text = 'gradio==3.40.0\nthis is not ] a requirement\n';
    writeFileSync(file, text);
    const uri = pathToFileURL(file).toString();
    await c.open(uri, 'pip-requirements', text);
    const p = await c.waitFor('diagnostics', () => c.latest(uri, 1));
    assert.ok(p.diagnostics.some((d) => d.range.start.line === 0 && String(d.code).startsWith('GHSA-')), 'gradio is still checked');
    const broken = p.diagnostics.find((d) => d.range.start.line === 1);
    assert.ok(broken, `a diagnostic on line 2, got ${JSON.stringify(p.diagnostics.map((d) => [d.range.start.line, d.message]))}`);
    assert.match(broken.message, /requirement/i);
  });
});

test('a workspace scan reports vulnerable dependencies in manifests that are not open', async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'moat-lsp-deps-ws-'));
  try {
    writeFileSync(path.join(folder, 'requirements.txt'), 'langchain==0.0.300\n');
    const client = await TestLspClient.start({ root: folder, settings: { bundledRules: false, debounceMs: 20 } });
    try {
      await client.waitFor('rules loaded', () => client.notifications.some((n) => n.method === 'moat/status'));
      await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'moat.server.scanWorkspace', arguments: [] });
      const uri = pathToFileURL(path.join(folder, 'requirements.txt')).toString();
      const p = await client.waitFor('dependency diagnostics from the workspace scan', () => client.published.find((x) => x.uri === uri && x.diagnostics.length > 0));
      assert.ok(p.diagnostics.some((d) => d.code === 'GHSA-f73w-4m7g-ch9x' && d.range.start.line === 0));
    } finally {
      await client.stop();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
