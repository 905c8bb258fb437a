// A small Snyk-REST-compatible server for tests (the real API needs an account and the network).
//
// It serves one endpoint the way Snyk documents "List issues for a package":
//   GET /rest/orgs/{org_id}/packages/{url-encoded purl}/issues?version=YYYY-MM-DD[~beta|~experimental]&limit=1..1000&offset=N
//   - `Authorization: token <TOKEN>` required (401 JSON:API error otherwise); another org id → 403
//   - `version` required and well formed, no unknown query parameters, integer limit/offset (400)
//   - the purl segment must be URL-encoded (a raw `/` in it does not match the route → 404), must be
//     a `pkg:` URL of a supported type and must carry a version (400)
//   - `Accept` must allow application/vnd.api+json (406)
//   - answers are JSON:API documents (`application/vnd.api+json`) with `data`, `links.self`,
//     `links.next` while more pages remain (relative `/rest/...`, relative `/orgs/...` or absolute),
//     and `meta.package`; errors are `{jsonapi, errors: [{status, title, detail}]}`.
// Fault switches on `server.faults`: `status500` (the next N requests answer 500), `rateLimit`
// (the next N answer 429 with `Retry-After: retryAfter`), `delayMs` (every answer delayed).

import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SnykTestIssue {
  readonly id: string;
  readonly attributes: Record<string, unknown>;
}

