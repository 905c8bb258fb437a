// The OSV API source against a local OSV-compatible server: querybatch bodies (coordinates only),
// batches of at most 1000, next_page_token paging, one GET per distinct id, 429/500 retries,
// timeouts, a missing record, and a server that is down.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { OsvApiSource } from '../../server/src/sca/sources/osv-api-source';
import { AdvisorySourceError, dependencyKey, type Dependency, type Ecosystem, type OsvRecord } from '../../server/src/sca/types';
import { startOsvTestServer, type OsvTestServer } from '../helpers/osv-test-server';

const DB = path.join(__dirname, '../../../test/fixtures/sca-sources/offline-db');
const load = (file: string): OsvRecord => JSON.parse(readFileSync(path.join(DB, file), 'utf8')) as OsvRecord;
const GHSA = load('PyPI/GHSA-lc01-test-0001.json');
const PYSEC = load('PyPI/PYSEC-2024-9001.json');
const NPM_RECORD: OsvRecord = { ...load('npm/nested/GHSA-np01-test-0002.json'), affected: [{ ...load('npm/nested/GHSA-np01-test-0002.json').affected![0]!, versions: ['0.2.1', '0.2.2'] }] };
const RANGE = { start: 0, end: 1, startPos: { line: 0, column: 0 }, endPos: { line: 0, column: 1 } };
const FAST = { retries: 2, retryBaseMs: 1, timeoutMs: 2000, maxRetryAfterMs: 2000 };

function dep(ecosystem: Ecosystem, name: string, version: string): Dependency {
  return { ecosystem, name, version, purl: `pkg:${ecosystem.toLowerCase()}/${name}@${version}`, direct: true, file: '/home/dev/secret-project/requirements.txt', range: RANGE };
}

const LC_CORE = dep('PyPI', 'langchain-core', '0.1.30');
const LC_CORE_NPM = dep('npm', '@langchain/core', '0.2.1');
const CLEAN = dep('PyPI', 'requests', '2.32.3');

async function withServer(options: Parameters<typeof startOsvTestServer>[0], run: (server: OsvTestServer) => Promise<void>): Promise<void> {
  const server = await startOsvTestServer(options);
  try {
    await run(server);
  } finally {
    await server.stop();
  }
}

test('querybatch carries only coordinates, then each distinct id is fetched once', async () => {
  await withServer({ records: [GHSA, PYSEC, NPM_RECORD] }, async (server) => {
    const source = new OsvApiSource({ baseUrl: server.url, ...FAST });
    const result = await source.lookup([LC_CORE, LC_CORE_NPM, CLEAN, { ...LC_CORE, file: 'other/requirements.txt' }]);
    const [batch, ...gets] = server.requests;
    assert.equal(batch?.method, 'POST');
    assert.equal(batch?.rawUrl, '/v1/querybatch');
    assert.equal(batch?.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(batch?.body ?? ''), {
      queries: [
        { package: { name: 'langchain-core', ecosystem: 'PyPI' }, version: '0.1.30' },
        { package: { name: '@langchain/core', ecosystem: 'npm' }, version: '0.2.1' },
        { package: { name: 'requests', ecosystem: 'PyPI' }, version: '2.32.3' },
      ],
    });
    assert.deepEqual(gets.map((r) => `${r.method} ${r.rawUrl}`).sort(), ['GET /v1/vulns/GHSA-lc01-test-0001', 'GET /v1/vulns/GHSA-np01-test-0002', 'GET /v1/vulns/PYSEC-2024-9001']);
    for (const request of server.requests) {
      assert.equal(request.headers.authorization, undefined);
      assert.ok(!JSON.stringify(request).includes('secret-project'), 'no file paths leave the machine');
    }
    assert.deepEqual(result.get(dependencyKey(LC_CORE))?.map((a) => [a.id, a.level, a.fixed, a.sources]), [
      ['GHSA-lc01-test-0001', 'high', ['0.1.35'], ['osv']],
      ['PYSEC-2024-9001', 'critical', ['0.1.35'], ['osv']],
    ]);
    assert.deepEqual(result.get(dependencyKey(LC_CORE_NPM))?.map((a) => [a.id, a.affected, a.fixed]), [['GHSA-np01-test-0002', '>=0.1.0, <0.1.10; >=0.2.0, <0.2.5', ['0.2.5']]]);
    assert.deepEqual(result.get(dependencyKey(CLEAN)), []);
  });
});

