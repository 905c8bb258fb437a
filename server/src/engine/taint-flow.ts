/**
 * The intraprocedural taint dataflow of `mode: taint` rules, over a SyntaxTree and the ranges the
 * rule's sources, sinks, sanitizers and propagators matched. Each function (and the top-level code,
 * as one more function) is evaluated in source order with a state mapping variable names and member
 * chains (`x`, `self.user`) to the source that tainted them:
 *   - an expression is tainted when a source covers it, or when any evaluated part of it is (so
 *     calls, operators, string building, containers, element and attribute access propagate);
 *     a sanitizer covering it makes it clean;
 *   - assignments bind their targets (a clean value clears the target for later code; `+=`,
 *     element writes and mutating methods such as `append`/`push` add to it);
 *   - branches are evaluated from the same state and joined, loops twice, catch clauses and
 *     switch cases may or may not run, and `return`/`raise`/`throw` end a path;
 *   - lambdas see the state where they are written; named functions start clean;
 *   - a tainted node inside a sink's range (or equal to it, for `exact: true`) is a finding.
 * Grammar knowledge comes from the tables in taint-languages.ts.
 */
import type { CancellationToken } from './cancellation';
import { throwIfCancelled } from './cancellation';
import { KIND_COMMENT, KIND_TRANSPARENT } from './grammars';
import type { RangeMatch } from './pattern-index';
import { NO_NODE, SyntaxTree } from './syntax-tree';
import type { BindingForm, TaintKinds } from './taint-languages';
import type { RangeIndex } from './taint-ranges';
import { State, Taint } from './taint-state';

export interface SourceItem {
  readonly match: RangeMatch;
}

export interface SinkItem {
  readonly index: number;
  readonly match: RangeMatch;
}

export interface PropagatorItem {
  readonly from: number;
  readonly to: number;
}

export interface TaintInputs {
  /** Sources that taint what they cover (all but `by-side-effect: only`). */
  readonly sources: RangeIndex<SourceItem>;
  /** By-side-effect sources: the l-value they match exactly is tainted for later code. */
  readonly sideEffectSources: RangeIndex<SourceItem>;
  readonly sinks: RangeIndex<SinkItem>;
  readonly sanitizers: RangeIndex<null>;
  /** By-side-effect sanitizers: the l-value they match exactly is clean for later code. */
  readonly sideEffectSanitizers: RangeIndex<null>;
  /** Propagator matches by their range, `start:end`. */
  readonly propagators: ReadonlyMap<string, readonly PropagatorItem[]>;
}

export interface TaintHit {
  readonly sink: RangeMatch;
  readonly source: RangeMatch;
}

/** Nesting beyond which a subtree is not evaluated (keeps recursion off the stack limit). */
const MAX_DEPTH = 1500;
/** Loops nested deeper than this are evaluated once instead of twice. */
const MAX_LOOP_DEPTH = 3;
/** Tokens that bind without adding to the target's previous taint. */
const STRONG_OPS = new Set(['=', ':=', 'in', 'of', ':', 'as']);

class Flow {
  private s = new State();
  /** Taint of each evaluated node, as last evaluated (for propagators and tuple assignments). */
  private readonly nodeTaint = new Map<number, RangeMatch>();
  readonly hits = new Map<number, TaintHit>();
  private depth = 0;
  private loopDepth = 0;
  private functionDepth = 0;
  private steps = 0;
  /** The state before each `try` being evaluated, for its catch clauses. */
  private readonly tryStarts = new Map<number, State>();

  constructor(
    private readonly st: SyntaxTree,
    private readonly k: TaintKinds,
    private readonly inputs: TaintInputs,
    private readonly cancel: CancellationToken | undefined,
  ) {}

  module(): void {
    this.s = new State();
    this.children(0);
  }

  private named(n: number): number[] {
    const out: number[] = [];
    const st = this.st;
    for (let c = st.firstChild[n]; c !== NO_NODE; c = st.nextSibling[c]) if (st.isNamed(c) && !(st.flags(c) & KIND_COMMENT)) out.push(c);
    return out;
  }

