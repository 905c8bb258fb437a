/**
 * Pack sources through `loadWorkspaceConfig`: a folder, an npm package in node_modules (found
 * from a subfolder too), and an HTTPS tarball pinned by sha256 from a local HTTPS server with a
 * self-signed certificate made by openssl at test time — downloaded once then served from the
 * cache, refused on a mismatch with both hashes shown, refused without a trusted CA, refused over
 * plain http. Every failure is a problem located at the pack's key in `.moat.yaml`.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadWorkspaceConfig, LoadOptions } from '../../server/src/config/config-load';
import { buildPack } from '../../server/src/packs/pack-build';
import { parsePackManifest } from '../../server/src/packs/pack-manifest';
import { sha256Hex } from '../../server/src/packs/pack-cache';
import { startHttpsPackServer, HttpsPackServer } from '../helpers/https-pack-server';

const FIXTURE_PACK = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'packs', 'acme-payments');
let server: HttpsPackServer;
let work: string;
let tgz: Uint8Array;
let sha: string;

before(async () => {
  server = await startHttpsPackServer();
  work = mkdtempSync(path.join(os.tmpdir(), 'moat-sources-'));
  const file = path.join(FIXTURE_PACK, 'moat-pack.yaml');
  const { manifest } = parsePackManifest(readFileSync(file, 'utf8'), file, '0.1.0');
  const built = await buildPack(manifest!);
  assert.ok('built' in built);
  tgz = built.built.tarball;
  sha = built.built.sha256;
  server.serve('/acme.tgz', tgz);
  server.serve('/tampered.tgz', new Uint8Array([...tgz.subarray(0, tgz.length - 1), tgz[tgz.length - 1] ^ 1]));
  server.redirect('/moved.tgz', '/acme.tgz');
});
after(async () => {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
});

/** A workspace folder with this `.moat.yaml`; returns the loaded config. */
async function load(name: string, yaml: string, options: Partial<LoadOptions> = {}) {
  const ws = path.join(work, name);
  mkdirSync(ws, { recursive: true });
  writeFileSync(path.join(ws, '.moat.yaml'), yaml);
  return loadWorkspaceConfig(path.join(ws, '.moat.yaml'), { moatVersion: '0.1.0', displayBase: ws, cacheDir: path.join(work, `cache-${name}`), caFile: server.caFile, ...options });
}

const ids = (c: { rules: readonly { id: string }[] }) => c.rules.map((r) => r.id).sort();
const ACME_IDS = ['acme.payments.float-amount', 'acme.payments.hardcoded-card-number', 'acme.payments.log-card'];

test('folder source: relative to .moat.yaml; version range checked', async () => {
  const ws = path.join(work, 'folder');
  cpSync(FIXTURE_PACK, path.join(ws, 'packs', 'acme'), { recursive: true });
  const ok = await load('folder', 'packs:\n  - source: ./packs/acme\n    version: ^1.2.0\n');
  assert.deepEqual(ok.problems, []);
  assert.deepEqual(ids(ok), ACME_IDS);
  assert.equal(ok.packs[0].manifest.name, 'acme/payments');
  const wrong = await load('folder', 'packs:\n  - source: ./packs/acme\n    version: ^2.0.0\n');
  assert.deepEqual(ids(wrong), []);
  assert.equal(wrong.problems[0].key, 'packs[0].version');
  assert.equal(wrong.problems[0].line, 3);
  assert.match(wrong.problems[0].message, /version 1\.2\.0, which is not in the range \^2\.0\.0/);
  const missing = await load('folder', 'packs:\n  - source: ./nowhere\n');
  assert.equal(missing.problems[0].key, 'packs[0].source');
  assert.match(missing.problems[0].message, /does not exist/);
});

test('npm source: node_modules/<name>/moat-pack.yaml, looked up from parent folders; a package without a manifest is refused', async () => {
  const ws = path.join(work, 'npm');
  cpSync(FIXTURE_PACK, path.join(ws, 'node_modules', '@acme', 'moat-pack'), { recursive: true });
  mkdirSync(path.join(ws, 'node_modules', 'left-pad'), { recursive: true });
  writeFileSync(path.join(ws, 'node_modules', 'left-pad', 'package.json'), '{"name":"left-pad"}');
  const ok = await load('npm', 'packs:\n  - source: npm:@acme/moat-pack\n');
  assert.deepEqual(ok.problems, []);
  assert.deepEqual(ids(ok), ACME_IDS);
  const nested = await load('npm/services/api', 'packs:\n  - source: npm:@acme/moat-pack\n');
  assert.deepEqual(ids(nested), ACME_IDS);
  const notPack = await load('npm', 'packs:\n  - source: npm:left-pad\n');
  assert.match(notPack.problems[0].message, /has no moat-pack\.yaml: it is not a Moat pack/);
  const absent = await load('npm', 'packs:\n  - source: npm:@acme/absent\n');
  assert.match(absent.problems[0].message, /is not installed/);
});

