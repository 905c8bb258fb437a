/**
 * Pack tarballs: the deterministic writer (same input, same bytes; sorted; fixed mtime), the
 * reader's round trip, and the reader refusing unsafe archives before anything is written —
 * `../` and absolute paths, links, devices, bad checksums — and the cache never writing outside
 * its folder.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { readTar, readTarGz, safePath, TarError } from '../../server/src/packs/tar-read';
import { FIXED_MTIME, writeTarGz } from '../../server/src/packs/tar-write';
import { sha256Hex, storePack } from '../../server/src/packs/pack-cache';

const enc = (s: string) => new TextEncoder().encode(s);

/** A raw ustar header block for `name` of `type` (tests build malicious archives by hand). */
function rawEntry(name: string, type: string, body = '', linkname = ''): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100);
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(body.length.toString(8).padStart(11, '0') + '\0', 124);
  h.write('00000000000\0', 136);
  h.fill(0x20, 148, 156);
  h.write(type, 156);
  h.write(linkname, 157, 100);
  h.write('ustar\0', 257);
  h.write('00', 263);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
  const data = Buffer.alloc(Math.ceil(body.length / 512) * 512);
  data.write(body);
  return Buffer.concat([h, data]);
}
const archive = (...entries: Buffer[]) => gzipSync(Buffer.concat([...entries, Buffer.alloc(1024)]));

test('writeTarGz is deterministic, sorted, with fixed mtimes, and round-trips', () => {
  const files = [
    { path: 'rules/b.yaml', data: enc('rules: []\n') },
    { path: 'moat-pack.yaml', data: enc('name: a/b\nversion: 1.0.0\n') },
    { path: `deep/${'x'.repeat(90)}/${'y'.repeat(60)}.yaml`, data: enc('long name via the ustar prefix') },
  ];
  const a = writeTarGz(files);
  const b = writeTarGz([...files].reverse());
  assert.equal(sha256Hex(a), sha256Hex(b));
  const tar = gunzipSync(a);
  const mtime = parseInt(tar.subarray(136, 148).toString('ascii').replace(/\0.*$/, ''), 8);
  assert.equal(mtime, FIXED_MTIME);
  const back = readTarGz(a);
  assert.deepEqual(back.map((f) => f.path), [files[2].path, 'moat-pack.yaml', 'rules/b.yaml']);
  assert.equal(new TextDecoder().decode(back[1].data), 'name: a/b\nversion: 1.0.0\n');
});

test('a `../` entry is refused, naming it', () => {
  const gz = archive(rawEntry('moat-pack.yaml', '0', 'name: a/b\n'), rawEntry('../../.bashrc', '0', 'echo pwned\n'));
  assert.throws(() => readTarGz(gz), (e: unknown) => e instanceof TarError && /\.\.\/\.\.\/\.bashrc/.test(e.message) && /outside the pack/.test(e.message));
});

test('absolute paths, symlinks, hard links, devices and FIFOs are refused', () => {
  const cases: Array<[Buffer, RegExp]> = [
    [rawEntry('/etc/passwd', '0', 'x'), /absolute path/],
    [rawEntry('rules/link.yaml', '2', '', '/etc/passwd'), /links are not allowed/],
    [rawEntry('rules/hard.yaml', '1', '', 'moat-pack.yaml'), /links are not allowed/],
    [rawEntry('dev/sda', '4'), /device files/],
    [rawEntry('pipe', '6'), /FIFOs/],
    [rawEntry('a\\..\\b', '0', 'x'), /backslash/],
  ];
  for (const [entry, message] of cases) assert.throws(() => readTarGz(archive(entry)), message);
});

test('a corrupted header fails its checksum; a non-gzip input is a clear error', () => {
  const entry = rawEntry('a.yaml', '0', 'x');
  entry[0] = 'b'.charCodeAt(0);
  assert.throws(() => readTar(Buffer.concat([entry, Buffer.alloc(1024)])), /checksum mismatch/);
  assert.throws(() => readTarGz(enc('not gzip')), /not a readable gzip archive/);
});

test('safePath normalizes harmless forms', () => {
  assert.equal(safePath('./package/./rules/a.yaml'), 'package/rules/a.yaml');
  assert.throws(() => safePath('package/../../x'), TarError);
  assert.throws(() => safePath('C:/x'), TarError);
});

test('storePack extracts into <cache>/<sha256>/ and leaves nothing behind on a malicious archive', async () => {
  const cache = mkdtempSync(path.join(os.tmpdir(), 'moat-cache-'));
  try {
    const good = writeTarGz([{ path: 'moat-pack.yaml', data: enc('name: a/b\nversion: 1.0.0\n') }]);
    const dir = await storePack(cache, sha256Hex(good), good);
    assert.equal(dir, path.join(cache, sha256Hex(good)));
    assert.equal(readFileSync(path.join(dir, 'moat-pack.yaml'), 'utf8'), 'name: a/b\nversion: 1.0.0\n');
    const bad = archive(rawEntry('ok.yaml', '0', 'x'), rawEntry('../escape.txt', '0', 'x'));
    await assert.rejects(storePack(cache, sha256Hex(bad), bad), TarError);
    assert.equal(existsSync(path.join(cache, sha256Hex(bad))), false);
    assert.equal(existsSync(path.join(path.dirname(cache), 'escape.txt')), false);
    assert.deepEqual(readdirSync(cache), [sha256Hex(good)]);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});