  private unwrap(n: number): number {
    const st = this.st;
    while (st.flags(n) & KIND_TRANSPARENT) {
      const kids = this.named(n);
      if (kids.length !== 1) break;
      n = kids[0];
    }
    return n;
  }

  /** `x`, `this`, `a.b.c` as a state key; undefined for anything else. */
  private keyOf(n0: number): string | undefined {
    const n = this.unwrap(n0);
    const kind = this.st.kind[n];
    if (this.k.targetNames.has(kind) || this.k.selves.has(kind)) return this.st.text(n);
    if (this.k.members.has(kind)) {
      const kids = this.named(n);
      if (kids.length < 2) return undefined;
      const base = this.keyOf(kids[0]);
      return base === undefined ? undefined : `${base}.${this.st.text(kids[kids.length - 1])}`;
    }
    return undefined;
  }

  private taintOf(n: number): Taint {
    return this.nodeTaint.get(n) ?? this.nodeTaint.get(this.unwrap(n));
  }

  /** Evaluates node `n` in the current state: its taint, with the side effects on the state. */
  private evalNode(n: number, asBase = false): Taint {
    const st = this.st;
    const k = this.k;
    const kind = st.kind[n];
    if (!st.isNamed(n) || st.flags(n) & KIND_COMMENT || k.types.has(kind)) return undefined;
    if ((++this.steps & 4095) === 0) throwIfCancelled(this.cancel);
    if (this.depth >= MAX_DEPTH) return this.flatTaint(n);
    this.depth++;
    try {
      let t: Taint;
      if (k.functions.has(kind) || k.lambdas.has(kind)) {
        this.analyzeFunction(n, k.lambdas.has(kind) || this.functionDepth > 0);
        return undefined;
      }
      const form = k.bindings.get(kind);
      if (k.variables.has(kind) || k.selves.has(kind)) t = this.s.lookup(st.text(n), !asBase).taint;
      else if (k.members.has(kind)) t = this.member(n);
      else if (k.loops.has(kind)) t = this.loop(n, form?.rest ? form : undefined);
      else if (form) t = this.binding(n, form);
      else if (k.ifs.has(kind)) t = this.ifStatement(n, k.ifs.get(kind)!);
      else if (k.optional.has(kind)) t = this.optional(n);
      else if (k.tries.has(kind)) t = this.tryStatement(n);
      else if (k.comprehensions.has(kind)) t = this.comprehension(n);
      else if (k.conditionals.has(kind)) t = this.conditional(n, k.conditionals.get(kind)!);
      else {
        t = this.children(n);
        if (k.calls.has(kind)) this.mutate(n);
      }
      if (k.exits.has(kind)) this.s.dead = true;
      return this.applySpecs(n, t);
    } finally {
      this.depth--;
    }
  }

  /**
   * Beyond MAX_DEPTH (a 5000-term concatenation), the subtree is not evaluated recursively: it is
   * tainted when a variable read in it is, or a source covers part of it.
   */
  private flatTaint(n: number): Taint {
    const st = this.st;
    for (let c = n; c <= st.last[n]; c++) {
      const kind = st.kind[c];
      let t: Taint;
      if (this.k.variables.has(kind)) t = this.s.lookup(st.text(c), true).taint;
      if (!t && this.inputs.sources.size) t = this.inputs.sources.firstCovering(st.start[c], st.end[c])?.item.match;
      if (t) return t;
    }
    return undefined;
  }

  /** Evaluates the named children in order; the union of their taints. Member names and keyword names are not reads. */
  private children(n: number): Taint {
    const st = this.st;
    const skipFirst = this.k.namedArguments.has(st.kind[n]);
    const memberTokens = this.k.table.memberTokens;
    let t: Taint;
    let prevToken: string | undefined;
    let first = true;
    for (let c = st.firstChild[n]; c !== NO_NODE; c = st.nextSibling[c]) {
      if (!st.isNamed(c)) {
        prevToken = st.text(c);
        continue;
      }
      if (st.flags(c) & KIND_COMMENT) continue;
      const memberName = prevToken !== undefined && memberTokens.includes(prevToken) && this.k.variables.has(st.kind[c]);
      prevToken = undefined;
      if ((skipFirst && first) || memberName) {
        first = false;
        continue;
      }
      first = false;
      const ct = this.evalNode(c);
      t = t ?? ct;
    }
    return t;
  }

