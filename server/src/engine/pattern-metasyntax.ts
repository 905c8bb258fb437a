/**
 * Semgrep's pattern metasyntax (`$X`, `$_`, `$...ARGS`, `...`, `<... P ...>`) is not valid code in
 * most languages. Before a pattern is parsed with the target grammar, each operator is replaced by
 * a plain identifier the grammar accepts wherever an expression, argument, parameter, statement or
 * name can stand; the compiler recognises those identifiers again in the tree.
 */

const PREFIX = '__moat_';
const MV = `${PREFIX}mv_`;
const ELLMV = `${PREFIX}ellmv_`;
const ELL = `${PREFIX}ell_`;
const DEEP = `${PREFIX}deep_`;

export type Placeholder =
  | { readonly t: 'mv'; readonly name: string | undefined }
  | { readonly t: 'ellmv'; readonly name: string }
  | { readonly t: 'ell' }
  | { readonly t: 'deep' };

export interface Substituted {
  readonly text: string;
  /** placeholder → the metasyntax it replaced, to restore text inside string literals. */
  readonly originals: ReadonlyMap<string, string>;
}

export interface SubstituteOptions {
  /** `...name` is spread syntax in this language (JS/TS): leave it alone. */
  readonly spreadSyntax?: boolean;
  /** How a `...` alone on its line is written (`{ph};` in Java, `{ph} = 0` in HCL). */
  readonly ellipsisLine?: string;
  /** `...` directly inside `{ }` holding `key: value` items becomes a placeholder pair. */
  readonly ellipsisPairs?: boolean;
  /** `...` among `key = value` annotation arguments (Java) becomes a placeholder pair. */
  readonly annotationPairs?: boolean;
  /** JSON: metavariables are written quoted, `...` in an object becomes a placeholder pair. */
  readonly quotedMetasyntax?: boolean;
}

const METAVAR = /\$([A-Z_][A-Z0-9_]*)/y;
const ELLIPSIS_METAVAR = /\$\.\.\.([A-Z_][A-Z0-9_]*)/y;

/** Replaces the metasyntax in `pattern` with placeholder identifiers. */
export function substituteMetasyntax(pattern: string, options: SubstituteOptions = {}): Substituted {
  const originals = new Map<string, string>();
  let out = '';
  let ellipses = 0;
  let deep = 0;
  let openDeep = 0;
  let i = 0;
  const lineIsOnlyEllipsis = (at: number): boolean => {
    const lineStart = pattern.lastIndexOf('\n', at - 1) + 1;
    let lineEnd = pattern.indexOf('\n', at);
    if (lineEnd < 0) lineEnd = pattern.length;
    return pattern.slice(lineStart, lineEnd).trim() === '...';
  };
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === '<' && pattern.startsWith('<...', i)) {
      const ph = `${DEEP}${deep++}(`;
      originals.set(ph, '<...');
      out += ph;
      openDeep++;
      i += 4;
      continue;
    }
    if (ch === '.' && openDeep > 0 && pattern.startsWith('...>', i)) {
      openDeep--;
      out += ')';
      i += 4;
      continue;
    }
    if (ch === '$') {
      ELLIPSIS_METAVAR.lastIndex = i;
      const em = ELLIPSIS_METAVAR.exec(pattern);
      if (em) {
        const ph = ELLMV + em[1];
        originals.set(ph, em[0]);
        out += ph;
        i += em[0].length;
        continue;
      }
      METAVAR.lastIndex = i;
      const m = METAVAR.exec(pattern);
      if (m) {
        const ph = MV + m[1];
        originals.set(ph, m[0]);
        if (options.quotedMetasyntax && !insideString(pattern, i)) {
          originals.set(`"${ph}"`, m[0]);
          out += `"${ph}"`;
        } else out += ph;
        i += m[0].length;
        continue;
      }
    }
    if (ch === '.' && pattern.startsWith('...', i) && pattern[i + 3] !== '.') {
      const next = pattern[i + 3] ?? '';
      const isSpread = options.spreadSyntax === true && /[A-Za-z_$({\[]/.test(next);
      if (!isSpread) {
        const ph = `${ELL}${ellipses++}`;
        originals.set(ph, '...');
        const alone = options.ellipsisLine !== undefined && lineIsOnlyEllipsis(i);
        if (options.quotedMetasyntax && !insideString(pattern, i)) out += innermostBracket(pattern, i) === '{' ? `"${ph}": 0` : `"${ph}"`;
        else if (options.ellipsisPairs && innermostBracket(pattern, i) === '{' && bracesHoldPairs(pattern, i, ':')) out += `${ph}: 0`;
        else if (options.annotationPairs && innermostBracket(pattern, i) === '(' && insideAnnotation(pattern, i) && bracesHoldPairs(pattern, i, '=')) out += `${ph} = 0`;
        else out += alone ? options.ellipsisLine!.replace('{ph}', ph) : ph;
        i += 3;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return { text: out, originals };
}

/** Is offset `at` inside a double-quoted string (JSON strings only use double quotes)? */
function insideString(text: string, at: number): boolean {
  let inside = false;
  for (let i = 0; i < at; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') inside = !inside;
  }
  return inside;
}

/** The innermost unclosed `{` or `[` before offset `at`. */
function innermostBracket(text: string, at: number): string | undefined {
  const stack: string[] = [];
  let inside = false;
  for (let i = 0; i < at; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"') inside = !inside;
    else if (!inside && (c === '{' || c === '[' || c === '(')) stack.push(c);
    else if (!inside && (c === '}' || c === ']' || c === ')')) stack.pop();
  }
  return stack[stack.length - 1];
}

/** Do the braces enclosing offset `at` hold `key: value` items (a dict, not a set)? */
function bracesHoldPairs(text: string, at: number, separator: ':' | '='): boolean {
  let depth = 0;
  let start = at;
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '}' || c === ']' || c === ')') depth++;
    else if (c === '{' || c === '[' || c === '(') {
      if (depth === 0) {
        start = i;
        break;
      }
      depth--;
    }
  }
  depth = 0;
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') {
      if (depth === 0) return false;
      depth--;
    } else if (c === separator && depth === 0 && text[i + 1] !== '=' && text[i - 1] !== '=' && text[i - 1] !== '!') return true;
  }
  return false;
}

