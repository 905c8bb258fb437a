/**
 * `checkFalcoFile` (server/src/falco/falco-check.ts): the bundled packs/falco rules file has no
 * problem and has the shape the pack promises; each kind of problem on a small bad file, with the
 * exact line and column — missing fields, unknown priorities, undefined macros and lists (Falco's
 * default names excepted), duplicates without append/override, unparsable conditions inside plain,
 * quoted and block scalars, output fields, and files that are not Falco rules files at all.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { checkFalcoFile, FALCO_PRIORITIES } from '../../server/src/falco/falco-check';
import { looksLikeFalcoRules } from '../../server/src/falco/falco-rules-yaml';

const BUNDLED = path.join(__dirname, '..', '..', '..', 'packs', 'falco', 'falco', 'genai_rules.yaml');

/** [line, column, key, severity] of each problem, for compact exact assertions. */
const where = (text: string) => checkFalcoFile(text, 'f.yaml').map((p) => [p.line, p.column, p.key, p.severity]);

test('the bundled GenAI Falco rules file has no problems', () => {
  const text = readFileSync(BUNDLED, 'utf8');
  assert.ok(looksLikeFalcoRules(text));
  assert.deepEqual(checkFalcoFile(text, 'genai_rules.yaml'), []);
});

test('the bundled rules are complete: priority, syscall source, genai and MITRE tags, %fields in outputs', () => {
  const items = parse(readFileSync(BUNDLED, 'utf8')) as Array<Record<string, unknown>>;
  assert.ok(items.some((i) => i.required_engine_version !== undefined));
  const rules = items.filter((i) => typeof i.rule === 'string');
  assert.ok(rules.length >= 12, `${rules.length} rules`);
  for (const r of rules) {
    assert.ok(FALCO_PRIORITIES.includes(String(r.priority)), `${r.rule}: priority`);
    assert.equal(r.source, 'syscall', `${r.rule}: source`);
    const tags = r.tags as string[];
    assert.ok(tags.includes('genai') && tags.some((t) => t.startsWith('mitre_')) && tags.some((t) => /^T\d{4}/.test(t)), `${r.rule}: tags`);
    assert.match(String(r.output), /%proc\.(name|cmdline)/, `${r.rule}: output`);
    assert.ok(String(r.desc).length > 80, `${r.rule}: desc`);
  }
  // Standalone: every macro and list it uses is its own (genai_ prefix), none of Falco's redefined.
  for (const i of items) if (typeof i.macro === 'string' || typeof i.list === 'string') assert.match(String(i.macro ?? i.list), /^genai_/);
});

test('missing required fields are reported at the element name, one per field', () => {
  const text = '- rule: No output\n  desc: d\n  condition: evt.type = execve\n- macro: m\n- list: l\n';
  assert.deepEqual(where(text), [
    [1, 3, 'output', 'error'],
    [1, 3, 'priority', 'error'],
    [4, 3, 'condition', 'error'],
    [5, 3, 'items', 'error'],
  ]);
  assert.match(checkFalcoFile(text, 'f.yaml')[0].message, /rule "No output" has no `output` \(a rule needs desc, condition, output, priority\)/);
});

test('append, override and enabled-only items do not need the full set of fields', () => {
  const text = [
    '- rule: Terminal shell in container',
    '  condition: and not proc.pname = tini',
    '  append: true',
    '- rule: Read sensitive file untrusted',
    '  enabled: false',
    '- list: shell_binaries',
    '  items: [fish]',
    '  override:',
    '    items: append',
    '',
  ].join('\n');
  assert.deepEqual(where(text), []);
});

test('an unknown priority is reported at its value', () => {
  const text = '- rule: R\n  desc: d\n  condition: evt.type = execve\n  output: "x %proc.name"\n  priority: SEVERE\n';
  const [p] = checkFalcoFile(text, 'f.yaml');
  assert.deepEqual([p.line, p.column, p.endColumn, p.key], [5, 13, 19, 'priority']);
  assert.match(p.message, /`SEVERE` is not a Falco priority \(expected one of: EMERGENCY, ALERT, CRITICAL, ERROR, WARNING, NOTICE, INFORMATIONAL, DEBUG\)/);
  assert.deepEqual(where(text.replace('SEVERE', 'informational')), []);
});

test("undefined macros are errors at their column inside a folded condition; this file's and Falco's defaults are not", () => {
  const text = [
    '- rule: R',
    '  desc: d',
    '  condition: >',
    '    spawned_process and container',
    '    and my_macro and not undefined_macro',
    '  output: "x %proc.name"',
    '  priority: WARNING',
    '- macro: my_macro',
    '  condition: proc.name in (shell_binaries, my_list) and shell_binaries',
    '- list: my_list',
    '  items: [a]',
    '',
  ].join('\n');
  const problems = checkFalcoFile(text, 'f.yaml');
  assert.deepEqual(problems.map((p) => [p.line, p.column, p.endColumn, p.key]), [
    [5, 26, 41, 'condition'],
    [9, 57, 71, 'condition'],
  ]);
  assert.match(problems[0].message, /^rule "R": undefined macro `undefined_macro`/);
  assert.match(problems[1].message, /^macro "my_macro": `shell_binaries` is a list, not a macro/);
});

