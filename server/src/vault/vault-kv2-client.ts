// A small KV v2 client over node-vault. Every call returns a value, never throws, and every error
// message is built from the HTTP status / error code and Vault's error text with the secret value
// and the token redacted: node-vault's raw errors carry the axios request config (headers with
// X-Vault-Token, the JSON body with the secret) and are never passed on.

import vault from 'node-vault';

export type VaultErrorKind = 'unreachable' | 'timeout' | 'sealed' | 'denied' | 'conflict' | 'mismatch' | 'server';

export interface VaultFailure {
  ok: false;
  kind: VaultErrorKind;
  message: string;
}

export type VaultResult<T> = ({ ok: true } & T) | VaultFailure;

export interface VaultKv2ClientOptions {
  /** e.g. https://vault.example.com:8200 */
  endpoint: string;
  token: string;
  /** Vault Enterprise / HCP namespace, sent as X-Vault-Namespace. */
  namespace?: string;
  /** Per-request timeout in ms (default 10000). */
  timeoutMs?: number;
}

export interface Kv2Secret {
  data: Record<string, unknown>;
  version: number;
}

export type WriteStatus = 'written' | 'unchanged';

/** The subset the move flow needs; lets callers substitute a fake. */
export interface Kv2Writer {
  writeIfAbsentOrSame(mount: string, path: string, key: string, value: string): Promise<VaultResult<{ status: WriteStatus; version: number }>>;
  verify(mount: string, path: string, key: string, value: string): Promise<VaultResult<{ version: number }>>;
}

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  response?: { statusCode?: unknown; body?: unknown };
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ERR_SOCKET_CONNECTION_TIMEOUT']);
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

function cleanPart(s: string): string {
  return s.replace(/^\/+|\/+$/g, '');
}

export class VaultKv2Client implements Kv2Writer {
  private readonly vault: vault.client;
  private readonly endpoint: string;
  private readonly timeoutMs: number;
  /** Strings that must never appear in a message: the token plus any value passed to a call. */
  private readonly secrets: string[];

  constructor(options: VaultKv2ClientOptions) {
    this.endpoint = options.endpoint.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.secrets = [options.token];
    this.vault = vault({
      apiVersion: 'v1',
      endpoint: this.endpoint,
      token: options.token,
      namespace: options.namespace,
      requestOptions: { timeout: this.timeoutMs },
      // node-vault's default debug logger prints request bodies (the secret) under DEBUG=node-vault.
      debug: () => undefined,
    });
  }

  /**
   * Logs in with AppRole (`auth/approle/login`) and returns a client holding the issued token.
   * Neither the secret ID nor the token appears in a failure message.
   */
  static async withAppRole(
    options: Omit<VaultKv2ClientOptions, 'token'> & { roleId: string; secretId: string },
  ): Promise<VaultResult<{ client: VaultKv2Client }>> {
    const anonymous = new VaultKv2Client({ ...options, token: '' });
    const login = await anonymous.call(() => anonymous.vault.approleLogin({ role_id: options.roleId, secret_id: options.secretId }), [options.secretId], 'AppRole login');
    if (!login.ok) return login.failure;
    const token = (login.body as { auth?: { client_token?: unknown } } | undefined)?.auth?.client_token;
    if (typeof token !== 'string' || token === '') return anonymous.fail('server', 'AppRole login failed: Vault returned no client token', [options.secretId]);
    return { ok: true, client: new VaultKv2Client({ ...options, token }) };
  }

  /** Read the latest version. `secret: null` when the path does not exist (or its latest version is deleted). */
  async read(mount: string, path: string): Promise<VaultResult<{ secret: Kv2Secret | null }>> {
    return this.readWith(mount, path, []);
  }

  /**
   * Store `key = value` at mount/path without ever silently overwriting anything:
   * - key already holds `value` → `unchanged` (idempotent);
   * - key holds something else → `conflict`, nothing written;
   * - key absent → write the existing keys plus this one, with check-and-set on the current version
   *   (0 when the path does not exist), so a concurrent write makes this fail with `conflict`.
   */
  async writeIfAbsentOrSame(mount: string, path: string, key: string, value: string): Promise<VaultResult<{ status: WriteStatus; version: number }>> {
    const extra = [value];
    const where = this.where(mount, path, key);
    const meta = await this.call(() => this.vault.read(`${cleanPart(mount)}/metadata/${cleanPart(path)}`), extra, `read metadata of ${where}`);
    let currentVersion = 0;
    if (meta.ok) {
      const v = (meta.body as { data?: { current_version?: unknown } } | undefined)?.data?.current_version;
      currentVersion = typeof v === 'number' && v >= 0 ? v : 0;
    } else if (meta.status !== 404) {
      return meta.failure;
    }

    let existing: Record<string, unknown> = {};
    if (currentVersion > 0) {
      const current = await this.readWith(mount, path, extra);
      if (!current.ok) return current;
      if (current.secret) {
        if (current.secret.version !== currentVersion) {
          return this.fail('conflict', `${where} changed while it was being read (version ${currentVersion} → ${current.secret.version}); nothing was written`, extra);
        }
        existing = current.secret.data;
      }
    }

    if (Object.prototype.hasOwnProperty.call(existing, key)) {
      if (existing[key] === value) return { ok: true, status: 'unchanged', version: currentVersion };
      return this.fail('conflict', `${where} already holds a different value (version ${currentVersion}); refusing to overwrite it`, extra);
    }

    const written = await this.call(
      () => this.vault.write(`${cleanPart(mount)}/data/${cleanPart(path)}`, { options: { cas: currentVersion }, data: { ...existing, [key]: value } }),
      extra,
      `write ${where}`,
    );
    if (!written.ok) {
      if (written.status === 400 && /check-and-set/i.test(written.vaultMessage)) {
        return this.fail('conflict', `${where} was changed by someone else since version ${currentVersion} (check-and-set refused); nothing was overwritten`, extra);
      }
      return written.failure;
    }
    const version = (written.body as { data?: { version?: unknown } } | undefined)?.data?.version;
    return { ok: true, status: 'written', version: typeof version === 'number' ? version : currentVersion + 1 };
  }

