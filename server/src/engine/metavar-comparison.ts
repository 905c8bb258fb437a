/**
 * Semgrep's `metavariable-comparison` `comparison:` expressions, e.g. `int($PORT) < 1024 and $X in [1, 2]`.
 *
 * A safe, Python-like subset: a hand-written tokenizer and recursive-descent parser build an AST,
 * and a small evaluator walks it. Nothing is ever handed to `eval`/`Function`, regexes run on RE2
 * (linear time), and the source length and nesting depth are bounded, so a hostile rule cannot hang
 * or crash the scanner.
 */
import { RE2JS } from 're2js';

export type ComparisonValue = number | string | boolean | null | ComparisonValue[];

export interface CompiledComparison {
  readonly source: string;
  evaluate(
    lookup: (name: string) => ComparisonValue | undefined,
  ): { ok: true; value: boolean } | { ok: false; message: string };
  readonly metavariables: readonly string[];
}

const MAX_SOURCE_LENGTH = 2000;
const MAX_DEPTH = 100;

// ---------------------------------------------------------------------------------------------
// Errors

/** A syntax (compile-time) error at a 1-based column. */
class CompileFailure extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}

/** A run-time error (type error, division by zero, unbound metavariable, …). */
class EvaluationFailure extends Error {}

function fail(message: string): never {
  throw new EvaluationFailure(message);
}

// ---------------------------------------------------------------------------------------------
// Tokenizer

type Token =
  | { readonly kind: 'number'; readonly value: number; readonly text: string; readonly column: number }
  | { readonly kind: 'string'; readonly value: string; readonly text: string; readonly column: number }
  | { readonly kind: 'metavar' | 'name' | 'punct'; readonly text: string; readonly column: number }
  | { readonly kind: 'end'; readonly text: ''; readonly column: number };

const PUNCTUATION = ['**', '//', '==', '!=', '<=', '>=', '(', ')', '[', ']', ',', '.', '+', '-', '*', '/', '%', '<', '>'];

const DIGITS = String.raw`\d(?:_?\d)*`;
const EXPONENT = String.raw`[eE][+-]?${DIGITS}`;
const PREFIXED_INT = /0(?:[xX](?:_?[0-9a-fA-F])+|[oO](?:_?[0-7])+|[bB](?:_?[01])+)/y;
const FLOAT = new RegExp(String.raw`(?:${DIGITS})?\.${DIGITS}(?:${EXPONENT})?|${DIGITS}\.(?:${EXPONENT})?|${DIGITS}${EXPONENT}`, 'y');
const DECIMAL_INT = new RegExp(DIGITS, 'y');
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const METAVARIABLE = /\$[A-Z0-9_]+/y;

function stickyMatch(regex: RegExp, source: string, index: number): string | undefined {
  regex.lastIndex = index;
  return regex.exec(source)?.[0];
}

function describe(token: Token): string {
  return token.kind === 'end' ? 'end of expression' : JSON.stringify(token.text);
}

function unexpected(token: Token): CompileFailure {
  return new CompileFailure(`unexpected ${describe(token)} at column ${token.column}`, token.column);
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source[index];
    if (/\s/.test(char)) {
      index += 1;
      continue;
    }
    const token = readToken(source, index);
    tokens.push(token);
    index += token.text.length;
  }
  tokens.push({ kind: 'end', text: '', column: source.length + 1 });
  return tokens;
}

