/**
 * The filtering steps of formula evaluation (pattern-not, pattern-not-inside with bindings,
 * metavariable-regex conditions, de-duplication of equal ranges) give Semgrep's results, including
 * when a regex condition runs again on the same text (its results are memoized per text).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines, rule, scanSnippet } from '../helpers/engine';

test('pattern-not removes only equal ranges whose bindings agree', async () => {
  const yaml = rule('python', `patterns:\n  - pattern: $F($X)\n  - pattern-not: print($X)`);
  const r = await scanSnippet(yaml, 'print(a)\nlog(b)\nprint(c)\nrun(d)\n', 'a.py');
  assert.deepEqual(lines(r), [2, 4]);
});

test('pattern-not-inside removes matches inside a compatible enclosing range only', async () => {
  const yaml = rule('python', `patterns:\n  - pattern: eval($X)\n  - pattern-not-inside: |\n      if check($X):\n          ...`);
  const code = 'if check(a):\n    eval(a)\nif check(a):\n    eval(b)\neval(a)\n';
  assert.deepEqual(lines(await scanSnippet(yaml, code, 'a.py')), [4, 5]);
});

test('metavariable-regex filters before and after negatives give the same findings, repeatedly', async () => {
  const yaml = rule('python', `patterns:\n  - pattern: $F($X)\n  - pattern-not: $F(1)\n  - metavariable-regex:\n      metavariable: $F\n      regex: ^(run|exec)$`);
  const code = 'run(1)\nrun(2)\nexec(3)\nother(4)\nrun(5)\nrunner(6)\n';
  for (let i = 0; i < 3; i++) assert.deepEqual(lines(await scanSnippet(yaml, code, 'a.py')), [2, 3, 5]);
});

test('a match of one range with different bindings is kept once per binding set', async () => {
  const yaml = rule('python', `pattern-either:\n  - pattern: f($X, ...)\n  - pattern: f(..., $X)\n  - pattern: f($X, $Y)`);
  const r = await scanSnippet(yaml, 'f(a, b)\n', 'a.py');
  // Findings are per range: one finding, however many binding sets matched it.
  assert.deepEqual(lines(r), [1]);
  assert.equal(r.findings[0].message, 'found a');
});
