/**
 * OSV records filed by (ecosystem, normalized package name) so thousands of dependencies are
 * answered with one map lookup each. A record naming several packages is filed under each; when
 * the same id is read twice the most recently modified copy wins; withdrawn records are left out.
 */
import type { OsvRecord } from '../types';
import { packageKey } from './package-name';

export class OsvRecordIndex {
  readonly #byPackage = new Map<string, Map<string, OsvRecord>>();
  readonly #ids = new Set<string>();

  constructor(records: Iterable<OsvRecord> = []) {
    for (const record of records) this.add(record);
  }

  /** Distinct records filed. */
  get size(): number {
    return this.#ids.size;
  }

  add(record: OsvRecord): void {
    if (record.withdrawn) return;
    for (const entry of record.affected ?? []) {
      if (!entry.package) continue;
      const key = packageKey(entry.package.ecosystem, entry.package.name);
      let byId = this.#byPackage.get(key);
      if (!byId) this.#byPackage.set(key, (byId = new Map()));
      const existing = byId.get(record.id);
      if (!existing || (record.modified ?? '') > (existing.modified ?? '')) byId.set(record.id, record);
      this.#ids.add(record.id);
    }
  }

  /** Records that mention this package (the caller checks the version). */
  recordsFor(ecosystem: string, name: string): OsvRecord[] {
    const byId = this.#byPackage.get(packageKey(ecosystem, name));
    return byId ? [...byId.values()] : [];
  }
}
