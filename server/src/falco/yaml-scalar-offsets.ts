/**
 * Where each character of a YAML scalar's value sits in the source text, so that a problem found
 * inside a value (a condition, an output) is reported at its own line and column. YAML folding
 * only changes whitespace (line breaks, indentation), so the value's non-blank characters are
 * aligned one by one with the non-blank characters the source contributes — after decoding
 * `''` in single-quoted and backslash escapes in double-quoted scalars, and after the header of
 * a block scalar. If the two do not line up, every index maps to the scalar's start. Pure.
 */
import type { Scalar } from 'yaml';

const BLANK = /\s/;

/** Offsets in `source` for each index of the scalar's value (and one past its end). */
export function scalarValueOffsets(source: string, node: Scalar): (index: number) => number {
  const value = typeof node.value === 'string' ? node.value : String(node.value);
  const [start, end] = node.range ?? [0, 0];
  const produced = sourceCharacters(source, node.type, start, end);
  const valueIndexes: number[] = [];
  for (let i = 0; i < value.length; i++) if (!BLANK.test(value[i])) valueIndexes.push(i);
  const aligned = produced.length === valueIndexes.length && produced.every((p, k) => p.ch === value[valueIndexes[k]]);
  if (!aligned) return () => start;
  const offsets = new Int32Array(value.length + 1).fill(-1);
  valueIndexes.forEach((vi, k) => (offsets[vi] = produced[k].offset));
  // Blanks take the offset after the previous character (or the next character's, at the start).
  let previous = -1;
  for (let i = 0; i <= value.length; i++) {
    if (offsets[i] >= 0) previous = offsets[i];
    else offsets[i] = previous >= 0 ? previous + 1 : (produced[0]?.offset ?? start);
  }
  return (index: number) => offsets[Math.max(0, Math.min(index, value.length))];
}

interface Produced {
  readonly ch: string;
  readonly offset: number;
}

function sourceCharacters(source: string, type: Scalar['type'], start: number, end: number): Produced[] {
  const out: Produced[] = [];
  const push = (ch: string, offset: number) => {
    if (!BLANK.test(ch)) out.push({ ch, offset });
  };
  switch (type) {
    case 'QUOTE_SINGLE':
      for (let i = start + 1; i < end - 1; i++) {
        push(source[i], i);
        if (source[i] === "'" && source[i + 1] === "'") i++;
      }
      return out;
    case 'QUOTE_DOUBLE':
      for (let i = start + 1; i < end - 1; i++) {
        if (source[i] !== '\\') {
          push(source[i], i);
          continue;
        }
        const escape = source[i + 1];
        const length = escape === 'x' ? 2 : escape === 'u' ? 4 : escape === 'U' ? 8 : 0;
        if (length > 0) push(String.fromCodePoint(parseInt(source.slice(i + 2, i + 2 + length), 16)), i);
        else if (escape !== '\n' && escape !== '\r') push(DOUBLE_QUOTE_ESCAPES[escape] ?? escape, i);
        i += 1 + length;
      }
      return out;
    case 'BLOCK_FOLDED':
    case 'BLOCK_LITERAL': {
      const header = source.indexOf('\n', start);
      for (let i = header < 0 ? end : header + 1; i < end; i++) push(source[i], i);
      return out;
    }
    default:
      for (let i = start; i < end; i++) push(source[i], i);
      return out;
  }
}

const DOUBLE_QUOTE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
