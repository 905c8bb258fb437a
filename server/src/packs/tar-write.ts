/**
 * Writes a deterministic gzip-compressed ustar archive: entries sorted by path, fixed mtime,
 * owner 0:0 with empty names, mode 0644, gzip header without a timestamp. Building the same pack
 * twice gives the same bytes, hence the same sha256 to pin. Pure.
 */
import { gzipSync } from 'node:zlib';

export interface TarInput {
  /** Relative, forward slashes. */
  readonly path: string;
  readonly data: Uint8Array;
}

/** 1980-01-01T00:00:00Z, as zip and reproducible builds use. */
export const FIXED_MTIME = 315532800;

const BLOCK = 512;

export function writeTarGz(files: readonly TarInput[]): Uint8Array {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const chunks: Uint8Array[] = [];
  for (const f of sorted) {
    chunks.push(header(f.path, f.data.length));
    chunks.push(f.data);
    const pad = (BLOCK - (f.data.length % BLOCK)) % BLOCK;
    if (pad) chunks.push(new Uint8Array(pad));
  }
  chunks.push(new Uint8Array(BLOCK * 2));
  return new Uint8Array(gzipSync(Buffer.concat(chunks), { level: 9 }));
}

function header(filePath: string, size: number): Uint8Array {
  const h = Buffer.alloc(BLOCK);
  const { name, prefix } = splitName(filePath);
  h.write(name, 0, 100, 'utf8');
  writeOctal(h, 100, 8, 0o644);
  writeOctal(h, 108, 8, 0);
  writeOctal(h, 116, 8, 0);
  writeOctal(h, 124, 12, size);
  writeOctal(h, 136, 12, FIXED_MTIME);
  h.fill(0x20, 148, 156);
  h.write('0', 156, 1, 'ascii');
  h.write('ustar\0', 257, 6, 'ascii');
  h.write('00', 263, 2, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const b of h) sum += b;
  writeOctal(h, 148, 7, sum);
  h[155] = 0x20;
  return h;
}

/** ustar keeps names up to 100 bytes, with a prefix of up to 155 split at a slash. */
function splitName(p: string): { name: string; prefix: string } {
  if (Buffer.byteLength(p) <= 100) return { name: p, prefix: '' };
  for (let i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) {
    const prefix = p.slice(0, i);
    const name = p.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return { name, prefix };
  }
  throw new Error(`${p}: path too long for a ustar archive`);
}

function writeOctal(h: Buffer, at: number, width: number, value: number): void {
  h.write(value.toString(8).padStart(width - 1, '0') + '\0', at, width, 'ascii');
}
