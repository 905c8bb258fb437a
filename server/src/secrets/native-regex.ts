/**
 * Built-in secret detectors on V8's own regex engine: an RE2 regex is translated to an equivalent
 * JavaScript RegExp (same matches, same capture groups; `u` flag, so positions count code points
 * as RE2 does), which runs many times faster than re2js. Only for regexes we wrote and test:
 * V8 backtracks, so a regex is translated only when it keeps to the RE2 subset handled here and
 * has no shape known to backtrack catastrophically (see checkShape); the built-in test suite also
 * compares every translated regex with re2js and runs it on hostile input, and the scan gives V8
 * only pieces of bounded size. Regexes from users or gitleaks configs never come here: they stay
 * on re2js.
 */
import type { SecretMatch, SecretMatcher } from './secret-matcher';

type Node =
  | { readonly kind: 'alt'; readonly branches: readonly Node[] }
  | { readonly kind: 'concat'; readonly items: readonly Node[] }
  | { readonly kind: 'set'; readonly ranges: readonly Range[] }
  | { readonly kind: 'assert'; readonly js: string }
  | { readonly kind: 'group'; readonly capture: boolean; readonly child: Node }
  | { readonly kind: 'repeat'; readonly child: Node; readonly min: number; readonly max: number; readonly greedy: boolean };

/** An inclusive range of code points. */
type Range = readonly [number, number];

interface Flags {
  readonly fold: boolean;
  readonly multiline: boolean;
  readonly dotAll: boolean;
}

/** Thrown inside the parser for anything outside the handled subset; the caller then falls back to re2js. */
class Unsupported extends Error {}

const MAX_CODE_POINT = 0x10ffff;
const DIGIT: Range[] = [[0x30, 0x39]];
const WORD: Range[] = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]];
/** RE2's `\s`: Perl's ASCII space class, narrower than JavaScript's. */
const SPACE: Range[] = [[0x09, 0x0a], [0x0c, 0x0d], [0x20, 0x20]];
const POSIX: Record<string, Range[]> = {
  alnum: [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]],
  alpha: [[0x41, 0x5a], [0x61, 0x7a]],
  ascii: [[0x00, 0x7f]],
  blank: [[0x09, 0x09], [0x20, 0x20]],
  cntrl: [[0x00, 0x1f], [0x7f, 0x7f]],
  digit: DIGIT,
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]],
  space: [[0x09, 0x0d], [0x20, 0x20]],
  upper: [[0x41, 0x5a]],
  word: WORD,
  xdigit: [[0x30, 0x39], [0x41, 0x46], [0x61, 0x66]],
};

