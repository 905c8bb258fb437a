/**
 * Snyk as an advisory source, through the REST API's "List issues for a package":
 * `GET {base}/rest/orgs/{org_id}/packages/{url-encoded purl}/issues?version=…&limit=…` with
 * `Authorization: token …` and JSON:API answers, following `links.next`. Only the purl (ecosystem,
 * name, version) leaves the machine; the token goes only in the Authorization header, to the
 * configured host, and never into messages, warnings or the cache.
 */
import { AdvisorySourceError, dependencyKey, type Advisory, type Dependency, uniqueVersioned } from '../types';
import { requestJson, type HttpRetryOptions, type JsonResponse } from './http-json-client';
import { runLimited } from './run-limited';
import { SNYK_SOURCE, isSnykIssue, snykIssueToAdvisory } from './snyk-issue-advisory';
import type { ExtendedAdvisorySource } from './source-extras';

export const SNYK_DEFAULT_BASE_URL = 'https://api.snyk.io';
export const SNYK_API_VERSION = '2024-10-15';

export interface SnykSourceOptions extends HttpRetryOptions {
  /** Snyk API token (personal or service account). */
  readonly token: string;
  /** The organization's id (a UUID, not its slug). */
  readonly orgId: string;
  /** API host, default https://api.snyk.io (e.g. https://api.eu.snyk.io). */
  readonly baseUrl?: string;
  /** REST API `version` query parameter, default 2024-10-15. */
  readonly apiVersion?: string;
  /** Page size (`limit`), 1–1000, default 1000. */
  readonly pageLimit?: number;
  /** Requests in flight at once, default 4. */
  readonly concurrency?: number;
  /** Pages followed per package at most, default 50. */
  readonly maxPages?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class SnykSource implements ExtendedAdvisorySource {
  readonly name = SNYK_SOURCE;
  readonly remote = true;
  readonly cacheScope: string;
  readonly #token: string;
  readonly #orgId: string;
  readonly #base: URL;
  readonly #apiVersion: string;
  readonly #pageLimit: number;
  readonly #concurrency: number;
  readonly #maxPages: number;
  readonly #http: HttpRetryOptions;
  #warnings: string[] = [];

  constructor(options: SnykSourceOptions) {
    this.#token = options.token.trim();
    this.#orgId = options.orgId.trim();
    this.cacheScope = `${options.baseUrl ?? SNYK_DEFAULT_BASE_URL} ${this.#orgId}`;
    this.#base = new URL((options.baseUrl ?? SNYK_DEFAULT_BASE_URL).replace(/\/+$/, '').replace(/\/rest$/, '') + '/');
    this.#apiVersion = options.apiVersion ?? SNYK_API_VERSION;
    this.#pageLimit = Math.min(1000, Math.max(1, options.pageLimit ?? 1000));
    this.#concurrency = Math.max(1, options.concurrency ?? 4);
    this.#maxPages = Math.max(1, options.maxPages ?? 50);
    this.#http = { timeoutMs: options.timeoutMs, retries: options.retries, retryBaseMs: options.retryBaseMs, maxRetryAfterMs: options.maxRetryAfterMs };
  }

  takeWarnings(): string[] {
    const warnings = this.#warnings;
    this.#warnings = [];
    return warnings;
  }

  async lookup(dependencies: readonly Dependency[], signal?: AbortSignal): Promise<Map<string, Advisory[]>> {
    if (this.#token === '') throw new AdvisorySourceError(this.name, 'no Snyk API token is configured');
    if (!UUID.test(this.#orgId)) {
      throw new AdvisorySourceError(this.name, `the Snyk org id must be the organization's UUID (Snyk: Settings → General → Organization ID), not "${this.#orgId.slice(0, 80)}"`);
    }
    const unique = uniqueVersioned(dependencies);
    const failed = new Map<string, string[]>();
    const answers = await runLimited([...unique.values()], this.#concurrency, async (dep) => {
      const outcome = await this.#issuesFor(dep, signal);
      if (typeof outcome === 'string') {
        failed.set(outcome, [...(failed.get(outcome) ?? []), purlWithVersion(dep)]);
        return undefined;
      }
      return [dependencyKey(dep), outcome] as const;
    });
    for (const [why, purls] of failed) {
      this.#warnings.push(`${this.name}: could not check ${purls.length} package(s) (${why}): ${purls.slice(0, 5).join(', ')}${purls.length > 5 ? ', …' : ''}`);
    }
    // Packages Snyk would not answer for are left out of the map (so they are not cached as clean).
    return new Map(answers.filter((answer) => answer !== undefined));
  }

  /** The advisories for one package version, or why Snyk would not answer for it. */
  async #issuesFor(dep: Dependency, signal?: AbortSignal): Promise<Advisory[] | string> {
    const purl = purlWithVersion(dep);
    let url: URL | undefined = new URL(`rest/orgs/${encodeURIComponent(this.#orgId)}/packages/${encodeURIComponent(purl)}/issues`, this.#base);
    url.searchParams.set('version', this.#apiVersion);
    url.searchParams.set('limit', String(this.#pageLimit));
    const advisories: Advisory[] = [];
    const seen = new Set<string>();
    for (let page = 0; url && page < this.#maxPages; page++) {
      seen.add(url.href);
      const response = await requestJson(
        this.name,
        { method: 'GET', url: url.href, headers: { Authorization: `token ${this.#token}`, Accept: 'application/vnd.api+json' } },
        this.#http,
        signal,
      );
      if (response.status !== 200) return this.#refusal(response);
      const body = response.body;
      if (!isRecord(body) || !Array.isArray(body.data)) {
        throw new AdvisorySourceError(this.name, `answer for ${purl} is not a JSON:API document with a \`data\` array${response.invalidJson ? ' (invalid JSON)' : ''}`);
      }
      for (const item of body.data) if (isSnykIssue(item)) advisories.push(snykIssueToAdvisory(item, dep));
      const next = nextLink(body.links);
      url = next === undefined ? undefined : this.#resolveNext(next);
      if (url && seen.has(url.href)) url = undefined;
    }
    return advisories;
  }

  /** `links.next` is relative (`/rest/orgs/…` or `/orgs/…`) or absolute; it must stay on the configured host. */
  #resolveNext(next: string): URL {
    const prefixed = next.startsWith('/') && !next.startsWith('/rest/') ? `/rest${next}` : next;
    const url = new URL(prefixed, this.#base);
    if (url.origin !== this.#base.origin) {
      throw new AdvisorySourceError(this.name, `refusing to follow a paging link to another host (${url.host})`);
    }
    return url;
  }

  /** 401/403 fail the source (the token or org is wrong for every package); others skip the package. */
  #refusal(response: JsonResponse): string {
    const detail = this.#redact(errorDetail(response.body));
    if (response.status === 401) {
      throw new AdvisorySourceError(this.name, `the API token was rejected (401 Unauthorized${detail ? `: ${detail}` : ''}); check the configured Snyk token and region (${this.#base.host})`);
    }
    if (response.status === 403) {
      throw new AdvisorySourceError(this.name, `access to org ${this.#orgId} was refused (403 Forbidden${detail ? `: ${detail}` : ''}); check the org id and that the token's account can view that org`);
    }
    return `${response.status}${detail ? `: ${detail}` : ''}`;
  }

  #redact(text: string): string {
    return this.#token ? text.split(this.#token).join('***') : text;
  }
}

/** The dependency's purl with its exact version (added when the purl has none). */
export function purlWithVersion(dep: Dependency): string {
  const cut = dep.purl.search(/[?#]/);
  const head = cut < 0 ? dep.purl : dep.purl.slice(0, cut);
  const tail = cut < 0 ? '' : dep.purl.slice(cut);
  return head.includes('@') || !dep.version ? dep.purl : `${head}@${encodeURIComponent(dep.version)}${tail}`;
}

function nextLink(links: unknown): string | undefined {
  if (!isRecord(links)) return undefined;
  const next = links.next;
  if (typeof next === 'string' && next !== '') return next;
  if (isRecord(next) && typeof next.href === 'string' && next.href !== '') return next.href;
  return undefined;
}

function errorDetail(body: unknown): string {
  if (!isRecord(body) || !Array.isArray(body.errors)) return '';
  const first: unknown = body.errors[0];
  if (!isRecord(first)) return '';
  const text = typeof first.detail === 'string' ? first.detail : typeof first.title === 'string' ? first.title : '';
  return text.slice(0, 200);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
