// A small Vault-API-compatible HTTP server for tests (no real Vault can be installed here).
//
// It follows HashiCorp Vault's documented JSON for the parts Moat uses:
//   - KV v2 at one mount (default `secret`):
//       GET        /v1/{mount}/data/{path}      read the latest version
//       POST/PUT   /v1/{mount}/data/{path}      write, honouring `options.cas`
//       GET        /v1/{mount}/metadata/{path}  read metadata (current_version, versions, ...)
//   - GET /v1/sys/health (no token needed; 200 when unsealed, 503 when sealed)
//   - `X-Vault-Token` auth: 403 {"errors":["permission denied"]} on a missing/bad token
//   - `X-Vault-Namespace` is accepted; secrets are stored per namespace
// Every 200 response uses Vault's envelope: request_id, lease_id, renewable, lease_duration, data,
// wrap_info, warnings, auth.
//
// Fault switches (`server.faults.set(name, on)`) inject failures: `down` (listener closed, so
// connections are refused), `status500`, `slow` (delay every response by N ms), `sealed`,
// `wrongReadBack` (KV reads return different values than were written), `forbidden`.
//
// Run against a real Vault instead with `vault server -dev` (see README).

import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomUUID } from 'node:crypto';

export interface StoredVersion {
  data: Record<string, unknown>;
  created_time: string;
  deletion_time: string;
  destroyed: boolean;
}

export interface StoredSecret {
  versions: StoredVersion[]; // index i holds version i + 1
  created_time: string;
  updated_time: string;
}

export type BooleanFault = 'down' | 'status500' | 'sealed' | 'wrongReadBack' | 'forbidden';

export interface FaultState {
  down: boolean;
  status500: boolean;
  sealed: boolean;
  wrongReadBack: boolean;
  forbidden: boolean;
  /** Delay in ms before each response; 0 = off. */
  slow: number;
}

export interface Faults {
  /** Turn a fault on/off. `slow` takes a delay in ms (0 turns it off). Resolves when in effect. */
  set(fault: BooleanFault, on?: boolean): Promise<void>;
  set(fault: 'slow', ms: number): Promise<void>;
  /** Turn every fault off (reopens the listener if it was `down`). */
  clear(): Promise<void>;
  readonly state: Readonly<FaultState>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  namespace: string | undefined;
  /** Whether the X-Vault-Token header matched (the token itself is never recorded). */
  tokenOk: boolean;
}

export interface VaultTestServer {
  /** e.g. http://127.0.0.1:54321 (no trailing slash). */
  readonly url: string;
  readonly port: number;
  readonly mount: string;
  /** Secrets keyed by `${namespace}/${mount}/${path}` (namespace part omitted when none). */
  readonly store: Map<string, StoredSecret>;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  readonly faults: Faults;
  /** Write a secret directly (as if another client had written it). Returns the new version. */
  seed(path: string, data: Record<string, unknown>, namespace?: string): number;
  stop(): Promise<void>;
}

export interface VaultTestServerOptions {
  token: string;
  mount?: string;
  /** Enables `POST /v1/auth/approle/login`, which answers with `token` for these credentials. */
  appRole?: { roleId: string; secretId: string };
}

function envelope(data: unknown): Record<string, unknown> {
  return {
    request_id: randomUUID(),
    lease_id: '',
    renewable: false,
    lease_duration: 0,
    data,
    wrap_info: null,
    warnings: null,
    auth: null,
  };
}

function storeKey(namespace: string | undefined, mount: string, path: string): string {
  const ns = (namespace ?? '').replace(/^\/+|\/+$/g, '');
  return ns ? `${ns}/${mount}/${path}` : `${mount}/${path}`;
}

function tamper(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) out[k] = typeof v === 'string' ? `${v}-tampered` : 'tampered';
  return out;
}