function normalize(ranges: readonly Range[]): Range[] {
  let ordered = true;
  for (let i = 1; i < ranges.length && ordered; i++) ordered = ranges[i - 1][1] + 1 < ranges[i][0];
  if (ordered) return ranges as Range[];
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

const NOT_NEWLINE: Range[] = [[0, 0x09], [0x0b, MAX_CODE_POINT]];

function negate(ranges: readonly Range[]): Range[] {
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of normalize(ranges)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

/**
 * RE2's case folding of a set, for ASCII sets only (Unicode simple folding adds `ſ` to s and the
 * Kelvin sign to k); a set with other characters is not translated.
 */
function fold(ranges: readonly Range[]): Range[] {
  const out: Range[] = [...ranges];
  for (const [lo, hi] of ranges) {
    if (hi > 0x7f) throw new Unsupported('case folding beyond ASCII');
    for (let c = lo; c <= hi; c++) {
      const lower = c | 0x20;
      if (lower < 0x61 || lower > 0x7a) continue;
      out.push([lower, lower], [lower - 0x20, lower - 0x20]);
      if (lower === 0x6b) out.push([0x212a, 0x212a]);
      if (lower === 0x73) out.push([0x17f, 0x17f]);
    }
  }
  return normalize(out);
}

const ESCAPE_ASSERTIONS: Partial<Record<string, string>> = { b: '\\b', B: '\\B', A: '^', z: '$', Z: '$' };
const ESCAPE_CHARACTERS: Partial<Record<string, number>> = { t: 9, n: 10, v: 11, f: 12, r: 13, a: 7 };

class Parser {
  private pos = 0;
  captures = 0;

  constructor(private readonly src: string) {}

  parse(): Node {
    const node = this.alternation({ fold: false, multiline: false, dotAll: false });
    if (this.pos < this.src.length) throw new Unsupported(`unexpected ${this.src[this.pos]}`);
    return node;
  }

  private alternation(flags: Flags): Node {
    const branches: Node[] = [];
    let current = flags;
    for (;;) {
      const { node, flags: after } = this.concat(current);
      branches.push(node);
      current = after;
      if (this.src[this.pos] !== '|') break;
      this.pos++;
    }
    return branches.length === 1 ? branches[0] : { kind: 'alt', branches };
  }

  /** A sequence up to `|` or `)`; `(?i)` and the like change the flags for the rest of the group. */
  private concat(start: Flags): { node: Node; flags: Flags } {
    const items: Node[] = [];
    let flags = start;
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '|' || c === ')') break;
      if (this.src.startsWith('(?', this.pos) && /^\(\?[-imsU]+\)/.test(this.src.slice(this.pos))) {
        const end = this.src.indexOf(')', this.pos);
        flags = applyFlags(flags, this.src.slice(this.pos + 2, end));
        this.pos = end + 1;
        continue;
      }
      let atom = this.atom(flags);
      atom = this.quantifier(atom);
      items.push(atom);
    }
    return { node: items.length === 1 ? items[0] : { kind: 'concat', items }, flags };
  }

  private quantifier(atom: Node): Node {
    let node = atom;
    for (;;) {
      const c = this.src[this.pos];
      let min: number;
      let max: number;
      if (c === '*') [min, max] = [0, Infinity];
      else if (c === '+') [min, max] = [1, Infinity];
      else if (c === '?') [min, max] = [0, 1];
      else if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
        if (!m) throw new Unsupported('brace that is not a repeat');
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
        this.pos += m[0].length - 1;
      } else return node;
      if (node.kind === 'assert') throw new Unsupported('repeated assertion');
      if (node.kind === 'repeat') throw new Unsupported('repeat of a repeat');
      this.pos++;
      let greedy = true;
      if (this.src[this.pos] === '?') {
        greedy = false;
        this.pos++;
      }
      node = { kind: 'repeat', child: node, min, max, greedy };
    }
  }

  private atom(flags: Flags): Node {
    const c = this.src[this.pos];
    if (c === '(') return this.group(flags);
    if (c === '[') return this.charClass(flags);
    if (c === '.') {
      this.pos++;
      return { kind: 'set', ranges: flags.dotAll ? [[0, MAX_CODE_POINT]] : NOT_NEWLINE };
    }
    if (c === '^') {
      this.pos++;
      return { kind: 'assert', js: flags.multiline ? '(?<![^\\n])' : '^' };
    }
    if (c === '$') {
      this.pos++;
      return { kind: 'assert', js: flags.multiline ? '(?![^\\n])' : '$' };
    }
    if (c === '\\') {
      const next = this.src[this.pos + 1];
      const js = next === undefined ? undefined : ESCAPE_ASSERTIONS[next];
      if (js !== undefined) {
        this.pos += 2;
        return { kind: 'assert', js };
      }
      const perl = this.perlClass();
      if (perl) return { kind: 'set', ranges: flags.fold ? fold(perl) : perl };
      return this.literal(this.escape(), flags);
    }
    if (c === '*' || c === '+' || c === '?' || c === '{' || c === ')') throw new Unsupported(`unexpected ${c}`);
    const cp = this.src.codePointAt(this.pos)!;
    this.pos += cp > 0xffff ? 2 : 1;
    return this.literal(cp, flags);
  }

  private literal(cp: number, flags: Flags): Node {
    const lower = cp | 0x20;
    if (!flags.fold || lower < 0x61 || lower > 0x7a) {
      if (flags.fold && cp > 0x7f) throw new Unsupported('case folding beyond ASCII');
      return { kind: 'set', ranges: [[cp, cp]] };
    }
    const ranges: Range[] = [[lower - 0x20, lower - 0x20], [lower, lower]];
    if (lower === 0x6b) ranges.push([0x212a, 0x212a]);
    if (lower === 0x73) ranges.push([0x17f, 0x17f]);
    return { kind: 'set', ranges };
  }

  private group(flags: Flags): Node {
    const rest = this.src.slice(this.pos);
    let capture = true;
    let inner = flags;
    const scoped = /^\(\?([-imsU]*):/.exec(rest);
    if (scoped) {
      capture = false;
      inner = applyFlags(flags, scoped[1]);
      this.pos += scoped[0].length;
    } else if (/^\(\?P?<[A-Za-z_][A-Za-z0-9_]*>/.test(rest)) {
      this.pos = this.src.indexOf('>', this.pos) + 1;
    } else if (rest.startsWith('(?')) {
      throw new Unsupported('group syntax');
    } else this.pos++;
    if (capture) this.captures++;
    const child = this.alternation(inner);
    if (this.src[this.pos] !== ')') throw new Unsupported('unclosed group');
    this.pos++;
    return { kind: 'group', capture, child };
  }

  /** `\d \D \s \S \w \W` at the current position, or undefined. */
  private perlClass(): Range[] | undefined {
    const next = this.src[this.pos + 1];
    const base = next === 'd' || next === 'D' ? DIGIT : next === 's' || next === 'S' ? SPACE : next === 'w' || next === 'W' ? WORD : undefined;
    if (!base) return undefined;
    this.pos += 2;
    return next === next.toUpperCase() ? negate(base) : [...base];
  }

  /** One escaped character (after `\`): the code point. */
  private escape(): number {
    const next = this.src[this.pos + 1];
    if (next === undefined) throw new Unsupported('trailing backslash');
    const simple = ESCAPE_CHARACTERS[next];
    if (simple !== undefined) {
      this.pos += 2;
      return simple;
    }
    if (next === 'x') {
      const m = /^\\x(?:\{([0-9A-Fa-f]{1,6})\}|([0-9A-Fa-f]{2}))/.exec(this.src.slice(this.pos));
      if (!m) throw new Unsupported('bad \\x escape');
      this.pos += m[0].length;
      return parseInt(m[1] ?? m[2], 16);
    }
    // Punctuation stands for itself; letters and digits are classes, anchors or unsupported escapes.
    if (/[A-Za-z0-9]/.test(next) || next.charCodeAt(0) > 0x7e) throw new Unsupported(`escape \\${next}`);
    this.pos += 2;
    return next.charCodeAt(0);
  }

  private charClass(flags: Flags): Node {
    this.pos++;
    let negated = false;
    if (this.src[this.pos] === '^') {
      negated = true;
      this.pos++;
    }
    const ranges: Range[] = [];
    let first = true;
    for (;;) {
      if (this.pos >= this.src.length) throw new Unsupported('unclosed class');
      const c = this.src[this.pos];
      if (c === ']' && !first) {
        this.pos++;
        break;
      }
      first = false;
      if (c === '[' && this.src[this.pos + 1] === ':') {
        const m = /^\[:(\^?)([a-z]+):\]/.exec(this.src.slice(this.pos));
        if (!m || !POSIX[m[2]]) throw new Unsupported('POSIX class');
        ranges.push(...(m[1] ? negate(POSIX[m[2]]) : POSIX[m[2]]));
        this.pos += m[0].length;
        continue;
      }
      if (c === '\\') {
        const perl = this.perlClass();
        if (perl) {
          ranges.push(...perl);
          continue;
        }
      }
      const lo = this.classChar();
      if (this.src[this.pos] === '-' && this.src[this.pos + 1] !== ']' && this.pos + 1 < this.src.length) {
        this.pos++;
        const hi = this.classChar();
        if (hi < lo) throw new Unsupported('bad range');
        ranges.push([lo, hi]);
      } else ranges.push([lo, lo]);
    }
    const folded = flags.fold ? fold(ranges) : normalize(ranges);
    return { kind: 'set', ranges: negated ? negate(folded) : folded };
  }

  private classChar(): number {
    if (this.src[this.pos] === '\\') {
      if (/^\\[dDsSwW]/.test(this.src.slice(this.pos))) throw new Unsupported('class escape in a range');
      return this.escape();
    }
    const cp = this.src.codePointAt(this.pos)!;
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }
}

function applyFlags(flags: Flags, spec: string): Flags {
  let on = true;
  let { fold: f, multiline: m, dotAll: s } = flags;
  for (const c of spec) {
    if (c === '-') on = false;
    else if (c === 'i') f = on;
    else if (c === 'm') m = on;
    else if (c === 's') s = on;
    else throw new Unsupported(`flag ${c}`);
  }
  return { fold: f, multiline: m, dotAll: s };
}

/** Does the node hold a repeat (with `variableOnly`, one whose count is not fixed)? */
function containsRepeat(node: Node, variableOnly: boolean): boolean {
  switch (node.kind) {
    case 'repeat':
      return !variableOnly || node.min !== node.max || containsRepeat(node.child, variableOnly);
    case 'alt':
      return node.branches.some((b) => containsRepeat(b, variableOnly));
    case 'concat':
      return node.items.some((i) => containsRepeat(i, variableOnly));
    case 'group':
      return containsRepeat(node.child, variableOnly);
    default:
      return false;
  }
}

function containsKind(node: Node, test: (n: Node) => boolean): boolean {
  if (test(node)) return true;
  switch (node.kind) {
    case 'repeat':
    case 'group':
      return containsKind(node.child, test);
    case 'alt':
      return node.branches.some((b) => containsKind(b, test));
    case 'concat':
      return node.items.some((i) => containsKind(i, test));
    default:
      return false;
  }
}

/** The characters a match of `node` can start with, and whether it can match the empty string. */
function firstSet(node: Node): { ranges: Range[]; nullable: boolean } {
  switch (node.kind) {
    case 'set':
      return { ranges: [...node.ranges], nullable: false };
    case 'assert':
      return { ranges: [], nullable: true };
    case 'group':
      return firstSet(node.child);
    case 'repeat': {
      const f = firstSet(node.child);
      return { ranges: f.ranges, nullable: f.nullable || node.min === 0 };
    }
    case 'alt': {
      const all = node.branches.map(firstSet);
      return { ranges: all.flatMap((f) => f.ranges), nullable: all.some((f) => f.nullable) };
    }
    case 'concat': {
      const ranges: Range[] = [];
      for (const item of node.items) {
        const f = firstSet(item);
        ranges.push(...f.ranges);
        if (!f.nullable) return { ranges, nullable: false };
      }
      return { ranges, nullable: true };
    }
  }
}

function overlaps(a: readonly Range[], b: readonly Range[]): boolean {
  return a.some(([lo, hi]) => b.some(([lo2, hi2]) => lo <= hi2 && lo2 <= hi));
}

/** Each branch of every alternation in `node` starts with its own characters (so at most one branch can go on), and none matches empty. */
function alternationsDeterministic(node: Node): boolean {
  if (node.kind === 'alt') {
    const firsts = node.branches.map(firstSet);
    if (firsts.some((f) => f.nullable)) return false;
    for (let i = 0; i < firsts.length; i++) for (let j = i + 1; j < firsts.length; j++) if (overlaps(firsts[i].ranges, firsts[j].ranges)) return false;
    return node.branches.every(alternationsDeterministic);
  }
  if (node.kind === 'concat') return node.items.every(alternationsDeterministic);
  if (node.kind === 'group' || node.kind === 'repeat') return alternationsDeterministic(node.child);
  return true;
}

/** The sets of every repeat in `node`, with the repeat's own count not fixed or inside such a repeat. */
function variableRepeatSets(node: Node, inVariable: boolean, out: Range[]): Range[] {
  switch (node.kind) {
    case 'set':
      if (inVariable) out.push(...node.ranges);
      break;
    case 'repeat':
      variableRepeatSets(node.child, inVariable || node.min !== node.max, out);
      break;
    case 'group':
      variableRepeatSets(node.child, inVariable, out);
      break;
    case 'alt':
      node.branches.forEach((b) => variableRepeatSets(b, inVariable, out));
      break;
    case 'concat':
      node.items.forEach((i) => variableRepeatSets(i, inVariable, out));
      break;
  }
  return out;
}

/**
 * Does each pass of an unbounded repeat over `body` begin at a character that nothing inside a
 * variable repeat of `body` can take (as `_` in `(?:_[A-Z0-9]+)+`)? Then the passes split the
 * text in one way only, and the repeat cannot backtrack into exponentially many splits.
 */
function passesSplitUniquely(body: Node): boolean {
  let node = body;
  while (node.kind === 'group') node = node.child;
  const first = node.kind === 'concat' ? node.items[0] : node;
  if (!first || first.kind !== 'set') return false;
  return !overlaps(first.ranges, variableRepeatSets(node, false, []));
}

/**
 * Shapes a backtracking engine handles in exponential (or unbounded polynomial) time, or with
 * other captures than RE2: an unbounded repeat over a variable-length repeat (unless its passes
 * split the text uniquely) or over an alternation whose branches can start alike, and any
 * capture group inside a repeat (JavaScript resets it on each pass, RE2 does not).
 */
function checkShape(node: Node): void {
  if (node.kind === 'repeat') {
    if (node.max > 1 && containsKind(node.child, (n) => n.kind === 'group' && n.capture)) throw new Unsupported('capture group under a repeat');
    if (node.max === Infinity && containsRepeat(node.child, true) && !passesSplitUniquely(node.child)) throw new Unsupported('nested variable repeat');
    if (node.max === Infinity && !alternationsDeterministic(node.child)) throw new Unsupported('ambiguous alternation under an unbounded repeat');
  }
  if (node.kind === 'repeat' || node.kind === 'group') checkShape(node.child);
  else if (node.kind === 'alt') node.branches.forEach(checkShape);
  else if (node.kind === 'concat') node.items.forEach(checkShape);
}

/** How an ASCII character is written in a `u` regex (`-` needs its backslash only in a class). */
const SYNTAX = new Set('^$\\.*+?()[]{}|/-');
const ASCII_SOURCE = Array.from({ length: 0x7f }, (_, cp) => {
  const ch = String.fromCharCode(cp);
  return cp < 0x20 ? `\\u{${cp.toString(16)}}` : SYNTAX.has(ch) ? `\\${ch}` : ch;
});

function emitCodePoint(cp: number, inClass: boolean): string {
  if (cp === 0x2d && !inClass) return '-';
  return cp < 0x7f ? ASCII_SOURCE[cp] : `\\u{${cp.toString(16)}}`;
}

function emit(node: Node): string {
  switch (node.kind) {
    case 'alt':
      return node.branches.map(emit).join('|');
    case 'concat':
      return node.items.map((i) => (i.kind === 'alt' ? `(?:${emit(i)})` : emit(i))).join('');
    case 'set': {
      const r = node.ranges;
      if (r.length === 1 && r[0][0] === r[0][1]) return emitCodePoint(r[0][0], false);
      return `[${r.map(([lo, hi]) => (lo === hi ? emitCodePoint(lo, true) : `${emitCodePoint(lo, true)}-${emitCodePoint(hi, true)}`)).join('')}]`;
    }
    case 'assert':
      return node.js;
    case 'group':
      return node.capture ? `(${emit(node.child)})` : `(?:${emit(node.child)})`;
    case 'repeat': {
      const child = node.child.kind === 'set' || node.child.kind === 'group' ? emit(node.child) : `(?:${emit(node.child)})`;
      const q =
        node.min === 0 && node.max === Infinity ? '*'
        : node.min === 1 && node.max === Infinity ? '+'
        : node.min === 0 && node.max === 1 ? '?'
        : node.max === Infinity ? `{${node.min},}`
        : node.min === node.max ? `{${node.min}}`
        : `{${node.min},${node.max}}`;
      return child + q + (node.greedy ? '' : '?');
    }
  }
}

/**
 * The JavaScript source (flags `u`, plus `g`/`d` when matching) equivalent to the RE2 regex
 * `source`, or undefined when it is outside the handled subset or has a risky shape. `\Z` is read
 * as `\z`, as safe-regex does.
 */
export function translateRe2(source: string): { source: string; groups: number } | undefined {
  try {
    const parser = new Parser(source);
    const tree = parser.parse();
    checkShape(tree);
    const js = emit(tree);
    new RegExp(js, 'u');
    return { source: js, groups: parser.captures };
  } catch (e) {
    if (e instanceof Unsupported || e instanceof SyntaxError) return undefined;
    throw e;
  }
}

/** A matcher on V8's engine for a translated RE2 regex, or undefined when `source` does not translate. */
export function nativeMatcher(source: string): SecretMatcher | undefined {
  const translated = translateRe2(source);
  if (!translated) return undefined;
  const find = new RegExp(translated.source, 'gdu');
  const probe = new RegExp(translated.source, 'u');
  return {
    engine: 'native',
    test: (text) => probe.test(text),
    matchAll(text, limit) {
      const out: SecretMatch[] = [];
      find.lastIndex = 0;
      while (out.length < limit) {
        const m = find.exec(text);
        if (!m) break;
        const groups: Array<string | undefined> = new Array(m.length);
        const groupStarts: number[] = new Array(m.length);
        for (let g = 0; g < m.length; g++) {
          groups[g] = m[g];
          groupStarts[g] = m.indices![g]?.[0] ?? -1;
        }
        const end = m.index + m[0].length;
        out.push({ start: m.index, end, groups, groupStarts });
        if (end === m.index) {
          if (end >= text.length) break;
          find.lastIndex = end + 1;
        }
      }
      return out;
    },
  };
}
