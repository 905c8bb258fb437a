// The AdvisoryService over real sources and local servers: parallel sources merged by alias into
// one advisory, a failing source as a named warning while the others count, the disk cache for
// network sources (and never the token in it), and dependencies without versions skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AdvisoryService } from '../../server/src/sca/sources/advisory-service';
import { DiskCache } from '../../server/src/sca/sources/disk-cache';
import { OsvApiSource } from '../../server/src/sca/sources/osv-api-source';
import { OsvOfflineSource } from '../../server/src/sca/sources/osv-offline-source';
import { SnykSource } from '../../server/src/sca/sources/snyk-source';
import { dependencyKey, type AdvisorySource, type Dependency, type Ecosystem, type OsvRecord } from '../../server/src/sca/types';
import { startOsvTestServer } from '../helpers/osv-test-server';
import { startSnykTestServer } from '../helpers/snyk-test-server';

const DB = path.join(__dirname, '../../../test/fixtures/sca-sources/offline-db');
const load = (file: string): OsvRecord => JSON.parse(readFileSync(path.join(DB, file), 'utf8')) as OsvRecord;
const GHSA = load('PyPI/GHSA-lc01-test-0001.json');
const PYSEC = load('PyPI/PYSEC-2024-9001.json');
const TOKEN = 'snyk-service-token-77aa';
const ORG = '3c1f8b2a-9d4e-4f6a-8b7c-1d2e3f4a5b6c';
const RANGE = { start: 0, end: 1, startPos: { line: 0, column: 0 }, endPos: { line: 0, column: 1 } };
const FAST = { retries: 1, retryBaseMs: 1, timeoutMs: 2000, maxRetryAfterMs: 1000 };

function dep(ecosystem: Ecosystem, name: string, version: string | undefined, purl: string): Dependency {
  return { ecosystem, name, ...(version ? { version } : {}), purl, direct: true, file: 'requirements.txt', range: RANGE };
}

const LC_CORE = dep('PyPI', 'langchain-core', '0.1.30', 'pkg:pypi/langchain-core@0.1.30');
const UNPINNED = dep('PyPI', 'openai', undefined, 'pkg:pypi/openai');
const SNYK_ISSUE = {
  id: 'SNYK-PYTHON-LANGCHAINCORE-7000001',
  attributes: {
    key: 'SNYK-PYTHON-LANGCHAINCORE-7000001',
    title: 'Code Injection',
    effective_severity_level: 'high',
    problems: [
      { id: 'CVE-2024-10001', source: 'NVD', url: 'https://nvd.nist.gov/vuln/detail/CVE-2024-10001' },
      { id: 'CWE-94', source: 'CWE' },
    ],
    coordinates: [{ remedies: [{ type: 'indeterminate', details: { upgrade_package: '0.1.35,0.2.0' } }], representations: [{ resource_path: '[,0.1.35)' }] }],
    severities: [{ source: 'Snyk', type: 'primary', level: 'high', score: 8.1, vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
    slots: { references: [{ title: 'Fix', url: 'https://github.com/langchain-ai/langchain/pull/1' }] },
  },
};

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'moat-advisory-service-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function servers(t: { after(fn: () => Promise<void>): void }) {
  const snyk = await startSnykTestServer({ token: TOKEN, orgId: ORG, issues: { 'pkg:pypi/langchain-core@0.1.30': [SNYK_ISSUE] } });
  const osv = await startOsvTestServer({ records: [GHSA, PYSEC] });
  t.after(async () => {
    await snyk.stop();
    await osv.stop();
  });
  return { snyk, osv };
}

test('a Snyk issue naming a CVE and OSV records aliasing it merge into one advisory from both sources', async (t) => {
  const { snyk, osv } = await servers(t);
  const service = new AdvisoryService([new SnykSource({ token: TOKEN, orgId: ORG, baseUrl: snyk.url, ...FAST }), new OsvApiSource({ baseUrl: osv.url, ...FAST })]);
  const { byDependency, warnings } = await service.lookup([LC_CORE, UNPINNED, LC_CORE]);
  assert.deepEqual(warnings, []);
  assert.deepEqual([...byDependency.keys()], [dependencyKey(LC_CORE)], 'dependencies without an exact version are skipped');
  const advisories = byDependency.get(dependencyKey(LC_CORE)) ?? [];
  assert.equal(advisories.length, 1);
  const merged = advisories[0]!;
  assert.equal(merged.id, 'SNYK-PYTHON-LANGCHAINCORE-7000001', 'the first source names it');
  assert.deepEqual(new Set(merged.aliases), new Set(['CVE-2024-10001', 'GHSA-lc01-test-0001', 'PYSEC-2024-9001']));
  assert.deepEqual(merged.sources, ['snyk', 'osv']);
  assert.equal(merged.level, 'critical', 'the highest level wins (PYSEC: CVSS 9.8)');
  assert.equal(merged.title, 'Code Injection');
  assert.deepEqual(merged.fixed, ['0.1.35', '0.2.0']);
  assert.deepEqual(merged.cwes, ['CWE-94']);
  assert.deepEqual(new Set(merged.references), new Set(['https://github.com/langchain-ai/langchain/pull/1', 'https://nvd.nist.gov/vuln/detail/CVE-2024-10001', 'https://github.com/langchain-ai/langchain']));
});

test('a source that is down becomes a warning naming it; the other source still answers', async (t) => {
  const { osv } = await servers(t);
  const down = await startSnykTestServer({ token: TOKEN, orgId: ORG });
  await down.stop();
  const service = new AdvisoryService([new SnykSource({ token: TOKEN, orgId: ORG, baseUrl: down.url, ...FAST }), new OsvApiSource({ baseUrl: osv.url, ...FAST })]);
  const { byDependency, warnings } = await service.lookup([LC_CORE]);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0] ?? '', /^snyk: cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
  assert.deepEqual(byDependency.get(dependencyKey(LC_CORE))?.map((a) => [a.id, a.sources]), [['GHSA-lc01-test-0001', ['osv']]]);
  assert.deepEqual(byDependency.get(dependencyKey(LC_CORE))?.[0]?.aliases, ['CVE-2024-10001', 'PYSEC-2024-9001'], 'GHSA and PYSEC of one source merge too');
});

