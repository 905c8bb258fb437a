/**
 * Reads OSV records from disk: one `.json` file, a directory searched recursively for `.json`
 * records and `.zip` archives (osv-scanner's `<dir>/<Ecosystem>/all.zip` layout included), or one
 * zip of records. A file that is not valid JSON or not a valid record is reported in `problems`
 * (by file name, `archive.zip!entry.json` inside archives) and skipped; it never stops the read.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import type { OsvRecord } from '../types';
import { checkOsvRecord } from './osv-record-check';
import { runLimited } from './run-limited';

export interface RecordFile {
  readonly record: OsvRecord;
  /** Where it was read from (`dir/GHSA-x.json`, `all.zip!GHSA-x.json`). */
  readonly file: string;
}

export interface RecordRead {
  readonly records: RecordFile[];
  readonly problems: string[];
}

/** All records under `location` (file, directory or zip). Throws only when `location` cannot be read at all. */
export async function readOsvRecords(location: string): Promise<RecordRead> {
  const stat = await fs.stat(location);
  const files = stat.isDirectory() ? await recordFilesUnder(location) : [location];
  const reads = await runLimited(files, 16, (file) => readRecordFile(file));
  return { records: reads.flatMap((r) => r.records), problems: reads.flatMap((r) => r.problems) };
}

async function recordFilesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.(json|zip)$/i.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

async function readRecordFile(file: string): Promise<RecordRead> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    return { records: [], problems: [`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`] };
  }
  if (/\.zip$/i.test(file)) return readZip(file, bytes);
  const one = parseRecord(file, bytes);
  return 'record' in one ? { records: [one], problems: [] } : { records: [], problems: [one.problem] };
}

/** Records inside a zip archive (only its `.json` entries). */
export function readZip(file: string, bytes: Uint8Array): RecordRead {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (entry) => /\.json$/i.test(entry.name) });
  } catch (error) {
    return { records: [], problems: [`${file}: not a readable zip archive (${error instanceof Error ? error.message : String(error)})`] };
  }
  const records: RecordFile[] = [];
  const problems: string[] = [];
  for (const name of Object.keys(entries).sort()) {
    const one = parseRecord(`${file}!${name}`, entries[name] as Uint8Array);
    if ('record' in one) records.push(one);
    else problems.push(one.problem);
  }
  return { records, problems };
}

function parseRecord(file: string, bytes: Uint8Array): RecordFile | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    return { problem: `${file}: invalid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const checked = checkOsvRecord(value);
  return 'record' in checked ? { record: checked.record, file } : { problem: `${file}: not a valid OSV record (${checked.error})` };
}