/** Is offset `at` inside the argument list of an annotation (`@Name(`)? */
function insideAnnotation(text: string, at: number): boolean {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i];
    if (c === ')') depth++;
    else if (c === '(') {
      if (depth === 0) return /@[\w.]+\s*$/.test(text.slice(0, i));
      depth--;
    }
  }
  return false;
}

/** What a placeholder identifier stands for, or undefined for ordinary text. */
const PLACEHOLDER = /^__moat_(?:ellmv_[A-Z0-9_]+|mv_[A-Z0-9_]+|ell_\d+|deep_\d+)$/;

export function placeholderOf(text: string): Placeholder | undefined {
  if (!text.startsWith(PREFIX) || !PLACEHOLDER.test(text)) return undefined;
  if (text.startsWith(ELLMV)) return { t: 'ellmv', name: '$' + text.slice(ELLMV.length) };
  if (text.startsWith(MV)) {
    const name = text.slice(MV.length);
    return { t: 'mv', name: name === '_' ? undefined : '$' + name };
  }
  if (text.startsWith(ELL) && /^\d+$/.test(text.slice(ELL.length))) return { t: 'ell' };
  if (text.startsWith(DEEP) && /^\d+$/.test(text.slice(DEEP.length))) return { t: 'deep' };
  return undefined;
}

/** Splits text (a string literal's content) into literal parts and placeholders. */
export function splitPlaceholders(text: string): Array<string | Placeholder> {
  const parts: Array<string | Placeholder> = [];
  const re = /__moat_(?:ellmv_[A-Z0-9_]+|mv_[A-Z0-9_]+|ell_\d+)/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push(placeholderOf(m[0])!);
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** Puts the original metasyntax back in place of every placeholder in `text`. */
export function restoreMetasyntax(text: string, originals: ReadonlyMap<string, string>): string {
  return text.replace(/__moat_(?:ellmv_[A-Z0-9_]+|mv_[A-Z0-9_]+|ell_\d+|deep_\d+\()/g, (ph) => originals.get(ph) ?? ph);
}
