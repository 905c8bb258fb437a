/**
 * Runs a Dockerfile rule on a parsed Dockerfile. The document is seen as its logical
 * instructions, one per line (the "view": continuations joined, comments dropped, heredoc bodies
 * appended), so `pattern-regex` with `^`/`$` matches per instruction and instruction patterns
 * (dockerfile-pattern.ts) match instruction sequences. The rule's formula is evaluated with the
 * usual Semgrep semantics over view ranges (formula-eval.ts), and every range and bound value is
 * then mapped back to the original file.
 */
import { BoundValue, Env, bind, lookup } from './bindings';
import { evaluate } from './formula-eval';
import type { RangeMatch } from './pattern-index';
import type { CFormula } from './rule-compile';
import { Dockerfile, parseDockerfile } from './dockerfile-parser';
import type { DockerfilePattern } from './dockerfile-pattern';

export interface DockerfileView {
  readonly dockerfile: Dockerfile;
  /** The logical instructions joined by `\n`. */
  readonly text: string;
  /** Start of each instruction in `text`. */
  readonly starts: readonly number[];
  /** Original offset of each character of `text`, and the original (exclusive) end of each. */
  readonly from: Int32Array;
  readonly to: Int32Array;
}

/** How many matches one pattern may produce in a file. */
const MAX_MATCHES = 5000;
/** How many instruction tests one pattern may make in a file (`...` sequences are quadratic). */
const MAX_STEPS = 1_000_000;

export function dockerfileView(source: string): DockerfileView {
  const dockerfile = parseDockerfile(source);
  const ins = dockerfile.instructions;
  const length = ins.reduce((n, i) => n + i.text.length, 0) + Math.max(0, ins.length - 1);
  const from = new Int32Array(length + 1);
  const to = new Int32Array(length + 1);
  const starts: number[] = [];
  let at = 0;
  ins.forEach((instruction, n) => {
    starts.push(at);
    for (let k = 0; k < instruction.text.length; k++) {
      from[at + k] = instruction.offsets[k];
      to[at + k] = instruction.offsets[k] + 1;
    }
    at += instruction.text.length;
    if (n < ins.length - 1) {
      from[at] = instruction.end;
      to[at] = instruction.end;
      at++;
    }
  });
  from[length] = ins.length ? ins[ins.length - 1].end : 0;
  to[length] = from[length];
  return { dockerfile, text: ins.map((i) => i.text).join('\n'), starts, from, to };
}

/** Original range of a view range. */
export function originalRange(view: DockerfileView, start: number, end: number): { start: number; end: number } {
  const s = view.from[start];
  return { start: s, end: end > start ? Math.max(s, view.to[end - 1]) : s };
}

/**
 * Every match of an instruction pattern in the view, as view ranges with bindings. Throws when the
 * pattern exceeds its step budget on this file (the caller reports it as a warning for the rule).
 */
export function matchDockerfilePattern(pattern: DockerfilePattern, view: DockerfileView, maxSteps = MAX_STEPS): RangeMatch[] {
  const ins = view.dockerfile.instructions;
  const out: RangeMatch[] = [];
  let steps = 0;
  const items = pattern.items;
  const viewEnd = (n: number) => view.starts[n] + ins[n].text.length;
  // Matches items[k..] starting at instruction n; `first` is the first matched instruction.
  const step = (k: number, n: number, env: Env, first: number): void => {
    if (out.length >= MAX_MATCHES) return;
    const item = items[k];
    if (item.kind === 'ellipsis') {
      if (k === items.length - 1) {
        out.push({ start: view.starts[first], end: viewEnd(ins.length - 1), env });
        return;
      }
      for (let m = n; m < ins.length; m++) step(k + 1, m, env, first);
      return;
    }
    if (n >= ins.length) return;
    if (++steps > maxSteps) throw new Error(`the Dockerfile pattern is too expensive on this file (more than ${maxSteps} instruction tests)`);
    const next = matchInstruction(item, ins[n].text, view.starts[n], env);
    if (next === null) return;
    if (k === items.length - 1) out.push({ start: view.starts[first], end: viewEnd(n), env: next });
    else step(k + 1, n + 1, next, first);
  };
  for (let n = 0; n < ins.length && out.length < MAX_MATCHES; n++) step(0, n, undefined, n);
  return out;
}

function matchInstruction(item: Extract<DockerfilePattern['items'][number], { kind: 'instruction' }>, text: string, base: number, env: Env): Env | null {
  const m = item.re.matchAll(text, 1)[0];
  if (!m) return null;
  let out = env;
  for (let g = 1; g < m.groups.length; g++) {
    const name = item.groups[g - 1];
    const value = m.groups[g];
    if (name === undefined || value === undefined) continue;
    const bound = lookup(out, name);
    if (bound) {
      if (bound.k !== 'text' || bound.text !== value) return null;
      continue;
    }
    const start = base + m.groupStarts[g];
    out = bind(out, name, { k: 'text', text: value, start, end: start + value.length });
  }
  return out;
}

/**
 * Evaluates a compiled Dockerfile rule's formula on the view; ranges and bound values are returned
 * in original-file offsets.
 */
export function evaluateDockerfileRule(formula: CFormula, patterns: readonly DockerfilePattern[], view: DockerfileView): RangeMatch[] {
  const cache = new Map<number, RangeMatch[]>();
  const slotMatches = (slot: number): RangeMatch[] => {
    let found = cache.get(slot);
    if (!found) {
      found = matchDockerfilePattern(patterns[slot], view);
      cache.set(slot, found);
    }
    return found;
  };
  // focus-metavariable (top level only, checked at compile time) narrows to the bound text here,
  // since formula-eval focuses on tree nodes.
  const focus = formula.op === 'and' ? formula.focus : [];
  const unfocused = formula.op === 'and' && focus.length ? { ...formula, focus: [] } : formula;
  let matches = evaluate(unfocused, { st: undefined, text: view.text, base: 0, slotMatches });
  for (const names of focus) matches = matches.flatMap((m) => focusOn(names, m));
  return matches.map((m) => ({ ...originalRange(view, m.start, m.end), env: remapEnv(m.env, view) }));
}

function focusOn(names: readonly string[], m: RangeMatch): RangeMatch[] {
  let start = m.start;
  let end = m.end;
  for (const name of names) {
    const v = lookup(m.env, name);
    if (!v || v.k !== 'text') return [];
    start = Math.max(start, v.start);
    end = Math.min(end, v.end);
  }
  return start <= end ? [{ start, end, env: m.env }] : [];
}

function remapEnv(env: Env, view: DockerfileView): Env {
  const bindings: Array<{ name: string; value: BoundValue }> = [];
  for (let b = env; b; b = b.next) bindings.push({ name: b.name, value: b.value });
  let out: Env = undefined;
  for (let k = bindings.length - 1; k >= 0; k--) {
    const { name, value } = bindings[k];
    out = bind(out, name, value.k === 'text' ? { ...value, ...originalRange(view, value.start, value.end) } : value);
  }
  return out;
}
