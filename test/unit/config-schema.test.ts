/**
 * `.moat.yaml` validation against schemas/moat-config.schema.json, data-driven: each file in
 * test/fixtures/packs/configs/ says what it expects in `# expect: KEY LINE:COLUMN message` lines
 * (none: valid). Also: the typed value of a valid config (advisories included), every bundled
 * rule file valid under schemas/moat-rule.schema.json, and the schema-located validation on its own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseWorkspaceConfig } from '../../server/src/config/workspace-config';
import { checkYamlAgainstSchema } from '../../server/src/config/yaml-schema-check';
import { findRuleFiles } from '../../server/src/rules/rule-loader';
import { parseDuration } from '../../server/src/config/advisories-config';
import { completionSpots, keyPathAt } from '../../server/src/config/yaml-cursor';
import { keysAt } from '../../server/src/config/schema-navigate';
import { SCHEMAS } from '../../server/src/config/schemas';

const ROOT = path.join(__dirname, '..', '..', '..');
const CONFIGS = path.join(ROOT, 'test', 'fixtures', 'packs', 'configs');

function expectations(text: string): Array<{ key: string; line: number; column: number; message: string }> {
  return [...text.matchAll(/^# expect: (\S+) (\d+):(\d+) (.+)$/gm)].map((m) => ({ key: m[1], line: Number(m[2]), column: Number(m[3]), message: m[4] }));
}

for (const name of readdirSync(CONFIGS).sort()) {
  test(`config ${name}`, () => {
    const file = path.join(CONFIGS, name);
    const text = readFileSync(file, 'utf8');
    const parsed = parseWorkspaceConfig(text, file);
    const want = expectations(text);
    if (want.length === 0) {
      assert.deepEqual(parsed.problems, []);
      assert.ok(parsed.config);
      return;
    }
    assert.equal(parsed.config, undefined);
    for (const w of want) {
      const hit = parsed.problems.find((p) => p.key === w.key);
      assert.ok(hit, `expected a problem at ${w.key}; got ${JSON.stringify(parsed.problems.map((p) => `${p.key} ${p.line}:${p.column} ${p.message}`))}`);
      assert.equal(`${hit.line}:${hit.column}`, `${w.line}:${w.column}`, `${w.key}: ${hit.message}`);
      assert.ok(hit.message.includes(w.message), `"${hit.message}" should contain "${w.message}"`);
      assert.equal(hit.file, file);
    }
  });
}

test('a valid config is typed: packs, overrides, excludes, allowlist, advisories', () => {
  const file = path.join(CONFIGS, 'valid.moat.yaml');
  const { config } = parseWorkspaceConfig(readFileSync(file, 'utf8'), file);
  assert.ok(config);
  assert.deepEqual(config.packs.map((p) => p.source), ['./packs/payments', 'npm:@acme/moat-pack', 'https://packs.example.com/acme-payments-1.0.0.tgz']);
  assert.equal(config.packs[0].version, '^1.0.0');
  assert.deepEqual(config.rules.disable, ['moat.secrets.generic-*', 'genai.unpinned-model-revision']);
  assert.deepEqual(config.rules.severity, { 'acme.*': 'CRITICAL' });
  assert.deepEqual(config.exclude, ['generated/', '*.min.js']);
  assert.deepEqual(config.secrets.allowlist?.stopwords, ['example']);
  assert.deepEqual(config.advisories, {
    sources: ['osv-offline', 'snyk', 'bundled'],
    offlineDb: path.join(CONFIGS, 'osv-db'),
    snykOrg: '0f3a-acme',
    cacheTtlMs: 12 * 3600 * 1000,
  });
});

test('an empty .moat.yaml is valid and changes nothing', () => {
  const { config, problems } = parseWorkspaceConfig('', '/w/.moat.yaml');
  assert.deepEqual(problems, []);
  assert.deepEqual(config?.packs, []);
  assert.deepEqual(config?.advisories.sources, ['bundled']);
});

test('invalid YAML is located, never thrown', () => {
  const { problems } = parseWorkspaceConfig('packs:\n  - source: [unclosed\n', '/w/.moat.yaml');
  assert.ok(problems.length > 0);
  assert.match(problems[0].message, /invalid YAML/);
  assert.ok(problems[0].line >= 2);
});

test('several errors are all reported, each with its own location and end', () => {
  const text = 'exclude: 3\nrules:\n  disable: [a]\n  enable: [b]\n';
  const { problems } = checkYamlAgainstSchema(text, '.moat.yaml', 'config');
  const byKey = Object.fromEntries(problems.map((p) => [p.key, `${p.line}:${p.column}-${p.endLine}:${p.endColumn}`]));
  assert.deepEqual(byKey, { exclude: '1:10-1:11', 'rules.enable': '4:3-4:9' });
});

test('durations', () => {
  assert.equal(parseDuration('30m'), 30 * 60_000);
  assert.equal(parseDuration('7d'), 7 * 86_400_000);
  assert.equal(parseDuration('500ms'), 500);
  assert.equal(parseDuration('soon'), undefined);
});

test('every bundled rule file and conformance rule file is valid under moat-rule.schema.json', async () => {
  const files = [...(await findRuleFiles(path.join(ROOT, 'packs'))), ...(await findRuleFiles(path.join(ROOT, 'test', 'conformance')))];
  assert.ok(files.length > 20);
  const bad: string[] = [];
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    if (/^\s*mode:\s*taint/m.test(text)) continue; // taint rules: described, validated by the rule reader
    const { problems } = checkYamlAgainstSchema(text, f, 'rule');
    for (const p of problems) bad.push(`${path.relative(ROOT, f)}:${p.line}:${p.column} ${p.key}: ${p.message}`);
  }
  assert.deepEqual(bad, []);
});

test('the located validation takes any schema object, too', () => {
  const schema = { type: 'object', properties: { port: { type: 'integer' } }, additionalProperties: false };
  const { problems } = checkYamlAgainstSchema('port: eighty\nhost: x\n', 'svc.yaml', schema);
  assert.deepEqual(problems.map((p) => `${p.key} ${p.line}:${p.column} ${p.message}`), ['port 1:7 must be a whole number', 'host 2:1 unknown key `host` (expected one of: port)']);
});

test('completion spots: a new list item of mappings, keys inside it, values of an enum list', () => {
  const text = 'packs:\n  - \n  - source: ./a\n    \n';
  const spots = completionSpots(text, 1, 4);
  assert.deepEqual(spots[0], { kind: 'key', path: ['packs', 0], existing: [], typed: '' });
  assert.deepEqual(keysAt(SCHEMAS.config, ['packs', 0]).map((k) => k.name), ['source', 'version', 'sha256']);
  const inner = completionSpots(text, 3, 4)[0];
  assert.deepEqual(inner, { kind: 'key', path: ['packs', 1], existing: ['source'], typed: '' });
  assert.deepEqual(keyPathAt('advisories:\n  cache-ttl: 1h\n', 16), ['advisories', 'cache-ttl']);
});
