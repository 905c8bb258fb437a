/**
 * The keyword prefilter: an Aho–Corasick automaton over every rule's keywords, run once over the
 * text (case-insensitively) to find where each keyword occurs. Only rules whose keywords occur run
 * their regex, and only near those occurrences. ASCII transitions are a dense table (one array
 * read per character); other characters fall back to per-state maps.
 */

const ASCII = 128;

function lowerCode(c: number): number {
  if (c < ASCII) return c >= 65 && c <= 90 ? c + 32 : c;
  const lower = String.fromCharCode(c).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

export class KeywordAutomaton {
  /** Lowercased keywords, by index. */
  readonly keywords: readonly string[];
  private readonly next: Int32Array;
  private readonly wide: Array<Map<number, number> | undefined>;
  private readonly fail: Int32Array;
  /** Keyword indices ending at each state (its own and those along the fail chain). */
  private readonly out: Array<readonly number[] | undefined>;
  private readonly hasWide: boolean;

  constructor(keywords: readonly string[]) {
    this.keywords = keywords.map((k) => Array.from(k, (ch) => String.fromCharCode(lowerCode(ch.charCodeAt(0)))).join(''));
    const children: Array<Map<number, number>> = [new Map()];
    const ownOut: number[][] = [[]];
    this.keywords.forEach((kw, index) => {
      if (kw.length === 0) return;
      let state = 0;
      for (let i = 0; i < kw.length; i++) {
        const c = kw.charCodeAt(i);
        let to = children[state].get(c);
        if (to === undefined) {
          to = children.length;
          children.push(new Map());
          ownOut.push([]);
          children[state].set(c, to);
        }
        state = to;
      }
      ownOut[state].push(index);
    });
    const count = children.length;
    this.next = new Int32Array(count * ASCII);
    this.fail = new Int32Array(count);
    this.wide = new Array(count);
    this.out = new Array(count);
    let hasWide = false;
    const order: number[] = [0];
    for (let head = 0; head < order.length; head++) {
      const s = order[head];
      const f = this.fail[s];
      const outs = s === 0 ? ownOut[0] : [...ownOut[s], ...(this.out[f] ?? [])];
      this.out[s] = outs.length > 0 ? outs : undefined;
      // Characters without a child go where the fail state goes (the root's stay at the root):
      // copy the fail state's row, then set the children.
      if (s !== 0) this.next.copyWithin(s * ASCII, f * ASCII, f * ASCII + ASCII);
      const ascii = [...children[s].keys()].filter((c) => c < ASCII).sort((x, y) => x - y);
      for (const c of ascii) {
        const child = children[s].get(c)!;
        this.fail[child] = s === 0 ? 0 : this.next[f * ASCII + c];
        this.next[s * ASCII + c] = child;
        order.push(child);
      }
      for (const [c, child] of children[s]) {
        if (c < ASCII) continue;
        hasWide = true;
        let map = this.wide[s];
        if (!map) this.wide[s] = map = new Map();
        map.set(c, child);
        this.fail[child] = s === 0 ? 0 : this.step(f, c);
        order.push(child);
      }
    }
    this.hasWide = hasWide;
  }

  private step(state: number, c: number): number {
    if (c < ASCII) return this.next[state * ASCII + c];
    if (!this.hasWide) return 0;
    for (let s = state; ; s = this.fail[s]) {
      const to = this.wide[s]?.get(c);
      if (to !== undefined) return to;
      if (s === 0) return 0;
    }
  }

  /**
   * Start offsets of every occurrence of every keyword, by keyword index (empty arrays for absent
   * keywords). At most `maxPerKeyword` occurrences are kept for each.
   */
  scan(text: string, maxPerKeyword = 100_000): number[][] {
    const hits: number[][] = this.keywords.map(() => []);
    const next = this.next;
    const out = this.out;
    let state = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      let c = text.charCodeAt(i);
      if (c < ASCII) {
        if (c >= 65 && c <= 90) c += 32;
        state = next[state * ASCII + c];
      } else {
        state = this.step(state, lowerCode(c));
      }
      const found = out[state];
      if (found !== undefined) {
        for (const k of found) {
          const list = hits[k];
          if (list.length < maxPerKeyword) list.push(i - this.keywords[k].length + 1);
        }
      }
    }
    return hits;
  }
}
