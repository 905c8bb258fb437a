/**
 * Semgrep's pattern metasyntax (`$X`, `$_`, `$...ARGS`, `...`, `<... P ...>`, typed metavariables
 * `($X: T)` / `(T $X)`) is not valid code in most languages. Before a pattern is parsed with the
 * target grammar, each operator is replaced by a plain identifier the grammar accepts wherever an
 * expression, argument, parameter, statement or name can stand; the compiler recognises those
 * identifiers again in the tree.
 */

const PREFIX = '__moat_';
const MV = `${PREFIX}mv_`;
const ELLMV = `${PREFIX}ellmv_`;
const ELL = `${PREFIX}ell_`;
const DEEP = `${PREFIX}deep_`;
const TYPED = `${PREFIX}tmv`;

export type Placeholder =
  | { readonly t: 'mv'; readonly name: string | undefined }
  | { readonly t: 'ellmv'; readonly name: string }
  | { readonly t: 'ell' }
  | { readonly t: 'deep' };

export interface Substituted {
  readonly text: string;
  /** placeholder → the metasyntax it replaced, to restore text inside string literals. */
  readonly originals: ReadonlyMap<string, string>;
  /** placeholder → the typed metavariable it replaced (`$_` has no name). */
  readonly typed: ReadonlyMap<string, TypedMetavariable>;
}

export interface TypedMetavariable {
  readonly name: string | undefined;
  /** The type as written in the pattern (`DomSanitizer`, `*http.Request`). */
  readonly type: string;
}

/**
 * How a typed metavariable is written: `($X: T)` (TypeScript; Go writes `($X : T)`) or `(T $X)`
 * (Java, C-like).
 */
export type TypedMetavariableSyntax = 'name-colon-type' | 'type-name';

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
  /** The language's typed-metavariable syntax, if it has one. */
  readonly typedMetavariables?: TypedMetavariableSyntax;
}

const METAVAR = /\$([A-Z_][A-Z0-9_]*)/y;
const ELLIPSIS_METAVAR = /\$\.\.\.([A-Z_][A-Z0-9_]*)/y;
const TYPED_NAME_FIRST = /\(\s*\$([A-Z_][A-Z0-9_]*)\s*:\s*([^()=;{}]+?)\s*\)/y;
const TYPED_TYPE_FIRST = /\(\s*([A-Za-z_][\w.]*(?:\s*<[^()]*?>)?(?:\s*\[\s*\])*)\s+\$([A-Z_][A-Z0-9_]*)\s*\)/y;
/** Words after which `(` opens an expression, not a parameter list or a statement's header. */
const EXPRESSION_KEYWORDS = new Set(['return', 'throw', 'await', 'yield', 'typeof', 'void', 'delete', 'case', 'in', 'of', 'else', 'do', 'assert']);

/**
 * A typed metavariable starting at the `(` at `at`: only where an expression can start (not
 * after a name, which makes it a call's arguments or a parameter list, nor before `=>`/`->`).
 */
function typedAt(pattern: string, at: number, syntax: TypedMetavariableSyntax): { length: number; typed: TypedMetavariable } | undefined {
  const re = syntax === 'name-colon-type' ? TYPED_NAME_FIRST : TYPED_TYPE_FIRST;
  re.lastIndex = at;
  const m = re.exec(pattern);
  if (!m) return undefined;
  const before = /([\w$\])>]*)\s*$/.exec(pattern.slice(0, at))?.[1] ?? '';
  if (before !== '' && !EXPRESSION_KEYWORDS.has(before)) return undefined;
  if (/^\s*(?:=>|->)/.test(pattern.slice(at + m[0].length))) return undefined;
  const [name, type] = syntax === 'name-colon-type' ? [m[1], m[2]] : [m[2], m[1]];
  return { length: m[0].length, typed: { name: name === '_' ? undefined : '$' + name, type: type.trim() } };
}

/** Replaces the metasyntax in `pattern` with placeholder identifiers. */
export function substituteMetasyntax(pattern: string, options: SubstituteOptions = {}): Substituted {
  const originals = new Map<string, string>();
  const typed = new Map<string, TypedMetavariable>();
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
    const t = ch === '(' && options.typedMetavariables ? typedAt(pattern, i, options.typedMetavariables) : undefined;
    if (t) {
      const ph = `${TYPED}${typed.size}_${t.typed.name?.slice(1) ?? '_'}`;
      typed.set(ph, t.typed);
      originals.set(ph, pattern.slice(i, i + t.length));
      out += ph;
      i += t.length;
      continue;
    }
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
  return { text: out, originals, typed };
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
  return text.replace(/__moat_(?:ellmv_[A-Z0-9_]+|mv_[A-Z0-9_]+|ell_\d+|deep_\d+\(|tmv\d+_[A-Z0-9_]+)/g, (ph) => originals.get(ph) ?? ph);
}
