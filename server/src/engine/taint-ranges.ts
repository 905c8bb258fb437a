/**
 * The match ranges of one kind of taint entry (sources, sinks or sanitizers), indexed for the
 * questions the dataflow asks at every node: is some range covering this node (and which ones),
 * and which ranges are exactly this node. Ranges are sorted by start with a max-end segment tree,
 * so a query costs O(log n) plus the ranges it reports, even when one range spans the whole file.
 */

export interface SpecRange<T> {
  readonly start: number;
  readonly end: number;
  /** Only a node with exactly this range is covered (`exact: true`). */
  readonly exact: boolean;
  readonly item: T;
}

export class RangeIndex<T> {
  private readonly sorted: SpecRange<T>[];
  /** Segment tree over `sorted`: the largest end in each segment (leaves at `leaves + i`). */
  private readonly maxEnd: Int32Array;
  private readonly leaves: number;

  constructor(ranges: readonly SpecRange<T>[]) {
    this.sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
    let leaves = 1;
    while (leaves < this.sorted.length) leaves *= 2;
    this.leaves = leaves;
    this.maxEnd = new Int32Array(2 * leaves).fill(-1);
    this.sorted.forEach((r, i) => (this.maxEnd[leaves + i] = r.end));
    for (let i = leaves - 1; i >= 1; i--) this.maxEnd[i] = Math.max(this.maxEnd[2 * i], this.maxEnd[2 * i + 1]);
  }

  get size(): number {
    return this.sorted.length;
  }

  /** Ranges that cover [start, end): containing it (non-exact ones) or equal to it. */
  covering(start: number, end: number): SpecRange<T>[] {
    const out: SpecRange<T>[] = [];
    this.visit(start, end, (r) => {
      out.push(r);
      return false;
    });
    return out;
  }

  /** One range that covers [start, end), if any. */
  firstCovering(start: number, end: number): SpecRange<T> | undefined {
    let found: SpecRange<T> | undefined;
    this.visit(start, end, (r) => {
      found = r;
      return true;
    });
    return found;
  }

  /** Ranges exactly equal to [start, end) (exact or not). */
  equal(start: number, end: number): SpecRange<T>[] {
    const out: SpecRange<T>[] = [];
    for (let i = this.lastStartingAtOrBefore(start); i >= 0 && this.sorted[i].start === start; i--) {
      if (this.sorted[i].end === end) out.push(this.sorted[i]);
    }
    return out;
  }

  /** Offers each covering range to `take` until it returns true. */
  private visit(start: number, end: number, take: (r: SpecRange<T>) => boolean): void {
    const last = this.lastStartingAtOrBefore(start);
    if (last < 0) return;
    const walk = (node: number, lo: number, hi: number): boolean => {
      if (lo > last || this.maxEnd[node] < end) return false;
      if (node >= this.leaves) {
        const r = this.sorted[lo];
        return (!r.exact || (r.start === start && r.end === end)) && take(r);
      }
      const mid = (lo + hi) >> 1;
      return walk(2 * node, lo, mid) || walk(2 * node + 1, mid + 1, hi);
    };
    walk(1, 0, this.leaves - 1);
  }

  private lastStartingAtOrBefore(start: number): number {
    let lo = 0;
    let hi = this.sorted.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid].start <= start) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}
