/**
 * The TextMate injection grammar for rule files is valid JSON, contributed in package.json, and
 * its regexes pick out metavariables, ellipses and operator keys (checked with JS regexes, which
 * accept the same syntax for these patterns).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..', '..');
const grammar = JSON.parse(readFileSync(path.join(root, 'syntaxes', 'moat-rule.injection.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const re = (name: string) => new RegExp(grammar.repository[name].match, 'g');

test('contributed as an injection into YAML', () => {
  assert.deepEqual(manifest.contributes.grammars, [{ path: './syntaxes/moat-rule.injection.json', scopeName: grammar.scopeName, injectTo: ['source.yaml'] }]);
});

test('metavariables, ellipses and operators are recognised', () => {
  const line = '  - pattern: requests.get($URL, $...ARGS, verify=False, ...)';
  assert.deepEqual(line.match(re('metavariable')), ['$URL']);
  assert.deepEqual(line.match(re('ellipsis-metavariable')), ['$...ARGS']);
  assert.deepEqual('f(..., x)  a.b  <... $X ...>'.match(re('ellipsis')), ['...']);
  assert.deepEqual('  - pattern-not-inside: |'.match(re('operator-key')), ['pattern-not-inside']);
  assert.equal('  $lower = 1'.match(re('metavariable')), null);
});
