/**
 * `moat vault move FILE:LINE` through the built CLI against the Vault-API-compatible test server
 * on 127.0.0.1: the value lands in Vault and the file gets the lookup; when Vault is sealed or
 * unreachable the file stays byte-identical and the exit code says so; nothing prints the value
 * or the token.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startVaultTestServer, VaultTestServer } from '../helpers/vault-test-server';
import { expandSample } from '../../server/src/secrets/sample-tokens';

const MOAT = path.join(__dirname, '..', '..', '..', 'dist', 'moat.js');
const TOKEN = 'cli-test-token-not-a-credential'; // moat-ignore: moat.secrets.generic-api-key test fixture
const ROLE = { roleId: 'moat-role', secretId: 'approle-secret-id-not-a-credential' };
let vault: VaultTestServer;
let dir: string;

before(async () => {
  vault = await startVaultTestServer({ token: TOKEN, appRole: ROLE });
  dir = mkdtempSync(path.join(os.tmpdir(), 'moat-vault-cli-'));
});
after(async () => {
  await vault.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the CLI without blocking this process (the test server lives in it). */
function moat(args: string[], env: Record<string, string>): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MOAT, ...args], { cwd: dir, env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (status) => resolve({ status, out }));
  });
}

test('moves the secret, then rewrites the file; sealed or down leaves the file byte-identical', async () => {
  const env = { VAULT_ADDR: vault.url, VAULT_TOKEN: TOKEN };
  for (const fault of ['none', 'sealed', 'down'] as const) {
    const key = expandSample('sk-proj-{alnum:58}T3BlbkFJ{alnum:58}', `cli-${fault}`);
    const file = path.join(dir, `settings_${fault}.py`);
    const original = `import os\n\nOPENAI_API_KEY = "${key}"\n`;
    writeFileSync(file, original);
    if (fault !== 'none') vault.faults.set(fault, true);
    const run = await moat(['vault', 'move', `settings_${fault}.py:3`, '--path', `app/${fault}`], env);
    vault.faults.clear();
    assert.ok(!run.out.includes(key) && !run.out.includes(TOKEN), 'no value or token in the output');
    const now = readFileSync(file, 'utf8');
    if (fault === 'none') {
      assert.equal(run.status, 0, run.out);
      assert.ok(!now.includes(key));
      assert.match(now, /read_secret_version\(path="app\/none", mount_point="secret"\)\["data"\]\["data"\]\["openai_api_key"\]/);
      assert.ok(JSON.stringify([...vault.store.values()]).includes(key), 'Vault holds the value');
    } else {
      assert.equal(run.status, 1, run.out);
      assert.equal(now, original, `file untouched when Vault is ${fault}`);
    }
  }
});

test('no secret on that line, or an unsupported spot, is a usage error and writes nothing', async () => {
  writeFileSync(path.join(dir, 'plain.py'), 'x = 1\n');
  const none = await moat(['vault', 'move', 'plain.py:1'], { VAULT_ADDR: vault.url, VAULT_TOKEN: TOKEN });
  assert.equal(none.status, 2);
  assert.match(none.out, /no hardcoded secret found/);
  const before = vault.requests.length;
  const key = expandSample('sk-proj-{alnum:58}T3BlbkFJ{alnum:58}', 'cli-fstring');
  writeFileSync(path.join(dir, 'fstr.py'), `k = f"{'${key}'}"\n`);
  const unsafe = await moat(['vault', 'move', 'fstr.py:1'], { VAULT_ADDR: vault.url, VAULT_TOKEN: TOKEN });
  assert.equal(unsafe.status, 2, unsafe.out);
  assert.equal(vault.requests.length, before, 'Vault was not contacted');
});

test('AppRole: logs in with role ID and secret ID when there is no token; a bad secret ID changes nothing', async () => {
  for (const good of [true, false]) {
    const key = expandSample('sk-proj-{alnum:58}T3BlbkFJ{alnum:58}', `cli-approle-${good}`);
    const file = path.join(dir, `approle_${good}.py`);
    const original = `OPENAI_API_KEY = "${key}"\n`;
    writeFileSync(file, original);
    const secretId = good ? ROLE.secretId : 'wrong-secret-id-value';
    const run = await moat(['vault', 'move', `approle_${good}.py:1`, '--path', `app/approle-${good}`], {
      VAULT_ADDR: vault.url,
      VAULT_TOKEN: '',
      VAULT_ROLE_ID: ROLE.roleId,
      VAULT_SECRET_ID: secretId,
    });
    assert.ok(!run.out.includes(secretId) && !run.out.includes(TOKEN) && !run.out.includes(key), 'no credential or value in the output');
    const now = readFileSync(file, 'utf8');
    if (good) {
      assert.equal(run.status, 0, run.out);
      assert.ok(!now.includes(key));
      assert.ok(vault.requests.some((r) => r.path === '/v1/auth/approle/login'));
    } else {
      assert.equal(run.status, 1, run.out);
      assert.equal(now, original);
    }
  }
});