test('undefined lists: a bare list name is an error, a list-shaped literal item a warning', () => {
  const text = '- macro: m\n  condition: proc.name in my_binaries or container.image.repository in (trusted_images, known_model_images, a_b)\n';
  assert.deepEqual(where(text), [
    [2, 27, 'condition', 'error'],
    [2, 89, 'condition', 'warning'],
  ]);
  const [list, literal] = checkFalcoFile(text, 'f.yaml');
  assert.match(list.message, /undefined list `my_binaries`/);
  assert.match(literal.message, /`known_model_images` is not a list defined here or in Falco's default rules/);
});

test('a name defined twice without append/override is an error at the second name', () => {
  const rule = (extra = '') => `- rule: Same\n  desc: d\n  condition: evt.type = execve\n  output: "x %proc.name"\n  priority: NOTICE\n${extra}`;
  const text = rule() + rule() + '- list: l\n  items: [a]\n- list: l\n  items: [b]\n';
  const problems = checkFalcoFile(text, 'f.yaml');
  assert.deepEqual(problems.map((p) => [p.line, p.column, p.key]), [
    [6, 9, 'rule'],
    [13, 9, 'list'],
  ]);
  assert.match(problems[0].message, /rule "Same" is already defined at line 1; .*use `append: true` or `override:`/);
  assert.deepEqual(where(rule() + rule('  override:\n    priority: replace\n')), []);
});

test('unparsable conditions are located at the fault in plain, double-quoted and literal scalars', () => {
  const text = [
    '- macro: a',
    '  condition: (proc.name = x and (fd.name = y)',
    '- macro: b',
    '  condition: "proc.name in (\\"a b\\", c"',
    '- macro: c',
    '  condition: |',
    '    proc.name = x',
    '      or bad token',
    '',
  ].join('\n');
  const problems = checkFalcoFile(text, 'f.yaml');
  assert.deepEqual(problems.map((p) => [p.line, p.column, p.key]), [
    [2, 14, 'condition'],
    [4, 28, 'condition'],
    [8, 10, 'condition'],
    [8, 14, 'condition'],
  ]);
  assert.match(problems[0].message, /macro "a": unbalanced parentheses: this `\(` is never closed/);
  assert.match(problems[1].message, /this list `\(` is never closed/);
  assert.match(problems[2].message, /undefined macro `bad`/);
  assert.match(problems[3].message, /unexpected `token`: expected `and`, `or` or the end/);
});

test('output: `%` must introduce a field; a field written without `%` is a warning', () => {
  const text = '- rule: R\n  desc: d\n  condition: evt.type = execve\n  output: "ok %proc.aname[2] %tolower(proc.name) bad %1x fd_proto=fd.l4proto"\n  priority: INFO\n';
  const problems = checkFalcoFile(text, 'f.yaml');
  assert.deepEqual(problems.map((p) => [p.line, p.column, p.endColumn, p.severity]), [
    [4, 54, 57, 'error'],
    [4, 67, 77, 'warning'],
  ]);
  assert.match(problems[0].message, /`%1x` is not a field/);
  assert.match(problems[1].message, /write `%fd.l4proto`/);
});

test('files that are not Falco rules files, unknown items and keys', () => {
  assert.deepEqual(where('rules:\n  - id: x\n'), [[1, 1, '', 'error']]);
  assert.match(checkFalcoFile('rules:\n  - id: x\n', 'f.yaml')[0].message, /a Falco rules file is a YAML list/);
  assert.deepEqual(where('- rule: [unclosed\n'), [[2, 1, '', 'error']]);
  assert.deepEqual(where('- name: x\n- just text\n- rule: R\n  macro: M\n'), [
    [1, 3, '', 'error'],
    [2, 3, '', 'error'],
    [4, 3, 'macro', 'error'],
  ]);
  assert.deepEqual(where('- macro: m\n  condition: container\n  priorty: 1\n'), [[3, 3, 'priorty', 'warning']]);
  assert.deepEqual(where('- required_engine_version: latest\n'), [[1, 28, 'required_engine_version', 'error']]);
  assert.deepEqual(where('- required_engine_version: 0.26.0\n- required_engine_version: 26\n'), []);
  assert.equal(looksLikeFalcoRules('rules:\n  - id: x\n'), false);
  assert.equal(looksLikeFalcoRules('# c\n- macro: m\n  condition: x\n'), true);
});
