/**
 * A small lexer for the Vault lookup quick fix: splits source text into identifier, number, string and
 * punctuation tokens (comments skipped) for Python, JavaScript/TypeScript, Go, Java and HCL, so the fix
 * can find the string literal around a secret and the brackets that enclose it without a parser.
 */

export type TokenKind = 'id' | 'num' | 'str' | 'punct';

export interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** For strings: the literal holds interpolation (f-string, template literal, HCL `${}`), or is a raw/bytes/heredoc form. */
  readonly special?: 'interpolated' | 'bytes' | 'heredoc' | 'textblock';
}

export type Dialect = 'python' | 'js' | 'go' | 'java' | 'hcl';

const REGEX_AFTER_WORDS = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'yield', 'await', 'instanceof']);

/** Tokens of `text`; throws on an unterminated string or comment (the caller reports that as unsupported). */
export function tokenize(text: string, dialect: Dialect): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = text.length;
  const push = (kind: TokenKind, start: number, end: number, special?: Token['special']): void => {
    out.push(special ? { kind, start, end, text: text.slice(start, end), special } : { kind, start, end, text: text.slice(start, end) });
  };
  const hashComments = dialect === 'python' || dialect === 'hcl';
  const slashComments = dialect !== 'python';

  while (i < n) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\\' && dialect === 'python') { i++; continue; }
    if (hashComments && c === '#') { i = lineEnd(text, i); continue; }
    if (slashComments && c === '/' && text[i + 1] === '/') { i = lineEnd(text, i); continue; }
    if (slashComments && c === '/' && text[i + 1] === '*') {
      const e = text.indexOf('*/', i + 2);
      if (e < 0) throw new Error('unterminated comment');
      i = e + 2;
      continue;
    }
    if (dialect === 'js' && c === '#' && i === 0 && text[1] === '!') { i = lineEnd(text, i); continue; }

    // Identifiers (and Python string prefixes).
    if (isIdStart(c)) {
      let j = i + 1;
      while (j < n && (isIdPart(text[j]) || (dialect === 'hcl' && text[j] === '-'))) j++;
      const word = text.slice(i, j);
      if (dialect === 'python' && (text[j] === '"' || text[j] === "'") && /^(?:[rRuUbBfF]|[rR][bBfF]|[bBfF][rR])$/.test(word)) {
        const lower = word.toLowerCase();
        const e = scanPythonString(text, j, lower.includes('r'));
        push('str', i, e, lower.includes('f') ? 'interpolated' : lower.includes('b') ? 'bytes' : undefined);
        i = e;
        continue;
      }
      push('id', i, j);
      i = j;
      continue;
    }
    if (c >= '0' && c <= '9') {
      let j = i + 1;
      while (j < n && /[\w.]/.test(text[j])) j++;
      push('num', i, j);
      i = j;
      continue;
    }
    if (c === '"' || c === "'") {
      if (dialect === 'python') {
        const e = scanPythonString(text, i, false);
        push('str', i, e);
        i = e;
        continue;
      }
      if (dialect === 'java' && text.startsWith('"""', i)) {
        const e = text.indexOf('"""', i + 3);
        if (e < 0) throw new Error('unterminated text block');
        push('str', i, e + 3, 'textblock');
        i = e + 3;
        continue;
      }
      if (dialect === 'hcl' && c === '"') {
        const r = scanHclString(text, i);
        push('str', i, r.end, r.interpolated ? 'interpolated' : undefined);
        i = r.end;
        continue;
      }
      const e = scanQuoted(text, i, c);
      push('str', i, e);
      i = e;
      continue;
    }
    if (c === '`' && dialect === 'js') {
      const r = scanTemplate(text, i);
      push('str', i, r.end, r.interpolated ? 'interpolated' : undefined);
      i = r.end;
      continue;
    }
    if (c === '`' && dialect === 'go') {
      const e = text.indexOf('`', i + 1);
      if (e < 0) throw new Error('unterminated raw string');
      push('str', i, e + 1);
      i = e + 1;
      continue;
    }
    if (dialect === 'hcl' && c === '<' && text[i + 1] === '<' && /^<<-?[A-Za-z_]\w*\r?\n/.test(text.slice(i, i + 200))) {
      const m = /^<<-?([A-Za-z_]\w*)/.exec(text.slice(i))!;
      const re = new RegExp(`^[ \\t]*${m[1]}[ \\t]*$`, 'm');
      const bodyStart = lineEnd(text, i) + 1;
      const rest = re.exec(text.slice(bodyStart));
      if (!rest) throw new Error('unterminated heredoc');
      const e = bodyStart + rest.index + rest[0].length;
      push('str', i, e, 'heredoc');
      i = e;
      continue;
    }
    if (dialect === 'js' && c === '/' && regexAllowed(out) && !(text[i - 1] === '<' || text[i + 1] === '>')) {
      const e = scanRegex(text, i);
      push('str', i, e, 'bytes');
      i = e;
      continue;
    }
    if (c === '=' && text[i + 1] === '>') { push('punct', i, i + 2); i += 2; continue; }
    if (c === ':' && text[i + 1] === '=') { push('punct', i, i + 2); i += 2; continue; }
    if (c === '?' && text[i + 1] === '.' && !/\d/.test(text[i + 2] ?? '')) { push('punct', i, i + 2); i += 2; continue; }
    if (c === '*' && text[i + 1] === '*') { push('punct', i, i + 2); i += 2; continue; }
    push('punct', i, i + 1);
    i++;
  }
  return out;
}

