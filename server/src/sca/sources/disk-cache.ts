/**
 * Advisory answers cached on disk per source and dependency (`dependencyKey`), kept for a TTL so
 * repeated scans do not ask the network again. One small JSON file per entry, written to a temp
 * file and renamed into place (atomic); a file that is unreadable, corrupt or for another key is
 * treated as a miss and overwritten by the next answer. Entries hold only the source name, the
 * dependency key, the time and the advisories: never request headers or tokens.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { LEVELS } from '../../engine/finding';
import type { Advisory } from '../types';

const FORMAT = 1;

export interface DiskCacheOptions {
  /** Clock, for tests (default Date.now). */
  readonly now?: () => number;
}

interface CacheEntry {
  readonly format: number;
  readonly source: string;
  readonly key: string;
  readonly storedAt: number;
  readonly advisories: Advisory[];
}

export class DiskCache {
  readonly #now: () => number;

  constructor(
    readonly dir: string,
    options: DiskCacheOptions = {},
  ) {
    this.#now = options.now ?? Date.now;
  }

  /** The cached advisories when an entry younger than `ttlMs` exists; undefined otherwise. */
  async get(source: string, key: string, ttlMs: number): Promise<Advisory[] | undefined> {
    let text: string;
    try {
      text = await fs.readFile(this.fileFor(source, key), 'utf8');
    } catch {
      return undefined;
    }
    const entry = parseEntry(text);
    if (!entry || entry.source !== source || entry.key !== key) return undefined;
    const age = this.#now() - entry.storedAt;
    return age >= 0 && age < ttlMs ? entry.advisories : undefined;
  }

  /** Stores the answer (an empty list too: "no advisories" is worth remembering). */
  async set(source: string, key: string, advisories: readonly Advisory[]): Promise<void> {
    const file = this.fileFor(source, key);
    const entry: CacheEntry = { format: FORMAT, source, key, storedAt: this.#now(), advisories: [...advisories] };
    await fs.mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await fs.writeFile(temp, JSON.stringify(entry));
      await fs.rename(temp, file);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
  }

  /** The entry's file: `<dir>/<source>/<sha256 of source and key>.json`. */
  fileFor(source: string, key: string): string {
    const hash = createHash('sha256').update(`${source}\n${key}`).digest('hex');
    return path.join(this.dir, source.replace(/[^A-Za-z0-9._-]/g, '_'), `${hash}.json`);
  }
}

function parseEntry(text: string): CacheEntry | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || value.format !== FORMAT || typeof value.source !== 'string' || typeof value.key !== 'string' || typeof value.storedAt !== 'number') return undefined;
  if (!Array.isArray(value.advisories) || !value.advisories.every(isAdvisory)) return undefined;
  return value as unknown as CacheEntry;
}

function isAdvisory(value: unknown): value is Advisory {
  if (!isRecord(value)) return false;
  const strings = (v: unknown): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string');
  return (
    typeof value.id === 'string' &&
    typeof value.title === 'string' &&
    typeof value.affected === 'string' &&
    typeof value.level === 'string' &&
    (LEVELS as readonly string[]).includes(value.level) &&
    strings(value.aliases) &&
    strings(value.fixed) &&
    strings(value.references) &&
    strings(value.cwes) &&
    strings(value.sources)
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