function readToken(source: string, index: number): Token {
  const char = source[index];
  const column = index + 1;
  if (/[0-9]/.test(char) || (char === '.' && /[0-9]/.test(source[index + 1] ?? ''))) {
    return readNumber(source, index);
  }
  if (char === '"' || char === "'") return readString(source, index, false);
  if (/[rR]/.test(char) && /["']/.test(source[index + 1] ?? '')) return readString(source, index, true);
  if (char === '$') return readMetavariable(source, index);
  const name = stickyMatch(NAME, source, index);
  if (name !== undefined) return { kind: 'name', text: name, column };
  const punct = PUNCTUATION.find((p) => source.startsWith(p, index));
  if (punct !== undefined) return { kind: 'punct', text: punct, column };
  const hint = char === '=' ? ' (use "==" to compare)' : char === '!' ? ' (use "not" or "!=")' : '';
  throw new CompileFailure(`unexpected ${JSON.stringify(char)} at column ${column}${hint}`, column);
}

function readNumber(source: string, index: number): Token {
  const column = index + 1;
  let text = stickyMatch(PREFIXED_INT, source, index);
  let value: number;
  if (text !== undefined) {
    value = Number(BigInt(text.replace(/_/g, '')));
  } else if ((text = stickyMatch(FLOAT, source, index)) !== undefined) {
    value = Number(text.replace(/_/g, ''));
  } else {
    text = stickyMatch(DECIMAL_INT, source, index) ?? source[index];
    const digits = text.replace(/_/g, '');
    if (/^0+[1-9]/.test(digits)) {
      throw new CompileFailure(
        `leading zeros are not allowed in decimal integer ${text} at column ${column} (use 0o for octal)`,
        column,
      );
    }
    value = Number(BigInt(digits));
  }
  const after = source[index + text.length] ?? '';
  if (/[A-Za-z0-9_.]/.test(after)) {
    throw new CompileFailure(`invalid number literal at column ${column}`, column);
  }
  return { kind: 'number', value, text, column };
}

function readString(source: string, index: number, raw: boolean): Token {
  const column = index + 1;
  const start = raw ? index + 1 : index;
  const quote = source[start];
  let end = start + 1;
  while (end < source.length && source[end] !== quote) {
    if (source[end] === '\n') break;
    end += source[end] === '\\' ? 2 : 1;
  }
  if (end >= source.length || source[end] !== quote) {
    throw new CompileFailure(`unterminated string starting at column ${column}`, column);
  }
  const body = source.slice(start + 1, end);
  const value = raw ? body : unescape(body, column);
  return { kind: 'string', value, text: source.slice(index, end + 1), column };
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\n': '',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** Length of `x12`, `u1234` and `U0001f600` escapes, after the backslash. */
const HEX_ESCAPE_LENGTHS: Readonly<Record<string, number | undefined>> = { x: 3, u: 5, U: 9 };

/** Python string escapes; an unknown escape such as `\d` keeps its backslash, as in Python. */
function unescape(body: string, column: number): string {
  return body.replace(/\\(x[0-9a-fA-F]{0,2}|u[0-9a-fA-F]{0,4}|U[0-9a-fA-F]{0,8}|[0-7]{1,3}|[\s\S])/g, (whole, esc: string) => {
    const simple = SIMPLE_ESCAPES[esc];
    if (simple !== undefined) return simple;
    if (/^[0-7]/.test(esc)) return String.fromCodePoint(parseInt(esc, 8));
    const expected = HEX_ESCAPE_LENGTHS[esc[0]];
    if (expected === undefined) return whole;
    const code = esc.length === expected ? parseInt(esc.slice(1), 16) : NaN;
    if (Number.isNaN(code) || code > 0x10ffff) {
      throw new CompileFailure(`invalid \\${esc[0]} escape in string at column ${column}`, column);
    }
    return String.fromCodePoint(code);
  });
}

function readMetavariable(source: string, index: number): Token {
  const column = index + 1;
  const text = stickyMatch(METAVARIABLE, source, index);
  if (text === undefined || /[a-z]/.test(source[index + text.length] ?? '')) {
    throw new CompileFailure(
      `invalid metavariable at column ${column}: expected $ followed by uppercase letters, digits or _`,
      column,
    );
  }
  return { kind: 'metavar', text, column };
}

// ---------------------------------------------------------------------------------------------
// AST and parser

type ArithmeticOperator = '+' | '-' | '*' | '/' | '//' | '%' | '**';
type ComparisonOperator = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not in';
type FunctionName = 'int' | 'str' | 'float' | 'len' | 're.match';

type Node =
  | { readonly kind: 'literal'; readonly value: ComparisonValue }
  | { readonly kind: 'metavar'; readonly name: string }
  | { readonly kind: 'list'; readonly items: readonly Node[] }
  | { readonly kind: 'negate' | 'plus' | 'not'; readonly operand: Node }
  | { readonly kind: 'arithmetic'; readonly op: ArithmeticOperator; readonly left: Node; readonly right: Node }
  | { readonly kind: 'and' | 'or'; readonly left: Node; readonly right: Node }
  | { readonly kind: 'compare'; readonly first: Node; readonly rest: readonly ComparisonStep[] }
  | { readonly kind: 'call'; readonly name: FunctionName; readonly args: readonly Node[]; readonly regex?: RE2JS };

interface ComparisonStep {
  readonly op: ComparisonOperator;
  readonly right: Node;
}

const ARITY: Readonly<Record<FunctionName, readonly [number, number]>> = {
  int: [1, 2],
  str: [1, 1],
  float: [1, 1],
  len: [1, 1],
  're.match': [2, 2],
};

function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(ARITY, name);
}

class Parser {
  private position = 0;
  private depth = 0;
  readonly metavariables: string[] = [];

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): Node {
    const node = this.parseOr();
    if (this.peek().kind !== 'end') throw unexpected(this.peek());
    return node;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.position + offset, this.tokens.length - 1)];
  }

  private next(): Token {
    const token = this.peek();
    this.position += 1;
    return token;
  }

  private isPunct(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'punct' && token.text === text;
  }

  private isKeyword(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'name' && token.text === text;
  }

  private expectPunct(text: string): void {
    const token = this.next();
    if (token.kind !== 'punct' || token.text !== text) {
      throw new CompileFailure(`expected "${text}" but found ${describe(token)} at column ${token.column}`, token.column);
    }
  }

  /** Runs `parse` one nesting level deeper, refusing to go past MAX_DEPTH. */
  private nested<T>(parse: () => T): T {
    if (this.depth >= MAX_DEPTH) {
      const column = this.peek().column;
      throw new CompileFailure(`expression is nested more than ${MAX_DEPTH} levels deep at column ${column}`, column);
    }
    this.depth += 1;
    try {
      return parse();
    } finally {
      this.depth -= 1;
    }
  }

  private parseOr(): Node {
    let left = this.parseAnd();
    while (this.isKeyword('or')) {
      this.next();
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): Node {
    let left = this.parseNot();
    while (this.isKeyword('and')) {
      this.next();
      left = { kind: 'and', left, right: this.parseNot() };
    }
    return left;
  }

  private parseNot(): Node {
    if (!this.isKeyword('not')) return this.parseComparison();
    this.next();
    return { kind: 'not', operand: this.nested(() => this.parseNot()) };
  }

  private parseComparison(): Node {
    const first = this.parseAdditive();
    const rest: ComparisonStep[] = [];
    for (let op = this.comparisonOperator(); op !== undefined; op = this.comparisonOperator()) {
      rest.push({ op, right: this.parseAdditive() });
    }
    return rest.length === 0 ? first : { kind: 'compare', first, rest };
  }

  /** Consumes and returns a comparison operator, if one comes next. */
  private comparisonOperator(): ComparisonOperator | undefined {
    const token = this.peek();
    if (token.kind === 'punct' && ['==', '!=', '<', '<=', '>', '>='].includes(token.text)) {
      this.next();
      return token.text as ComparisonOperator;
    }
    if (this.isKeyword('in')) {
      this.next();
      return 'in';
    }
    if (this.isKeyword('not') && this.isKeyword('in', 1)) {
      this.position += 2;
      return 'not in';
    }
    return undefined;
  }

  private parseAdditive(): Node {
    let left = this.parseMultiplicative();
    while (this.isPunct('+') || this.isPunct('-')) {
      const op = this.next().text as ArithmeticOperator;
      left = { kind: 'arithmetic', op, left, right: this.parseMultiplicative() };
    }
    return left;
  }

  private parseMultiplicative(): Node {
    let left = this.parseUnary();
    while (['*', '/', '//', '%'].some((op) => this.isPunct(op))) {
      const op = this.next().text as ArithmeticOperator;
      left = { kind: 'arithmetic', op, left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): Node {
    if (this.isPunct('-') || this.isPunct('+')) {
      const kind = this.next().text === '-' ? 'negate' : 'plus';
      return { kind, operand: this.nested(() => this.parseUnary()) };
    }
    return this.parsePower();
  }

  /** `**` binds tighter than a unary minus on its left and is right-associative: -2**-1 == -(2**(-1)). */
  private parsePower(): Node {
    const base = this.parsePrimary();
    if (!this.isPunct('**')) return base;
    this.next();
    return { kind: 'arithmetic', op: '**', left: base, right: this.nested(() => this.parseUnary()) };
  }

  private parsePrimary(): Node {
    const token = this.next();
    switch (token.kind) {
      case 'number':
      case 'string':
        return { kind: 'literal', value: token.value };
      case 'metavar':
        if (!this.metavariables.includes(token.text)) this.metavariables.push(token.text);
        return { kind: 'metavar', name: token.text };
      case 'name':
        return this.parseName(token);
      case 'punct':
        if (token.text === '(') return this.parseParenthesized();
        if (token.text === '[') return { kind: 'list', items: this.parseSequence(']') };
        throw unexpected(token);
      case 'end':
        throw unexpected(token);
    }
  }

  private parseParenthesized(): Node {
    const inner = this.nested(() => this.parseOr());
    this.expectPunct(')');
    return inner;
  }

  /** Comma-separated expressions up to `close` (already past the opening bracket); a trailing comma is allowed. */
  private parseSequence(close: string): Node[] {
    return this.nested(() => {
      const items: Node[] = [];
      while (!this.isPunct(close)) {
        items.push(this.parseOr());
        if (!this.isPunct(',')) break;
        this.next();
      }
      this.expectPunct(close);
      return items;
    });
  }

  private parseName(token: Token): Node {
    switch (token.text) {
      case 'True':
        return { kind: 'literal', value: true };
      case 'False':
        return { kind: 'literal', value: false };
      case 'None':
        return { kind: 'literal', value: null };
    }
    if (['and', 'or', 'not', 'in'].includes(token.text)) throw unexpected(token);
    let name = token.text;
    if (name === 're' && this.isPunct('.') && this.peek(1).kind === 'name') {
      this.next();
      name = `re.${this.next().text}`;
    }
    if (!this.isPunct('(')) {
      throw new CompileFailure(`unknown name "${name}" at column ${token.column}`, token.column);
    }
    if (!isFunctionName(name)) {
      throw new CompileFailure(
        `unknown function "${name}" at column ${token.column} (supported: int, str, float, len, re.match)`,
        token.column,
      );
    }
    this.next();
    return this.buildCall(name, this.parseSequence(')'), token.column);
  }

  private buildCall(name: FunctionName, args: Node[], column: number): Node {
    const [min, max] = ARITY[name];
    if (args.length < min || args.length > max) {
      const expected = min === max ? `${min}` : `${min} or ${max}`;
      throw new CompileFailure(
        `${name}() takes ${expected} argument${max === 1 ? '' : 's'} but got ${args.length} at column ${column}`,
        column,
      );
    }
    const pattern = args[0];
    if (name === 're.match' && pattern.kind === 'literal' && typeof pattern.value === 'string') {
      const regex = compilePattern(pattern.value);
      if (typeof regex === 'string') throw new CompileFailure(`${regex} at column ${column}`, column);
      return { kind: 'call', name, args, regex };
    }
    return { kind: 'call', name, args };
  }
}

/** Compiles a Python regex for RE2 (`\Z` becomes `\z`); returns an error message on failure. */
function compilePattern(pattern: string): RE2JS | string {
  try {
    return RE2JS.compile(pattern.replace(/(^|[^\\])((?:\\\\)*)\\Z/g, '$1$2\\z'));
  } catch (error) {
    return `invalid regex ${JSON.stringify(pattern)}: ${(error as Error).message}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Value helpers (Python semantics)

function typeName(value: ComparisonValue): string {
  if (value === null) return 'NoneType';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return 'str';
}

function truthy(value: ComparisonValue): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'number') return value !== 0; // NaN is truthy in Python
  return Boolean(value);
}

const PREFIXED_INT_STRING = /^([+-]?)(0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+)$/;
const DECIMAL_STRING = new RegExp(
  String.raw`^[+-]?(?:(?:${DIGITS})?\.${DIGITS}|${DIGITS}\.?)(?:${EXPONENT})?$`,
);

/** The number a numeric-looking string ("1024", " -3 ", "0x10", "1_000", "2.5") stands for. */
function parseNumericString(text: string): number | undefined {
  const trimmed = text.trim();
  const prefixed = PREFIXED_INT_STRING.exec(trimmed);
  if (prefixed) {
    const magnitude = Number(BigInt(prefixed[2].replace(/_/g, '')));
    return prefixed[1] === '-' ? -magnitude : magnitude;
  }
  return DECIMAL_STRING.test(trimmed) ? Number(trimmed.replace(/_/g, '')) : undefined;
}

/** Numbers, booleans (as 0/1) and numeric-looking strings as a number; otherwise undefined. */
function numericValue(value: ComparisonValue): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') return parseNumericString(value);
  return undefined;
}

function pythonRepr(value: ComparisonValue): string {
  if (typeof value === 'string') {
    const escaped = value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\t/g, '\\t');
    return `'${escaped}'`;
  }
  return pythonStr(value);
}

function pythonStr(value: ComparisonValue): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'nan';
    if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  }
  return String(value);
}

function pythonEquals(a: ComparisonValue, b: ComparisonValue): boolean {
  if (a === null || b === null) return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => pythonEquals(item, b[i]));
  }
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return Number(a) === Number(b);
}

function compareCodePoints(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const diff = (left[i].codePointAt(0) ?? 0) - (right[i].codePointAt(0) ?? 0);
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}

/** Negative, zero or positive like a comparator; NaN when unordered (a NaN operand). */
function order(op: string, a: ComparisonValue, b: ComparisonValue): number {
  if (typeof a === 'string' && typeof b === 'string') return compareCodePoints(a, b);
  if (Array.isArray(a) && Array.isArray(b)) {
    const index = a.findIndex((item, i) => i < b.length && !pythonEquals(item, b[i]));
    return index >= 0 && index < b.length ? order(op, a[index], b[index]) : a.length - b.length;
  }
  const x = Array.isArray(a) ? undefined : numericValue(a);
  const y = Array.isArray(b) ? undefined : numericValue(b);
  if (x === undefined || y === undefined) {
    fail(`'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
  }
  return x - y;
}

function contains(container: ComparisonValue, item: ComparisonValue, op: string): boolean {
  if (Array.isArray(container)) return container.some((element) => pythonEquals(element, item));
  if (typeof container === 'string') {
    if (typeof item !== 'string') {
      fail(`'${op} <string>' requires a string as left operand, not '${typeName(item)}'`);
    }
    return container.includes(item);
  }
  return fail(`'${op}': argument of type '${typeName(container)}' is not a list or string`);
}

function compare(op: ComparisonOperator, a: ComparisonValue, b: ComparisonValue): boolean {
  switch (op) {
    case '==':
      return pythonEquals(a, b);
    case '!=':
      return !pythonEquals(a, b);
    case 'in':
      return contains(b, a, op);
    case 'not in':
      return !contains(b, a, op);
    case '<':
      return order(op, a, b) < 0;
    case '<=':
      return order(op, a, b) <= 0;
    case '>':
      return order(op, a, b) > 0;
    case '>=':
      return order(op, a, b) >= 0;
  }
}

function arithmetic(op: ArithmeticOperator, a: ComparisonValue, b: ComparisonValue): ComparisonValue {
  if (op === '+' && typeof a === 'string' && typeof b === 'string') return a + b;
  if (op === '+' && Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  const x = numericValue(a);
  const y = numericValue(b);
  if (x === undefined || y === undefined) {
    fail(`unsupported operand types for '${op}': '${typeName(a)}' and '${typeName(b)}'`);
  }
  const result = numericOperation(op, x, y);
  if (!Number.isFinite(result) && Number.isFinite(x) && Number.isFinite(y)) {
    fail(`'${op}' result is too large`);
  }
  return result;
}

function numericOperation(op: ArithmeticOperator, x: number, y: number): number {
  if (y === 0 && (op === '/' || op === '//' || op === '%')) fail(`division by zero in '${op}'`);
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return x / y;
    case '//':
      return Math.floor(x / y);
    case '%': {
      const remainder = x % y;
      return remainder !== 0 && remainder < 0 !== y < 0 ? remainder + y : remainder;
    }
    case '**':
      if (x === 0 && y < 0) fail(`'**': 0 cannot be raised to a negative power`);
      if (x < 0 && !Number.isInteger(y)) fail(`'**': a negative number cannot be raised to a fractional power`);
      return x ** y;
  }
}

// ---------------------------------------------------------------------------------------------
// Built-in functions

const PREFIX_BASES: Readonly<Record<string, number | undefined>> = { '0x': 16, '0o': 8, '0b': 2 };

/** Python's int(text, base) for a string; base 0 infers the base from a 0x/0o/0b prefix. */
function parseIntWithBase(text: string, base: number): number | undefined {
  const trimmed = text.trim();
  const sign = /^[+-]/.test(trimmed) ? trimmed[0] : '';
  let body = trimmed.slice(sign.length);
  let effectiveBase = base === 0 ? 10 : base;
  const prefixBase = PREFIX_BASES[body.slice(0, 2).toLowerCase()];
  if (prefixBase !== undefined && (base === 0 || base === prefixBase)) {
    effectiveBase = prefixBase;
    body = body.slice(2).replace(/^_/, '');
  } else if (base === 0 && /^0+[^0_]/.test(body.replace(/_/g, ''))) {
    return undefined; // Python: leading zeros are ambiguous with base 0
  }
  if (!/^[0-9a-z](?:_?[0-9a-z])*$/i.test(body)) return undefined;
  const digits = body.replace(/_/g, '');
  let total = 0n;
  for (const digit of digits.toLowerCase()) {
    const value = parseInt(digit, 36);
    if (value >= effectiveBase) return undefined;
    total = total * BigInt(effectiveBase) + BigInt(value);
  }
  const magnitude = Number(total);
  return sign === '-' ? -magnitude : magnitude;
}

function builtinInt(args: readonly ComparisonValue[]): number {
  const [value, baseArg] = args;
  if (baseArg !== undefined) {
    if (typeof value !== 'string') fail(`int() can't convert non-string with explicit base (got '${typeName(value)}')`);
    const base = typeof baseArg === 'boolean' ? Number(baseArg) : baseArg;
    if (typeof base !== 'number' || !Number.isInteger(base)) fail(`int() base must be an integer, not '${typeName(baseArg)}'`);
    if (base !== 0 && (base < 2 || base > 36)) fail('int() base must be >= 2 and <= 36, or 0');
    const parsed = parseIntWithBase(value, base);
    return parsed ?? fail(`invalid literal for int() with base ${base}: ${pythonRepr(value)}`);
  }
  if (typeof value === 'boolean') return Number(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(`int() cannot convert ${pythonStr(value)} to an integer`);
    return Math.trunc(value);
  }
  if (typeof value === 'string') {
    // Decimal as in Python; 0x/0o/0b prefixes are also accepted, as Semgrep's own int() does.
    const parsed = parseIntWithBase(value, 10) ?? parseIntWithBase(value, 0);
    return parsed ?? fail(`invalid literal for int() with base 10: ${pythonRepr(value)}`);
  }
  return fail(`int() argument must be a string or a number, not '${typeName(value)}'`);
}

function builtinFloat(value: ComparisonValue): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return Number(value);
  if (typeof value !== 'string') fail(`float() argument must be a string or a number, not '${typeName(value)}'`);
  const trimmed = value.trim();
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(trimmed);
  if (special) {
    if (special[2].toLowerCase() === 'nan') return NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  if (!DECIMAL_STRING.test(trimmed)) fail(`could not convert string to float: ${pythonRepr(value)}`);
  return Number(trimmed.replace(/_/g, ''));
}

function builtinLen(value: ComparisonValue): number {
  if (typeof value === 'string') return Array.from(value).length;
  if (Array.isArray(value)) return value.length;
  return fail(`object of type '${typeName(value)}' has no len()`);
}

function builtinReMatch(args: readonly ComparisonValue[], precompiled: RE2JS | undefined): boolean {
  const [pattern, subject] = args;
  if (typeof pattern !== 'string') fail(`re.match() pattern must be a string, not '${typeName(pattern)}'`);
  if (typeof subject !== 'string') fail(`re.match() expected a string to match, not '${typeName(subject)}'`);
  const regex = precompiled ?? compilePattern(pattern);
  if (typeof regex === 'string') fail(regex);
  return regex.matcher(subject).lookingAt();
}

function callBuiltin(node: Extract<Node, { kind: 'call' }>, args: readonly ComparisonValue[]): ComparisonValue {
  switch (node.name) {
    case 'int':
      return builtinInt(args);
    case 'float':
      return builtinFloat(args[0]);
    case 'str':
      return pythonStr(args[0]);
    case 'len':
      return builtinLen(args[0]);
    case 're.match':
      return builtinReMatch(args, node.regex);
  }
}

// ---------------------------------------------------------------------------------------------
// Evaluator

type Lookup = (name: string) => ComparisonValue | undefined;

function evaluateNode(node: Node, lookup: Lookup): ComparisonValue {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'metavar': {
      const value = lookup(node.name);
      return value === undefined ? fail(`metavariable ${node.name} is not bound`) : value;
    }
    case 'list':
      return node.items.map((item) => evaluateNode(item, lookup));
    case 'not':
      return !truthy(evaluateNode(node.operand, lookup));
    case 'negate':
    case 'plus':
      return evaluateSign(node.kind, evaluateNode(node.operand, lookup));
    case 'and': {
      const left = evaluateNode(node.left, lookup);
      return truthy(left) ? evaluateNode(node.right, lookup) : left;
    }
    case 'or': {
      const left = evaluateNode(node.left, lookup);
      return truthy(left) ? left : evaluateNode(node.right, lookup);
    }
    case 'arithmetic':
      return arithmetic(node.op, evaluateNode(node.left, lookup), evaluateNode(node.right, lookup));
    case 'compare':
      return evaluateChain(node.first, node.rest, lookup);
    case 'call':
      return callBuiltin(
        node,
        node.args.map((arg) => evaluateNode(arg, lookup)),
      );
  }
}

function evaluateSign(kind: 'negate' | 'plus', value: ComparisonValue): number {
  const number = numericValue(value);
  const symbol = kind === 'negate' ? '-' : '+';
  if (number === undefined) fail(`bad operand type for unary '${symbol}': '${typeName(value)}'`);
  return kind === 'negate' ? -number : number;
}

/** `a < b < c` is `a < b and b < c`, with `b` evaluated once, as in Python. */
function evaluateChain(first: Node, rest: readonly ComparisonStep[], lookup: Lookup): boolean {
  let left = evaluateNode(first, lookup);
  for (const step of rest) {
    const right = evaluateNode(step.right, lookup);
    if (!compare(step.op, left, right)) return false;
    left = right;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Entry point

export function compileComparison(
  source: string,
): { ok: true; comparison: CompiledComparison } | { ok: false; message: string; column: number } {
  if (source.length > MAX_SOURCE_LENGTH) {
    return { ok: false, message: `comparison is longer than ${MAX_SOURCE_LENGTH} characters`, column: 1 };
  }
  if (source.trim() === '') return { ok: false, message: 'comparison is empty', column: 1 };
  let root: Node;
  let metavariables: readonly string[];
  try {
    const parser = new Parser(tokenize(source));
    root = parser.parse();
    metavariables = Object.freeze([...parser.metavariables]);
  } catch (error) {
    if (error instanceof CompileFailure) return { ok: false, message: error.message, column: error.column };
    throw error;
  }
  const comparison: CompiledComparison = {
    source,
    metavariables,
    evaluate(lookup) {
      try {
        return { ok: true, value: truthy(evaluateNode(root, lookup)) };
      } catch (error) {
        if (error instanceof EvaluationFailure) return { ok: false, message: error.message };
        throw error;
      }
    },
  };
  return { ok: true, comparison };
}
