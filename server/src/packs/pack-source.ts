/**
 * Where a pack comes from, as `.moat.yaml` writes it, and how it becomes a local folder:
 * - a folder path (relative to the config file);
 * - `npm:NAME`: `node_modules/NAME/` in the workspace or a folder above it (Node's lookup);
 * - an `https://` URL of a tarball pinned by sha256: taken from the cache when present, else
 *   downloaded once, verified (a mismatch is refused, both hashes shown) and extracted safely.
 * Nothing in a pack is executed; npm packages are read, never installed or run.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { cachedPack, sha256Hex, storePack } from './pack-cache';
import { downloadHttps, DownloadOptions, shownUrl } from './https-download';
import { PACK_MANIFEST } from './pack-manifest';
import { TarError } from './tar-read';

export type PackSource =
  | { readonly kind: 'folder'; readonly path: string }
  | { readonly kind: 'npm'; readonly name: string }
  | { readonly kind: 'https'; readonly url: string; readonly sha256: string | undefined };

/** What went wrong resolving a source, and which key of the pack entry it is about. */
export interface SourceError {
  readonly key: 'source' | 'sha256';
  readonly message: string;
}

export interface ResolveOptions extends DownloadOptions {
  /** Relative folder sources are resolved from here (the config file's folder). */
  readonly baseDir: string;
  readonly cacheDir: string;
  /** Do not download: only folder, npm and cached https sources resolve. */
  readonly offline?: boolean;
}

const NPM_NAME = /^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

export function parsePackSource(source: string, sha256: string | undefined): PackSource | SourceError {
  if (source.startsWith('npm:')) {
    const name = source.slice(4);
    return NPM_NAME.test(name) ? { kind: 'npm', name } : { key: 'source', message: `\`${name}\` is not an npm package name` };
  }
  if (/^https:\/\//i.test(source)) {
    try {
      new URL(source);
    } catch {
      return { key: 'source', message: `\`${source}\` is not a valid URL` };
    }
    return { kind: 'https', url: source, sha256 };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) return { key: 'source', message: `only https:// URLs are allowed (${shownUrl(source)})` };
  return { kind: 'folder', path: source };
}

/** The local folder holding the pack's manifest. */
export async function resolvePackSource(source: PackSource, options: ResolveOptions): Promise<{ dir: string } | SourceError> {
  switch (source.kind) {
    case 'folder': {
      const dir = path.resolve(options.baseDir, source.path);
      if (!isDir(dir)) return { key: 'source', message: `pack folder ${dir} does not exist` };
      if (!existsSync(path.join(dir, PACK_MANIFEST))) return { key: 'source', message: `${dir} has no ${PACK_MANIFEST}` };
      return { dir };
    }
    case 'npm': {
      for (let dir = path.resolve(options.baseDir); ; ) {
        const candidate = path.join(dir, 'node_modules', ...source.name.split('/'));
        if (existsSync(path.join(candidate, PACK_MANIFEST))) return { dir: candidate };
        if (isDir(candidate)) return { key: 'source', message: `npm package ${source.name} (${candidate}) has no ${PACK_MANIFEST}: it is not a Moat pack` };
        const up = path.dirname(dir);
        if (up === dir) break;
        dir = up;
      }
      return { key: 'source', message: `npm package ${source.name} is not installed (no node_modules/${source.name} in ${options.baseDir} or above); run npm install` };
    }
    case 'https':
      return resolveHttps(source, options);
  }
}

async function resolveHttps(source: Extract<PackSource, { kind: 'https' }>, options: ResolveOptions): Promise<{ dir: string } | SourceError> {
  const shown = shownUrl(source.url);
  if (!source.sha256) return { key: 'sha256', message: `an https pack needs \`sha256\` (run \`moat pack build\` and pin the printed hash): ${shown}` };
  const cached = cachedPack(options.cacheDir, source.sha256);
  if (cached) return packRoot(cached, shown);
  if (options.offline) return { key: 'source', message: `${shown} is not in the pack cache (${options.cacheDir}) and downloads are off` };
  let bytes: Uint8Array;
  try {
    bytes = await downloadHttps(source.url, options);
  } catch (e) {
    return { key: 'source', message: `cannot download the pack: ${(e as Error).message}` };
  }
  const actual = sha256Hex(bytes);
  if (actual !== source.sha256) {
    return { key: 'sha256', message: `sha256 mismatch for ${shown}: expected ${source.sha256}, got ${actual}; the download is refused` };
  }
  try {
    return packRoot(await storePack(options.cacheDir, source.sha256, bytes), shown);
  } catch (e) {
    const why = e instanceof TarError ? `unsafe or broken archive: ${e.message}` : `cannot store it in ${options.cacheDir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    return { key: 'source', message: `${shown}: ${why}` };
  }
}

/** The manifest's folder in an extracted archive: its root, or its single top-level folder (`package/`). */
function packRoot(dir: string, shown: string): { dir: string } | SourceError {
  if (existsSync(path.join(dir, PACK_MANIFEST))) return { dir };
  const top = readdirSync(dir, { withFileTypes: true });
  if (top.length === 1 && top[0].isDirectory() && existsSync(path.join(dir, top[0].name, PACK_MANIFEST))) return { dir: path.join(dir, top[0].name) };
  return { key: 'source', message: `${shown}: the archive has no ${PACK_MANIFEST} at its root` };
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
