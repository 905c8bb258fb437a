/**
 * The scan pipeline around the matcher: prefilter (no parse when no rule can match), suppression
 * comments, incremental reparse equal to a fresh parse, cancellation, paths filters, the step
 * budget, and hostile regexes in linear time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines, rule, ruleSetFrom, scanSnippet, testGrammars } from '../helpers/engine';
import { scanFile, scanWith } from '../../server/src/engine/file-scan';
import { ParsedDocument } from '../../server/src/engine/parsed-document';
import { CancellationSource, ScanCancelled } from '../../server/src/engine/cancellation';
import { parseSuppression } from '../../server/src/engine/suppression';

test('prefilter: a file without the pattern literals is not parsed', async () => {
  const { rules } = await ruleSetFrom(rule('python', 'pattern: pickle.loads(...)'));
  assert.equal(scanFile(rules, 'import os\nos.getcwd()\n', { path: 'a.py' }).parsed, false);
  assert.equal(scanFile(rules, 'import pickle\npickle.loads(b)\n', { path: 'a.py' }).parsed, true);
});

test('suppression: moat-ignore and nosemgrep, same line or line before, with ids and reason', async () => {
  const code = [
    'eval(a)  # moat-ignore: test-rule reviewed, input is constant',
    '# nosemgrep',
    'eval(b)',
    'eval(c)  # moat-ignore: other-rule',
    'x = 1  # moat-ignore',
    'eval(d)',
    '',
  ].join('\n');
  const result = await scanSnippet(rule('python', 'pattern: eval(...)'), code, 'a.py');
  assert.deepEqual(lines(result), [4, 6]);
  const first = result.findings.find((f) => f.range.startPos.line === 0);
  assert.equal(first?.suppressed?.kind, 'moat-ignore');
  assert.equal(first?.suppressed?.reason, 'reviewed, input is constant');
  assert.equal(result.findings.find((f) => f.range.startPos.line === 2)?.suppressed?.kind, 'nosemgrep');
});

test('suppression comment parsing', () => {
  assert.deepEqual(parseSuppression('foo() // moat-ignore: a.b, c -- false positive'), { kind: 'moat-ignore', ids: ['a.b', 'c'], reason: 'false positive', alone: false });
  assert.deepEqual(parseSuppression('  # nosemgrep'), { kind: 'nosemgrep', ids: [], reason: '', alone: true });
  assert.equal(parseSuppression('const moatIgnore = 1'), undefined);
});

test('incremental reparse gives the same findings as a fresh parse', async () => {
  const { rules } = await ruleSetFrom(rule('javascript', 'pattern: eval($X)'));
  const langRules = rules.forLanguage('javascript')!;
  const original = 'function f(a) {\n  return a;\n}\n';
  const doc = ParsedDocument.create(langRules.lang, original);
  try {
    const at = original.indexOf('return a');
    doc.applyChanges([{ start: at + 7, end: at + 8, text: 'eval(a)' }]);
    doc.applyChanges([{ start: 0, end: 0, text: '// header é😀\n' }]);
    const incremental = scanWith(langRules, [], doc.text, { path: 'a.js', tree: doc.syntaxTree });
    const fresh = scanFile(rules, doc.text, { path: 'a.js' });
    assert.equal(doc.text, '// header é😀\nfunction f(a) {\n  return eval(a);\n}\n');
    assert.deepEqual(incremental.findings, fresh.findings);
    assert.equal(fresh.findings.length, 1);
    assert.equal(fresh.findings[0].range.startPos.line, 2);
  } finally {
    doc.dispose();
  }
});

test('a change outside the document is refused', async () => {
  const lang = await (await testGrammars()).load('python');
  const doc = ParsedDocument.create(lang, 'x = 1\n');
  assert.throws(() => doc.applyChanges([{ start: 3, end: 99, text: '' }]), RangeError);
  assert.equal(doc.text, 'x = 1\n');
  doc.dispose();
});

test('cancellation stops a scan', async () => {
  const { rules } = await ruleSetFrom(rule('python', 'pattern: eval(...)'));
  const token = new CancellationSource();
  token.cancel();
  assert.throws(() => scanFile(rules, 'eval(x)\n'.repeat(10), { path: 'a.py', cancel: token }), ScanCancelled);
});

test('paths include and exclude', async () => {
  const { rules } = await ruleSetFrom(rule('python', 'pattern: eval(...)\npaths:\n  include: ["src/"]\n  exclude: ["*_test.py"]'));
  assert.equal(scanFile(rules, 'eval(x)\n', { path: 'src/app.py' }).findings.length, 1);
  assert.equal(scanFile(rules, 'eval(x)\n', { path: 'src/app_test.py' }).findings.length, 0);
  assert.equal(scanFile(rules, 'eval(x)\n', { path: 'lib/app.py' }).findings.length, 0);
});

test('a hostile regex on a hostile input finishes quickly (RE2 semantics)', async () => {
  const { rules } = await ruleSetFrom(rule('regex', 'pattern-regex: (a+)+$'));
  const text = 'a'.repeat(50_000) + '!';
  const started = process.hrtime.bigint();
  const result = scanFile(rules, text, { path: 'x.txt' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  assert.equal(result.findings.length, 0);
  assert.ok(ms < 5000, `took ${ms} ms`);
});

test('an explosive pattern is stopped by the step budget with a warning, other rules still report', async () => {
  const yaml = `rules:
  - id: explosive
    message: m
    severity: INFO
    languages: [python]
    pattern: f(..., $A, ..., $B, ..., $C, ..., $D, ..., 0)
  - id: simple
    message: m
    severity: INFO
    languages: [python]
    pattern: g()
`;
  const { rules } = await ruleSetFrom(yaml);
  const args = Array.from({ length: 400 }, (_, i) => `x${i}`).join(', ');
  const result = scanFile(rules, `f(${args})\ng()\n`, { path: 'a.py' });
  assert.ok(result.findings.some((f) => f.ruleId === 'simple'));
  assert.ok(result.problems.some((p) => p.ruleId === 'explosive' && /too expensive/.test(p.message)));
});
