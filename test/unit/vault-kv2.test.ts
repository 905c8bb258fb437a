// VaultKv2Client (node-vault) and the move-secret flow against the Vault-API-compatible test server
// on 127.0.0.1: happy path, idempotency, conflict, every fault switch, and no secret/token leaks.

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import * as http from 'node:http';
import { startVaultTestServer, type VaultTestServer } from '../helpers/vault-test-server';
import { VaultKv2Client } from '../../server/src/vault/vault-kv2-client';
import { moveSecretToVault, type MoveSecretResult } from '../../server/src/vault/move-secret';

// Made-up values the tests look for in every output; not credentials.
const TOKEN = 'hvs.TESTTOKEN-3f9c2a7d1e'; // moat-ignore: moat.secrets.generic-api-key test fixture
const SECRET = 'sk-live-SECRETVALUE-8d41b0c5a2e7'; // moat-ignore: moat.secrets.generic-api-key test fixture
const OTHER = 'sk-live-OTHERVALUE-77aa01';

let server: VaultTestServer;
let pathCounter = 0;
/** Everything the code under test returned, serialized at the end for the leak check. */
const seen: unknown[] = [];
const logs: string[] = [];

function nextPath(): string {
  pathCounter += 1;
  return `moat/app-${pathCounter}`;
}

function client(opts: { token?: string; timeoutMs?: number; namespace?: string } = {}): VaultKv2Client {
  return new VaultKv2Client({ endpoint: server.url, token: opts.token ?? TOKEN, timeoutMs: opts.timeoutMs ?? 2000, namespace: opts.namespace });
}

interface Tracked {
  calls: number;
  apply: () => Promise<boolean>;
}

function tracked(result = true): Tracked {
  const t: Tracked = {
    calls: 0,
    apply: async () => {
      t.calls += 1;
      return result;
    },
  };
  return t;
}

async function move(c: VaultKv2Client, path: string, t: Tracked, value = SECRET): Promise<MoveSecretResult> {
  const r = await moveSecretToVault({ client: c, mount: 'secret', path, key: 'OPENAI_API_KEY', value, apply: t.apply });
  seen.push(r);
  logs.push(r.message);
  return r;
}

function assertFailed(r: MoveSecretResult, stage: string, kind: string, pattern: RegExp): void {
  assert.equal(r.ok, false, `expected failure, got ${JSON.stringify(r)}`);
  if (r.ok) return;
  assert.equal(r.stage, stage);
  assert.equal(r.kind, kind, r.message);
  assert.match(r.message, pattern);
  assert.match(r.message, /not changed|still in the file/);
}

before(async () => {
  server = await startVaultTestServer({ token: TOKEN });
});

after(async () => {
  await server.stop();
});

beforeEach(async () => {
  await server.faults.clear();
});

// ---- the test server itself follows Vault's JSON ----

function raw(method: string, path: string, headers: Record<string, string> = {}, body?: unknown): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(`${server.url}${path}`, { method, headers: { ...headers, ...(text ? { 'Content-Type': 'application/json' } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const s = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, json: s ? JSON.parse(s) : undefined });
      });
    });
    req.on('error', reject);
    if (text) req.write(text);
    req.end();
  });
}

test('test server: KV v2 write/read/metadata envelopes, CAS, auth, health', async () => {
  const h = { 'X-Vault-Token': TOKEN };
  const w = await raw('POST', '/v1/secret/data/raw/one', h, { options: { cas: 0 }, data: { a: '1' } });
  assert.equal(w.status, 200);
  for (const k of ['request_id', 'lease_id', 'renewable', 'lease_duration', 'data', 'wrap_info', 'warnings', 'auth']) assert.ok(k in w.json, k);
  assert.deepEqual(Object.keys(w.json.data).sort(), ['created_time', 'custom_metadata', 'deletion_time', 'destroyed', 'version']);
  assert.equal(w.json.data.version, 1);

  const again = await raw('PUT', '/v1/secret/data/raw/one', h, { options: { cas: 0 }, data: { a: '2' } });
  assert.equal(again.status, 400);
  assert.deepEqual(again.json, { errors: ['check-and-set parameter did not match the current version'] });

  const r = await raw('GET', '/v1/secret/data/raw/one', h);
  assert.equal(r.status, 200);
  assert.deepEqual(r.json.data.data, { a: '1' });
  assert.equal(r.json.data.metadata.version, 1);
  assert.equal(r.json.lease_id, '');

  const m = await raw('GET', '/v1/secret/metadata/raw/one', h);
  assert.equal(m.json.data.current_version, 1);
  assert.ok(m.json.data.versions['1']);

  assert.equal((await raw('GET', '/v1/secret/data/raw/missing', h)).status, 404);
  const denied = await raw('GET', '/v1/secret/data/raw/one', { 'X-Vault-Token': 'nope' });
  assert.equal(denied.status, 403);
  assert.deepEqual(denied.json, { errors: ['permission denied'] });

  const health = await raw('GET', '/v1/sys/health');
  assert.equal(health.status, 200);
  assert.equal(health.json.sealed, false);
  await server.faults.set('sealed');
  assert.equal((await raw('GET', '/v1/sys/health')).status, 503);
  assert.deepEqual((await raw('GET', '/v1/secret/data/raw/one', h)).json, { errors: ['Vault is sealed'] });
});