export async function startVaultTestServer(options: VaultTestServerOptions): Promise<VaultTestServer> {
  const mount = (options.mount ?? 'secret').replace(/^\/+|\/+$/g, '');
  const token = options.token;
  const store = new Map<string, StoredSecret>();
  const requests: RecordedRequest[] = [];
  const state: FaultState = { down: false, status500: false, sealed: false, wrongReadBack: false, forbidden: false, slow: 0 };
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  function writeVersion(key: string, data: Record<string, unknown>): { secret: StoredSecret; version: number } {
    const now = new Date().toISOString();
    let secret = store.get(key);
    if (!secret) {
      secret = { versions: [], created_time: now, updated_time: now };
      store.set(key, secret);
    }
    secret.versions.push({ data: { ...data }, created_time: now, deletion_time: '', destroyed: false });
    secret.updated_time = now;
    return { secret, version: secret.versions.length };
  }

  function send(res: http.ServerResponse, status: number, body: unknown): void {
    if (res.headersSent || res.destroyed) return;
    // No keep-alive: a client must never reuse a pooled socket after `down`, so that fault is a
    // clean ECONNREFUSED rather than a race-dependent ECONNRESET.
    res.shouldKeepAlive = false;
    if (body === undefined) {
      res.writeHead(status);
      res.end();
      return;
    }
    const text = JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  }

  function errors(res: http.ServerResponse, status: number, ...messages: string[]): void {
    send(res, status, { errors: messages });
  }

  function health(res: http.ServerResponse): void {
    const body = {
      initialized: true,
      sealed: state.sealed,
      standby: false,
      performance_standby: false,
      replication_performance_mode: 'disabled',
      replication_dr_mode: 'disabled',
      server_time_utc: Math.floor(Date.now() / 1000),
      version: '1.15.0-moat-test',
      cluster_name: 'moat-test-cluster',
      cluster_id: '00000000-0000-0000-0000-000000000000',
    };
    send(res, state.sealed ? 503 : state.status500 ? 500 : 200, body);
  }

  /** AppRole login as Vault documents it: the token in `auth.client_token`, `data` null. */
  function appRoleLogin(res: http.ServerResponse, rawBody: string): void {
    let body: { role_id?: unknown; secret_id?: unknown } = {};
    try {
      body = JSON.parse(rawBody || '{}');
    } catch {
      return errors(res, 400, 'failed to parse JSON input');
    }
    const role = options.appRole;
    if (!role || body.role_id !== role.roleId || body.secret_id !== role.secretId) return errors(res, 400, 'invalid role or secret ID');
    send(res, 200, {
      ...envelope(null),
      auth: {
        client_token: token,
        accessor: randomUUID(),
        policies: ['default', 'moat'],
        token_policies: ['default', 'moat'],
        metadata: { role_name: 'moat' },
        lease_duration: 3600,
        renewable: true,
        entity_id: randomUUID(),
        token_type: 'service',
        orphan: true,
      },
    });
  }

  function handle(req: http.IncomingMessage, res: http.ServerResponse, rawBody: string): void {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const pathname = decodeURIComponent(url.pathname);
    const nsHeader = req.headers['x-vault-namespace'];
    const namespace = typeof nsHeader === 'string' && nsHeader.length > 0 ? nsHeader : undefined;
    const tokenHeader = req.headers['x-vault-token'];
    const tokenOk = typeof tokenHeader === 'string' && tokenHeader === token;
    requests.push({ method, path: pathname, namespace, tokenOk });

    if (method === 'GET' && pathname === '/v1/sys/health') return health(res);
    if (state.sealed) return errors(res, 503, 'Vault is sealed');
    if (state.status500) return errors(res, 500, 'internal error');
    if (method === 'POST' && pathname === '/v1/auth/approle/login') return appRoleLogin(res, rawBody);
    if (!tokenOk || state.forbidden) return errors(res, 403, 'permission denied');

    const prefix = `/v1/${mount}/`;
    if (!pathname.startsWith(prefix)) {
      return errors(res, 404, `no handler for route "${pathname.replace(/^\/v1\//, '')}". route entry not found.`);
    }
    const rest = pathname.slice(prefix.length);
    const m = /^(data|metadata)\/(.+)$/.exec(rest);
    if (!m) return errors(res, 405);
    const kind = m[1];
    const secretPath = m[2].replace(/\/+$/, '');
    const key = storeKey(namespace, mount, secretPath);
    const secret = store.get(key);

    if (kind === 'data' && method === 'GET') {
      if (!secret || secret.versions.length === 0) return errors(res, 404);
      const wanted = url.searchParams.get('version');
      const n = wanted && Number(wanted) > 0 ? Number(wanted) : secret.versions.length;
      const v = secret.versions[n - 1];
      if (!v) return errors(res, 404);
      const metadata = { created_time: v.created_time, custom_metadata: null, deletion_time: v.deletion_time, destroyed: v.destroyed, version: n };
      if (v.deletion_time || v.destroyed) return send(res, 404, envelope({ data: null, metadata }));
      return send(res, 200, envelope({ data: state.wrongReadBack ? tamper(v.data) : { ...v.data }, metadata }));
    }

    if (kind === 'data' && (method === 'POST' || method === 'PUT')) {
      let body: unknown;
      try {
        body = rawBody.length > 0 ? JSON.parse(rawBody) : {};
      } catch {
        return errors(res, 400, 'failed to parse JSON input');
      }
      if (typeof body !== 'object' || body === null) return errors(res, 400, 'failed to parse JSON input');
      const b = body as { data?: unknown; options?: { cas?: unknown } };
      if (typeof b.data !== 'object' || b.data === null || Array.isArray(b.data)) {
        return errors(res, 400, 'no data provided');
      }
      const current = secret ? secret.versions.length : 0;
      const cas = b.options?.cas;
      if (cas !== undefined && cas !== null) {
        if (typeof cas !== 'number' || cas !== current) {
          return errors(res, 400, 'check-and-set parameter did not match the current version');
        }
      }
      const { version } = writeVersion(key, b.data as Record<string, unknown>);
      const v = store.get(key)!.versions[version - 1];
      return send(res, 200, envelope({ created_time: v.created_time, custom_metadata: null, deletion_time: '', destroyed: false, version }));
    }

    if (kind === 'metadata' && method === 'GET') {
      if (!secret || secret.versions.length === 0) return errors(res, 404);
      const versions: Record<string, { created_time: string; deletion_time: string; destroyed: boolean }> = {};
      secret.versions.forEach((v, i) => {
        versions[String(i + 1)] = { created_time: v.created_time, deletion_time: v.deletion_time, destroyed: v.destroyed };
      });
      return send(res, 200, envelope({
        cas_required: false,
        created_time: secret.created_time,
        current_version: secret.versions.length,
        custom_metadata: null,
        delete_version_after: '0s',
        max_versions: 0,
        oldest_version: 1,
        updated_time: secret.updated_time,
        versions,
      }));
    }

    return errors(res, 405);
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const run = (): void => {
        try {
          handle(req, res, rawBody);
        } catch {
          errors(res, 500, 'internal error');
        }
      };
      if (state.slow > 0) {
        const t = setTimeout(() => {
          timers.delete(t);
          run();
        }, state.slow);
        timers.add(t);
      } else {
        run();
      }
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  function destroySockets(): void {
    for (const s of sockets) s.destroy();
    sockets.clear();
  }

  function listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error): void => reject(err);
      server.once('error', onError);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', onError);
        resolve();
      });
    });
  }

  function close(): Promise<void> {
    return new Promise((resolve) => {
      if (!server.listening) {
        destroySockets();
        resolve();
        return;
      }
      server.close(() => resolve());
      destroySockets();
    });
  }

  await listen(0);
  const port = (server.address() as AddressInfo).port;

  async function setDown(on: boolean): Promise<void> {
    if (on === state.down) return;
    state.down = on;
    if (stopped) return;
    if (on) await close();
    else await listen(port);
  }

  const faults: Faults = {
    async set(fault: BooleanFault | 'slow', value?: boolean | number): Promise<void> {
      if (fault === 'slow') {
        state.slow = typeof value === 'number' && value > 0 ? value : 0;
        return;
      }
      const on = value === undefined ? true : Boolean(value);
      if (fault === 'down') return setDown(on);
      state[fault] = on;
    },
    async clear(): Promise<void> {
      state.status500 = false;
      state.sealed = false;
      state.wrongReadBack = false;
      state.forbidden = false;
      state.slow = 0;
      await setDown(false);
    },
    get state(): Readonly<FaultState> {
      return { ...state };
    },
  };

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    mount,
    store,
    requests,
    faults,
    seed(path: string, data: Record<string, unknown>, namespace?: string): number {
      return writeVersion(storeKey(namespace, mount, path), data).version;
    },
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await close();
    },
  };
}
