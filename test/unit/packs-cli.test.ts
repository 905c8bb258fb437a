/**
 * The pack workflow through the built CLI: `moat pack init` → `moat pack test` → `moat pack build`
 * (deterministic: two builds, one sha256) → the tarball served by a local HTTPS server (self-signed
 * certificate trusted through NODE_EXTRA_CA_CERTS) and pinned in `.moat.yaml` → `moat scan` reports
 * the pack's rules; a wrong pin fails the scan (exit 2) with both hashes; a failing rule test fails
 * `moat pack test`.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHttpsPackServer, HttpsPackServer } from '../helpers/https-pack-server';

const MOAT = path.join(__dirname, '..', '..', '..', 'dist', 'moat.js');
let server: HttpsPackServer;
let work: string;

before(async () => {
  server = await startHttpsPackServer();
  work = mkdtempSync(path.join(os.tmpdir(), 'moat-pack-cli-'));
});
after(async () => {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
});

function moat(args: string[], cwd: string): Promise<{ status: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: server.caFile, MOAT_CACHE_DIR: path.join(work, 'cache') };
    const child = spawn(process.execPath, [MOAT, ...args], { cwd, env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (status) => resolve({ status, out, err }));
  });
}

test('init → test → build → pin over HTTPS → scan shows the pack rules', async () => {
  const init = await moat(['pack', 'init', 'payments', '--name', 'acme/payments'], work);
  assert.equal(init.status, 0, init.err);
  const packDir = path.join(work, 'payments');
  assert.ok(existsSync(path.join(packDir, 'moat-pack.yaml')));
  assert.equal((await moat(['pack', 'init', 'payments'], work)).status, 2, 'init refuses to overwrite');

  const tested = await moat(['pack', 'test', 'payments'], work);
  assert.equal(tested.status, 0, tested.out + tested.err);
  assert.match(tested.out, /1 passed, 0 failed/);

  const built = await moat(['pack', 'build', 'payments', '--out-dir', 'dist-a'], work);
  assert.equal(built.status, 0, built.err);
  const sha = /sha256 ([a-f0-9]{64})/.exec(built.out)?.[1];
  assert.ok(sha, built.out);
  const tgz = path.join(work, 'dist-a', 'acme-payments-0.1.0.tgz');
  assert.equal(readFileSync(`${tgz}.sha256`, 'utf8'), `${sha}  acme-payments-0.1.0.tgz\n`);
  const again = await moat(['pack', 'build', 'payments', '--out-dir', 'dist-b'], work);
  assert.ok(again.out.includes(sha), 'a second build gives the same bytes');

  server.serve('/acme-payments-0.1.0.tgz', readFileSync(tgz));
  const app = path.join(work, 'app');
  mkdirSync(app);
  writeFileSync(path.join(app, 'handler.py'), 'def h(request):\n    return eval(request.args["q"])\n');
  writeFileSync(path.join(app, '.moat.yaml'), `packs:\n  - source: ${server.origin}/acme-payments-0.1.0.tgz\n    version: ^0.1.0\n    sha256: ${sha}\n`);
  const scan = await moat(['scan', '--format', 'json', '.'], app);
  assert.equal(scan.status, 1, scan.err);
  const report = JSON.parse(scan.out);
  assert.deepEqual(report.errors, []);
  assert.deepEqual(report.results.map((r: { ruleId: string; path: string; start: { line: number } }) => [r.ruleId, r.path, r.start.line]), [['acme.payments.python-eval-of-input', 'handler.py', 2]]);
  assert.equal(server.hits.get('/acme-payments-0.1.0.tgz'), 1);
  assert.ok(existsSync(path.join(work, 'cache', 'packs', sha, 'moat-pack.yaml')), 'cached under MOAT_CACHE_DIR/packs/<sha256>/');

  const rescan = await moat(['scan', '--format', 'json', '.'], app);
  assert.equal(JSON.parse(rescan.out).results.length, 1);
  assert.equal(server.hits.get('/acme-payments-0.1.0.tgz'), 1, 'the second scan uses the cache');
});

test('a wrong pin fails the scan with exit 2 and both hashes; other rules still run', async () => {
  const bytes = new TextEncoder().encode('not the pack');
  server.serve('/other.tgz', bytes);
  const app = path.join(work, 'wrong-pin');
  mkdirSync(app);
  writeFileSync(path.join(app, 'a.py'), 'x = 1\n');
  const pin = 'a'.repeat(64);
  writeFileSync(path.join(app, '.moat.yaml'), `packs:\n  - source: ${server.origin}/other.tgz\n    sha256: ${pin}\n`);
  const scan = await moat(['scan', '--format', 'json', '.'], app);
  assert.equal(scan.status, 2);
  const errors = JSON.parse(scan.out).errors as Array<{ message: string; file: string; line: number; key: string }>;
  const e = errors.find((x) => x.key === 'packs[0].sha256');
  assert.ok(e, JSON.stringify(errors));
  assert.equal(e.file, '.moat.yaml');
  assert.equal(e.line, 3);
  assert.ok(e.message.includes(`expected ${pin}`) && /got [a-f0-9]{64}/.test(e.message), e.message);
});

test('moat pack test fails on a broken expectation; moat pack build refuses a pack with rule errors', async () => {
  const init = await moat(['pack', 'init', 'broken', '--name', 'acme/broken'], work);
  assert.equal(init.status, 0);
  const testFile = path.join(work, 'broken', 'rules', 'python-eval-of-input.py');
  writeFileSync(testFile, readFileSync(testFile, 'utf8').replace('# ok: acme.broken.python-eval-of-input\n    constant = eval("1 + 1")', '# ruleid: acme.broken.python-eval-of-input\n    constant = eval("1 + 1")'));
  const tested = await moat(['pack', 'test', 'broken'], work);
  assert.equal(tested.status, 1);
  assert.match(tested.out, /FAIL acme\.broken\.python-eval-of-input/);
  writeFileSync(path.join(work, 'broken', 'rules', 'bad.yaml'), 'rules:\n  - id: acme.broken.bad\n    message: m\n    languages: [python]\n    pattern-sources: []\n    pattern: x\n');
  const built = await moat(['pack', 'build', 'broken', '--out-dir', 'out'], work);
  assert.equal(built.status, 2);
  assert.match(built.err, /bad\.yaml:5:\d+ \[acme\.broken\.bad\]/);
  assert.equal(existsSync(path.join(work, 'out', 'acme-broken-0.1.0.tgz')), false);
});
