// The Snyk source against a local Snyk-REST-compatible server: request shape (path, encoded purl,
// version/limit, headers), JSON:API mapping, paging by links.next in all three forms, 429 with
// Retry-After, 5xx retries, timeouts, 401/403, packages Snyk refuses, concurrency and cancellation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SnykSource } from '../../server/src/sca/sources/snyk-source';
import { AdvisorySourceError, dependencyKey, type Dependency, type Ecosystem } from '../../server/src/sca/types';
import { startSnykTestServer, type SnykTestIssue, type SnykTestServer } from '../helpers/snyk-test-server';

const TOKEN = 'snyk-test-token-5f1c2d9e';
const ORG = '3c1f8b2a-9d4e-4f6a-8b7c-1d2e3f4a5b6c';
const RANGE = { start: 0, end: 1, startPos: { line: 0, column: 0 }, endPos: { line: 0, column: 1 } };
const FAST = { retries: 2, retryBaseMs: 1, timeoutMs: 2000, maxRetryAfterMs: 2000 };

function dep(ecosystem: Ecosystem, name: string, version: string, purl: string): Dependency {
  return { ecosystem, name, version, purl, direct: true, file: '/home/dev/secret-project/package.json', range: RANGE };
}

const LODASH = dep('npm', 'lodash', '4.17.20', 'pkg:npm/lodash@4.17.20');
const LC_CORE = dep('npm', '@langchain/core', '0.2.1', 'pkg:npm/%40langchain/core@0.2.1');
const LANGCHAIN = dep('PyPI', 'langchain', '0.0.300', 'pkg:pypi/langchain@0.0.300');

function issue(id: string, extra: Record<string, unknown> = {}): SnykTestIssue {
  return {
    id,
    attributes: {
      key: id,
      title: `Issue ${id}`,
      type: 'package_vulnerability',
      created_at: '2024-01-02T03:04:05Z',
      effective_severity_level: 'medium',
      problems: [],
      coordinates: [],
      severities: [],
      ...extra,
    },
  };
}

