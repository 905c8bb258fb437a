// The offline OSV database: a directory (recursive), a zip, osv-scanner's <Ecosystem>/all.zip
// layout, broken records skipped and reported, the bundled name, `advisories import` into the
// cache layout, the default cache directory, and lookup speed over thousands of dependencies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { OsvOfflineSource } from '../../server/src/sca/sources/osv-offline-source';
import { defaultAdvisoryCacheDir, importAdvisories } from '../../server/src/sca/sources/advisory-import';
import { AdvisorySourceError, dependencyKey, type Dependency, type Ecosystem, type OsvRecord } from '../../server/src/sca/types';

const DB = path.join(__dirname, '../../../test/fixtures/sca-sources/offline-db');
const load = (file: string): OsvRecord => JSON.parse(readFileSync(path.join(DB, file), 'utf8')) as OsvRecord;
const RANGE = { start: 0, end: 1, startPos: { line: 0, column: 0 }, endPos: { line: 0, column: 1 } };

function dep(ecosystem: Ecosystem, name: string, version: string): Dependency {
  return { ecosystem, name, version, purl: `pkg:${ecosystem.toLowerCase()}/${name}@${version}`, direct: true, file: 'requirements.txt', range: RANGE };
}

const LC_CORE = dep('PyPI', 'langchain-core', '0.1.30');
const LC_CORE_NPM = dep('npm', '@langchain/core', '0.2.1');

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'moat-sca-sources-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function zipOf(entries: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(entries).map(([name, text]) => [name, strToU8(text)])));
}

test('a directory is read recursively; broken records are skipped and reported once', async () => {
  const source = new OsvOfflineSource('osv-offline', DB);
  const result = await source.lookup([LC_CORE, LC_CORE_NPM, dep('PyPI', 'langchain-core', '0.1.35'), dep('PyPI', 'unknown', '1.0')]);
  assert.deepEqual(result.get(dependencyKey(LC_CORE))?.map((a) => [a.id, a.sources]), [
    ['GHSA-lc01-test-0001', ['osv-offline']],
    ['PYSEC-2024-9001', ['osv-offline']],
  ]);
  assert.deepEqual(result.get(dependencyKey(LC_CORE_NPM))?.map((a) => a.id), ['GHSA-np01-test-0002']);
  assert.deepEqual(result.get(dependencyKey(dep('PyPI', 'langchain-core', '0.1.35'))), []);
  assert.deepEqual(result.get(dependencyKey(dep('PyPI', 'unknown', '1.0'))), []);
  assert.equal(source.problems.length, 2);
  assert.match(source.problems[0] ?? '', /broken[/\\]not-a-record\.json: not a valid OSV record \(GHSA-bad2-shape: affected: expected an array\)/);
  assert.match(source.problems[1] ?? '', /broken[/\\]truncated\.json: invalid JSON/);
  const warnings = source.takeWarnings();
  assert.equal(warnings.length, 1);
  assert.match(warnings[0] ?? '', /^osv-offline: skipped 2 unreadable record\(s\) in .*not-a-record\.json.*truncated\.json/);
  await source.lookup([LC_CORE]);
  assert.deepEqual(source.takeWarnings(), [], 'reported once, not on every lookup');
  assert.equal(source.load(), source.load(), 'indexed once');
});

test('a zip of records, with a broken entry, reads the same', async (t) => {
  const dir = tempDir(t);
  const zip = path.join(dir, 'osv.zip');
  writeFileSync(
    zip,
    zipOf({
      'GHSA-lc01-test-0001.json': JSON.stringify(load('PyPI/GHSA-lc01-test-0001.json')),
      'nested/GHSA-np01-test-0002.json': JSON.stringify(load('npm/nested/GHSA-np01-test-0002.json')),
      'bad.json': '{"id": ',
      'README.txt': 'not a record, not read',
    }),
  );
  const source = new OsvOfflineSource('bundled', zip);
  const result = await source.lookup([LC_CORE, LC_CORE_NPM]);
  assert.deepEqual(result.get(dependencyKey(LC_CORE))?.map((a) => [a.id, a.sources]), [['GHSA-lc01-test-0001', ['bundled']]]);
  assert.deepEqual(result.get(dependencyKey(LC_CORE_NPM))?.map((a) => a.id), ['GHSA-np01-test-0002']);
  assert.deepEqual(source.problems.map((p) => p.replace(dir, '<dir>')), [`<dir>${path.sep}osv.zip!bad.json: invalid JSON (Unexpected end of JSON input)`]);
});

