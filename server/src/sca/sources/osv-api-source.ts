/**
 * OSV.dev as an advisory source: `POST {base}/v1/querybatch` with package coordinates and versions
 * (at most 1000 queries per request, following each result's `next_page_token`), then
 * `GET {base}/v1/vulns/{id}` once per distinct id for the full records. Only ecosystem, name and
 * version leave the machine.
 */
import { AdvisorySourceError, dependencyKey, type Advisory, type Dependency, type OsvRecord, uniqueVersioned } from '../types';
import { requestJson, type HttpRetryOptions, type JsonResponse } from './http-json-client';
import { checkOsvRecord } from './osv-record-check';
import { osvRecordToAdvisory } from './osv-record-advisory';
import { runLimited } from './run-limited';
import type { ExtendedAdvisorySource } from './source-extras';

export const OSV_DEFAULT_BASE_URL = 'https://api.osv.dev';
export const OSV_SOURCE = 'osv';
/** The most queries the OSV API takes in one querybatch request. */
export const OSV_MAX_BATCH = 1000;

export interface OsvApiSourceOptions extends HttpRetryOptions {
  /** API host, default https://api.osv.dev. */
  readonly baseUrl?: string;
  /** Queries per querybatch request, 1–1000, default 1000. */
  readonly batchSize?: number;
  /** `GET /v1/vulns/{id}` requests in flight at once, default 4. */
  readonly concurrency?: number;
  /** Pages followed per query at most, default 20. */
  readonly maxPages?: number;
}

interface PendingQuery {
  readonly dep: Dependency;
  readonly pageToken?: string;
}

export class OsvApiSource implements ExtendedAdvisorySource {
  readonly name = OSV_SOURCE;
  readonly remote = true;
  readonly cacheScope: string;
  readonly #base: URL;
  readonly #batchSize: number;
  readonly #concurrency: number;
  readonly #maxPages: number;
  readonly #http: HttpRetryOptions;
  #warnings: string[] = [];

  constructor(options: OsvApiSourceOptions = {}) {
    this.#base = new URL((options.baseUrl ?? OSV_DEFAULT_BASE_URL).replace(/\/+$/, '') + '/');
    this.cacheScope = this.#base.toString();
    this.#batchSize = Math.min(OSV_MAX_BATCH, Math.max(1, options.batchSize ?? OSV_MAX_BATCH));
    this.#concurrency = Math.max(1, options.concurrency ?? 4);
    this.#maxPages = Math.max(1, options.maxPages ?? 20);
    this.#http = { timeoutMs: options.timeoutMs, retries: options.retries, retryBaseMs: options.retryBaseMs, maxRetryAfterMs: options.maxRetryAfterMs };
  }

  takeWarnings(): string[] {
    const warnings = this.#warnings;
    this.#warnings = [];
    return warnings;
  }

