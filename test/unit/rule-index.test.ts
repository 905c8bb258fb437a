/**
 * The prebuilt rule index: loading through it gives the same rules and problems as parsing the
 * YAML, and any edit, addition or removal of a rule file makes it unusable (YAML parsed again).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findRuleFiles, loadRules } from '../../server/src/rules/rule-loader';
import { buildRuleIndex, readRuleIndex } from '../../server/src/rules/rule-index';

const RULE = (id: string) => `rules:\n  - id: ${id}\n    message: no eval\n    severity: ERROR\n    languages: [python]\n    pattern: eval($X)\n`;

test('the index serves the same rules as the YAML, and only while the files are unchanged', async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'moat-index-'));
  const indexFile = path.join(root, '..', `${path.basename(root)}-index.json`);
  try {
    writeFileSync(path.join(root, 'a.yaml'), RULE('a'));
    writeFileSync(path.join(root, 'b.yaml'), 'rules:\n  - id: b\n    message: m\n    languages: [python]\n');
    const files = await findRuleFiles(root);
    const parsed = await loadRules([root], root);
    assert.ok(parsed.problems.length > 0, 'b.yaml is broken on purpose');
    writeFileSync(indexFile, JSON.stringify(await buildRuleIndex(root, files, parsed.rules, parsed.problems)));

    const display = os.tmpdir();
    const viaIndex = await loadRules([root], display, { indexFor: () => indexFile });
    const viaYaml = await loadRules([root], display);
    // JSON drops `undefined` fields; everything else must be identical.
    const plain = (v: unknown) => JSON.parse(JSON.stringify(v));
    assert.deepEqual(viaIndex.rules, plain(viaYaml.rules));
    assert.deepEqual(viaIndex.problems, plain(viaYaml.problems));
    assert.ok(await readRuleIndex(root, files, indexFile, display), 'fresh index is used');

    writeFileSync(path.join(root, 'a.yaml'), RULE('a2'));
    assert.equal(await readRuleIndex(root, await findRuleFiles(root), indexFile, display), undefined, 'an edited file invalidates it');
    assert.deepEqual((await loadRules([root], display, { indexFor: () => indexFile })).rules.map((r) => r.id), ['a2'], 'and the YAML is read instead');

    writeFileSync(path.join(root, 'a.yaml'), RULE('a'));
    writeFileSync(path.join(root, 'c.yaml'), RULE('c'));
    assert.equal(await readRuleIndex(root, await findRuleFiles(root), indexFile, display), undefined, 'an added file invalidates it');
    unlinkSync(path.join(root, 'c.yaml'));
    unlinkSync(path.join(root, 'b.yaml'));
    assert.equal(await readRuleIndex(root, await findRuleFiles(root), indexFile, display), undefined, 'a removed file invalidates it');
    assert.equal(await readRuleIndex(root, files, path.join(root, 'missing.json'), display), undefined, 'no index file');
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(indexFile, { force: true });
  }
});