// ---- move flow ----

test('happy path: written with CAS, verified, then applied', async () => {
  const path = nextPath();
  const t = tracked();
  const r = await move(client(), path, t);
  assert.equal(r.ok, true, r.message);
  if (!r.ok) return;
  assert.equal(r.vault, 'written');
  assert.equal(r.version, 1);
  assert.equal(t.calls, 1);
  const stored = server.store.get(`secret/${path}`);
  assert.ok(stored);
  assert.deepEqual(stored.versions.at(-1)?.data, { OPENAI_API_KEY: SECRET });
  const write = server.requests.find((q) => q.method === 'POST' && q.path === `/v1/secret/data/${path}`);
  assert.ok(write, 'a POST to the data endpoint was made');

  const read = await client().read('secret', path);
  seen.push(read);
  assert.ok(read.ok && read.secret);
  assert.equal(read.secret.data.OPENAI_API_KEY, SECRET);
});

test('other keys at the same path are kept (merged write with cas = current version)', async () => {
  const path = nextPath();
  server.seed(path, { EXISTING: 'keep-me' });
  const t = tracked();
  const r = await move(client(), path, t);
  assert.equal(r.ok, true, r.message);
  assert.equal(t.calls, 1);
  const stored = server.store.get(`secret/${path}`)!;
  assert.equal(stored.versions.length, 2);
  assert.deepEqual(stored.versions[1].data, { EXISTING: 'keep-me', OPENAI_API_KEY: SECRET });
});

test('existing same value: idempotent, no new version, apply called', async () => {
  const path = nextPath();
  server.seed(path, { OPENAI_API_KEY: SECRET });
  const t = tracked();
  const r = await move(client(), path, t);
  assert.equal(r.ok, true, r.message);
  if (!r.ok) return;
  assert.equal(r.vault, 'unchanged');
  assert.equal(server.store.get(`secret/${path}`)!.versions.length, 1);
  assert.equal(t.calls, 1);
});

test('existing different value: conflict, nothing overwritten, apply not called', async () => {
  const path = nextPath();
  server.seed(path, { OPENAI_API_KEY: OTHER });
  const t = tracked();
  const r = await move(client(), path, t);
  assertFailed(r, 'write', 'conflict', /different value.*refusing to overwrite/);
  assert.equal(t.calls, 0);
  const stored = server.store.get(`secret/${path}`)!;
  assert.equal(stored.versions.length, 1);
  assert.deepEqual(stored.versions[0].data, { OPENAI_API_KEY: OTHER });
  assert.ok(!r.message.includes(OTHER), 'the other value is not leaked either');
});

test('down: connection refused → unreachable, apply not called', async () => {
  await server.faults.set('down');
  const t = tracked();
  const r = await move(client(), nextPath(), t);
  assertFailed(r, 'write', 'unreachable', /cannot reach Vault.*ECONNREFUSED/);
  assert.equal(t.calls, 0);
});

test('status500 → server error, apply not called', async () => {
  await server.faults.set('status500');
  const t = tracked();
  const r = await move(client(), nextPath(), t);
  assertFailed(r, 'write', 'server', /HTTP 500/);
  assert.equal(t.calls, 0);
});

test('slow → timeout, apply not called', async () => {
  await server.faults.set('slow', 1500);
  const t = tracked();
  const started = Date.now();
  const r = await move(client({ timeoutMs: 200 }), nextPath(), t);
  assertFailed(r, 'write', 'timeout', /within 200 ms/);
  assert.ok(Date.now() - started < 1400, 'the client gave up before the server answered');
  assert.equal(t.calls, 0);
});

test('sealed → sealed, apply not called', async () => {
  await server.faults.set('sealed');
  const t = tracked();
  const r = await move(client(), nextPath(), t);
  assertFailed(r, 'write', 'sealed', /sealed/);
  assert.equal(t.calls, 0);
  const h = await client().health();
  seen.push(h);
  assert.equal(h.ok, false);
  assert.equal(!h.ok && h.kind, 'sealed');
});

