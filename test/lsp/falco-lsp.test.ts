/**
 * Falco rules files in the language server (`moat lsp --stdio`): an open YAML document made of
 * `- rule:` / `- macro:` / `- list:` items gets Falco diagnostics live — an undefined macro at its
 * exact range — and they clear once the macro is defined; other YAML is left to the usual checks.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestLspClient } from '../helpers/lsp-client';

let root: string;

before(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'moat-lsp-falco-'));
});
after(() => rmSync(root, { recursive: true, force: true }));

const RULES = `- rule: Shell in model server
  desc: A model server started a shell.
  condition: >
    spawned_process and container
    and proc.pname in (model_servers) and not known_shells
  output: "Shell in model server (command=%proc.cmdline parent=%proc.pname)"
  priority: WARNING
- list: model_servers
  items: [vllm, tritonserver]
`;

test('an undefined macro in an open Falco rules file is a diagnostic at its range, cleared when defined', async () => {
  const client = await TestLspClient.start({ root, settings: { bundledRules: false, debounceMs: 10 } });
  try {
    const uri = pathToFileURL(path.join(root, 'rules.d', 'genai_local.yaml')).toString();
    await client.open(uri, 'yaml', RULES);
    const p = await client.waitFor('falco diagnostics', () => client.latest(uri, 1));
    assert.equal(p.diagnostics.length, 1, JSON.stringify(p.diagnostics));
    const d = p.diagnostics[0];
    assert.deepEqual(d.range, { start: { line: 4, character: 46 }, end: { line: 4, character: 58 } });
    assert.match(d.message, /^condition: rule "Shell in model server": undefined macro `known_shells`/);
    assert.equal(d.source, 'moat');
    assert.equal(d.severity, 1);
    await client.change(uri, 2, [{ text: `${RULES}- macro: known_shells\n  condition: (evt.num=0)\n` }]);
    const p2 = await client.waitFor('diagnostics v2', () => client.latest(uri, 2));
    assert.deepEqual(p2.diagnostics, []);
  } finally {
    await client.stop();
  }
});
