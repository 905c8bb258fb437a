/**
 * The secrets scan core: ranges in UTF-16 offsets and 0-based line/column, secret groups, the
 * keyword prefilter and its windows, overlapping findings, validators, redaction and the
 * conversion to engine Findings (with suppression comments).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileSecretRuleset, captureGroupCount } from '../../server/src/secrets/compile';
import { scanSecrets } from '../../server/src/secrets/scan';
import { KeywordAutomaton } from '../../server/src/secrets/keyword-automaton';
import { redact, secretRuleInfos, toFinding } from '../../server/src/secrets/secret-finding';
import { base62, crc32, hasGithubChecksum, isStructuredJwt, readsAsWords } from '../../server/src/secrets/validators';
import { expandSample } from '../../server/src/secrets/sample-tokens';
import { builtinSecretRuleset } from '../../server/src/secrets/builtin/index';
import type { SecretRule } from '../../server/src/secrets/rule-model';

function rule(over: Partial<SecretRule> & { id: string; regex?: string }): SecretRule {
  return { description: `${over.id} found`, keywords: [], allowlists: [], severity: 'high', tags: [], ...over };
}

function ruleset(...rules: SecretRule[]) {
  const { ruleset, problems } = compileSecretRuleset(rules);
  assert.deepEqual(problems, []);
  return ruleset;
}

test('ranges: UTF-16 offsets and 0-based line/column, after non-BMP characters and CRLF', () => {
  const rs = ruleset(rule({ id: 'acme', regex: 'acme_([a-z0-9]{12})', keywords: ['acme_'] }));
  const text = 'first line\r\n😀 é x = "acme_a1b2c3d4e5f6"\n';
  const [f] = scanSecrets(text, 'a.py', rs);
  const start = text.indexOf('acme_');
  assert.equal(f.range.start, start);
  assert.equal(f.range.end, start + 17);
  assert.deepEqual(f.range.startPos, { line: 1, column: start - text.indexOf('😀') });
  assert.equal(f.secretRange.start, start + 5);
  assert.equal(text.slice(f.secretRange.start, f.secretRange.end), 'a1b2c3d4e5f6');
  assert.deepEqual(f.secretRange.endPos, { line: 1, column: f.secretRange.end - text.indexOf('😀') });
});

test('secret group: explicit, else the first group that matched, else the whole match', () => {
  const text = 'k1 = AAA111bbb222\nk2 = CCC333ddd444\n';
  const explicit = scanSecrets(text, 'x', ruleset(rule({ id: 'g2', regex: '(k1) = ([A-Za-z0-9]{12})', secretGroup: 2 })));
  assert.equal(text.slice(explicit[0].secretRange.start, explicit[0].secretRange.end), 'AAA111bbb222');
  const firstMatched = scanSecrets(text, 'x', ruleset(rule({ id: 'alt', regex: 'k1 = ([A-Z0-9]{20})|k2 = ([A-Za-z0-9]{12})' })));
  assert.equal(text.slice(firstMatched[0].secretRange.start, firstMatched[0].secretRange.end), 'CCC333ddd444');
  const whole = scanSecrets(text, 'x', ruleset(rule({ id: 'whole', regex: 'CCC[0-9]{3}ddd[0-9]{3}' })));
  assert.equal(text.slice(whole[0].secretRange.start, whole[0].secretRange.end), 'CCC333ddd444');
});

test('entropy threshold: the secret must exceed it', () => {
  const rs = ruleset(rule({ id: 'e', regex: 'v=([a-z0-9]{16})', entropy: 3.5 }));
  assert.equal(scanSecrets('v=aabbaabbaabbaab1', 'x', rs).length, 0);
  assert.equal(scanSecrets('v=q8w7e6r5t4y3u2i1', 'x', rs).length, 1);
});

test('keywords: a rule runs only where one occurs (case-insensitive), and only on that line unless it asks for context', () => {
  const r = rule({ id: 'ctx', regex: '\\b([0-9a-f]{32})\\b', keywords: ['acme'], context: 0 });
  const hex = expandSample('{hex:32}', 1);
  assert.equal(scanSecrets(`token = "${hex}"`, 'x', ruleset(r)).length, 0, 'no keyword anywhere');
  assert.equal(scanSecrets(`ACME_TOKEN = "${hex}"`, 'x', ruleset(r)).length, 1);
  assert.equal(scanSecrets(`# acme\n\ntoken = "${hex}"`, 'x', ruleset(r)).length, 0, 'keyword two lines away');
  assert.equal(scanSecrets(`# acme\n\ntoken = "${hex}"`, 'x', ruleset({ ...r, context: 2 })).length, 1);
  assert.equal(scanSecrets(`# acme\n\ntoken = "${hex}"`, 'x', ruleset({ ...r, context: 'file' })).length, 1);
  const noKeywords = rule({ id: 'always', regex: '\\b([0-9a-f]{32})\\b' });
  assert.equal(scanSecrets(`token = "${hex}"`, 'x', ruleset(noKeywords)).length, 1, 'rules without keywords always run');
});

test('keywords: on a very long line the rule looks near the keyword, and each match is reported once', () => {
  const r = rule({ id: 'near', regex: 'key=([A-Za-z0-9]{20})', keywords: ['key='], context: 0 });
  const secrets = [1, 2, 3].map((i) => expandSample('{alnum:20}', i));
  const text = 'x'.repeat(50_000) + secrets.map((s) => `key=${s};`).join('y'.repeat(300)) + 'z'.repeat(50_000);
  const found = scanSecrets(text, 'min.js', ruleset(r));
  assert.deepEqual(found.map((f) => text.slice(f.secretRange.start, f.secretRange.end)), secrets);
});

test('whole-text rules: a long file is read in overlapping chunks; a block across a chunk boundary is found once', () => {
  const r = rule({ id: 'block', regex: '(BEGIN-BLOCK[\\s\\S]{20,}?END-BLOCK)', keywords: ['begin-block'], context: 'file' });
  const filler = (n: number) => 'let x = 1;\n'.repeat(n);
  const body = Array.from({ length: 40 }, (_, i) => expandSample('{b64:60}', i)).join('\n');
  for (const before of [0, 5900, 5955, 6000, 12000]) {
    const text = `${filler(before)}BEGIN-BLOCK\n${body}\nEND-BLOCK\n${filler(20000)}`;
    const found = scanSecrets(text, 'big.txt', ruleset(r));
    assert.equal(found.length, 1, `block after ${before} lines`);
    assert.equal(found[0].secretRange.start, text.indexOf('BEGIN-BLOCK'));
  }
});

test('path filter: a rule with `path` applies only to matching files; a path-only rule reports the file', () => {
  const rs = ruleset(rule({ id: 'tf', regex: 'password = "([^"]{8,})"', path: '\\.tf$' }), rule({ id: 'p12', path: '\\.p(?:12|fx)$' }));
  const line = `password = "${expandSample('{alnum:12}', 7)}"`;
  assert.deepEqual(scanSecrets(line, 'main.tf', rs).map((f) => f.ruleId), ['tf']);
  assert.deepEqual(scanSecrets(line, 'main.py', rs).map((f) => f.ruleId), []);
  const [file] = scanSecrets('\u0000binary', 'certs\\client.p12', rs);
  assert.equal(file.ruleId, 'p12');
  assert.equal(file.redacted, '(file)');
});

test('overlaps: a specific rule beats a generic one, then the earlier rule wins; disjoint findings all stay', () => {
  const rs = ruleset(
    rule({ id: 'generic-ish', regex: 'token = "([A-Za-z0-9_]{20,})"', tags: ['generic'] }),
    rule({ id: 'first', regex: '(acme_[A-Za-z0-9]{16})' }),
    rule({ id: 'second', regex: '(acme_[A-Za-z0-9]{16})' }),
  );
  const s = expandSample('acme_{alnum:16}', 3);
  const other = expandSample('{alnum:24}', 4);
  const found = scanSecrets(`token = "${s}"\ntoken = "${other}"`, 'x', rs);
  assert.deepEqual(found.map((f) => f.ruleId), ['first', 'generic-ish']);
});

test('placeholders are never reported, whatever the rule', () => {
  const rs = ruleset(rule({ id: 'any', regex: 'secret = "([^"]+)"' }));
  for (const v of ['your-api-key', '<TOKEN>', 'xxxxxxxxxxxx', '****', '${VAR}', '{{ var }}', 'process.env.X', 'os.environ["X"]', 'example-value-1', 'dummy123', 'changeme', 'aaaaaaaaaaaa', 'abcdefghijk', '12345678901', 'AKIAIOSFODNN7EXAMPLE']) {
    assert.deepEqual(scanSecrets(`secret = "${v}"`, 'x', rs), [], v);
  }
  assert.equal(scanSecrets(`secret = "${expandSample('{alnum:24}', 9)}"`, 'x', rs).length, 1);
});

test('validators: GitHub/npm CRC32 checksum, JWT structure, identifier words', () => {
  assert.equal(crc32('123456789'), 0xcbf43926, 'the CRC-32 check value');
  assert.equal(base62(0, 6), '000000');
  assert.equal(base62(61, 2), '0z');
  assert.equal(base62(62, 2), '10');
  const token = expandSample('{github:ghp}', 5);
  assert.equal(hasGithubChecksum(token), true);
  const broken = token.slice(0, 39) + (token[39] === 'A' ? 'B' : 'A');
  assert.equal(hasGithubChecksum(broken), false);
  assert.equal(isStructuredJwt(expandSample('{jwt}', 1)), true);
  assert.equal(isStructuredJwt('eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl'), false);
  assert.equal(readsAsWords('OAuth2TokenCredential'), true);
  assert.equal(readsAsWords(expandSample('{alnum:32}', 2)), false);
  assert.equal(readsAsWords(expandSample('{lbase32:52}', 2)), false, 'lowercase keys lack the vowels of words');
});

test('keyword automaton: every occurrence of every keyword, overlapping, case-insensitive, non-ASCII', () => {
  const ac = new KeywordAutomaton(['key', 'api_key', 'sk-', 'clé']);
  const hits = ac.scan('API_KEY = "sk-x" // CLÉ keyboard');
  assert.deepEqual(hits[0], [4, 24]);
  assert.deepEqual(hits[1], [0]);
  assert.deepEqual(hits[2], [11]);
  assert.deepEqual(hits[3], [20]);
  assert.deepEqual(new KeywordAutomaton(['aa']).scan('aaaa')[0], [0, 1, 2]);
  assert.deepEqual(new KeywordAutomaton(['b', 'abc', 'bc']).scan('xabcx'), [[2], [1], [2]]);
});

test('captureGroupCount: plain, named and non-capturing groups, classes and escapes', () => {
  assert.equal(captureGroupCount('(a)(?:b)(?P<n>c)(?<m>d)(?i:e)'), 3);
  assert.equal(captureGroupCount('[(]\\((x)[[:alpha:](]'), 1);
});

test('redaction: at most 4 leading characters, never more than a third of the secret', () => {
  assert.equal(redact('sk-proj-abcdefghijklmnop'), 'sk-p…(24 chars)');
  assert.equal(redact('abcdefgh'), 'ab…(8 chars)');
  assert.equal(redact('abc'), 'a…(3 chars)');
  assert.equal(redact('ab'), '…(2 chars)');
});

test('toFinding: message with description and redacted preview, ranged on the secret, suppression comments honoured', () => {
  const rs = builtinSecretRuleset();
  const token = expandSample('{github:ghp}', 11);
  const text = `a = 1\nGITHUB_TOKEN = "${token}"  # moat-ignore: github-pat rotated already\n`;
  const [f] = scanSecrets(text, 'x.py', rs);
  const finding = toFinding(f, text.split('\n'));
  assert.equal(finding.ruleId, 'moat.secrets.github-pat');
  assert.equal(finding.level, 'critical');
  assert.equal(finding.severity, 'CRITICAL');
  assert.deepEqual(finding.range, f.secretRange);
  assert.match(finding.message, /^GitHub personal access token \(classic\) \(ghp_…\(40 chars\)\)/);
  assert.equal(finding.suppressed?.kind, 'moat-ignore');
  assert.equal(finding.suppressed?.reason, 'rotated already');
  assert.equal(toFinding(f).suppressed, undefined);
  const info = secretRuleInfos(rs).find((r) => r.id === 'moat.secrets.github-pat');
  assert.equal(info?.level, 'critical');
});

test('limits: at most maxFindingsPerRule findings per rule', () => {
  const rs = ruleset(rule({ id: 'many', regex: 'v([0-9]{3})x' }));
  const text = Array.from({ length: 50 }, (_, i) => `v${String(100 + i)}x`).join(' ');
  assert.equal(scanSecrets(text, 'x', rs, { maxFindingsPerRule: 10 }).length, 10);
});