test('a rejected token is a warning without the token; offline results and their skipped records still show', async (t) => {
  const { snyk } = await servers(t);
  const service = new AdvisoryService([new SnykSource({ token: 'not-the-token-9911', orgId: ORG, baseUrl: snyk.url, ...FAST }), new OsvOfflineSource('osv-offline', DB)]);
  const { byDependency, warnings } = await service.lookup([LC_CORE]);
  assert.equal(warnings.length, 2);
  assert.match(warnings[0] ?? '', /^snyk: the API token was rejected \(401/, 'warnings come in source order');
  assert.match(warnings[1] ?? '', /^osv-offline: skipped 2 unreadable record/);
  assert.ok(!warnings.join('\n').includes('not-the-token-9911'));
  assert.equal(byDependency.get(dependencyKey(LC_CORE))?.[0]?.sources.join(), 'osv-offline');
});

test('network answers are cached on disk for the TTL (tokens never stored); offline sources are not cached', async (t) => {
  const { snyk, osv } = await servers(t);
  const dir = tempDir(t);
  const clock = { now: 1_700_000_000_000 };
  const cache = new DiskCache(dir, { now: () => clock.now });
  const sources = [new SnykSource({ token: TOKEN, orgId: ORG, baseUrl: snyk.url, ...FAST }), new OsvApiSource({ baseUrl: osv.url, ...FAST }), new OsvOfflineSource('bundled', DB)];
  const service = new AdvisoryService(sources, { cache, ttlMs: 60_000 });
  const first = await service.lookup([LC_CORE]);
  assert.equal(snyk.requests.length, 1);
  assert.equal(osv.requests.length, 3);
  const second = await service.lookup([LC_CORE]);
  assert.equal(snyk.requests.length, 1, 'served from the cache');
  assert.equal(osv.requests.length, 3, 'served from the cache');
  assert.deepEqual(second.byDependency, first.byDependency);
  // One namespace per source and scope (Snyk org, OSV host), so two orgs never share answers.
  assert.deepEqual(readdirSync(dir).map((d) => d.replace(/-[0-9a-f]{16}$/, '')).sort(), ['osv', 'snyk']);
  for (const source of readdirSync(dir)) {
    for (const file of readdirSync(path.join(dir, source))) assert.ok(!readFileSync(path.join(dir, source, file), 'utf8').includes(TOKEN));
  }
  clock.now += 60_000;
  await service.lookup([LC_CORE]);
  assert.equal(snyk.requests.length, 2, 'expired: asked again');
  assert.equal(osv.requests.length, 6);
  const asked = snyk.requests.length;
  const otherOrg = new AdvisoryService([new SnykSource({ token: TOKEN, orgId: '00000000-0000-4000-8000-000000000001', baseUrl: snyk.url, ...FAST })], { cache, ttlMs: 60_000 });
  await otherOrg.lookup([LC_CORE]);
  assert.equal(snyk.requests.length, asked + 1, "another org is asked, not served from the first org's cache");
});

test('an unwritable cache, or a source failing unexpectedly, is a warning and not a failure', async (t) => {
  const dir = tempDir(t);
  const blocked = path.join(dir, 'file-not-dir');
  writeFileSync(blocked, '');
  const remote: AdvisorySource & { remote: true } = { name: 'fake-remote', remote: true, lookup: async (deps) => new Map(deps.map((d) => [dependencyKey(d), []])) };
  const broken: AdvisorySource = {
    name: 'broken',
    lookup: async () => {
      throw new TypeError('boom');
    },
  };
  const service = new AdvisoryService([remote, broken], { cache: new DiskCache(blocked) });
  const { byDependency, warnings } = await service.lookup([LC_CORE]);
  assert.deepEqual(byDependency.get(dependencyKey(LC_CORE)), []);
  assert.equal(warnings.length, 2);
  assert.ok(warnings.includes('broken: failed unexpectedly (boom)'));
  assert.ok(warnings.some((w) => /^advisory cache: cannot write to .*file-not-dir \((ENOTDIR|EEXIST)\)$/.test(w)), warnings.join('\n'));
});
