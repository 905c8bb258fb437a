/**
 * `moat scan` checks dependencies end to end against the bundled advisory snapshot: findings on
 * the manifest line in JSON and SARIF (with the upgrade fix), exact versions from a lockfile,
 * `-r` includes, a broken manifest reported as a warning that keeps the rest, unknown sources
 * rejected, `--no-dependencies`, and a failing online source named while bundled findings stay.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const MOAT = path.join(__dirname, '..', '..', '..', 'dist', 'moat.js');
let dir: string;

interface JsonResult {
  path: string;
  ruleId: string;
  level: string;
  message: string;
  start: { line: number };
  fix?: { text: string };
}

function scan(args: string[]): { status: number | null; json?: { results: JsonResult[]; errors?: Array<{ message: string; severity: string; file?: string }> }; stdout: string; stderr: string } {
  const p = spawnSync(process.execPath, [MOAT, 'scan', '--no-secrets', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: path.join(dir, '.cache') } });
  let json;
  try {
    json = JSON.parse(p.stdout);
  } catch {
    json = undefined;
  }
  return { status: p.status, json, stdout: p.stdout, stderr: p.stderr };
}

before(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'moat-sca-cli-'));
  mkdirSync(path.join(dir, 'py'));
  writeFileSync(path.join(dir, 'py', 'requirements.txt'), '-r base.txt\nlangchain==0.0.300 ; python_version >= "3.8"\n');
  writeFileSync(path.join(dir, 'py', 'base.txt'), '# shared pins\ntransformers==4.30.0\n');
  mkdirSync(path.join(dir, 'web'));
  writeFileSync(path.join(dir, 'web', 'package.json'), '{\n  "name": "web",\n  "dependencies": {\n    "axios": "^1.0.0"\n  }\n}\n');
  writeFileSync(
    path.join(dir, 'web', 'package-lock.json'),
    JSON.stringify({ name: 'web', lockfileVersion: 3, packages: { '': { dependencies: { axios: '^1.0.0' } }, 'node_modules/axios': { version: '1.5.0' }, 'node_modules/follow-redirects': { version: '1.15.2' } } }, null, 2),
  );
  mkdirSync(path.join(dir, 'broken'));
  writeFileSync(path.join(dir, 'broken', 'requirements.txt'), 'gradio==3.40.0\nthis is not ] a requirement\n');
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('JSON: advisories on the manifest lines, exact lockfile versions, -r includes, upgrade fixes', () => {
  const r = scan(['--format', 'json', 'py', 'web']);
  assert.equal(r.status, 1, r.stderr);
  const results = r.json!.results;
  const langchain = results.filter((x) => x.path === 'py/requirements.txt');
  assert.ok(langchain.length >= 3);
  assert.ok(langchain.every((x) => x.start.line === 2 && x.message.startsWith('langchain 0.0.300 ')));
  const critical = langchain.find((x) => x.ruleId === 'GHSA-f73w-4m7g-ch9x')!;
  assert.equal(critical.level, 'critical');
  assert.match(critical.fix!.text, /^==0\.\d+\.\d+$/);
  const included = results.filter((x) => x.path === 'py/base.txt');
  assert.ok(included.length >= 1 && included.every((x) => x.start.line === 2 && x.message.startsWith('transformers 4.30.0 ')), 'the include is reported under its own name and line');
  const axios = results.filter((x) => x.path === 'web/package.json');
  assert.ok(axios.length >= 1 && axios.every((x) => x.start.line === 4 && x.message.startsWith('axios 1.5.0 ')), 'package.json uses the locked version');
  assert.ok(axios.every((x) => x.fix === undefined || /^\^1\.\d+\.\d+$/.test(x.fix.text)), 'the caret is kept');
  const transitive = results.filter((x) => x.path === 'web/package-lock.json' && x.message.startsWith('follow-redirects 1.15.2 '));
  assert.ok(transitive.length >= 1, 'transitive packages are checked in the lockfile');
  assert.ok(transitive.every((x) => x.fix === undefined && /another dependency/.test(x.message)));
});

test('SARIF: the rule table describes the advisory and the location is the manifest line', () => {
  const r = scan(['--format', 'sarif', 'py']);
  const sarif = JSON.parse(r.stdout);
  const run = sarif.runs[0];
  const rule = run.tool.driver.rules.find((x: { id: string }) => x.id === 'GHSA-f73w-4m7g-ch9x');
  assert.ok(rule);
  const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'GHSA-f73w-4m7g-ch9x');
  assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'py/requirements.txt');
  assert.equal(result.locations[0].physicalLocation.region.startLine, 2);
});

test('a broken manifest is a located warning; its readable lines are still checked; exit is 1, not 2', () => {
  const r = scan(['--format', 'json', 'broken']);
  assert.equal(r.status, 1, r.stderr);
  assert.ok(r.json!.results.some((x) => x.path === 'broken/requirements.txt' && x.message.startsWith('gradio 3.40.0 ')));
  const problem = r.json!.errors!.find((p) => p.file === 'broken/requirements.txt');
  assert.ok(problem, JSON.stringify(r.json!.errors));
  assert.equal(problem.severity, 'warning');
});

test('--no-dependencies turns it off; an unknown source is a usage error', () => {
  const off = scan(['--format', 'json', '--no-dependencies', 'py']);
  assert.equal(off.status, 0);
  assert.equal(off.json!.results.length, 0);
  const bad = scan(['--advisories', 'bundled,nvd', 'py']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown advisory source "nvd"/);
});

test('an online source that fails is named in a warning; the bundled findings still show', () => {
  const r = scan(['--format', 'json', '--advisories', 'bundled,osv', '--osv-url', 'http://127.0.0.1:9', 'py']);
  assert.equal(r.status, 1);
  assert.ok(r.json!.results.some((x) => x.ruleId === 'GHSA-f73w-4m7g-ch9x'));
  assert.ok(r.json!.errors!.some((p) => p.severity === 'warning' && /osv/.test(p.message)), JSON.stringify(r.json!.errors));
});

test('snyk without a token is left out with a message saying what is missing', () => {
  const p = spawnSync(process.execPath, [MOAT, 'scan', '--no-secrets', '--format', 'json', '--advisories', 'bundled,snyk', 'py'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, SNYK_TOKEN: '', XDG_CACHE_HOME: path.join(dir, '.cache') },
  });
  const json = JSON.parse(p.stdout);
  assert.ok(json.errors.some((x: { message: string }) => /snyk: no token/.test(x.message)));
  assert.ok(json.results.length > 0);
});