const LODASH_ISSUE = issue('SNYK-JS-LODASH-1040724', {
  title: 'Command Injection',
  description: '## Overview\nlodash is a modern JavaScript utility library.',
  effective_severity_level: 'high',
  problems: [
    { id: 'CVE-2021-23337', source: 'NVD', url: 'https://nvd.nist.gov/vuln/detail/CVE-2021-23337' },
    { id: 'GHSA-35jh-r3h4-6jhm', source: 'GHSA' },
    { id: 'CWE-78', source: 'CWE' },
  ],
  coordinates: [{ remedies: [{ type: 'indeterminate', description: 'Upgrade the package version to 4.17.21 to fix this vulnerability', details: { upgrade_package: '3.0.0,4.17.21' } }], representations: [{ resource_path: '<4.17.21' }] }],
  severities: [
    { source: 'NVD', level: 'high', score: 7.2, vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H', type: 'secondary' },
    { source: 'Snyk', level: 'high', score: 7.2, vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H/E:P', type: 'primary' },
  ],
  slots: { publication_time: '2021-02-15T11:50:49Z', references: [{ title: 'GitHub Commit', url: 'https://github.com/lodash/lodash/commit/3469357' }] },
});

async function withServer(options: Partial<Parameters<typeof startSnykTestServer>[0]>, run: (server: SnykTestServer) => Promise<void>): Promise<void> {
  const server = await startSnykTestServer({ token: TOKEN, orgId: ORG, ...options });
  try {
    await run(server);
  } finally {
    await server.stop();
  }
}

test('asks the documented endpoint with the encoded purl and maps the JSON:API issue', async () => {
  await withServer({ issues: { 'pkg:npm/lodash@4.17.20': [LODASH_ISSUE] } }, async (server) => {
    const source = new SnykSource({ token: TOKEN, orgId: ORG, baseUrl: server.url, ...FAST });
    const result = await source.lookup([LODASH, LC_CORE, LODASH]);
    assert.equal(server.requests.length, 2, 'one request per distinct package version');
    const paths = server.requests.map((r) => r.rawUrl).sort();
    assert.deepEqual(paths, [
      `/rest/orgs/${ORG}/packages/pkg%3Anpm%2F%2540langchain%2Fcore%400.2.1/issues?version=2024-10-15&limit=1000`,
      `/rest/orgs/${ORG}/packages/pkg%3Anpm%2Flodash%404.17.20/issues?version=2024-10-15&limit=1000`,
    ]);
    for (const request of server.requests) {
      assert.equal(request.method, 'GET');
      assert.equal(request.authorization, `token ${TOKEN}`);
      assert.equal(request.headers.accept, 'application/vnd.api+json');
      assert.equal(request.body, '');
      const everythingElse = JSON.stringify([request.rawUrl, request.headers, request.body]);
      assert.ok(!everythingElse.includes(TOKEN), 'the token travels only in the Authorization header');
      assert.ok(!everythingElse.includes('secret-project'), 'no file paths leave the machine');
    }
    assert.deepEqual(result.get(dependencyKey(LC_CORE)), []);
    assert.deepEqual(result.get(dependencyKey(LODASH)), [
      {
        id: 'SNYK-JS-LODASH-1040724',
        aliases: ['CVE-2021-23337', 'GHSA-35jh-r3h4-6jhm'],
        title: 'Command Injection',
        details: '## Overview\nlodash is a modern JavaScript utility library.',
        level: 'high',
        cvss: { type: 'CVSS_V3', vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H/E:P', score: 7.2 },
        affected: '<4.17.21',
        fixed: ['4.17.21'],
        references: ['https://github.com/lodash/lodash/commit/3469357', 'https://nvd.nist.gov/vuln/detail/CVE-2021-23337'],
        cwes: ['CWE-78'],
        published: '2021-02-15T11:50:49Z',
        sources: ['snyk'],
      },
    ]);
  });
});

for (const linkStyle of ['rest-relative', 'relative', 'absolute'] as const) {
  test(`follows ${linkStyle} links.next until the last page`, async () => {
    const issues = ['A', 'B', 'C', 'D', 'E'].map((s) => issue(`SNYK-PYTHON-LANGCHAIN-${s}`));
    await withServer({ issues: { 'pkg:pypi/langchain@0.0.300': issues }, linkStyle }, async (server) => {
      const source = new SnykSource({ token: TOKEN, orgId: ORG, baseUrl: server.url, pageLimit: 2, ...FAST });
      const result = await source.lookup([LANGCHAIN]);
      assert.deepEqual(
        result.get(dependencyKey(LANGCHAIN))?.map((a) => a.id),
        issues.map((i) => i.id),
      );
      assert.deepEqual(
        server.requests.map((r) => new URL(r.rawUrl, server.url).searchParams.get('offset')),
        [null, '2', '4'],
      );
      assert.ok(server.requests.every((r) => r.authorization === `token ${TOKEN}`));
    });
  });
}

test('a paging link to another host is refused, so the token never goes there', async () => {
  const issues = ['A', 'B', 'C'].map((s) => issue(`SNYK-PYTHON-LANGCHAIN-${s}`));
  await withServer({ issues: { 'pkg:pypi/langchain@0.0.300': issues }, linkStyle: 'absolute', linkOrigin: 'http://127.0.0.2:9' }, async (server) => {
    const source = new SnykSource({ token: TOKEN, orgId: ORG, baseUrl: server.url, pageLimit: 2, ...FAST });
    await assert.rejects(source.lookup([LANGCHAIN]), /snyk: refusing to follow a paging link to another host \(127\.0\.0\.2:9\)/);
    assert.equal(server.requests.length, 1);
  });
});

test('429 with Retry-After (seconds, then an HTTP date) is waited out and retried', async () => {
  await withServer({ issues: { 'pkg:npm/lodash@4.17.20': [LODASH_ISSUE] } }, async (server) => {
    server.faults.rateLimit = 1;
    server.faults.retryAfter = '1';
    const source = new SnykSource({ token: TOKEN, orgId: ORG, baseUrl: server.url, ...FAST });
    const started = Date.now();
    const result = await source.lookup([LODASH]);
    assert.ok(Date.now() - started >= 900, 'waited for Retry-After');
    assert.equal(result.get(dependencyKey(LODASH))?.length, 1);
    server.faults.rateLimit = 1;
    server.faults.retryAfter = new Date(Date.now() - 1000).toUTCString();
    assert.equal((await source.lookup([LODASH])).get(dependencyKey(LODASH))?.length, 1);
    assert.equal(server.requests.length, 4);
  });
});

test('a Retry-After beyond the cap, or 429s beyond the retries, fail the source with a clear message', async () => {
  await withServer({}, async (server) => {
    server.faults.rateLimit = 1;
    server.faults.retryAfter = '3600';
    const source = new SnykSource({ token: TOKEN, orgId: ORG, baseUrl: server.url, ...FAST });
    await assert.rejects(source.lookup([LODASH]), (e: unknown) => e instanceof AdvisorySourceError && /rate limited .*429.*3600 s/.test(e.message));
    assert.equal(server.requests.length, 1, 'did not wait an hour or retry');
    server.faults.rateLimit = 10;
    server.faults.retryAfter = '0';
    await assert.rejects(source.lookup([LODASH]), /snyk: rate limited .*gave up after 3 attempt/);
  });
});

test('a 500 is retried with backoff; persistent 5xx fails the source', async () => {
  await withServer({ issues: { 'pkg:npm/lodash@4.17.20': [LODASH_ISSUE] } }, async (server) => {
    server.faults.status500 = 1;
    const source = new SnykSource({ token: TOKEN, orgId: ORG, baseUrl: server.url, ...FAST });
    assert.equal((await source.lookup([LODASH])).get(dependencyKey(LODASH))?.length, 1);
    assert.equal(server.requests.length, 2);
    server.faults.status500 = 100;
    await assert.rejects(source.lookup([LODASH]), (e: unknown) => e instanceof AdvisorySourceError && e.source === 'snyk' && /answered 500.*gave up after 3 attempt/.test(e.message));
  });
});

test('a request that takes longer than the timeout is abandoned, retried, then reported', async () => {
  await withServer({}, async (server) => {
    server.faults.delayMs = 400;
    const source = new SnykSource({ token: TOKEN, orgId: ORG, baseUrl: server.url, ...FAST, retries: 1, timeoutMs: 60 });
    const started = Date.now();
    await assert.rejects(source.lookup([LODASH]), /snyk: no answer from 127\.0\.0\.1:\d+ within 60 ms; gave up after 2 attempt/);
    assert.ok(Date.now() - started < 400, 'did not wait for the slow server');
  });
});

test('401 explains the token and 403 the org, without ever showing the token', async () => {
  await withServer({}, async (server) => {
    const badToken = 'wrong-token-0a1b2c3d';
    const wrong = new SnykSource({ token: badToken, orgId: ORG, baseUrl: server.url, ...FAST });
    await assert.rejects(wrong.lookup([LODASH]), (e: unknown) => e instanceof AdvisorySourceError && /token was rejected \(401/.test(e.message) && !e.message.includes(badToken));
    const otherOrg = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
    const forbidden = new SnykSource({ token: TOKEN, orgId: otherOrg, baseUrl: server.url, ...FAST });
    await assert.rejects(forbidden.lookup([LODASH]), (e: unknown) => e instanceof AdvisorySourceError && e.message.includes(`org ${otherOrg}`) && /403/.test(e.message) && !e.message.includes(TOKEN));
    assert.equal(server.requests.length, 2, 'auth failures are not retried');
  });
});

test('an org slug instead of its UUID, or no token, fails before any request', async () => {
  await withServer({}, async (server) => {
    await assert.rejects(new SnykSource({ token: TOKEN, orgId: 'my-org', baseUrl: server.url }).lookup([LODASH]), /org id must be the organization's UUID/);
    await assert.rejects(new SnykSource({ token: ' ', orgId: ORG, baseUrl: server.url }).lookup([LODASH]), /no Snyk API token/);
    assert.equal(server.requests.length, 0);
  });
});

test('a package Snyk refuses (400) is left out with a warning; the others still answer', async () => {
  await withServer({ issues: { 'pkg:npm/lodash@4.17.20': [LODASH_ISSUE] } }, async (server) => {
    const odd = dep('Maven', 'x:y', '1.0', 'pkg:bogus/x/y@1.0');
    const source = new SnykSource({ token: TOKEN, orgId: ORG, baseUrl: server.url, ...FAST });
    const result = await source.lookup([odd, LODASH]);
    assert.equal(result.has(dependencyKey(odd)), false);
    assert.equal(result.get(dependencyKey(LODASH))?.length, 1);
    assert.deepEqual(source.takeWarnings(), ['snyk: could not check 1 package(s) (400: purl type "bogus" is not supported): pkg:bogus/x/y@1.0']);
    assert.deepEqual(source.takeWarnings(), []);
  });
});

test('at most `concurrency` requests run at once, and the signal cancels the lookup', async () => {
  await withServer({}, async (server) => {
    server.faults.delayMs = 30;
    const deps = Array.from({ length: 8 }, (_, i) => dep('npm', `pkg${i}`, '1.0.0', `pkg:npm/pkg${i}@1.0.0`));
    const source = new SnykSource({ token: TOKEN, orgId: ORG, baseUrl: server.url, ...FAST, concurrency: 2 });
    const result = await source.lookup(deps);
    assert.equal(result.size, 8);
    assert.equal(server.peakInFlight, 2);
    server.faults.delayMs = 1000;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    await assert.rejects(source.lookup(deps, controller.signal), /snyk: lookup cancelled/);
  });
});
