/**
 * `moat advisories import PATH`: takes a full OSV export (a zip such as PyPI/all.zip, or a folder
 * of records and zips), validates every record, and writes the ecosystems Moat checks into the
 * advisory cache in osv-scanner's offline layout, `<cacheDir>/<Ecosystem>/all.zip`, each replaced
 * atomically. Reports record counts per ecosystem and the files it skipped.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { ECOSYSTEMS, type Ecosystem, type OsvRecord } from '../types';
import { readOsvRecords } from './osv-record-files';

export interface AdvisoryImportReport {
  /** Records written per ecosystem (only ecosystems that had records). */
  readonly counts: Partial<Record<Ecosystem, number>>;
  /** Records left out because Moat does not check their ecosystem, per ecosystem. */
  readonly ignored: Record<string, number>;
  /** Files that were not valid OSV records (`file: why`). */
  readonly problems: string[];
  /** The archives written. */
  readonly written: string[];
}

/** `$XDG_CACHE_HOME/moat/advisories`, or `~/.cache/moat/advisories`. */
export function defaultAdvisoryCacheDir(env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(home, '.cache');
  return path.join(base, 'moat', 'advisories');
}

export async function importAdvisories(src: string, cacheDir: string): Promise<AdvisoryImportReport> {
  let read;
  try {
    read = await readOsvRecords(src);
  } catch (error) {
    throw new Error(`cannot read ${src}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const groups = new Map<Ecosystem, Map<string, OsvRecord>>();
  const ignored: Record<string, number> = {};
  for (const { record } of read.records) {
    const ecosystems = new Set((record.affected ?? []).flatMap((a) => (a.package ? [a.package.ecosystem] : [])));
    if (ecosystems.size === 0) ignored['(no package)'] = (ignored['(no package)'] ?? 0) + 1;
    for (const ecosystem of ecosystems) {
      if (!(ECOSYSTEMS as readonly string[]).includes(ecosystem)) {
        ignored[ecosystem] = (ignored[ecosystem] ?? 0) + 1;
        continue;
      }
      let group = groups.get(ecosystem as Ecosystem);
      if (!group) groups.set(ecosystem as Ecosystem, (group = new Map()));
      const existing = group.get(record.id);
      if (!existing || (record.modified ?? '') > (existing.modified ?? '')) group.set(record.id, record);
    }
  }
  if (groups.size === 0) {
    const why = read.records.length === 0 ? 'no valid OSV records' : `no records for ${ECOSYSTEMS.join(', ')}`;
    throw new Error(`nothing to import from ${src}: ${why}${read.problems.length ? ` (${read.problems.length} file(s) skipped)` : ''}`);
  }
  const counts: Partial<Record<Ecosystem, number>> = {};
  const written: string[] = [];
  for (const [ecosystem, records] of groups) {
    const files: Record<string, Uint8Array> = {};
    for (const [id, record] of records) files[`${id.replace(/[^A-Za-z0-9._-]/g, '_')}.json`] = strToU8(JSON.stringify(record));
    const target = path.join(cacheDir, ecosystem, 'all.zip');
    await writeAtomically(target, zipSync(files));
    counts[ecosystem] = records.size;
    written.push(target);
  }
  return { counts, ignored, problems: read.problems, written };
}

async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}