test("osv-scanner's <Ecosystem>/all.zip layout is found under the directory; a corrupt zip is reported", async (t) => {
  const dir = tempDir(t);
  mkdirSync(path.join(dir, 'osv-scanner', 'PyPI'), { recursive: true });
  mkdirSync(path.join(dir, 'osv-scanner', 'npm'), { recursive: true });
  writeFileSync(path.join(dir, 'osv-scanner', 'PyPI', 'all.zip'), zipOf({ 'PYSEC-2024-9001.json': JSON.stringify(load('PyPI/PYSEC-2024-9001.json')) }));
  writeFileSync(path.join(dir, 'osv-scanner', 'npm', 'all.zip'), 'PK this is not a zip');
  const source = new OsvOfflineSource('osv-offline', dir);
  const result = await source.lookup([LC_CORE]);
  assert.deepEqual(result.get(dependencyKey(LC_CORE))?.map((a) => a.id), ['PYSEC-2024-9001']);
  assert.equal(source.problems.length, 1);
  assert.match(source.problems[0] ?? '', /npm[/\\]all\.zip: not a readable zip archive/);
});

test('a missing database fails the source with its path, and is tried again later', async (t) => {
  const dir = tempDir(t);
  const missing = path.join(dir, 'nothing-here');
  const source = new OsvOfflineSource('osv-offline', missing);
  await assert.rejects(source.lookup([LC_CORE]), (e: unknown) => e instanceof AdvisorySourceError && e.message === `osv-offline: no advisory database at ${missing}`);
  mkdirSync(missing);
  writeFileSync(path.join(missing, 'r.json'), JSON.stringify(load('PyPI/PYSEC-2024-9001.json')));
  assert.equal((await source.lookup([LC_CORE])).get(dependencyKey(LC_CORE))?.length, 1);
});

test('advisories import writes <cache>/<Ecosystem>/all.zip per ecosystem, with counts, and the offline source reads it', async (t) => {
  const dir = tempDir(t);
  const exportZip = path.join(dir, 'all.zip');
  const debian = { id: 'DSA-0001-1', modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'Debian:12', name: 'curl' } }] };
  writeFileSync(
    exportZip,
    zipOf({
      'GHSA-lc01-test-0001.json': JSON.stringify(load('PyPI/GHSA-lc01-test-0001.json')),
      'PYSEC-2024-9001.json': JSON.stringify(load('PyPI/PYSEC-2024-9001.json')),
      'GHSA-np01-test-0002.json': JSON.stringify(load('npm/nested/GHSA-np01-test-0002.json')),
      'DSA-0001-1.json': JSON.stringify(debian),
      'broken.json': '[]',
    }),
  );
  const cache = path.join(dir, 'cache');
  const report = await importAdvisories(exportZip, cache);
  assert.deepEqual(report.counts, { PyPI: 2, npm: 1 });
  assert.deepEqual(report.ignored, { 'Debian:12': 1 });
  assert.equal(report.problems.length, 1);
  assert.match(report.problems[0] ?? '', /all\.zip!broken\.json: not a valid OSV record \(not a JSON object\)/);
  assert.deepEqual(report.written.sort(), [path.join(cache, 'PyPI', 'all.zip'), path.join(cache, 'npm', 'all.zip')]);
  assert.deepEqual(readdirSync(path.join(cache, 'PyPI')), ['all.zip'], 'no temp files left behind');
  const result = await new OsvOfflineSource('osv-offline', cache).lookup([LC_CORE, LC_CORE_NPM]);
  assert.equal(result.get(dependencyKey(LC_CORE))?.length, 2);
  assert.equal(result.get(dependencyKey(LC_CORE_NPM))?.length, 1);
  // A later import of just the PyPI export replaces PyPI and leaves npm alone.
  const pypiOnly = path.join(dir, 'pypi.zip');
  writeFileSync(pypiOnly, zipOf({ 'PYSEC-2024-9001.json': JSON.stringify(load('PyPI/PYSEC-2024-9001.json')) }));
  assert.deepEqual((await importAdvisories(pypiOnly, cache)).counts, { PyPI: 1 });
  const again = await new OsvOfflineSource('osv-offline', cache).lookup([LC_CORE, LC_CORE_NPM]);
  assert.equal(again.get(dependencyKey(LC_CORE))?.length, 1);
  assert.equal(again.get(dependencyKey(LC_CORE_NPM))?.length, 1);
});