export interface SnykRecordedRequest {
  readonly method: string;
  /** Path and query exactly as received. */
  readonly rawUrl: string;
  /** The Authorization header as received (kept apart so tests can check nothing else carries the token). */
  readonly authorization: string | undefined;
  /** Every other header. */
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface SnykFaults {
  status500: number;
  rateLimit: number;
  retryAfter: string;
  delayMs: number;
}

export interface SnykTestServer {
  /** e.g. http://127.0.0.1:54321 (no trailing slash). */
  readonly url: string;
  readonly requests: SnykRecordedRequest[];
  /** Issues per purl (decoded, with its version). */
  readonly issues: Map<string, SnykTestIssue[]>;
  readonly faults: SnykFaults;
  /** Most requests that were being answered at the same time. */
  readonly peakInFlight: number;
  stop(): Promise<void>;
}

export interface SnykTestServerOptions {
  readonly token: string;
  readonly orgId: string;
  readonly issues?: Record<string, SnykTestIssue[]>;
  /** Form of `links.next`: `/rest/orgs/...` (default), `/orgs/...`, or an absolute URL. */
  readonly linkStyle?: 'rest-relative' | 'relative' | 'absolute';
  /** Origin used in absolute links instead of this server's (to play a server that points elsewhere). */
  readonly linkOrigin?: string;
}

const SUPPORTED_TYPES = ['apk', 'cargo', 'cocoapods', 'composer', 'conan', 'deb', 'gem', 'generic', 'golang', 'hex', 'maven', 'npm', 'nuget', 'pub', 'pypi', 'rpm', 'swift'];
const VERSION = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(~(wip|work-in-progress|experimental|beta))?$/;
const ROUTE = /^\/rest\/orgs\/([^/]+)\/packages\/([^/]+)\/issues$/;

export async function startSnykTestServer(options: SnykTestServerOptions): Promise<SnykTestServer> {
  const requests: SnykRecordedRequest[] = [];
  const issues = new Map(Object.entries(options.issues ?? {}));
  const faults: SnykFaults = { status500: 0, rateLimit: 0, retryAfter: '0', delayMs: 0 };
  const timers = new Set<NodeJS.Timeout>();
  let base = '';
  let inFlight = 0;
  let peakInFlight = 0;

  const server = http.createServer((req, res) => {
    peakInFlight = Math.max(peakInFlight, ++inFlight);
    res.on('close', () => inFlight--);
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const { authorization, ...rest } = req.headers;
      const headers = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
      requests.push({ method: req.method ?? '', rawUrl: req.url ?? '', authorization, headers, body });
      const timer = setTimeout(() => {
        timers.delete(timer);
        answer(req, res, authorization);
      }, faults.delayMs);
      timers.add(timer);
    });
  });

  function answer(req: http.IncomingMessage, res: http.ServerResponse, authorization: string | undefined): void {
    if (faults.rateLimit > 0) {
      faults.rateLimit--;
      return error(res, 429, 'Too Many Requests', 'Too many requests, please try again later.', { 'Retry-After': faults.retryAfter });
    }
    if (faults.status500 > 0) {
      faults.status500--;
      return error(res, 500, 'Internal Server Error', 'An unexpected error occurred.');
    }
    const raw = req.url ?? '';
    const [pathname = '', query = ''] = raw.split('?', 2);
    const route = ROUTE.exec(pathname);
    if (!route) return error(res, 404, 'Not Found', 'The requested resource was not found.');
    if (req.method !== 'GET') return error(res, 405, 'Method Not Allowed', `${req.method} is not allowed here.`);
    if (authorization !== `token ${options.token}`) return error(res, 401, 'Unauthorized', 'Authentication credentials not recognized, or user access is not provisioned.');
    const accept = req.headers.accept ?? '*/*';
    if (!/application\/vnd\.api\+json|application\/json|\*\/\*/.test(accept)) return error(res, 406, 'Not Acceptable', 'The server can only answer application/vnd.api+json.');
    const params = new URLSearchParams(query);
    for (const key of params.keys()) if (!['version', 'limit', 'offset'].includes(key)) return error(res, 400, 'Bad Request', `unexpected query parameter "${key}"`);
    const version = params.get('version');
    if (!version || !VERSION.test(version)) return error(res, 400, 'Bad Request', 'missing or invalid "version" query parameter');
    const limit = intParam(params.get('limit'), 1000);
    const offset = intParam(params.get('offset'), 0);
    if (limit === undefined || limit < 1 || limit > 1000) return error(res, 400, 'Bad Request', '"limit" must be an integer from 1 to 1000');
    if (offset === undefined || offset < 0) return error(res, 400, 'Bad Request', '"offset" must be a non-negative integer');
    const orgId = decodeURIComponent(route[1] as string);
    if (orgId !== options.orgId) return error(res, 403, 'Forbidden', 'You do not have the required permissions (org.read) for this organization.');
    let purl: string;
    try {
      purl = decodeURIComponent(route[2] as string);
    } catch {
      return error(res, 400, 'Bad Request', 'the purl is not correctly URL-encoded');
    }
    const type = /^pkg:([a-z]+)\//.exec(purl)?.[1];
    if (!type) return error(res, 400, 'Bad Request', `"${purl}" is not a package URL`);
    if (!SUPPORTED_TYPES.includes(type)) return error(res, 400, 'Bad Request', `purl type "${type}" is not supported`);
    if (!/@[^/@]+$/.test(purl.split(/[?#]/)[0] as string)) return error(res, 400, 'Bad Request', 'A version for the package is also required.');
    const all = issues.get(purl) ?? [];
    const page = all.slice(offset, offset + limit);
    const path = `/orgs/${route[1]}/packages/${route[2]}/issues`;
    const link = (o: number): string => {
      const q = new URLSearchParams({ version, limit: String(limit), offset: String(o) }).toString();
      if (options.linkStyle === 'relative') return `${path}?${q}`;
      if (options.linkStyle === 'absolute') return `${options.linkOrigin ?? base}/rest${path}?${q}`;
      return `/rest${path}?${q}`;
    };
    const links: Record<string, string> = { self: link(offset) };
    if (offset + limit < all.length) links.next = link(offset + limit);
    const [name, pkgVersion] = splitPurl(purl);
    send(res, 200, { jsonapi: { version: '1.0' }, data: page.map((issue) => ({ type: 'issue', ...issue })), links, meta: { package: { name, type, url: purl, version: pkgVersion } } });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    issues,
    faults,
    get peakInFlight() {
      return peakInFlight;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function intParam(value: string | null, fallback: number): number | undefined {
  if (value === null) return fallback;
  return /^\d+$/.test(value) ? Number(value) : undefined;
}

function splitPurl(purl: string): [string, string] {
  const head = purl.split(/[?#]/)[0] as string;
  const at = head.lastIndexOf('@');
  return [head.slice(head.indexOf('/') + 1, at), head.slice(at + 1)];
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/vnd.api+json', ...headers });
  res.end(JSON.stringify(body));
}

function error(res: http.ServerResponse, status: number, title: string, detail: string, headers: Record<string, string> = {}): void {
  send(res, status, { jsonapi: { version: '1.0' }, errors: [{ status: String(status), title, detail }] }, headers);
}
