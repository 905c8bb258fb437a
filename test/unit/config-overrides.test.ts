/**
 * `.moat.yaml` applied by `moat scan` (built CLI, JSON output): `rules.disable` (id and glob,
 * detectors included) removes findings, `rules.severity` changes severity and level (the most
 * specific glob wins) and the rule list, `exclude` skips paths, `--moat-config` picks another
 * file, and a broken `.moat.yaml` exits 2 with located errors. Plus RuleOverrides on its own.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RuleOverrides } from '../../server/src/config/rule-overrides';
import { expandSample } from '../../server/src/secrets/sample-tokens';

const MOAT = path.join(__dirname, '..', '..', '..', 'dist', 'moat.js');
let ws: string;

const RULES = `rules:
  - id: team.py-eval
    message: eval
    severity: ERROR
    languages: [python]
    pattern: eval($X)
  - id: team.py-exec
    message: exec
    severity: WARNING
    languages: [python]
    pattern: exec($X)
  - id: other.py-print
    message: print
    severity: INFO
    languages: [python]
    pattern: print($X)
`;

before(() => {
  ws = mkdtempSync(path.join(os.tmpdir(), 'moat-overrides-'));
  mkdirSync(path.join(ws, 'rules'));
  mkdirSync(path.join(ws, 'generated'));
  writeFileSync(path.join(ws, 'rules', 'team.yaml'), RULES);
  writeFileSync(path.join(ws, 'app.py'), 'eval(a)\nexec(b)\nprint(c)\n');
  writeFileSync(path.join(ws, 'generated', 'gen.py'), 'eval(a)\n');
});
after(() => rmSync(ws, { recursive: true, force: true }));

interface Result {
  ruleId: string;
  path: string;
  severity: string;
  level: string;
}

function scan(config: string | undefined, extra: string[] = []): { status: number | null; results: Result[]; errors: Array<{ key?: string; line?: number; file?: string; message: string }>; rules?: unknown } {
  if (config !== undefined) writeFileSync(path.join(ws, '.moat.yaml'), config);
  else rmSync(path.join(ws, '.moat.yaml'), { force: true });
  const r = spawnSync(process.execPath, [MOAT, 'scan', '--config', 'rules', '--format', 'json', ...extra, '.'], { cwd: ws, encoding: 'utf8' });
  const report = JSON.parse(r.stdout);
  return { status: r.status, results: report.results, errors: report.errors };
}

const summary = (rs: Result[]) => rs.map((r) => `${r.path} ${r.ruleId} ${r.severity} ${r.level}`);

test('without .moat.yaml every rule reports with its own severity', () => {
  const r = scan(undefined);
  assert.deepEqual(summary(r.results), ['app.py team.py-eval ERROR high', 'app.py team.py-exec WARNING medium', 'app.py other.py-print INFO info', 'generated/gen.py team.py-eval ERROR high']);
});

test('disable by id and glob, severity by glob (most specific wins), exclude', () => {
  const r = scan('rules:\n  disable: [other.*]\n  severity:\n    "team.*": LOW\n    "team.py-eval": CRITICAL\nexclude: [generated/]\n');
  assert.equal(r.status, 1);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(summary(r.results), ['app.py team.py-eval CRITICAL critical', 'app.py team.py-exec LOW low']);
});

test('severity overrides apply before --severity filtering', () => {
  const r = scan('rules:\n  severity:\n    "team.py-exec": CRITICAL\n', ['--severity', 'critical']);
  assert.deepEqual(summary(r.results), ['app.py team.py-exec CRITICAL critical']);
});

test('detectors obey overrides too: the secrets detectors disabled by glob', () => {
  const key = expandSample('sk-proj-{alnum:58}T3BlbkFJ{alnum:58}', 'config-overrides');
  writeFileSync(path.join(ws, 'settings.py'), `OPENAI_API_KEY = "${key}"\n`);
  try {
    const on = scan('{}\n', ['--secrets']);
    assert.ok(on.results.some((x) => x.ruleId.startsWith('moat.secrets.')), JSON.stringify(on.results));
    const off = scan('rules:\n  disable: ["moat.secrets.*"]\n', ['--secrets']);
    assert.equal(off.results.filter((x) => x.ruleId.startsWith('moat.secrets.')).length, 0);
  } finally {
    rmSync(path.join(ws, 'settings.py'));
  }
});

test('--moat-config picks another file; a missing one is a usage error', () => {
  writeFileSync(path.join(ws, 'strict.yaml'), 'rules:\n  disable: ["team.*", "other.*"]\n');
  rmSync(path.join(ws, '.moat.yaml'), { force: true });
  const r = spawnSync(process.execPath, [MOAT, 'scan', '--config', 'rules', '--format', 'json', '--moat-config', 'strict.yaml', '.'], { cwd: ws, encoding: 'utf8' });
  assert.equal(r.status, 0);
  assert.deepEqual(JSON.parse(r.stdout).results, []);
  const missing = spawnSync(process.execPath, [MOAT, 'scan', '--moat-config', 'nope.yaml', '.'], { cwd: ws, encoding: 'utf8' });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no such config file: nope\.yaml/);
});

test('a broken .moat.yaml exits 2 with errors located at line and key; the rules still run', () => {
  const r = scan('rules:\n  disable: [other.*]\n  severty:\n    "team.*": LOW\n');
  assert.equal(r.status, 2);
  const e = r.errors.find((x) => x.key === 'rules.severty');
  assert.ok(e, JSON.stringify(r.errors));
  assert.equal(e.file, '.moat.yaml');
  assert.equal(e.line, 3);
  assert.match(e.message, /unknown key `severty` \(expected one of: disable, severity\)/);
  assert.equal(r.results.length, 4, 'an invalid config applies nothing, and the scan goes on');
});

test('RuleOverrides: exact ids, globs, specificity, findings and infos', () => {
  const o = new RuleOverrides({ disable: ['a.b', 'x.*'], severity: { '*': 'INFO', 'c.*': 'warning', 'c.d': 'CRITICAL' } });
  assert.equal(o.isDisabled('a.b'), true);
  assert.equal(o.isDisabled('a.bc'), false);
  assert.equal(o.isDisabled('x.y.z'), true);
  assert.deepEqual(o.severityFor('c.d'), { severity: 'CRITICAL', level: 'critical' });
  assert.deepEqual(o.severityFor('c.e'), { severity: 'WARNING', level: 'medium' });
  assert.deepEqual(o.severityFor('q'), { severity: 'INFO', level: 'info' });
  assert.equal(new RuleOverrides({ severity: { 'a?c': 'HIGH' } }).severityFor('abc')?.level, 'high');
  assert.equal(new RuleOverrides().isEmpty, true);
});
