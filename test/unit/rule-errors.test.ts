/**
 * Bad rules give Problems that name the file, line, rule id and key, and never stop the other
 * rules in the same file from running.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleSetFrom } from '../helpers/engine';
import { scanFile } from '../../server/src/engine/file-scan';

const GOOD = `  - id: good
    message: eval
    severity: ERROR
    languages: [python]
    pattern: eval(...)
`;

async function problemsOf(bad: string) {
  const { rules, problems } = await ruleSetFrom(`rules:\n${bad}${GOOD}`, 'bad.yaml');
  const result = scanFile(rules, 'eval(x)\n', { path: 'a.py' });
  assert.equal(result.findings.length, 1, 'the good rule still runs');
  return problems;
}

const cases: Array<{ name: string; rule: string; key: string; line: number; message: RegExp }> = [
  {
    name: 'taint rule without sinks, named with its key and line',
    rule: `  - id: t\n    message: m\n    severity: ERROR\n    languages: [python]\n    mode: taint\n    pattern-sources: [{pattern: input()}]\n`,
    key: 'pattern-sinks',
    line: 2,
    message: /a taint rule needs `pattern-sinks`/,
  },
  {
    name: 'taint sources without mode: taint',
    rule: `  - id: t2\n    message: m\n    severity: ERROR\n    languages: [python]\n    pattern-sources: [{pattern: input()}]\n    pattern: eval(...)\n`,
    key: 'pattern-sources',
    line: 6,
    message: /needs `mode: taint`/,
  },
  {
    name: 'unknown key',
    rule: `  - id: u\n    message: m\n    severity: ERROR\n    languages: [python]\n    pattern: f()\n    patern-not: g()\n`,
    key: 'patern-not',
    line: 7,
    message: /unknown key/,
  },
  {
    name: 'pattern that does not parse',
    rule: `  - id: p\n    message: m\n    severity: ERROR\n    languages: [python]\n    pattern: "if $X <"\n`,
    key: 'pattern',
    line: 6,
    message: /does not parse as python/,
  },
  {
    name: 'unknown language',
    rule: `  - id: l\n    message: m\n    severity: ERROR\n    languages: [cobol]\n    pattern: f()\n`,
    key: 'languages',
    line: 2,
    message: /unknown or unsupported language `cobol`/,
  },
  {
    name: 'unknown operator inside patterns',
    rule: `  - id: o\n    message: m\n    severity: ERROR\n    languages: [python]\n    patterns:\n      - pattern: f()\n      - pattern-nott: g()\n`,
    key: 'pattern-nott',
    line: 8,
    message: /unknown operator/,
  },
  {
    name: 'invalid regex',
    rule: `  - id: r\n    message: m\n    severity: ERROR\n    languages: [python]\n    pattern-regex: "a(b"\n`,
    key: 'pattern-regex',
    line: 6,
    message: /invalid regex/,
  },
  {
    name: 'unknown severity',
    rule: `  - id: s\n    message: m\n    severity: SEVERE\n    languages: [python]\n    pattern: f()\n`,
    key: 'severity',
    line: 2,
    message: /unknown severity/,
  },
  {
    name: 'comparison that is not the safe subset',
    rule: `  - id: c\n    message: m\n    severity: ERROR\n    languages: [python]\n    patterns:\n      - pattern: f($X)\n      - metavariable-comparison:\n          metavariable: $X\n          comparison: __import__("os").system("x")\n`,
    key: 'metavariable-comparison',
    line: 8,
    message: /comparison/,
  },
];

for (const c of cases) {
  test(c.name, async () => {
    const problems = await problemsOf(c.rule);
    const p = problems.find((x) => x.key === c.key);
    assert.ok(p, `a problem with key ${c.key}; got ${JSON.stringify(problems)}`);
    assert.equal(p.file, 'bad.yaml');
    assert.equal(p.line, c.line);
    assert.match(p.message, c.message);
    assert.equal(p.severity, 'error');
  });
}

test('invalid YAML is a problem with a line, not a throw', async () => {
  const { problems } = await ruleSetFrom('rules:\n  - id: x\n    message: [unclosed\n', 'broken.yaml');
  assert.equal(problems.length > 0, true);
  assert.equal(problems[0].file, 'broken.yaml');
  assert.ok((problems[0].line ?? 0) >= 3);
});

test('a file that does not parse cleanly is still scanned', async () => {
  const { rules } = await ruleSetFrom(`rules:\n${GOOD}`);
  const result = scanFile(rules, 'def broken(:\n    pass\neval(x)\n', { path: 'a.py' });
  assert.ok(result.syntaxErrors > 0);
  assert.equal(result.findings.length, 1);
});

test('rule options are reported as ignored (a warning with the key), and the rule still runs', async () => {
  const { rules, problems } = await ruleSetFrom(`rules:\n  - id: opt\n    message: m\n    severity: INFO\n    languages: [python]\n    options:\n      constant_propagation: false\n    pattern: eval(...)\n`, 'opt.yaml');
  const p = problems.find((x) => x.key === 'options');
  assert.equal(p?.severity, 'warning');
  assert.equal(p?.line, 7);
  assert.match(p?.message ?? '', /constant_propagation/);
  assert.equal(scanFile(rules, 'eval(x)\n', { path: 'a.py' }).findings.length, 1);
});