  /** `a.b`: the state's entry for the chain, else the object's taint. */
  private member(n: number): Taint {
    const kids = this.named(n);
    let t: Taint;
    kids.forEach((c, i) => {
      if (i > 0 && i === kids.length - 1 && this.k.variables.has(this.st.kind[c])) return; // the member name
      const ct = this.evalNode(c, i === 0);
      t = t ?? ct;
    });
    // The object's own evaluation already looked up its key and prefixes; an entry for this exact
    // chain overrides it, and a tainted member of the chain (`a.b.c` for `a.b`) taints it.
    const key = this.keyOf(n);
    if (key === undefined) return t;
    const own = this.s.vars.get(key);
    if (own !== undefined) return own ?? undefined;
    return t ?? this.s.lookup(key, true).taint;
  }

  private binding(n: number, form: BindingForm): Taint {
    const parts = this.split(n, form);
    if (!parts) {
      if (!form.declares) return this.children(n);
      for (const c of this.named(n)) this.bind(c, undefined, false);
      return undefined;
    }
    let vt: Taint;
    for (const v of parts.values) {
      const ct = this.evalNode(v);
      vt = vt ?? ct;
    }
    this.assign(parts.targets, parts.values, vt, parts.weak);
    for (const r of parts.rest) this.evalNode(r);
    return vt;
  }

  /** Targets, value(s) and the rest of a binding form, by its operator token; undefined without one. */
  private split(n: number, form: BindingForm): { targets: number[]; values: number[]; rest: number[]; weak: boolean } | undefined {
    const st = this.st;
    const before: number[] = [];
    const after: number[] = [];
    let op: string | undefined;
    for (let c = st.firstChild[n]; c !== NO_NODE; c = st.nextSibling[c]) {
      if (!st.isNamed(c)) {
        if (op === undefined && form.ops.includes(st.text(c))) op = st.text(c);
        continue;
      }
      if (st.flags(c) & KIND_COMMENT || this.k.types.has(st.kind[c])) continue;
      (op === undefined ? before : after).push(c);
    }
    if (op === undefined) return undefined;
    const weak = !STRONG_OPS.has(op);
    if (form.valueFirst) return { targets: after, values: before, rest: [], weak };
    if (form.rest) return { targets: before, values: after.slice(0, 1), rest: after.slice(1), weak };
    return { targets: before, values: after, rest: [], weak };
  }

  /** Binds targets: element-wise for `a, b = x, y`, else every target gets the value's taint. */
  private assign(targets: number[], values: number[], vt: Taint, weak: boolean): void {
    const ts = this.flatten(targets);
    const vs = this.flatten(values);
    if (ts.length > 1 && ts.length === vs.length) ts.forEach((tn, i) => this.bind(tn, this.taintOf(vs[i]), weak));
    else for (const tn of ts) this.bind(tn, vt, weak);
  }

  private flatten(nodes: number[]): number[] {
    return nodes.flatMap((n) => (this.k.tuples.has(this.st.kind[this.unwrap(n)]) ? this.named(this.unwrap(n)) : [n]));
  }

  private bind(target: number, t: Taint, weak: boolean): void {
    const n = this.unwrap(target);
    const kind = this.st.kind[n];
    if (this.k.types.has(kind)) return;
    if (this.k.targetNames.has(kind) || this.k.selves.has(kind) || this.k.members.has(kind)) {
      const key = this.keyOf(n);
      if (key !== undefined) this.s.write(key, t, weak);
      return;
    }
    if (this.k.subscripts.has(kind)) {
      // An element write adds to the container; the index is still evaluated.
      const [base, ...index] = this.named(n);
      for (const i of index) this.evalNode(i);
      const key = base === undefined ? undefined : this.keyOf(base);
      if (key !== undefined) this.s.write(key, t, true);
      return;
    }
    for (const c of this.named(n)) this.bind(c, t, weak);
  }

