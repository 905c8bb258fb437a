/**
 * `moat-pack.yaml` validation, data-driven: each file in test/fixtures/packs/manifests/ says what
 * it expects in `# expect: KEY LINE:COLUMN message` lines (none: valid). Plus the typed manifest
 * of a valid pack, and a pack's rules read with its default severity and severity overrides.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePackManifest } from '../../server/src/packs/pack-manifest';
import { loadPackRules, packRuleFiles } from '../../server/src/packs/pack-rules';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'packs');
const MANIFESTS = path.join(FIXTURES, 'manifests');

function expectations(text: string): Array<{ key: string; line: number; column: number; message: string }> {
  return [...text.matchAll(/^# expect: (\S+) (\d+):(\d+) (.+)$/gm)].map((m) => ({ key: m[1], line: Number(m[2]), column: Number(m[3]), message: m[4] }));
}

for (const name of readdirSync(MANIFESTS).sort()) {
  test(`manifest ${name}`, () => {
    const file = path.join(MANIFESTS, name);
    const text = readFileSync(file, 'utf8');
    const parsed = parsePackManifest(text, file, '0.1.0');
    const want = expectations(text);
    if (want.length === 0) {
      assert.deepEqual(parsed.problems, []);
      assert.ok(parsed.manifest);
      return;
    }
    assert.equal(parsed.manifest, undefined, 'an invalid manifest gives no pack');
    for (const w of want) {
      const hit = parsed.problems.find((p) => p.key === w.key);
      assert.ok(hit, `expected a problem at ${w.key}; got ${JSON.stringify(parsed.problems.map((p) => `${p.key} ${p.line}:${p.column} ${p.message}`))}`);
      assert.equal(`${hit.line}:${hit.column}`, `${w.line}:${w.column}`, `${w.key}: ${hit.message}`);
      assert.ok(hit.message.includes(w.message), `"${hit.message}" should contain "${w.message}"`);
      assert.equal(hit.file, file);
      assert.ok(hit.end > hit.start);
    }
  });
}

test('a valid manifest is typed: defaults, upper-case default severity, absolute folder', () => {
  const file = path.join(MANIFESTS, 'valid.yaml');
  const { manifest } = parsePackManifest(readFileSync(file, 'utf8'), file, '0.1.0');
  assert.ok(manifest);
  assert.equal(manifest.name, 'acme/payments');
  assert.equal(manifest.version, '1.0.0-beta.1');
  assert.deepEqual(manifest.rules, ['rules/*.yaml']);
  assert.equal(manifest.defaultSeverity, 'HIGH');
  assert.equal(manifest.dir, MANIFESTS);
  const noRules = parsePackManifest('name: a/b\nversion: 1.0.0\n', file, '0.1.0').manifest;
  assert.deepEqual(noRules?.rules, ['**/*.yaml', '**/*.yml']);
});

test('a development build (0.0.0-dev) loads any pack; a release checks the range', () => {
  const text = 'name: a/b\nversion: 1.0.0\nmoat: ">=0.2.0"\n';
  assert.deepEqual(parsePackManifest(text, '/p/moat-pack.yaml', '0.0.0-dev').problems, []);
  assert.equal(parsePackManifest(text, '/p/moat-pack.yaml', '0.1.0').problems[0]?.key, 'moat');
  assert.deepEqual(parsePackManifest(text, '/p/moat-pack.yaml', '0.2.1').problems, []);
});

test('pack rules: globs select files, tests and manifest left out; default severity and overrides applied', async () => {
  const file = path.join(FIXTURES, 'acme-payments', 'moat-pack.yaml');
  const { manifest } = parsePackManifest(readFileSync(file, 'utf8'), file, '0.1.0');
  assert.ok(manifest);
  const files = (await packRuleFiles(manifest)).map((f) => path.relative(manifest.dir, f).split(path.sep).join('/'));
  assert.deepEqual(files, ['rules/python/hardcoded-card-number.yaml', 'rules/python/log-card.yaml', 'rules/python/no-severity.yaml']);
  const loaded = await loadPackRules(manifest);
  assert.deepEqual(loaded.problems, []);
  const severity = Object.fromEntries(loaded.rules.map((r) => [r.id, r.severity]));
  assert.deepEqual(severity, {
    'acme.payments.hardcoded-card-number': 'HIGH', // its own
    'acme.payments.log-card': 'INFO', // the pack's override by glob beats the default
    'acme.payments.float-amount': 'LOW', // the pack's default-severity
  });
});

test('a rule without severity in a pack without default-severity is still an error at its key', async () => {
  const file = path.join(FIXTURES, 'acme-payments', 'moat-pack.yaml');
  const text = readFileSync(file, 'utf8').replace('default-severity: LOW\n', '');
  const { manifest } = parsePackManifest(text, file, '0.1.0');
  assert.ok(manifest);
  const loaded = await loadPackRules(manifest);
  const missing = loaded.problems.filter((x) => x.key === 'severity').map((x) => x.ruleId).sort();
  assert.deepEqual(missing, ['acme.payments.float-amount', 'acme.payments.log-card']);
  assert.deepEqual(loaded.rules.map((r) => r.id), ['acme.payments.hardcoded-card-number']);
});