function lineEnd(text: string, i: number): number {
  const e = text.indexOf('\n', i);
  return e < 0 ? text.length : e;
}

function isIdStart(c: string): boolean {
  return /[A-Za-z_$@]/.test(c) || c > '\u007f';
}

function isIdPart(c: string): boolean {
  return /[\w$]/.test(c) || c > '\u007f';
}

function scanQuoted(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') { i += 2; continue; }
    if (c === quote) return i + 1;
    if (c === '\n') throw new Error('unterminated string');
    i++;
  }
  throw new Error('unterminated string');
}

function scanPythonString(text: string, start: number, raw: boolean): number {
  const q = text[start];
  const triple = text.startsWith(q + q + q, start);
  const close = triple ? q + q + q : q;
  let i = start + close.length;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') { i += 2; continue; }
    if (!triple && c === '\n') throw new Error('unterminated string');
    if (text.startsWith(close, i)) return i + close.length;
    i++;
  }
  void raw;
  throw new Error('unterminated string');
}

/** Skips a `${ ... }` interpolation starting at the `{`; returns the index after the matching `}`. */
function skipInterpolation(text: string, open: number, dialect: 'js' | 'hcl'): number {
  let depth = 0;
  let i = open;
  while (i < text.length) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}') { depth--; if (depth === 0) return i + 1; }
    else if (c === '"' || (dialect === 'js' && c === "'")) { i = dialect === 'hcl' ? scanHclString(text, i).end : scanQuoted(text, i, c); continue; }
    else if (c === '`' && dialect === 'js') { i = scanTemplate(text, i).end; continue; }
    i++;
  }
  throw new Error('unterminated interpolation');
}

function scanTemplate(text: string, start: number): { end: number; interpolated: boolean } {
  let i = start + 1;
  let interpolated = false;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') { i += 2; continue; }
    if (c === '`') return { end: i + 1, interpolated };
    if (c === '$' && text[i + 1] === '{') { interpolated = true; i = skipInterpolation(text, i + 1, 'js'); continue; }
    i++;
  }
  throw new Error('unterminated template literal');
}

function scanHclString(text: string, start: number): { end: number; interpolated: boolean } {
  let i = start + 1;
  let interpolated = false;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') { i += 2; continue; }
    if (c === '"') return { end: i + 1, interpolated };
    if ((c === '$' || c === '%') && text[i + 1] === '{' && text[i - 1] !== c) { interpolated = true; i = skipInterpolation(text, i + 1, 'hcl'); continue; }
    if (c === '\n') throw new Error('unterminated string');
    i++;
  }
  throw new Error('unterminated string');
}

function regexAllowed(out: Token[]): boolean {
  const prev = out[out.length - 1];
  if (!prev) return true;
  if (prev.kind === 'num' || prev.kind === 'str') return false;
  if (prev.kind === 'id') return REGEX_AFTER_WORDS.has(prev.text);
  return !(prev.text === ')' || prev.text === ']');
}

function scanRegex(text: string, start: number): number {
  let i = start + 1;
  let inClass = false;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') { i += 2; continue; }
    if (c === '\n') throw new Error('unterminated regex');
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) {
      i++;
      while (i < text.length && /\w/.test(text[i])) i++;
      return i;
    }
    i++;
  }
  throw new Error('unterminated regex');
}

/** Index of the string token holding [start, end), or -1. */
export function literalIndex(tokens: readonly Token[], start: number, end: number): number {
  return tokens.findIndex((t) => t.kind === 'str' && t.start <= start && end <= t.end && t.start < end);
}

/** For each bracket token index, the index of its partner (both directions); unmatched brackets are absent. */
export function matchBrackets(tokens: readonly Token[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  const opens: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  tokens.forEach((t, i) => {
    if (t.kind !== 'punct') return;
    if (t.text === '(' || t.text === '[' || t.text === '{') stack.push(i);
    else if (opens[t.text]) {
      const top = stack[stack.length - 1];
      if (top !== undefined && tokens[top].text === opens[t.text]) {
        stack.pop();
        pairs.set(top, i);
        pairs.set(i, top);
      }
    }
  });
  return pairs;
}

/** Indexes of the open brackets enclosing token `at`, outermost first. */
export function enclosingOpens(tokens: readonly Token[], pairs: ReadonlyMap<number, number>, at: number): number[] {
  const result: number[] = [];
  for (let i = 0; i < at; i++) {
    const t = tokens[i];
    if (t.kind === 'punct' && (t.text === '(' || t.text === '[' || t.text === '{')) {
      const close = pairs.get(i);
      if (close === undefined || close > at) result.push(i);
    }
  }
  return result;
}

/** Offset of the start of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the end of the line holding `offset` (before its newline). */
export function lineEndOf(text: string, offset: number): number {
  return lineEnd(text, offset);
}

/** The end offset of the line holding the last token of the statement that starts at token `i` (bracket-aware, newline-terminated). */
export function statementEnd(text: string, tokens: readonly Token[], i: number): { lastToken: number; lineEnd: number } {
  let depth = 0;
  let j = i;
  for (; j < tokens.length; j++) {
    const t = tokens[j];
    if (t.kind === 'punct') {
      if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
      else if (t.text === ')' || t.text === ']' || t.text === '}') depth--;
    }
    const next = tokens[j + 1];
    if (depth <= 0 && (!next || text.slice(t.end, next.start).includes('\n'))) break;
    if (depth <= 0 && t.kind === 'punct' && t.text === ';') break;
  }
  const last = Math.min(j, tokens.length - 1);
  return { lastToken: last, lineEnd: lineEnd(text, tokens[last].end) };
}
