/**
 * Falco condition expressions (the filter language of libsinsp): a recursive-descent parser that
 * follows libsinsp's grammar — `or` / `and` / `not`, parentheses, field checks with comparison,
 * string and list operators, field arguments (`proc.aname[2]`), transformers (`tolower(…)`,
 * `val(…)`), quoted and bare strings, list literals `(a, b)` — and reports what a rules file
 * must resolve: macro references (a bare identifier where a check is expected), list references
 * (`in shell_binaries`, or a bare item of a list literal that may name a list) and the fields
 * used. The first syntax error stops the parse and is returned with its offset. Pure.
 */

export interface ConditionRef {
  readonly name: string;
  /** Offsets into the condition text. */
  readonly start: number;
  readonly end: number;
}

export interface ConditionError {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

export interface ParsedCondition {
  /** Identifiers used as checks: macro references. */
  readonly macros: ConditionRef[];
  /** Identifiers used as the whole value of a list operator (`proc.name in shell_binaries`): list references. */
  readonly lists: ConditionRef[];
  /** Bare (unquoted) items of list literals: a list reference when such a list exists, a literal otherwise. */
  readonly listItems: ConditionRef[];
  /** Field names as written, argument included (`proc.aname[2]`). */
  readonly fields: ConditionRef[];
  readonly error?: ConditionError;
}

/** libsinsp's operators, longest first where one is a prefix of another. */
const NUM_OPS = ['<=', '<', '>=', '>'];
const SYMBOL_STR_OPS = ['==', '=', '!='];
const WORD_STR_OPS = ['glob', 'iglob', 'contains', 'icontains', 'bcontains', 'startswith', 'bstartswith', 'endswith', 'regex'];
const LIST_OPS = ['intersects', 'in', 'pmatch'];
const UNARY_OPS = ['exists'];
const TRANSFORMERS = ['tolower', 'toupper', 'b64', 'basename', 'len'];
const ALL_OPS = ['=', '==', '!=', '<', '<=', '>', '>=', ...LIST_OPS, ...WORD_STR_OPS, ...UNARY_OPS];

const FIELD_NAME = /[a-zA-Z][a-zA-Z0-9_]*(?:\.[a-zA-Z][a-zA-Z0-9_]*)+/y;
const IDENTIFIER = /[a-zA-Z][a-zA-Z0-9_]*/y;
const FIELD_ARG_BARE = /[^ \t\b\n\r[\]"']+/y;
const HEX_NUMBER = /0[xX][0-9a-zA-Z]+/y;
const NUMBER = /[+-]?[0-9]+\.?[0-9]*(?:[eE][+-][0-9]+)?/y;
const BARE_STRING = /[^ \t\b\n\r(),="']+/y;
const WORD = /[a-zA-Z_][a-zA-Z0-9_]*/y;
const KEYWORDS = new Set(['and', 'or', 'not']);
const MAX_DEPTH = 100;

class ConditionSyntaxError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

/**
 * Parses a condition. `appended`: the text is an `append: true` / `override: {condition: append}`
 * fragment, added after the original condition (so it may start with `and` / `or`).
 */
export function parseFalcoCondition(text: string, options: { readonly appended?: boolean } = {}): ParsedCondition {
  const parser = new ConditionParser(text);
  try {
    parser.parseAll(options.appended === true);
    return parser.result();
  } catch (e) {
    if (!(e instanceof ConditionSyntaxError)) throw e;
    return { ...parser.result(), error: { message: e.message, start: e.start, end: Math.max(e.end, e.start + 1) } };
  }
}

class ConditionParser {
  private pos = 0;
  private depth = 0;
  private readonly macros: ConditionRef[] = [];
  private readonly lists: ConditionRef[] = [];
  private readonly listItems: ConditionRef[] = [];
  private readonly fields: ConditionRef[] = [];

  constructor(private readonly text: string) {}

  result(): ParsedCondition {
    return { macros: this.macros, lists: this.lists, listItems: this.listItems, fields: this.fields };
  }

  parseAll(appended: boolean): void {
    this.blank();
    if (this.pos === this.text.length) throw new ConditionSyntaxError('the condition is empty', 0, Math.max(1, this.text.length));
    if (appended && (this.peekWord() === 'and' || this.peekWord() === 'or')) this.parseOrTail(true);
    else this.parseOr();
    this.blank();
    if (this.pos < this.text.length) {
      if (this.text[this.pos] === ')') throw new ConditionSyntaxError('unbalanced parentheses: this `)` has no matching `(`', this.pos, this.pos + 1);
      const found = this.tokenAt(this.pos);
      throw new ConditionSyntaxError(`unexpected \`${found}\`: expected \`and\`, \`or\` or the end of the condition`, this.pos, this.pos + found.length);
    }
  }

  private parseOr(): void {
    this.enter();
    this.parseAnd();
    this.parseOrTail(false);
    this.depth--;
  }

  /** `('or' (blank And | '(' Expr ')'))*`; with `leadingAnd`, a first `and …` chain is allowed too (an appended fragment). */
  private parseOrTail(leadingAnd: boolean): void {
    this.blank();
    if (leadingAnd && this.peekWord() === 'and') this.parseAndTail();
    for (;;) {
      this.blank();
      if (!this.keyword('or')) return;
      this.afterLogical('or');
      this.parseAnd();
    }
  }

  private parseAnd(): void {
    this.enter();
    this.parseNot();
    this.parseAndTail();
    this.depth--;
  }

  private parseAndTail(): void {
    for (;;) {
      this.blank();
      if (!this.keyword('and')) return;
      this.afterLogical('and');
      this.parseNot();
    }
  }

  /** After `and`/`or`: a blank or `(` must follow (libsinsp), and then an operand. */
  private afterLogical(op: string): void {
    const at = this.pos;
    const blank = this.blank();
    if (this.pos === this.text.length) throw new ConditionSyntaxError(`the condition ends after \`${op}\`: expected a check, a macro name or \`(\``, at - op.length, at);
    if (!blank && this.text[this.pos] !== '(') throw new ConditionSyntaxError(`expected a blank or \`(\` after \`${op}\``, at - op.length, at);
  }

  private parseNot(): void {
    this.enter();
    this.blank();
    while (this.peekWord() === 'not') {
      const at = this.pos;
      this.pos += 3;
      if (this.text[this.pos] === '(') break;
      const blank = this.blank();
      if (this.pos === this.text.length) throw new ConditionSyntaxError('the condition ends after `not`', at, at + 3);
      if (!blank) throw new ConditionSyntaxError('expected a blank or `(` after `not`', at, at + 3);
    }
    this.parseCheck();
    this.depth--;
  }

  private parseCheck(): void {
    this.enter();
    this.blank();
    const start = this.pos;
    if (this.text[this.pos] === '(') {
      this.pos++;
      this.parseEmbedded(start);
      this.depth--;
      return;
    }
    if (this.transformerAhead()) {
      this.parseTransformer(false);
      this.parseOperatorAndValue(this.text.slice(start, this.pos), start);
      this.depth--;
      return;
    }
    const field = this.match(FIELD_NAME);
    if (field !== undefined) {
      this.fieldArgument();
      this.fields.push({ name: this.text.slice(start, this.pos), start, end: this.pos });
      this.parseOperatorAndValue(this.text.slice(start, this.pos), start);
      this.depth--;
      return;
    }
    const word = this.peekWord();
    if (word !== undefined && KEYWORDS.has(word)) {
      throw new ConditionSyntaxError(`expected a check, a macro name or \`(\`, found \`${word}\``, start, start + word.length);
    }
    const identifier = this.match(IDENTIFIER);
    if (identifier !== undefined) {
      const end = this.pos;
      const next = this.operatorAhead();
      if (next !== undefined) {
        throw new ConditionSyntaxError(`\`${identifier}\` is followed by the operator \`${next}\` but is not a field name (fields have a dot, like proc.name)`, start, end);
      }
      this.macros.push({ name: identifier, start, end });
      this.depth--;
      return;
    }
    if (this.pos === this.text.length) throw new ConditionSyntaxError('the condition ends where a check, a macro name or `(` is expected', Math.max(0, this.pos - 1), this.pos);
    if (this.text[this.pos] === ')') throw new ConditionSyntaxError('unexpected `)`: expected a check, a macro name or `(`', this.pos, this.pos + 1);
    const found = this.tokenAt(this.pos);
    throw new ConditionSyntaxError(`unexpected \`${found}\`: expected a check (like proc.name = bash), a macro name or \`(\``, this.pos, this.pos + found.length);
  }

  /** After a `(` at `open`: an expression and its `)`. */
  private parseEmbedded(open: number): void {
    this.blank();
    if (this.pos === this.text.length || this.text[this.pos] === ')') {
      if (this.pos === this.text.length) throw this.unclosed(open);
      throw new ConditionSyntaxError('empty parentheses: expected a check, a macro name or `(`', open, this.pos + 1);
    }
    this.parseOr();
    this.blank();
    if (this.text[this.pos] === ')') {
      this.pos++;
      return;
    }
    if (this.pos === this.text.length) throw this.unclosed(open);
    const found = this.tokenAt(this.pos);
    throw new ConditionSyntaxError(`unexpected \`${found}\`: expected \`and\`, \`or\` or the \`)\` closing the \`(\` at offset ${open + 1}`, this.pos, this.pos + found.length);
  }

  private unclosed(open: number): ConditionSyntaxError {
    return new ConditionSyntaxError('unbalanced parentheses: this `(` is never closed', open, open + 1);
  }

  /** `[arg]` after a field name: a quoted or bare string. */
  private fieldArgument(): void {
    if (this.text[this.pos] !== '[') return;
    const open = this.pos;
    this.pos++;
    if (this.quotedString() === undefined && this.match(FIELD_ARG_BARE) === undefined) {
      throw new ConditionSyntaxError('expected a field argument (a quoted or bare string) after `[`', open, open + 1);
    }
    if (this.text[this.pos] !== ']') throw new ConditionSyntaxError('expected `]` closing the field argument', open, this.pos + 1);
    this.pos++;
  }

  private transformerAhead(): boolean {
    const word = this.peekWord();
    return word !== undefined && (TRANSFORMERS.includes(word) || word === 'val') && this.text[this.pos + word.length] === '(';
  }

  /** `name(` Field or transformer `)`; `val(` only on the right side. */
  private parseTransformer(rightSide: boolean): void {
    const start = this.pos;
    const name = this.peekWord()!;
    if (name === 'val' && !rightSide) throw new ConditionSyntaxError('`val()` may only be used on the right side of a comparison', start, start + 3);
    this.pos += name.length + 1;
    this.blank();
    if (name !== 'val' && this.transformerAhead()) this.parseTransformer(rightSide);
    else {
      const fieldStart = this.pos;
      if (this.match(FIELD_NAME) === undefined) throw new ConditionSyntaxError(`expected a field name inside \`${name}(\``, this.pos, this.pos + 1);
      this.fieldArgument();
      this.fields.push({ name: this.text.slice(fieldStart, this.pos), start: fieldStart, end: this.pos });
    }
    this.blank();
    if (this.text[this.pos] !== ')') throw new ConditionSyntaxError(`expected \`)\` closing \`${name}(\``, start, start + name.length + 1);
    this.pos++;
  }

  private parseOperatorAndValue(field: string, fieldStart: number): void {
    this.blank();
    const opStart = this.pos;
    const word = this.peekWord();
    if (word !== undefined && UNARY_OPS.includes(word)) {
      this.pos += word.length;
      return;
    }
    const num = NUM_OPS.find((op) => this.text.startsWith(op, this.pos));
    if (num !== undefined) {
      this.pos += num.length;
      this.blank();
      if (this.transformerAhead()) return this.parseTransformer(true);
      if (this.match(HEX_NUMBER) === undefined && this.match(NUMBER) === undefined) {
        throw new ConditionSyntaxError(`expected a number after \`${field} ${num}\``, opStart, this.pos + 1);
      }
      return;
    }
    const symbol = SYMBOL_STR_OPS.find((op) => this.text.startsWith(op, this.pos));
    if (symbol !== undefined) {
      this.pos += symbol.length;
      return this.stringValue(field, symbol, opStart);
    }
    if (word !== undefined && WORD_STR_OPS.includes(word)) {
      this.pos += word.length;
      if (!this.blank()) throw new ConditionSyntaxError(`expected a blank after \`${word}\``, opStart, this.pos);
      return this.stringValue(field, word, opStart);
    }
    if (word !== undefined && LIST_OPS.includes(word)) {
      this.pos += word.length;
      return this.listValue(field, word, opStart);
    }
    if (this.pos === this.text.length) throw new ConditionSyntaxError(`the condition ends after the field \`${field}\`: expected an operator (=, !=, in, contains, startswith, exists…)`, fieldStart, this.pos);
    const found = this.tokenAt(this.pos);
    throw new ConditionSyntaxError(`expected an operator after the field \`${field}\` (one of ${ALL_OPS.join(', ')}), found \`${found}\``, this.pos, this.pos + found.length);
  }

  private stringValue(field: string, op: string, opStart: number): void {
    this.blank();
    if (this.transformerAhead()) return this.parseTransformer(true);
    if (this.quotedString() !== undefined || this.match(BARE_STRING) !== undefined) return;
    throw new ConditionSyntaxError(`expected a value after \`${field} ${op}\``, opStart, opStart + op.length);
  }

  private listValue(field: string, op: string, opStart: number): void {
    this.blank();
    if (this.transformerAhead()) return this.parseTransformer(true);
    const open = this.pos;
    if (this.text[this.pos] === '(') {
      this.pos++;
      this.blank();
      if (this.text[this.pos] === ')') {
        this.pos++;
        return;
      }
      for (;;) {
        this.blank();
        const itemStart = this.pos;
        if (this.quotedString() === undefined) {
          const bare = this.match(BARE_STRING);
          if (bare === undefined) {
            if (this.pos === this.text.length) throw new ConditionSyntaxError('unbalanced parentheses: this list `(` is never closed', open, open + 1);
            throw new ConditionSyntaxError(`expected a list item after \`${this.text[this.pos - 1] === ',' ? ',' : '('}\``, this.pos, this.pos + 1);
          }
          this.listItems.push({ name: bare, start: itemStart, end: this.pos });
        }
        this.blank();
        if (this.text[this.pos] === ',') {
          this.pos++;
          continue;
        }
        if (this.text[this.pos] === ')') {
          this.pos++;
          return;
        }
        if (this.pos === this.text.length) throw new ConditionSyntaxError('unbalanced parentheses: this list `(` is never closed', open, open + 1);
        const found = this.tokenAt(this.pos);
        throw new ConditionSyntaxError(`expected \`,\` or \`)\` in the list, found \`${found}\` (quote items that contain blanks)`, this.pos, this.pos + found.length);
      }
    }
    const start = this.pos;
    const identifier = this.match(IDENTIFIER);
    if (identifier !== undefined) {
      this.lists.push({ name: identifier, start, end: this.pos });
      return;
    }
    throw new ConditionSyntaxError(`expected a list \`(a, b)\` or a list name after \`${field} ${op}\``, opStart, opStart + op.length);
  }

  /** A `"…"` or `'…'` string with backslash escapes; undefined (position unchanged) when none starts here. */
  private quotedString(): string | undefined {
    const quote = this.text[this.pos];
    if (quote !== '"' && quote !== "'") return undefined;
    const start = this.pos;
    for (let i = start + 1; i < this.text.length; i++) {
      if (this.text[i] === '\\') {
        i++;
        continue;
      }
      if (this.text[i] === quote) {
        this.pos = i + 1;
        return this.text.slice(start + 1, i);
      }
    }
    throw new ConditionSyntaxError(`unterminated string: this ${quote} is never closed`, start, start + 1);
  }

  /** The operator a bare identifier is followed by, if any (a likely field name without a dot). */
  private operatorAhead(): string | undefined {
    let i = this.pos;
    while (i < this.text.length && /\s/.test(this.text[i])) i++;
    const symbol = [...NUM_OPS, ...SYMBOL_STR_OPS].find((op) => this.text.startsWith(op, i));
    if (symbol) return symbol;
    WORD.lastIndex = i;
    const m = WORD.exec(this.text);
    if (m && (WORD_STR_OPS.includes(m[0]) || LIST_OPS.includes(m[0]) || UNARY_OPS.includes(m[0]))) return m[0];
    return undefined;
  }

  private keyword(word: string): boolean {
    if (this.peekWord() !== word) return false;
    this.pos += word.length;
    return true;
  }

  private peekWord(): string | undefined {
    WORD.lastIndex = this.pos;
    const m = WORD.exec(this.text);
    return m ? m[0] : undefined;
  }

  private match(re: RegExp): string | undefined {
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    if (!m) return undefined;
    this.pos += m[0].length;
    return m[0];
  }

  /** Skips blanks; true when there were any. */
  private blank(): boolean {
    const start = this.pos;
    while (this.pos < this.text.length && ' \t\b\n\r'.includes(this.text[this.pos])) this.pos++;
    return this.pos > start;
  }

  /** The token starting at `i`, for messages. */
  private tokenAt(i: number): string {
    const m = /[^\s()]+|./y;
    m.lastIndex = i;
    return m.exec(this.text)?.[0] ?? '';
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw new ConditionSyntaxError(`the condition nests deeper than ${MAX_DEPTH} levels`, this.pos, this.pos + 1);
  }
}
