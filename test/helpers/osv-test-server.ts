// A small OSV.dev-API-compatible server for tests (no network in tests).
//
// It follows the documented API (https://google.github.io/osv.dev/api/):
//   POST /v1/querybatch  {"queries":[{"package":{"name","ecosystem"}|{"purl"},"version"|"commit","page_token"?}]}
//     → {"results":[{"vulns":[{"id","modified"}],"next_page_token"?} | {}]} in query order.
//     Rejected (400, {"code":3,"message"}): invalid JSON, unknown fields (the API is protobuf JSON),
//     more than 1000 queries, a query without a package+version (or commit), name without
//     ecosystem, an unknown ecosystem, a page token it did not issue for that query.
//   GET /v1/vulns/{id} → the full record, or 404 {"code":5,"message":"Bug not found."}.
// A record matches a query when one of its `affected` entries has the same ecosystem and name
// (PyPI names compared per PEP 503) and lists the version in `versions` (the test records
// enumerate affected versions, as OSV's own records do).
// `server.missing` holds ids querybatch lists but /v1/vulns answers 404 for.
// `pageSize` limits vulns per result and adds `next_page_token`. Fault switches on
// `server.faults`: `status500` (next N requests answer 500), `rateLimit` (next N answer 429 with
// `Retry-After: retryAfter`), `delayMs` (every answer delayed).

import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OsvRecord } from '../../server/src/sca/types';

