/**
 * The moat/falco pack next to the Moat rule packs: its manifest is valid, and the Falco rules file
 * it carries is never read as Moat rules — `findRuleFiles` keeps, inside a folder with a
 * `moat-pack.yaml`, only the files the manifest's `rules:` globs select (every YAML file when it
 * lists none), so `moat scan`, `moat test packs` and the language server skip it.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parsePackManifest } from '../../server/src/packs/pack-manifest';
import { findRuleFiles, loadRules } from '../../server/src/rules/rule-loader';

const PACKS = path.join(__dirname, '..', '..', '..', 'packs');
const work = mkdtempSync(path.join(os.tmpdir(), 'moat-falco-pack-'));
after(() => rmSync(work, { recursive: true, force: true }));

const RULE = 'rules:\n  - id: x.y\n    message: m\n    severity: INFO\n    languages: [python]\n    pattern: eval(...)\n';

test('the moat/falco manifest is valid and declares no Moat rule files', () => {
  const file = path.join(PACKS, 'falco', 'moat-pack.yaml');
  const parsed = parsePackManifest(readFileSync(file, 'utf8'), file, '0.1.0');
  assert.deepEqual(parsed.problems, []);
  assert.equal(parsed.manifest?.name, 'moat/falco');
  assert.equal(parsed.manifest?.version, '0.1.0');
  assert.deepEqual(parsed.manifest?.rules, []);
});

test('the bundled packs folder yields the Moat rules but not the Falco rules file', async () => {
  const files = (await findRuleFiles(PACKS)).map((f) => path.relative(PACKS, f).split(path.sep).join('/'));
  assert.ok(files.some((f) => f.startsWith('genai/rules/')));
  assert.ok(!files.some((f) => f.startsWith('falco/')), files.filter((f) => f.startsWith('falco/')).join(', '));
  const falcoOnly = await loadRules([path.join(PACKS, 'falco')]);
  assert.deepEqual([falcoOnly.rules.length, falcoOnly.problems.length, falcoOnly.files.length], [0, 0, 0]);
});

test("a pack's rules: globs select its rule files; without rules: every YAML file counts", async () => {
  const pack = path.join(work, 'p');
  mkdirSync(path.join(pack, 'rules'), { recursive: true });
  mkdirSync(path.join(pack, 'falco'), { recursive: true });
  writeFileSync(path.join(pack, 'rules', 'a.yaml'), RULE);
  writeFileSync(path.join(pack, 'falco', 'f.yaml'), '- macro: m\n  condition: container\n');
  writeFileSync(path.join(pack, 'moat-pack.yaml'), 'name: t/p\nversion: 1.0.0\nrules: ["rules/**/*.yaml"]\n');
  const rel = async () => (await findRuleFiles(work)).map((f) => path.relative(work, f).split(path.sep).join('/'));
  assert.deepEqual(await rel(), ['p/rules/a.yaml']);
  writeFileSync(path.join(pack, 'moat-pack.yaml'), 'name: t/p\nversion: 1.0.0\n');
  assert.deepEqual(await rel(), ['p/falco/f.yaml', 'p/rules/a.yaml']);
  // Outside a pack nothing changes, and a file given directly is always read.
  rmSync(path.join(pack, 'moat-pack.yaml'));
  assert.deepEqual(await rel(), ['p/falco/f.yaml', 'p/rules/a.yaml']);
  assert.deepEqual(await findRuleFiles(path.join(pack, 'falco', 'f.yaml')), [path.join(pack, 'falco', 'f.yaml')]);
});