test('importing nothing usable, or a missing path, is a clear error', async (t) => {
  const dir = tempDir(t);
  writeFileSync(path.join(dir, 'x.json'), '{"id": "DSA-1", "affected": [{"package": {"ecosystem": "Debian", "name": "curl"}}]}');
  await assert.rejects(importAdvisories(dir, path.join(dir, 'cache')), /nothing to import from .*: no records for npm, PyPI, Go, Maven/);
  await assert.rejects(importAdvisories(path.join(dir, 'missing.zip'), path.join(dir, 'cache')), /cannot read .*missing\.zip: ENOENT/);
});

test('the default cache directory follows XDG_CACHE_HOME, else ~/.cache', () => {
  assert.equal(defaultAdvisoryCacheDir({ XDG_CACHE_HOME: '/var/cache/me' }, '/home/me'), path.join('/var/cache/me', 'moat', 'advisories'));
  assert.equal(defaultAdvisoryCacheDir({}, '/home/me'), path.join('/home/me', '.cache', 'moat', 'advisories'));
  assert.equal(defaultAdvisoryCacheDir({ XDG_CACHE_HOME: 'relative' }, '/home/me'), path.join('/home/me', '.cache', 'moat', 'advisories'));
});

test('10 000 records index once and answer 5 000 dependencies quickly', async (t) => {
  const dir = tempDir(t);
  const entries: Record<string, string> = {};
  for (let i = 0; i < 10_000; i++) {
    const record: OsvRecord = {
      id: `GHSA-perf-${i}`,
      modified: '2024-01-01T00:00:00Z',
      summary: `Synthetic ${i}`,
      affected: [{ package: { ecosystem: 'PyPI', name: `Package_${i % 5000}` }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: `${(i % 3) + 1}.0.0` }] }] }],
    };
    entries[`GHSA-perf-${i}.json`] = JSON.stringify(record);
  }
  writeFileSync(path.join(dir, 'all.zip'), zipOf(entries));
  const deps = Array.from({ length: 5000 }, (_, i) => dep('PyPI', `package-${i}`, '1.5.0'));
  const source = new OsvOfflineSource('osv-offline', path.join(dir, 'all.zip'));
  const started = performance.now();
  await source.load();
  const loaded = performance.now();
  const result = await source.lookup(deps);
  const done = performance.now();
  t.diagnostic(`load+index 10000 records: ${(loaded - started).toFixed(0)} ms; lookup 5000 deps: ${(done - loaded).toFixed(0)} ms`);
  // package-i has records i and i+5000: fixed at (i%3)+1.0.0 and ((i+5000)%3)+1.0.0; 1.5.0 is affected when a fix is 2.0.0 or 3.0.0.
  const expected = (i: number): number => [i, i + 5000].filter((n) => (n % 3) + 1 > 1).length;
  assert.equal(result.get(dependencyKey(deps[7]!))?.length, expected(7));
  assert.equal([...result.values()].reduce((n, list) => n + list.length, 0), deps.reduce((n, _, i) => n + expected(i), 0));
  assert.ok(done - loaded < 5000, `lookup took ${done - loaded} ms`);
});
