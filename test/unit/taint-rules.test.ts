/**
 * Reading and compiling `mode: taint` rules: the RuleDto they become, and a located Problem (file,
 * line, rule id, key) for every malformed taint rule, while the file's other rules still run.
 * Also: taint rules stay correct through incremental edits of a ParsedDocument.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRuleFile } from '../../server/src/rules/rule-yaml';
import { ruleSetFrom } from '../helpers/engine';
import { scanFile, scanWith } from '../../server/src/engine/file-scan';
import { ParsedDocument } from '../../server/src/engine/parsed-document';

const HEAD = (lang = 'python') => `  - id: t\n    message: m\n    severity: ERROR\n    languages: [${lang}]\n    mode: taint\n`;
const GOOD = `  - id: good\n    message: eval\n    severity: ERROR\n    languages: [python]\n    pattern: eval(...)\n`;

test('a taint rule reads into a RuleDto with its four lists and options', () => {
  const yaml = `rules:\n${HEAD()}    pattern-sources:\n      - pattern: source()\n        by-side-effect: only\n    pattern-sinks:\n      - patterns:\n          - pattern: sink($X)\n          - focus-metavariable: $X\n        exact: true\n    pattern-sanitizers:\n      - pattern: clean(...)\n        not-conflicting: true\n    pattern-propagators:\n      - pattern: $T.add($F)\n        from: $F\n        to: $T\n`;
  const { rules, problems } = parseRuleFile(yaml, 'r.yaml');
  assert.deepEqual(problems, []);
  const t = rules[0].taint!;
  assert.equal(rules[0].formula, undefined);
  assert.equal(t.sources[0].bySideEffect, 'only');
  assert.equal(t.sinks[0].exact, true);
  assert.equal(t.sinks[0].formula.op, 'all');
  assert.equal(t.sanitizers[0].notConflicting, true);
  assert.deepEqual([t.propagators[0].from, t.propagators[0].to, t.propagators[0].bySideEffect], ['$F', '$T', true]);
  assert.equal(t.sources[0].loc.line, 8);
});

const bad: Array<{ name: string; body: string; key: string; line: number; message: RegExp }> = [
  { name: 'missing sources', body: `    pattern-sinks: [{pattern: eval(...)}]\n`, key: 'pattern-sources', line: 2, message: /needs `pattern-sources`/ },
  { name: 'empty sinks list', body: `    pattern-sources: [{pattern: input()}]\n    pattern-sinks: []\n`, key: 'pattern-sinks', line: 8, message: /non-empty list/ },
  {
    name: 'unknown key in a source',
    body: `    pattern-sources:\n      - pattern: input()\n        exactly: true\n    pattern-sinks: [{pattern: eval(...)}]\n`,
    key: 'exactly',
    line: 9,
    message: /unknown key `exactly` in `pattern-sources`/,
  },
  {
    name: 'taint labels are not silently ignored',
    body: `    pattern-sources:\n      - pattern: input()\n        label: USER\n    pattern-sinks: [{pattern: eval(...)}]\n`,
    key: 'label',
    line: 9,
    message: /labels/,
  },
  {
    name: 'a propagator needs from and to',
    body: `    pattern-sources: [{pattern: input()}]\n    pattern-sinks: [{pattern: eval(...)}]\n    pattern-propagators:\n      - pattern: $A.add($B)\n        from: $B\n`,
    key: 'to',
    line: 10,
    message: /missing `to`/,
  },
  {
    name: 'from must be a metavariable',
    body: `    pattern-sources: [{pattern: input()}]\n    pattern-sinks: [{pattern: eval(...)}]\n    pattern-propagators:\n      - pattern: $A.add($B)\n        from: B\n        to: $A\n`,
    key: 'from',
    line: 11,
    message: /metavariable/,
  },
  {
    name: 'a search operator at the top of a taint rule',
    body: `    pattern: eval(...)\n    pattern-sources: [{pattern: input()}]\n    pattern-sinks: [{pattern: eval(...)}]\n`,
    key: 'pattern',
    line: 7,
    message: /taint rule takes pattern-sources/,
  },
  {
    name: 'two formulas in one entry',
    body: `    pattern-sources:\n      - pattern: input()\n        pattern-regex: x\n    pattern-sinks: [{pattern: eval(...)}]\n`,
    key: 'pattern-sources',
    line: 8,
    message: /exactly one of/,
  },
  {
    name: 'by-side-effect with a bad value',
    body: `    pattern-sources: [{pattern: input()}]\n    pattern-sinks: [{pattern: eval(...)}]\n    pattern-sanitizers:\n      - pattern: clean($X)\n        by-side-effect: only\n`,
    key: 'by-side-effect',
    line: 11,
    message: /true or false/,
  },
  {
    name: 'a source pattern that does not parse',
    body: `    pattern-sources:\n      - pattern: "if $X <"\n    pattern-sinks: [{pattern: eval(...)}]\n`,
    key: 'pattern',
    line: 8,
    message: /does not parse/,
  },
];

for (const c of bad) {
  test(`malformed taint rule: ${c.name}`, async () => {
    const { rules, problems } = await ruleSetFrom(`rules:\n${HEAD()}${c.body}${GOOD}`, 'bad.yaml');
    const p = problems.find((x) => x.key === c.key);
    assert.ok(p, `a problem with key ${c.key}; got ${JSON.stringify(problems)}`);
    assert.equal(p.file, 'bad.yaml');
    assert.equal(p.ruleId, 't');
    assert.equal(p.line, c.line);
    assert.match(p.message, c.message);
    assert.deepEqual(
      scanFile(rules, 'eval(x)\n', { path: 'a.py' }).findings.map((f) => f.ruleId),
      ['good'],
      'the other rule still runs',
    );
  });
}

test('taint rules for a language without dataflow tables are a located problem', async () => {
  const { problems } = await ruleSetFrom(`rules:\n${HEAD('json')}    pattern-sources: [{pattern: '"a"'}]\n    pattern-sinks: [{pattern: '"b"'}]\n`, 'j.yaml');
  const p = problems.find((x) => x.key === 'mode');
  assert.match(p?.message ?? '', /taint mode does not support json/);
  assert.equal(p?.line, 7);
});

test('prefilter: a file without any sink literal is not parsed for a taint rule', async () => {
  const { rules } = await ruleSetFrom(`rules:\n${HEAD()}    pattern-sources: [{pattern: source(...)}]\n    pattern-sinks: [{pattern: sink(...)}]\n`);
  assert.equal(scanFile(rules, 'x = source()\nprint(x)\n', { path: 'a.py' }).parsed, false);
  assert.equal(scanFile(rules, 'x = source()\nsink(x)\n', { path: 'a.py' }).findings.length, 1);
});

test('incremental edits: taint findings after each edit equal a fresh scan', async () => {
  const { rules } = await ruleSetFrom(`rules:\n${HEAD()}    pattern-sources: [{pattern: source(...)}]\n    pattern-sinks: [{pattern: sink(...)}]\n    pattern-sanitizers: [{pattern: clean(...)}]\n`);
  const langRules = rules.forLanguage('python')!;
  const original = 'def f():\n    x = source()\n    sink(x)\n';
  const doc = ParsedDocument.create(langRules.lang, original);
  try {
    const check = (expected: number) => {
      const incremental = scanWith(langRules, [], doc.text, { path: 'a.py', document: doc });
      const fresh = scanFile(rules, doc.text, { path: 'a.py' });
      assert.deepEqual(incremental.findings, fresh.findings);
      assert.equal(fresh.findings.length, expected, doc.text);
    };
    check(1);
    // Sanitize the assignment far from the sink: the finding must go away.
    let at = doc.text.indexOf('source()');
    doc.applyChanges([{ start: at, end: at, text: 'clean(' }]);
    at = doc.text.indexOf('source()') + 'source()'.length;
    doc.applyChanges([{ start: at, end: at, text: ')' }]);
    check(0);
    // A new tainted line before the sink, in another statement.
    at = doc.text.indexOf('    sink(x)');
    doc.applyChanges([{ start: at, end: at, text: '    x = source()\n' }]);
    check(1);
  } finally {
    doc.dispose();
  }
});