test('forbidden → denied, apply not called', async () => {
  await server.faults.set('forbidden');
  const t = tracked();
  const r = await move(client(), nextPath(), t);
  assertFailed(r, 'write', 'denied', /permission denied \(HTTP 403\)/);
  assert.equal(t.calls, 0);
});

test('bad token → denied, apply not called', async () => {
  const t = tracked();
  const r = await move(client({ token: 'hvs.WRONG-TOKEN-value' }), nextPath(), t);
  assertFailed(r, 'write', 'denied', /permission denied/);
  assert.equal(t.calls, 0);
  assert.ok(!r.message.includes('hvs.WRONG-TOKEN-value'));
});

test('wrong read-back → mismatch at verify, apply not called', async () => {
  await server.faults.set('wrongReadBack');
  const path = nextPath();
  const t = tracked();
  const r = await move(client(), path, t);
  assertFailed(r, 'verify', 'mismatch', /different value than was written/);
  assert.equal(t.calls, 0);
});

test('concurrent write between read and write → CAS conflict, apply not called', async () => {
  const path = nextPath();
  const c = client();
  // Race: someone writes right after our metadata read. Simulate by seeding once the metadata GET arrives.
  const before = server.requests.length;
  const p = move(c, path, tracked());
  // Seed synchronously after the first request for this path is recorded.
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      if (server.requests.slice(before).some((q) => q.path === `/v1/secret/metadata/${path}`)) {
        server.seed(path, { SOMEONE: 'else' });
        resolve();
      } else setImmediate(tick);
    };
    tick();
  });
  const r = await p;
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.kind, 'conflict', r.message);
  assert.deepEqual(server.store.get(`secret/${path}`)!.versions.at(-1)?.data, { SOMEONE: 'else' });
});

test('apply returning false or throwing → reported, secret still safe in Vault', async () => {
  const r1 = await move(client(), nextPath(), tracked(false));
  assert.equal(r1.ok, false);
  if (!r1.ok) {
    assert.equal(r1.stage, 'apply');
    assert.equal(r1.storedInVault, true);
  }
  const r2 = await moveSecretToVault({
    client: client(),
    mount: 'secret',
    path: nextPath(),
    key: 'K',
    value: SECRET,
    apply: async () => {
      throw new Error(`could not write file containing ${SECRET}`);
    },
  });
  seen.push(r2);
  assert.equal(r2.ok, false);
  assert.ok(!r2.message.includes(SECRET));
});

test('namespace header is sent and secrets are stored per namespace', async () => {
  const path = nextPath();
  const r = await move(client({ namespace: 'team-a' }), path, tracked());
  assert.equal(r.ok, true, r.message);
  assert.ok(server.store.has(`team-a/secret/${path}`));
  assert.ok(!server.store.has(`secret/${path}`));
  assert.ok(server.requests.some((q) => q.namespace === 'team-a' && q.path === `/v1/secret/data/${path}`));
});

test('direct client results for every fault carry no secret or token', async () => {
  const c = client({ timeoutMs: 200 });
  const path = nextPath();
  const faults: Array<() => Promise<void>> = [
    () => server.faults.set('down'),
    () => server.faults.set('status500'),
    () => server.faults.set('slow', 800),
    () => server.faults.set('sealed'),
    () => server.faults.set('forbidden'),
    () => server.faults.set('wrongReadBack'),
  ];
  for (const f of faults) {
    await server.faults.clear();
    await f();
    seen.push(await c.writeIfAbsentOrSame('secret', path, 'K', SECRET));
    seen.push(await c.verify('secret', path, 'K', SECRET));
    seen.push(await c.read('secret', path));
    seen.push(await c.health());
  }
  await server.faults.clear();
});

test('no result, error or log contains the secret or the token', () => {
  assert.ok(seen.length >= 20, `collected ${seen.length} results`);
  // Reads legitimately return the secret's data; strip `secret.data` from successful reads only.
  const scrubbed = seen.map((r) => (r && typeof r === 'object' && 'secret' in r ? { ...r, secret: (r as { secret: unknown }).secret ? '[read data]' : null } : r));
  const text = JSON.stringify(scrubbed) + '\n' + logs.join('\n');
  assert.ok(!text.includes(SECRET), 'secret leaked');
  assert.ok(!text.includes(TOKEN), 'token leaked');
  assert.ok(!text.includes(OTHER), 'other stored value leaked');
  // Every failure has a non-empty message and a kind.
  for (const r of seen) {
    if (r && typeof r === 'object' && (r as { ok?: unknown }).ok === false) {
      assert.ok((r as { message: string }).message.length > 10);
      assert.ok((r as { kind: string }).kind);
    }
  }
});