test('Go versions are sent without the go.mod `v`, as OSV records write them', async () => {
  await withServer({ records: [] }, async (server) => {
    await new OsvApiSource({ baseUrl: server.url, ...FAST }).lookup([dep('Go', 'golang.org/x/net', 'v0.17.0')]);
    assert.deepEqual(JSON.parse(server.requests[0]?.body ?? ''), { queries: [{ package: { name: 'golang.org/x/net', ecosystem: 'Go' }, version: '0.17.0' }] });
  });
});

test('queries are split into batches (the API takes at most 1000)', async () => {
  await withServer({ records: [] }, async (server) => {
    const many = Array.from({ length: 1001 }, (_, i) => dep('npm', `pkg-${i}`, '1.0.0'));
    const result = await new OsvApiSource({ baseUrl: server.url, ...FAST }).lookup(many);
    assert.deepEqual(server.requests.map((r) => (JSON.parse(r.body) as { queries: unknown[] }).queries.length), [1000, 1]);
    assert.equal(result.size, 1001);
    server.requests.length = 0;
    await new OsvApiSource({ baseUrl: server.url, batchSize: 2, ...FAST }).lookup(many.slice(0, 5));
    assert.deepEqual(server.requests.map((r) => (JSON.parse(r.body) as { queries: unknown[] }).queries.length), [2, 2, 1]);
  });
});

test('a result with next_page_token is asked again with page_token until complete', async () => {
  await withServer({ records: [GHSA, PYSEC], pageSize: 1 }, async (server) => {
    const result = await new OsvApiSource({ baseUrl: server.url, ...FAST }).lookup([LC_CORE, CLEAN]);
    const batches = server.requests.filter((r) => r.rawUrl === '/v1/querybatch').map((r) => JSON.parse(r.body) as { queries: Record<string, unknown>[] });
    assert.equal(batches.length, 2);
    assert.equal(batches[1]?.queries.length, 1, 'only the paged query is repeated');
    assert.equal(batches[1]?.queries[0]?.page_token, 'pt-1');
    assert.deepEqual(result.get(dependencyKey(LC_CORE))?.map((a) => a.id).sort(), ['GHSA-lc01-test-0001', 'PYSEC-2024-9001']);
  });
});

test('429 and 500 are retried', async () => {
  await withServer({ records: [GHSA, PYSEC] }, async (server) => {
    server.faults.rateLimit = 1;
    server.faults.retryAfter = '0';
    const source = new OsvApiSource({ baseUrl: server.url, ...FAST });
    assert.equal((await source.lookup([LC_CORE])).get(dependencyKey(LC_CORE))?.length, 2);
    assert.equal(server.requests.length, 4, '429 querybatch, querybatch, 2 GETs');
    server.faults.status500 = 1;
    assert.equal((await source.lookup([LC_CORE])).get(dependencyKey(LC_CORE))?.length, 2);
    assert.equal(server.requests.length, 8);
    assert.deepEqual(source.takeWarnings(), []);
  });
});

test('an id the querybatch lists but /v1/vulns does not have is skipped with a warning', async () => {
  await withServer({ records: [GHSA, PYSEC] }, async (server) => {
    server.missing.add('PYSEC-2024-9001');
    const source = new OsvApiSource({ baseUrl: server.url, ...FAST });
    const result = await source.lookup([LC_CORE]);
    assert.deepEqual(result.get(dependencyKey(LC_CORE))?.map((a) => a.id), ['GHSA-lc01-test-0001']);
    assert.deepEqual(source.takeWarnings(), ['osv: advisory PYSEC-2024-9001 was listed but not found']);
  });
});

test('a slow server times out and a stopped one cannot be reached: both fail the source', async () => {
  await withServer({ records: [] }, async (server) => {
    server.faults.delayMs = 400;
    await assert.rejects(new OsvApiSource({ baseUrl: server.url, ...FAST, retries: 0, timeoutMs: 50 }).lookup([LC_CORE]), /osv: no answer from 127\.0\.0\.1:\d+ within 50 ms/);
  });
  const stopped = await startOsvTestServer({});
  await stopped.stop();
  await assert.rejects(new OsvApiSource({ baseUrl: stopped.url, ...FAST }).lookup([LC_CORE]), (e: unknown) => e instanceof AdvisorySourceError && /osv: cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\); gave up after 3 attempt/.test(e.message));
});

test('a 400 from querybatch fails the source with the server message', async () => {
  await withServer({ records: [] }, async (server) => {
    await assert.rejects(new OsvApiSource({ baseUrl: server.url, ...FAST }).lookup([dep('npm', '', '1.0.0')]), /osv: querybatch answered 400: queries\[0\]: package name and ecosystem are required/);
  });
});