export interface OsvRecordedRequest {
  readonly method: string;
  readonly rawUrl: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface OsvFaults {
  status500: number;
  rateLimit: number;
  retryAfter: string;
  delayMs: number;
}

export interface OsvTestServer {
  readonly url: string;
  readonly requests: OsvRecordedRequest[];
  readonly records: Map<string, OsvRecord>;
  readonly faults: OsvFaults;
  /** Ids that querybatch lists but GET /v1/vulns/{id} answers 404 for (a record removed in between). */
  readonly missing: Set<string>;
  stop(): Promise<void>;
}

export interface OsvTestServerOptions {
  readonly records?: readonly OsvRecord[];
  /** Vulns per querybatch result page (default: all). */
  readonly pageSize?: number;
}

const ECOSYSTEMS = ['npm', 'PyPI', 'Go', 'Maven', 'crates.io', 'NuGet', 'RubyGems', 'Packagist', 'Pub', 'Hex', 'Debian', 'Alpine'];
const QUERY_KEYS = ['commit', 'version', 'package', 'page_token'];
const PACKAGE_KEYS = ['name', 'ecosystem', 'purl'];

export async function startOsvTestServer(options: OsvTestServerOptions = {}): Promise<OsvTestServer> {
  const requests: OsvRecordedRequest[] = [];
  const records = new Map((options.records ?? []).map((r) => [r.id, r]));
  const faults: OsvFaults = { status500: 0, rateLimit: 0, retryAfter: '0', delayMs: 0 };
  const tokens = new Map<string, { key: string; offset: number }>();
  const timers = new Set<NodeJS.Timeout>();
  const missing = new Set<string>();
  let tokenCounter = 0;

  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
      requests.push({ method: req.method ?? '', rawUrl: req.url ?? '', headers, body });
      const timer = setTimeout(() => {
        timers.delete(timer);
        answer(req, res, body);
      }, faults.delayMs);
      timers.add(timer);
    });
  });

  function answer(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
    if (faults.rateLimit > 0) {
      faults.rateLimit--;
      return send(res, 429, { code: 8, message: 'Resource has been exhausted' }, { 'Retry-After': faults.retryAfter });
    }
    if (faults.status500 > 0) {
      faults.status500--;
      return send(res, 500, { code: 13, message: 'Internal error' });
    }
    const url = req.url ?? '';
    if (url === '/v1/querybatch') {
      if (req.method !== 'POST') return send(res, 405, { code: 12, message: 'Method Not Allowed' });
      return queryBatch(res, body);
    }
    const vuln = /^\/v1\/vulns\/([^/?]+)$/.exec(url);
    if (vuln) {
      if (req.method !== 'GET') return send(res, 405, { code: 12, message: 'Method Not Allowed' });
      const id = decodeURIComponent(vuln[1] as string);
      const record = missing.has(id) ? undefined : records.get(id);
      return record ? send(res, 200, record) : send(res, 404, { code: 5, message: 'Bug not found.' });
    }
    send(res, 404, { code: 5, message: 'Not Found' });
  }

  function queryBatch(res: http.ServerResponse, body: string): void {
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      return bad(res, 'Invalid JSON payload received.');
    }
    if (!isObject(payload) || Object.keys(payload).some((k) => k !== 'queries') || !Array.isArray(payload.queries)) return bad(res, 'Invalid JSON payload: expected {"queries": [...]}.');
    if (payload.queries.length > 1000) return bad(res, 'Too many queries.');
    const results: unknown[] = [];
    for (const [i, query] of payload.queries.entries()) {
      if (!isObject(query)) return bad(res, `queries[${i}]: expected an object`);
      const unknown = Object.keys(query).find((k) => !QUERY_KEYS.includes(k));
      if (unknown) return bad(res, `Invalid JSON payload received. Unknown name "${unknown}" at 'queries[${i}]'`);
      if (query.commit !== undefined) return bad(res, `queries[${i}]: this test server does not answer commit queries`);
      const pkg = query.package;
      if (!isObject(pkg)) return bad(res, `queries[${i}]: package is required`);
      const unknownPkg = Object.keys(pkg).find((k) => !PACKAGE_KEYS.includes(k));
      if (unknownPkg) return bad(res, `Invalid JSON payload received. Unknown name "${unknownPkg}" at 'queries[${i}].package'`);
      if (pkg.purl !== undefined) return bad(res, `queries[${i}]: this test server answers name+ecosystem queries only`);
      if (typeof pkg.name !== 'string' || pkg.name === '' || typeof pkg.ecosystem !== 'string') return bad(res, `queries[${i}]: package name and ecosystem are required`);
      if (!ECOSYSTEMS.includes(pkg.ecosystem)) return bad(res, `queries[${i}]: Invalid ecosystem.`);
      if (typeof query.version !== 'string' || query.version === '') return bad(res, `queries[${i}]: version is required`);
      const key = `${pkg.ecosystem}|${normalize(pkg.ecosystem, pkg.name)}|${query.version}`;
      let offset = 0;
      if (query.page_token !== undefined) {
        const issued = typeof query.page_token === 'string' ? tokens.get(query.page_token) : undefined;
        if (!issued || issued.key !== key) return bad(res, `queries[${i}]: Invalid page token.`);
        offset = issued.offset;
      }
      const matches = [...records.values()].filter((r) => affects(r, pkg.ecosystem as string, pkg.name as string, query.version as string));
      const size = options.pageSize ?? matches.length;
      const page = matches.slice(offset, offset + size);
      const result: Record<string, unknown> = page.length ? { vulns: page.map((r) => ({ id: r.id, modified: r.modified })) } : {};
      if (offset + size < matches.length) {
        const token = `pt-${++tokenCounter}`;
        tokens.set(token, { key, offset: offset + size });
        result.next_page_token = token;
      }
      results.push(result);
    }
    send(res, 200, { results });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    records,
    faults,
    missing,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function affects(record: OsvRecord, ecosystem: string, name: string, version: string): boolean {
  return (record.affected ?? []).some(
    (a) => a.package?.ecosystem === ecosystem && normalize(ecosystem, a.package.name) === normalize(ecosystem, name) && (a.versions ?? []).includes(version),
  );
}

function normalize(ecosystem: string, name: string): string {
  return ecosystem === 'PyPI' ? name.toLowerCase().replace(/[-_.]+/g, '-') : name;
}

function bad(res: http.ServerResponse, message: string): void {
  send(res, 400, { code: 3, message });
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
