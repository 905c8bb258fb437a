// The on-disk advisory cache: TTL hit and miss, corrupt and foreign entries ignored then rewritten,
// atomic writes (no temp files left).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiskCache } from '../../server/src/sca/sources/disk-cache';
import type { Advisory } from '../../server/src/sca/types';

const ADVISORY: Advisory = {
  id: 'GHSA-lc01-test-0001',
  aliases: ['CVE-2024-10001'],
  title: 'Code injection',
  level: 'high',
  affected: '<0.1.35',
  fixed: ['0.1.35'],
  references: ['https://example.com/a'],
  cwes: ['CWE-94'],
  sources: ['osv'],
};
const KEY = 'PyPI|langchain-core|0.1.30';
const HOUR = 3_600_000;

function setup(t: { after(fn: () => void): void }): { dir: string; clock: { now: number }; cache: DiskCache } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'moat-disk-cache-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const clock = { now: 1_700_000_000_000 };
  return { dir, clock, cache: new DiskCache(dir, { now: () => clock.now }) };
}

test('an entry is used within the TTL and not after it', async (t) => {
  const { cache, clock } = setup(t);
  assert.equal(await cache.get('osv', KEY, HOUR), undefined);
  await cache.set('osv', KEY, [ADVISORY]);
  assert.deepEqual(await cache.get('osv', KEY, HOUR), [ADVISORY]);
  assert.equal(await cache.get('snyk', KEY, HOUR), undefined, 'per source');
  assert.equal(await cache.get('osv', 'PyPI|langchain-core|0.1.31', HOUR), undefined, 'per dependency');
  clock.now += HOUR - 1;
  assert.deepEqual(await cache.get('osv', KEY, HOUR), [ADVISORY]);
  clock.now += 1;
  assert.equal(await cache.get('osv', KEY, HOUR), undefined);
});

test('"no advisories" is cached too', async (t) => {
  const { cache } = setup(t);
  await cache.set('osv', KEY, []);
  assert.deepEqual(await cache.get('osv', KEY, HOUR), []);
});

test('a corrupt or foreign entry is a miss and the next write replaces it', async (t) => {
  const { cache } = setup(t);
  await cache.set('osv', KEY, [ADVISORY]);
  const file = cache.fileFor('osv', KEY);
  for (const corrupt of ['{"format":1,"source":"osv"', '[]', JSON.stringify({ format: 1, source: 'osv', key: KEY, storedAt: 0, advisories: [{ id: 1 }] })]) {
    writeFileSync(file, corrupt);
    assert.equal(await cache.get('osv', KEY, Number.MAX_SAFE_INTEGER), undefined, corrupt);
  }
  const foreign = JSON.parse(readFileSync(file, 'utf8') || '{}') as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...foreign, key: 'npm|other|1.0.0', advisories: [] }));
  assert.equal(await cache.get('osv', KEY, Number.MAX_SAFE_INTEGER), undefined);
  await cache.set('osv', KEY, [ADVISORY]);
  assert.deepEqual(await cache.get('osv', KEY, HOUR), [ADVISORY]);
  assert.deepEqual(readdirSync(path.dirname(file)), [path.basename(file)], 'written by rename: no temp files left');
});

test('entries live under <dir>/<source>/ and name neither the key nor anything else in the file name', async (t) => {
  const { cache, dir } = setup(t);
  await cache.set('osv-offline', KEY, []);
  const file = cache.fileFor('osv-offline', KEY);
  assert.equal(path.dirname(file), path.join(dir, 'osv-offline'));
  assert.match(path.basename(file), /^[0-9a-f]{64}\.json$/);
});
