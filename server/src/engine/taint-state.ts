/**
 * The dataflow state of taint-flow.ts: variable names and member chains (`x`, `self.user`) mapped
 * to the source match that tainted them, with lookups through prefixes (`a.b` falls back to `a`)
 * and members (`a` is tainted when `a.b` is), strong and weak writes, and the join of branches.
 */
import type { RangeMatch } from './pattern-index';

/** The source match a value came from; undefined means clean. */
export type Taint = RangeMatch | undefined;

/** Variables and member chains → taint (null: explicitly clean, hiding a tainted prefix). */
export class State {
  constructor(
    readonly vars: Map<string, Taint | null> = new Map(),
    public dead = false,
  ) {}

  copy(): State {
    return new State(new Map(this.vars), this.dead);
  }

  /** The entry for `key` or its longest recorded prefix; with `descend`, also a tainted member of it. */
  lookup(key: string, descend: boolean): { found: boolean; taint: Taint } {
    let found = false;
    for (let k = key; ; ) {
      const v = this.vars.get(k);
      if (v) return { found: true, taint: v };
      if (v === null) {
        found = true;
        break;
      }
      const dot = k.lastIndexOf('.');
      if (dot < 0) break;
      k = k.slice(0, dot);
    }
    if (descend) {
      const prefix = key + '.';
      for (const [k, v] of this.vars) if (v && k.startsWith(prefix)) return { found: true, taint: v };
    }
    return { found, taint: undefined };
  }

  write(key: string, taint: Taint, weak: boolean): void {
    if (weak) {
      if (taint && !this.lookup(key, false).taint) this.vars.set(key, taint);
      return;
    }
    const prefix = key + '.';
    for (const k of [...this.vars.keys()]) if (k.startsWith(prefix)) this.vars.delete(k);
    this.vars.set(key, taint ?? null);
  }

  sameAs(other: State): boolean {
    if (this.dead !== other.dead || this.vars.size !== other.vars.size) return false;
    for (const [k, v] of this.vars) if (other.vars.get(k) !== v) return false;
    return true;
  }

  /** The state after any of `states` (a path that ended contributes nothing). */
  static join(states: readonly State[]): State {
    const live = states.filter((s) => !s.dead);
    if (live.length === 0) return new State(new Map(states[0]?.vars ?? []), true);
    if (live.length === 1) return live[0].copy();
    const keys = new Set<string>();
    for (const s of live) for (const k of s.vars.keys()) keys.add(k);
    const out = new State();
    for (const k of keys) {
      let taint: Taint;
      for (const s of live) {
        taint = s.lookup(k, false).taint;
        if (taint) break;
      }
      out.vars.set(k, taint ?? null);
    }
    return out;
  }
}