  private loop(n: number, form: BindingForm | undefined): Taint {
    let pass: () => void;
    const parts = form ? this.split(n, form) : undefined;
    if (parts) {
      let vt: Taint;
      for (const v of parts.values) {
        const ct = this.evalNode(v);
        vt = vt ?? ct;
      }
      pass = () => {
        this.assign(parts.targets, parts.values, vt, false);
        for (const r of parts.rest) this.evalNode(r);
      };
    } else {
      pass = () => void this.children(n);
    }
    const pre = this.s;
    this.s = pre.copy();
    this.loopDepth++;
    try {
      pass();
      const once = this.s;
      if (this.loopDepth <= MAX_LOOP_DEPTH && !once.sameAs(pre)) {
        this.s = State.join([pre, once]);
        pass();
        this.s = State.join([pre, once, this.s]);
      } else {
        this.s = State.join([pre, once]);
      }
    } finally {
      this.loopDepth--;
    }
    return undefined;
  }

  private ifStatement(n: number, mode: 'first' | 'before-block'): Taint {
    const kids = this.named(n);
    let split = 1;
    if (mode === 'before-block') {
      split = kids.findIndex((c) => this.st.kind[c] === this.k.ifBlock);
      if (split < 0) split = kids.length;
    }
    for (const c of kids.slice(0, split)) this.evalNode(c);
    const arms = kids.slice(split);
    const pre = this.s;
    const outs: State[] = [];
    for (const arm of arms) {
      this.s = pre.copy();
      this.evalNode(arm);
      outs.push(this.s);
    }
    const last = arms[arms.length - 1];
    const exhaustive = arms.length >= 2 && (!this.k.elseKinds || this.k.elseKinds.has(this.st.kind[last]));
    this.s = State.join(exhaustive ? outs : [pre, ...outs]);
    return undefined;
  }

  private optional(n: number): Taint {
    const pre = this.s;
    const parent = this.st.parent[n];
    const tryStart = parent !== NO_NODE ? this.tryStarts.get(parent) : undefined;
    this.s = tryStart ? State.join([tryStart, pre]) : pre.copy();
    this.children(n);
    this.s = State.join([pre, this.s]);
    return undefined;
  }

  /** `try`: its catch clauses (optional kinds) start from the state before the body or after it. */
  private tryStatement(n: number): Taint {
    this.tryStarts.set(n, this.s.copy());
    try {
      return this.children(n);
    } finally {
      this.tryStarts.delete(n);
    }
  }

  /** `[e for x in xs if c]`: the clauses bind first, then the element; the clause variables do not leak. */
  private comprehension(n: number): Taint {
    const [element, ...clauses] = this.named(n);
    if (element === undefined) return undefined;
    const saved = this.s;
    this.s = saved.copy();
    for (const c of clauses) this.evalNode(c);
    const t = this.evalNode(element);
    this.s = saved;
    return t;
  }

  /** `a if c else b`: either branch's taint; the condition is evaluated but does not flow into the value. */
  private conditional(n: number, condition: number): Taint {
    let t: Taint;
    this.named(n).forEach((c, i) => {
      const ct = this.evalNode(c);
      if (i !== condition) t = t ?? ct;
    });
    return t;
  }

  /** `recv.append(x)`: a tainted argument taints the receiver for later code. */
  private mutate(call: number): void {
    const st = this.st;
    const kids = this.named(call);
    if (kids.length < 2) return;
    let receiver: number | undefined;
    let name: string | undefined;
    if (this.k.members.has(st.kind[this.unwrap(kids[0])])) {
      const callee = this.named(this.unwrap(kids[0]));
      receiver = callee[0];
      name = callee.length > 1 ? st.text(callee[callee.length - 1]) : undefined;
    } else {
      for (let c = st.firstChild[call]; c !== NO_NODE; c = st.nextSibling[c]) {
        if (!st.isNamed(c) && this.k.table.memberTokens.includes(st.text(c))) {
          receiver = kids[0];
          let m = st.nextSibling[c];
          while (m !== NO_NODE && !st.isNamed(m)) m = st.nextSibling[m];
          name = m === NO_NODE ? undefined : st.text(m);
          break;
        }
      }
    }
    if (receiver === undefined || name === undefined || !this.k.mutators.has(name)) return;
    const argTaint = this.taintOf(kids[kids.length - 1]);
    const key = this.keyOf(receiver);
    if (argTaint && key !== undefined) this.s.write(key, argTaint, true);
  }

