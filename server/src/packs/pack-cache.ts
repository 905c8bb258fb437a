/**
 * The local cache of downloaded packs: `~/.cache/moat/packs/<sha256>/` (or `$XDG_CACHE_HOME`,
 * or `$MOAT_CACHE_DIR/packs`), one folder per verified tarball, filled atomically (extracted into
 * a temporary folder, then renamed) so a half-written pack is never seen. A folder is only ever
 * created from bytes whose sha256 matched its name.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readTarGz } from './tar-read';

export function defaultPackCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MOAT_CACHE_DIR) return path.join(env.MOAT_CACHE_DIR, 'packs');
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'moat', 'packs');
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The cached pack folder for a sha256, when present. */
export function cachedPack(cacheDir: string, sha256: string): string | undefined {
  const dir = path.join(cacheDir, sha256);
  return existsSync(dir) ? dir : undefined;
}

/** Extracts a verified tarball into the cache; returns its folder. Throws TarError on an unsafe archive. */
export async function storePack(cacheDir: string, sha256: string, tgz: Uint8Array): Promise<string> {
  const files = readTarGz(tgz);
  const dir = path.join(cacheDir, sha256);
  const tmp = path.join(cacheDir, `.tmp-${sha256.slice(0, 12)}-${process.pid}-${randomBytes(4).toString('hex')}`);
  await fs.mkdir(tmp, { recursive: true });
  try {
    for (const f of files) {
      const target = path.join(tmp, ...f.path.split('/'));
      if (!target.startsWith(tmp + path.sep)) throw new Error(`${f.path}: outside the pack`);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, f.data, { mode: 0o644, flag: 'wx' });
    }
    try {
      await fs.rename(tmp, dir);
    } catch (e) {
      // Another process stored the same (verified) pack first: theirs is as good as ours.
      if (!existsSync(dir)) throw e;
      await fs.rm(tmp, { recursive: true, force: true });
    }
  } catch (e) {
    await fs.rm(tmp, { recursive: true, force: true });
    throw e;
  }
  return dir;
}
