/**
 * An offline OSV database as an advisory source: a directory of OSV JSON records (searched
 * recursively, osv-scanner's `<dir>/<Ecosystem>/all.zip` included) or one zip of records. It is
 * read and indexed once, on the first lookup; broken records are skipped and listed in `problems`
 * (and reported once as a warning). The same class serves the bundled snapshot (name `bundled`).
 */
import { AdvisorySourceError, dependencyKey, type Advisory, type Dependency } from '../types';
import { osvRecordToAdvisory, recordAffects } from './osv-record-advisory';
import { readOsvRecords } from './osv-record-files';
import { OsvRecordIndex } from './osv-record-index';
import type { ExtendedAdvisorySource } from './source-extras';

export const OSV_OFFLINE_SOURCE = 'osv-offline';
export const BUNDLED_SOURCE = 'bundled';

export class OsvOfflineSource implements ExtendedAdvisorySource {
  readonly remote = false;
  #loading: Promise<OsvRecordIndex> | undefined;
  #problems: string[] = [];
  #unreported: string[] = [];

  /**
   * @param name shown in warnings and `Advisory.sources`: `osv-offline` or `bundled`.
   * @param location a directory or a `.zip`/`.json` file of OSV records.
   */
  constructor(
    readonly name: string,
    readonly location: string,
  ) {}

  /** Records that could not be read, as `file: why` (complete once `load` has resolved). */
  get problems(): readonly string[] {
    return this.#problems;
  }

  /** Reads and indexes the database (once; a failed read is tried again on the next call). */
  load(): Promise<OsvRecordIndex> {
    this.#loading ??= this.#read().catch((error: unknown) => {
      this.#loading = undefined;
      throw error;
    });
    return this.#loading;
  }

  takeWarnings(): string[] {
    const problems = this.#unreported;
    this.#unreported = [];
    if (problems.length === 0) return [];
    const shown = problems.slice(0, 5).join('; ');
    return [`${this.name}: skipped ${problems.length} unreadable record(s) in ${this.location}: ${shown}${problems.length > 5 ? '; …' : ''}`];
  }

  async lookup(dependencies: readonly Dependency[]): Promise<Map<string, Advisory[]>> {
    const index = await this.load();
    const result = new Map<string, Advisory[]>();
    for (const dep of dependencies) {
      if (!dep.version) continue;
      const key = dependencyKey(dep);
      if (result.has(key)) continue;
      result.set(
        key,
        index
          .recordsFor(dep.ecosystem, dep.name)
          .filter((record) => recordAffects(record, dep))
          .map((record) => osvRecordToAdvisory(record, dep, this.name)),
      );
    }
    return result;
  }

  async #read(): Promise<OsvRecordIndex> {
    let read;
    try {
      read = await readOsvRecords(this.location);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new AdvisorySourceError(this.name, code === 'ENOENT' ? `no advisory database at ${this.location}` : `cannot read ${this.location} (${code ?? String(error)})`);
    }
    this.#problems = read.problems;
    this.#unreported = [...read.problems];
    return new OsvRecordIndex(read.records.map((r) => r.record));
  }
}