  /** Sources, sanitizers, propagators and sinks that apply at `n`, given the taint of its parts. */
  private applySpecs(n: number, t0: Taint): Taint {
    const { sources, sideEffectSources, sanitizers, sideEffectSanitizers, sinks, propagators } = this.inputs;
    const start = this.st.start[n];
    const end = this.st.end[n];
    let t = t0 ?? (sources.size ? sources.firstCovering(start, end)?.item.match : undefined);
    if (sideEffectSources.size) {
      const r = sideEffectSources.equal(start, end)[0];
      const key = r && this.keyOf(n);
      if (key !== undefined) this.s.write(key, r.item.match, false);
    }
    if (sanitizers.size && sanitizers.firstCovering(start, end)) {
      t = undefined;
      const key = sideEffectSanitizers.size && sideEffectSanitizers.equal(start, end).length ? this.keyOf(n) : undefined;
      if (key !== undefined) this.s.write(key, undefined, false);
    }
    if (t) this.nodeTaint.set(n, t);
    else this.nodeTaint.delete(n);
    const props = propagators.size ? propagators.get(`${start}:${end}`) : undefined;
    if (props) {
      for (const p of props) {
        const fromKey = this.keyOf(p.from);
        const ft = this.taintOf(p.from) ?? (fromKey === undefined ? undefined : this.s.lookup(fromKey, true).taint);
        const toKey = this.keyOf(p.to);
        if (ft && toKey !== undefined) this.s.write(toKey, ft, true);
      }
    }
    if (t && sinks.size) {
      for (const r of sinks.covering(start, end)) if (!this.hits.has(r.item.index)) this.hits.set(r.item.index, { sink: r.item.match, source: t });
    }
    return t;
  }

  private analyzeFunction(fn: number, inherit: boolean): void {
    const saved = this.s;
    this.s = inherit ? new State(new Map(saved.vars)) : new State();
    this.functionDepth++;
    try {
      const kids = this.named(fn);
      const body = kids[kids.length - 1];
      const isLambda = this.k.lambdas.has(this.st.kind[fn]);
      for (const c of kids.slice(0, -1)) {
        if (this.k.parameters.has(this.st.kind[c])) for (const p of this.named(c)) this.parameter(p);
        else if (isLambda && this.k.variables.has(this.st.kind[c])) this.declare(c);
      }
      if (body !== undefined) this.evalNode(body);
    } finally {
      this.functionDepth--;
      this.s = saved;
    }
  }

  /** A parameter: its names are declared (tainted when a source covers them), then a default value adds its taint. */
  private parameter(p: number): void {
    const kind = this.st.kind[p];
    if (this.k.types.has(kind)) return;
    const form = this.k.bindings.get(kind);
    const parts = form ? this.split(p, form) : undefined;
    const targets = parts ? parts.targets : [p];
    const declareIn = (n: number): void => {
      const k = this.st.kind[n];
      if (this.k.types.has(k)) return;
      if (this.k.targetNames.has(k)) this.declare(n);
      else for (const c of this.named(n)) declareIn(c);
    };
    for (const t of targets) declareIn(t);
    if (parts) {
      let vt: Taint;
      for (const v of parts.values) {
        const ct = this.evalNode(v);
        vt = vt ?? ct;
      }
      if (vt) for (const t of targets) this.bind(t, vt, true);
    }
  }

  private declare(name: number): void {
    const st = this.st;
    const parent = st.parent[name];
    let t: Taint = this.inputs.sources.firstCovering(st.start[name], st.end[name])?.item.match;
    if (!t && parent !== NO_NODE) t = this.inputs.sources.equal(st.start[parent], st.end[parent])[0]?.item.match;
    this.s.write(st.text(name), t, false);
  }
}

/** Runs the dataflow over the whole file; one hit per sink match that tainted data reaches. */
export function runTaintFlow(st: SyntaxTree, kinds: TaintKinds, inputs: TaintInputs, cancel?: CancellationToken): TaintHit[] {
  const flow = new Flow(st, kinds, inputs, cancel);
  flow.module();
  return [...flow.hits.values()];
}
