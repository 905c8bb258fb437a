/**
 * JSON over HTTP for the online advisory sources, with the failure handling they share: a timeout
 * per request (AbortSignal), retries with exponential backoff on 5xx, network errors and timeouts,
 * `429 Too Many Requests` honouring `Retry-After` (seconds or HTTP-date) up to a cap. Other
 * statuses are returned to the caller, which knows what they mean for its API. Error messages name
 * the source and the host, never headers (so never a token).
 */
import { AdvisorySourceError } from '../types';
import { retryAfterMs } from './retry-after';

export interface HttpRetryOptions {
  /** Time allowed for one request, headers and body (default 30 000 ms). */
  readonly timeoutMs?: number;
  /** Retries after the first attempt for 429, 5xx, timeouts and network errors (default 3). */
  readonly retries?: number;
  /** First backoff delay; doubles each retry (default 500 ms). */
  readonly retryBaseMs?: number;
  /** Longest `Retry-After` honoured; a longer one fails at once (default 60 000 ms). */
  readonly maxRetryAfterMs?: number;
}

export interface JsonRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface JsonResponse {
  readonly status: number;
  /** Parsed JSON body; undefined when empty or not JSON. */
  readonly body: unknown;
  /** Whether the body was present but not valid JSON. */
  readonly invalidJson: boolean;
}

const DEFAULTS = { timeoutMs: 30_000, retries: 3, retryBaseMs: 500, maxRetryAfterMs: 60_000 };

/** Sends the request, retrying as described above; returns the first non-retryable answer. */
export async function requestJson(source: string, request: JsonRequest, options: HttpRetryOptions = {}, signal?: AbortSignal): Promise<JsonResponse> {
  const opts = { ...DEFAULTS, ...options };
  const host = new URL(request.url).host;
  for (let attempt = 0; ; attempt++) {
    const last = attempt >= opts.retries;
    if (signal?.aborted) throw new AdvisorySourceError(source, 'lookup cancelled');
    let response: Response;
    let text: string;
    const timeout = AbortSignal.timeout(opts.timeoutMs);
    try {
      response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        redirect: 'error',
      });
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw new AdvisorySourceError(source, 'lookup cancelled');
      const why = timeout.aborted ? `no answer from ${host} within ${opts.timeoutMs} ms` : `cannot reach ${host} (${networkReason(error)})`;
      if (last) throw new AdvisorySourceError(source, `${why}; gave up after ${attempt + 1} attempt(s)`);
      await pause(backoff(opts.retryBaseMs, attempt), source, signal);
      continue;
    }
    const status = response.status;
    if (status === 429) {
      const wait = retryAfterMs(response.headers.get('retry-after')) ?? backoff(opts.retryBaseMs, attempt);
      if (wait > opts.maxRetryAfterMs) {
        throw new AdvisorySourceError(source, `rate limited by ${host} (429); it asks to wait ${Math.ceil(wait / 1000)} s, more than the ${Math.ceil(opts.maxRetryAfterMs / 1000)} s allowed`);
      }
      if (last) throw new AdvisorySourceError(source, `rate limited by ${host} (429); gave up after ${attempt + 1} attempt(s)`);
      await pause(wait, source, signal);
      continue;
    }
    if (status >= 500) {
      if (last) throw new AdvisorySourceError(source, `${host} answered ${status} ${response.statusText}`.trim() + `; gave up after ${attempt + 1} attempt(s)`);
      await pause(backoff(opts.retryBaseMs, attempt), source, signal);
      continue;
    }
    return parseBody(status, text);
  }
}

function parseBody(status: number, text: string): JsonResponse {
  if (text.trim() === '') return { status, body: undefined, invalidJson: false };
  try {
    return { status, body: JSON.parse(text) as unknown, invalidJson: false };
  } catch {
    return { status, body: undefined, invalidJson: true };
  }
}

function backoff(base: number, attempt: number): number {
  return base * 2 ** attempt;
}

async function pause(ms: number, source: string, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return;
  await new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AdvisorySourceError(source, 'lookup cancelled'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return cause.code;
  return error instanceof Error ? error.message : String(error);
}