  async lookup(dependencies: readonly Dependency[], signal?: AbortSignal): Promise<Map<string, Advisory[]>> {
    const unique = uniqueVersioned(dependencies);
    const idsByKey = await this.#queryIds([...unique.values()], signal);
    const allIds = [...new Set([...idsByKey.values()].flatMap((ids) => [...ids]))];
    const records = new Map<string, OsvRecord>();
    await runLimited(allIds, this.#concurrency, async (id) => {
      const record = await this.#fetchRecord(id, signal);
      if (record) records.set(id, record);
    });
    const result = new Map<string, Advisory[]>();
    for (const [key, dep] of unique) {
      const advisories: Advisory[] = [];
      for (const id of idsByKey.get(key) ?? []) {
        const record = records.get(id);
        if (record && !record.withdrawn) advisories.push(osvRecordToAdvisory(record, dep, this.name));
      }
      result.set(key, advisories);
    }
    return result;
  }

  /** Vulnerability ids per dependency key, from querybatch rounds until no result has a next page. */
  async #queryIds(deps: readonly Dependency[], signal?: AbortSignal): Promise<Map<string, Set<string>>> {
    const ids = new Map<string, Set<string>>(deps.map((dep) => [dependencyKey(dep), new Set<string>()]));
    let pending: PendingQuery[] = deps.map((dep) => ({ dep }));
    for (let round = 0; pending.length > 0; round++) {
      if (round >= this.#maxPages) {
        this.#warnings.push(`${this.name}: stopped after ${this.#maxPages} pages for ${pending.length} package(s); some advisories may be missing`);
        break;
      }
      const next: PendingQuery[] = [];
      for (let start = 0; start < pending.length; start += this.#batchSize) {
        const batch = pending.slice(start, start + this.#batchSize);
        const results = await this.#queryBatch(batch, signal);
        results.forEach((result, i) => {
          const query = batch[i] as PendingQuery;
          const set = ids.get(dependencyKey(query.dep)) as Set<string>;
          for (const id of result.ids) set.add(id);
          if (result.nextPageToken) next.push({ dep: query.dep, pageToken: result.nextPageToken });
        });
      }
      pending = next;
    }
    return ids;
  }

  async #queryBatch(batch: readonly PendingQuery[], signal?: AbortSignal): Promise<{ ids: string[]; nextPageToken?: string }[]> {
    const queries = batch.map(({ dep, pageToken }) => ({
      package: { name: dep.name, ecosystem: dep.ecosystem },
      version: queryVersion(dep),
      ...(pageToken ? { page_token: pageToken } : {}),
    }));
    const response = await requestJson(
      this.name,
      { method: 'POST', url: new URL('v1/querybatch', this.#base).href, headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ queries }) },
      this.#http,
      signal,
    );
    if (response.status !== 200) throw this.#failure('querybatch', response);
    const results = isRecord(response.body) ? response.body.results : undefined;
    if (!Array.isArray(results) || results.length !== batch.length) {
      throw new AdvisorySourceError(this.name, `querybatch answer has ${Array.isArray(results) ? results.length : 'no'} results for ${batch.length} queries`);
    }
    return results.map((result: unknown) => {
      if (!isRecord(result)) return { ids: [] };
      const vulns = Array.isArray(result.vulns) ? result.vulns : [];
      const ids = vulns.map((v: unknown) => (isRecord(v) && typeof v.id === 'string' ? v.id : undefined)).filter((id): id is string => id !== undefined);
      const token = typeof result.next_page_token === 'string' && result.next_page_token !== '' ? result.next_page_token : undefined;
      return token ? { ids, nextPageToken: token } : { ids };
    });
  }

  async #fetchRecord(id: string, signal?: AbortSignal): Promise<OsvRecord | undefined> {
    const response = await requestJson(
      this.name,
      { method: 'GET', url: new URL(`v1/vulns/${encodeURIComponent(id)}`, this.#base).href, headers: { Accept: 'application/json' } },
      this.#http,
      signal,
    );
    if (response.status === 404) {
      this.#warnings.push(`${this.name}: advisory ${id} was listed but not found`);
      return undefined;
    }
    if (response.status !== 200) throw this.#failure(`vulns/${id}`, response);
    const checked = checkOsvRecord(response.body);
    if ('error' in checked) {
      this.#warnings.push(`${this.name}: skipped advisory ${id}, its record is malformed (${response.invalidJson ? 'invalid JSON' : checked.error})`);
      return undefined;
    }
    return checked.record;
  }

  #failure(what: string, response: JsonResponse): AdvisorySourceError {
    const message = isRecord(response.body) && typeof response.body.message === 'string' ? `: ${response.body.message.slice(0, 200)}` : '';
    return new AdvisorySourceError(this.name, `${what} answered ${response.status}${message}`);
  }
}

/** Go versions are written `v1.2.3` in go.mod but `1.2.3` in OSV records; send them as osv-scanner does. */
function queryVersion(dep: Dependency): string | undefined {
  return dep.ecosystem === 'Go' && dep.version ? dep.version.replace(/^v(?=\d)/, '') : dep.version;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
