/**
 * `moat falco check` through the built CLI (dist/moat.js): the bundled rules file passes (exit 0),
 * a bad file prints `file:line:column: severity: key: message` and exits 1, JSON output, folders
 * searched for Falco files only, `--strict` for warnings, and usage errors (exit 2).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');
const MOAT = path.join(ROOT, 'dist', 'moat.js');
const work = mkdtempSync(path.join(os.tmpdir(), 'moat-falco-cli-'));
after(() => rmSync(work, { recursive: true, force: true }));

const moat = (...args: string[]) => spawnSync(process.execPath, [MOAT, 'falco', ...args], { cwd: work, encoding: 'utf8' });

const BAD = '- rule: R\n  desc: d\n  condition: spawned_process and (proc.name = x\n  output: "x %proc.name"\n  priority: WARNING\n';
const WARN_ONLY = '- rule: W\n  desc: d\n  condition: spawned_process\n  output: "x %proc.name fd_proto=fd.l4proto"\n  priority: NOTICE\n';

test('the bundled GenAI Falco rules pass', () => {
  const r = moat('check', path.join(ROOT, 'packs', 'falco', 'falco', 'genai_rules.yaml'));
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^1 Falco rules file checked: 0 errors, 0 warnings\n$/);
});

test('problems are printed with file, line, column, severity and key; errors exit 1', () => {
  writeFileSync(path.join(work, 'bad.yaml'), BAD);
  const r = moat('check', 'bad.yaml');
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^bad\.yaml:3:34: error: condition: rule "R": unbalanced parentheses: this `\(` is never closed\n1 Falco rules file checked: 1 error, 0 warnings\n$/);
  const json = moat('check', '--format', 'json', 'bad.yaml');
  assert.equal(json.status, 1);
  const [p] = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
  assert.deepEqual([p.file, p.line, p.column, p.severity, p.key], ['bad.yaml', 3, 34, 'error', 'condition']);
});

test('a folder is searched for Falco files only; warnings pass unless --strict', () => {
  const dir = path.join(work, 'rules.d');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'warn.yaml'), WARN_ONLY);
  writeFileSync(path.join(dir, 'deployment.yaml'), 'apiVersion: v1\nkind: Pod\n');
  const r = moat('check', 'rules.d');
  assert.equal(r.status, 0, r.stdout);
  assert.match(r.stdout, /rules\.d[/\\]warn\.yaml:4:34: warning: output: /);
  assert.match(r.stdout, /1 Falco rules file checked: 0 errors, 1 warning\n$/);
  assert.equal(moat('check', '--strict', 'rules.d').status, 1);
});

test('usage errors exit 2', () => {
  assert.equal(moat('check').status, 2);
  assert.equal(moat('lint', 'x.yaml').status, 2);
  const missing = moat('check', 'nope.yaml');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read nope\.yaml: ENOENT/);
});
