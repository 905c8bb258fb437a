/**
 * Reads a gzip-compressed tar archive (ustar, with pax `path` records and GNU long names) into a
 * list of regular files, refusing anything unsafe before a byte is written: absolute paths,
 * drive letters, `..` segments, backslashes or NULs in names, hard and symbolic links, devices,
 * FIFOs, bad header checksums, and archives larger than the limits. Pure: bytes in, entries out.
 */
import { gunzipSync } from 'node:zlib';

export interface TarFile {
  /** Forward slashes, relative, normalized (no `.` segments). */
  readonly path: string;
  readonly data: Uint8Array;
  /** Permission bits as stored (informational: extraction writes 0644). */
  readonly mode: number;
}

export class TarError extends Error {}

export interface TarLimits {
  readonly maxBytes: number;
  readonly maxEntries: number;
}

export const DEFAULT_TAR_LIMITS: TarLimits = { maxBytes: 64 * 1024 * 1024, maxEntries: 10_000 };

const BLOCK = 512;

/** Gunzips and reads `gz`; throws TarError naming the entry at fault. */
export function readTarGz(gz: Uint8Array, limits: TarLimits = DEFAULT_TAR_LIMITS): TarFile[] {
  let tar: Buffer;
  try {
    tar = gunzipSync(gz, { maxOutputLength: limits.maxBytes });
  } catch (e) {
    throw new TarError(`not a readable gzip archive (or larger than ${limits.maxBytes} bytes unpacked): ${(e as Error).message}`);
  }
  return readTar(tar, limits);
}

export function readTar(tar: Uint8Array, limits: TarLimits = DEFAULT_TAR_LIMITS): TarFile[] {
  const files: TarFile[] = [];
  let offset = 0;
  let longName: string | undefined;
  let entries = 0;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) break;
    if (++entries > limits.maxEntries) throw new TarError(`more than ${limits.maxEntries} entries`);
    checkChecksum(header, offset);
    const type = String.fromCharCode(header[156] || 0x30);
    const size = octal(header.subarray(124, 136), 'size', offset);
    const dataStart = offset + BLOCK;
    if (dataStart + size > tar.length) throw new TarError(`entry at byte ${offset} is truncated`);
    const data = tar.subarray(dataStart, dataStart + size);
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    const headerName = headerPath(header);
    const name = longName ?? headerName;
    longName = undefined;
    switch (type) {
      case 'x': {
        longName = paxPath(data) ?? undefined;
        continue;
      }
      case 'g':
        continue;
      case 'L':
        longName = cString(data);
        continue;
      case '5':
        safePath(name);
        continue;
      case '0':
      case '7':
        files.push({ path: safePath(name), data: new Uint8Array(data), mode: octal(header.subarray(100, 108), 'mode', offset) });
        continue;
      case '1':
      case '2':
        throw new TarError(`${name}: links are not allowed in a pack (${type === '1' ? 'hard' : 'symbolic'} link to ${cString(header.subarray(157, 257))})`);
      case '3':
      case '4':
      case '6':
        throw new TarError(`${name}: device files and FIFOs are not allowed in a pack`);
      default:
        throw new TarError(`${name}: unsupported tar entry type '${type}'`);
    }
  }
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) throw new TarError(`${f.path}: appears twice in the archive`);
    seen.add(f.path);
  }
  return files;
}

/** A relative, normalized path, or a TarError. */
export function safePath(name: string): string {
  if (name.includes('\0')) throw new TarError(`${JSON.stringify(name)}: NUL in a file name`);
  if (name.includes('\\')) throw new TarError(`${name}: backslash in a file name`);
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw new TarError(`${name}: absolute path`);
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) throw new TarError(`${name}: \`..\` would write outside the pack`);
  if (parts.length === 0) throw new TarError(`${JSON.stringify(name)}: empty file name`);
  return parts.join('/');
}

function headerPath(header: Uint8Array): string {
  const name = cString(header.subarray(0, 100));
  const ustar = cString(header.subarray(257, 263)).startsWith('ustar');
  const prefix = ustar ? cString(header.subarray(345, 500)) : '';
  return prefix ? `${prefix}/${name}` : name;
}

function cString(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return Buffer.from(end < 0 ? bytes : bytes.subarray(0, end)).toString('utf8');
}

function octal(bytes: Uint8Array, field: string, at: number): number {
  const text = cString(bytes).trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw new TarError(`header at byte ${at}: bad ${field} field`);
  return parseInt(text, 8);
}

function checkChecksum(header: Uint8Array, at: number): void {
  const stored = octal(header.subarray(148, 156), 'checksum', at);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i];
  if (sum !== stored) throw new TarError(`header at byte ${at}: checksum mismatch (not a tar archive?)`);
}

/** The `path` record of a pax extended header. */
function paxPath(data: Uint8Array): string | undefined {
  const text = Buffer.from(data).toString('utf8');
  let i = 0;
  while (i < text.length) {
    const space = text.indexOf(' ', i);
    if (space < 0) break;
    const len = Number(text.slice(i, space));
    if (!Number.isInteger(len) || len <= 0) break;
    const record = text.slice(space + 1, i + len - 1);
    const eq = record.indexOf('=');
    if (eq > 0 && record.slice(0, eq) === 'path') return record.slice(eq + 1);
    i += len;
  }
  return undefined;
}
