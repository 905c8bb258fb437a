/**
 * Allowlists, per rule and global: path regexes, regexes on the secret / match / line
 * (`regexTarget`), stopwords, OR and AND conditions, `targetRules`, commits (never hold on files),
 * and the built-in global allowlist (lockfiles, binaries, node_modules).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileSecretRuleset } from '../../server/src/secrets/compile';
import { scanSecrets } from '../../server/src/secrets/scan';
import { expandSample } from '../../server/src/secrets/sample-tokens';
import { builtinSecretRuleset } from '../../server/src/secrets/builtin/index';
import type { SecretAllowlist, SecretRule } from '../../server/src/secrets/rule-model';

const secret = expandSample('acme_{alnum:20}', 'allow');
const text = `# config\nACME_KEY = "${secret}"  # staging\n`;

function rule(allowlists: SecretAllowlist[] = []): SecretRule {
  return { id: 'acme-key', description: 'ACME key', regex: '(acme_[A-Za-z0-9]{20})', keywords: ['acme_'], allowlists, severity: 'high', tags: [] };
}

function scan(ruleAllowlists: SecretAllowlist[], globals: SecretAllowlist[] = [], path = 'src/app.py') {
  const { ruleset, problems } = compileSecretRuleset([rule(ruleAllowlists)], globals);
  assert.deepEqual(problems.filter((p) => p.severity === 'error'), []);
  return scanSecrets(text, path, ruleset).map((f) => f.ruleId);
}

test('allowlist: nothing allowed without criteria', () => {
  assert.deepEqual(scan([]), ['acme-key']);
  assert.deepEqual(scan([{}]), ['acme-key']);
});

test('allowlist: paths (forward or back slashes)', () => {
  assert.deepEqual(scan([{ paths: ['^test/'] }], [], 'test/fixtures/app.py'), []);
  assert.deepEqual(scan([{ paths: ['^test/'] }], [], 'test\\fixtures\\app.py'), []);
  assert.deepEqual(scan([{ paths: ['^test/'] }], [], 'src/app.py'), ['acme-key']);
});

test('allowlist: regexes on the secret (default), the match or the line', () => {
  assert.deepEqual(scan([{ regexes: ['^acme_'] }]), []);
  assert.deepEqual(scan([{ regexes: ['ACME_KEY'] }]), ['acme-key'], 'the name is not part of the secret');
  assert.deepEqual(scan([{ regexes: ['ACME_KEY'], regexTarget: 'secret' }]), ['acme-key']);
  assert.deepEqual(scan([{ regexes: ['^acme_'], regexTarget: 'match' }]), []);
  assert.deepEqual(scan([{ regexes: ['staging'], regexTarget: 'match' }]), ['acme-key'], 'the comment is outside the match');
  assert.deepEqual(scan([{ regexes: ['#\\s*staging$'], regexTarget: 'line' }]), []);
});

test('allowlist: stopwords are lowercase substrings of the secret', () => {
  const word = secret.slice(7, 12);
  assert.deepEqual(scan([{ stopwords: [word.toUpperCase()] }]), []);
  assert.deepEqual(scan([{ stopwords: ['staging'] }]), ['acme-key']);
});

test('allowlist: OR needs one criterion, AND needs every criterion it sets', () => {
  assert.deepEqual(scan([{ paths: ['^nope/'], regexes: ['^acme_'] }]), []);
  assert.deepEqual(scan([{ condition: 'and', paths: ['^nope/'], regexes: ['^acme_'] }]), ['acme-key']);
  assert.deepEqual(scan([{ condition: 'and', paths: ['^src/'], regexes: ['^acme_'] }]), []);
  assert.deepEqual(scan([{ condition: 'and', paths: ['^src/'], stopwords: ['zzzz'] }]), ['acme-key']);
});

test('allowlist: commits never hold on files; OR lists fall back on their other criteria', () => {
  assert.deepEqual(scan([{ commits: ['0123abc'] }]), ['acme-key']);
  assert.deepEqual(scan([{ commits: ['0123abc'], regexes: ['^acme_'] }]), []);
  assert.deepEqual(scan([{ condition: 'and', commits: ['0123abc'], regexes: ['^acme_'] }]), ['acme-key']);
});

test('global allowlists: apply to every rule; paths skip the file; targetRules narrow them', () => {
  assert.deepEqual(scan([], [{ regexes: ['^acme_'] }]), []);
  assert.deepEqual(scan([], [{ paths: ['\\.py$'] }]), []);
  assert.deepEqual(scan([], [{ regexes: ['^acme_'], targetRules: ['other-rule'] }]), ['acme-key']);
  assert.deepEqual(scan([], [{ regexes: ['^acme_'], targetRules: ['acme-key'] }]), []);
  const { problems } = compileSecretRuleset([rule()], [{ regexes: ['x'], targetRules: ['missing'] }]);
  assert.match(problems[0].message, /unknown rule missing/);
});

test('allowlist errors: a regex RE2 cannot run is a problem and the rule is dropped', () => {
  const { ruleset, problems } = compileSecretRuleset([rule([{ regexes: ['(?=lookahead)'] }])]);
  assert.equal(ruleset.rules.length, 0);
  assert.equal(problems[0].key, 'allowlists.regexes');
  assert.equal(problems[0].ruleId, 'acme-key');
});

test('built-in global allowlist: lockfiles, binaries and node_modules are not scanned', () => {
  const rs = builtinSecretRuleset();
  const line = `"resolved": "https://registry.example.com/x", "token": "${expandSample('{github:ghp}', 1)}"`;
  assert.equal(scanSecrets(line, 'src/config.json', rs).length, 1);
  for (const path of ['package-lock.json', 'web/yarn.lock', 'go.sum', 'assets/logo.PNG', 'node_modules/x/index.js', 'Cargo.lock']) {
    assert.deepEqual(scanSecrets(line, path, rs), [], path);
  }
});

test('built-in rule allowlists: database URLs to loopback hosts are local development credentials', () => {
  const rs = builtinSecretRuleset();
  const pw = expandSample('{alnum:20}', 2);
  assert.equal(scanSecrets(`DATABASE_URL=postgres://app:${pw}@db.prod.internal:5432/app`, '.env', rs).length, 1);
  for (const host of ['localhost', '127.0.0.1', '[::1]', 'host.docker.internal']) {
    assert.deepEqual(scanSecrets(`DATABASE_URL=postgres://app:${pw}@${host}:5432/app`, '.env', rs), [], host);
  }
});

test('Mapbox public tokens (pk.) are public by design and never reported; secret ones (sk.) are not excused', async () => {
  const { placeholderReason } = await import('../../server/src/secrets/placeholders');
  const body = 'eyJ1IjoiYWNtZSIsImEiOiJja2V4YW1wbGUxMjM0NTY3ODkwIn0.Q2hhbmdlTWVQbGVhc2VOb3RSZWFs';
  assert.match(placeholderReason(`pk.${body}`) ?? '', /public by design/);
  assert.equal(placeholderReason(`sk.${body}`), undefined);
});