test('https source: downloaded once, verified, cached; the second load makes no request', async () => {
  const yaml = `packs:\n  - source: ${server.origin}/acme.tgz\n    sha256: ${sha}\n`;
  const first = await load('https', yaml);
  assert.deepEqual(first.problems, []);
  assert.deepEqual(ids(first), ACME_IDS);
  assert.equal(server.hits.get('/acme.tgz'), 1);
  assert.equal(first.packs[0].manifest.dir, path.join(work, 'cache-https', sha));
  const second = await load('https', yaml);
  assert.deepEqual(ids(second), ACME_IDS);
  assert.equal(server.hits.get('/acme.tgz'), 1, 'served from the cache');
  const offline = await load('https', yaml, { offline: true });
  assert.deepEqual(ids(offline), ACME_IDS, 'a cached pack loads offline');
});

test('https source: a sha256 mismatch is refused with both hashes, nothing cached', async () => {
  const tampered = `packs:\n  - source: ${server.origin}/tampered.tgz\n    sha256: ${sha}\n`;
  const c = await load('mismatch', tampered);
  assert.deepEqual(ids(c), []);
  const p = c.problems[0];
  assert.equal(p.key, 'packs[0].sha256');
  assert.equal(p.line, 3);
  assert.ok(p.message.includes(`expected ${sha}`));
  const actual = sha256Hex(new Uint8Array([...tgz.subarray(0, tgz.length - 1), tgz[tgz.length - 1] ^ 1]));
  assert.ok(p.message.includes(`got ${actual}`));
  assert.match(p.message, /refused/);
  const again = await load('mismatch', tampered);
  assert.deepEqual(ids(again), []);
  assert.equal(server.hits.get('/tampered.tgz'), 2, 'a refused download is never cached');
});

test('https source: redirects followed; untrusted certificate, plain http and missing sha256 refused', async () => {
  const moved = await load('redirect', `packs:\n  - source: ${server.origin}/moved.tgz?token=abc\n    sha256: ${sha}\n`);
  assert.deepEqual(ids(moved), ACME_IDS);
  const untrusted = await load('untrusted', `packs:\n  - source: ${server.origin}/acme.tgz\n    sha256: ${sha}\n`, { caFile: undefined });
  assert.deepEqual(ids(untrusted), []);
  assert.match(untrusted.problems[0].message, /cannot download the pack: .*self[- ]signed|certificate/i);
  const http = await load('http', `packs:\n  - source: http://127.0.0.1:1/acme.tgz\n    sha256: ${sha}\n`);
  assert.equal(http.problems[0].key, 'packs[0].source');
  assert.match(http.problems[0].message, /`http:\/\/127\.0\.0\.1:1\/acme\.tgz` is not valid: .*https:\/\//);
  const unpinned = await load('unpinned', `packs:\n  - source: ${server.origin}/acme.tgz\n`);
  assert.equal(unpinned.problems[0].key, 'packs[0].source');
  assert.match(unpinned.problems[0].message, /sha256/);
});

test('failed packs leave the rest of the config in force; pack and config allowlists reach the secrets source', async () => {
  const ws = path.join(work, 'mixed');
  cpSync(FIXTURE_PACK, path.join(ws, 'acme'), { recursive: true });
  const c = await load('mixed', 'packs:\n  - source: ./missing\n  - source: ./acme\nrules:\n  disable: [acme.payments.log-*]\nexclude: [generated/]\nsecrets:\n  allowlist:\n    stopwords: [notasecret]\n');
  assert.equal(c.problems.length, 1);
  assert.deepEqual(ids(c), ACME_IDS);
  assert.equal(c.overrides.isDisabled('acme.payments.log-card'), true);
  assert.equal(c.excluded(path.join(ws, 'generated', 'x.py')), true);
  assert.equal(c.excluded(path.join(ws, 'src', 'x.py')), false);
  const { source } = c.secretsSource(undefined);
  assert.ok(source);
  assert.match(source.text, /useDefault = true/);
  assert.match(source.text, /notasecret/);
  assert.match(source.text, /acmetestkey/);
});