  /** Read back mount/path and check that `key` holds exactly `value`. */
  async verify(mount: string, path: string, key: string, value: string): Promise<VaultResult<{ version: number }>> {
    const extra = [value];
    const where = this.where(mount, path, key);
    const r = await this.readWith(mount, path, extra);
    if (!r.ok) return r;
    if (!r.secret) return this.fail('mismatch', `read-back of ${where} found no secret`, extra);
    if (!Object.prototype.hasOwnProperty.call(r.secret.data, key)) {
      return this.fail('mismatch', `read-back of ${where} (version ${r.secret.version}) does not contain the key`, extra);
    }
    if (r.secret.data[key] !== value) {
      return this.fail('mismatch', `read-back of ${where} (version ${r.secret.version}) returned a different value than was written`, extra);
    }
    return { ok: true, version: r.secret.version };
  }

  /** GET /v1/sys/health. */
  async health(): Promise<VaultResult<{ initialized: boolean; sealed: boolean; version: string }>> {
    // node-vault resolves sys/health for any status code, so 5xx bodies arrive here too.
    const r = await this.call(() => this.vault.health(), [], 'health check');
    if (!r.ok) return r.failure;
    const b = (r.body ?? {}) as { initialized?: unknown; sealed?: unknown; version?: unknown };
    if (typeof b.sealed !== 'boolean') return this.fail('server', `health check at ${this.endpoint} returned an unexpected body`, []);
    if (b.sealed) return this.fail('sealed', `Vault at ${this.endpoint} is sealed`, []);
    return { ok: true, initialized: b.initialized === true, sealed: false, version: typeof b.version === 'string' ? b.version : '' };
  }

  private async readWith(mount: string, path: string, extra: string[]): Promise<VaultResult<{ secret: Kv2Secret | null }>> {
    const r = await this.call(() => this.vault.read(`${cleanPart(mount)}/data/${cleanPart(path)}`), extra, `read ${this.where(mount, path)}`);
    if (!r.ok) {
      if (r.status === 404) return { ok: true, secret: null };
      return r.failure;
    }
    const d = (r.body as { data?: { data?: unknown; metadata?: { version?: unknown } } } | undefined)?.data;
    if (!d || typeof d.data !== 'object' || d.data === null) {
      return this.fail('server', `read ${this.where(mount, path)} returned a body that is not a KV v2 secret (is the mount KV version 2?)`, extra);
    }
    const version = typeof d.metadata?.version === 'number' ? d.metadata.version : 0;
    return { ok: true, secret: { data: d.data as Record<string, unknown>, version } };
  }

  private where(mount: string, path: string, key?: string): string {
    return `${cleanPart(mount)}/${cleanPart(path)}${key === undefined ? '' : `#${key}`}`;
  }

  private redact(text: string, extra: string[]): string {
    let out = text;
    for (const s of [...this.secrets, ...extra]) {
      if (s.length > 0) out = out.split(s).join('[REDACTED]');
    }
    return out;
  }

  private fail(kind: VaultErrorKind, message: string, extra: string[]): VaultFailure {
    return { ok: false, kind, message: this.redact(message, extra) };
  }

  /** Runs one node-vault call and classifies a failure without keeping the raw error. */
  private async call(
    fn: () => Promise<unknown>,
    extra: string[],
    what: string,
  ): Promise<{ ok: true; body: unknown } | { ok: false; status: number | undefined; vaultMessage: string; failure: VaultFailure }> {
    try {
      return { ok: true, body: await fn() };
    } catch (raw) {
      const e = (typeof raw === 'object' && raw !== null ? raw : {}) as ErrorLike;
      const status = typeof e.response?.statusCode === 'number' ? e.response.statusCode : undefined;
      const body = e.response?.body as { errors?: unknown } | undefined;
      const vaultMessage = Array.isArray(body?.errors) ? body.errors.filter((x): x is string => typeof x === 'string').join('; ') : '';
      const code = typeof e.code === 'string' ? e.code : '';
      const rawMessage = typeof e.message === 'string' ? e.message : '';
      let kind: VaultErrorKind;
      let message: string;
      if (status !== undefined) {
        const detail = vaultMessage ? `: ${vaultMessage}` : '';
        if (status === 503 && /sealed/i.test(vaultMessage)) {
          kind = 'sealed';
          message = `${what} failed: Vault at ${this.endpoint} is sealed (HTTP 503)`;
        } else if (status === 401 || status === 403) {
          kind = 'denied';
          message = `${what} failed: permission denied (HTTP ${status}) — check the token and its policy`;
        } else {
          kind = 'server';
          message = `${what} failed: Vault answered HTTP ${status}${detail}`;
        }
      } else if (TIMEOUT_CODES.has(code) || /timeout/i.test(rawMessage)) {
        kind = 'timeout';
        message = `${what} failed: no answer from Vault at ${this.endpoint} within ${this.timeoutMs} ms`;
      } else if (UNREACHABLE_CODES.has(code)) {
        kind = 'unreachable';
        message = `${what} failed: cannot reach Vault at ${this.endpoint} (${code})`;
      } else {
        kind = 'unreachable';
        message = `${what} failed: request to Vault at ${this.endpoint} did not complete${code ? ` (${code})` : ''}`;
      }
      return { ok: false, status, vaultMessage: this.redact(vaultMessage, extra), failure: this.fail(kind, message, extra) };
    }
  }
}
