/**
 * A TOML reader that keeps where every key and value is (smol-toml gives values only): tables,
 * arrays of tables, dotted keys, strings of all four kinds, arrays and inline tables. smol-toml
 * still decides whether the document is valid and words the syntax error; this scan is tolerant
 * (a line it cannot read is skipped) so that what can be read still is.
 */
import { parse as parseToml } from 'smol-toml';
import type { Problem } from '../../engine/finding';
import type { LocatedText } from './located-text';

interface Span {
  readonly start: number;
  readonly end: number;
}

export interface TomlString extends Span {
  readonly kind: 'string';
  readonly value: string;
  /** The text between the quotes. */
  readonly innerStart: number;
  readonly innerEnd: number;
  /** True when the text between the quotes is exactly `value` (no escapes, single line). */
  readonly verbatim: boolean;
}

export interface TomlArray extends Span {
  readonly kind: 'array';
  readonly items: TomlValue[];
}

export interface TomlTable {
  readonly kind: 'table';
  readonly entries: Map<string, TomlEntry>;
  readonly start: number;
  /** The end of its last entry (of the `[header]` itself while it has none). */
  end: number;
  /** The end of the `[header]` line's header, for tables that have one (else equal to the first `end`). */
  readonly headerEnd: number;
}

/** `[[name]]`: one table per header. */
export interface TomlTableArray extends Span {
  readonly kind: 'tables';
  readonly tables: TomlTable[];
}

/** Numbers, booleans, dates: kept as written. */
export interface TomlOther extends Span {
  readonly kind: 'other';
  readonly text: string;
}

export type TomlValue = TomlString | TomlArray | TomlTable | TomlTableArray | TomlOther;

export interface TomlEntry {
  readonly key: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly value: TomlValue;
}

interface KeyPart {
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

class ScanError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const BARE_KEY = /[A-Za-z0-9_-]/;

class TomlScanner {
  private i = 0;

  constructor(private readonly text: string) {}

  document(errors: ScanError[]): TomlTable {
    const root = newTable(0, 0);
    let current = root;
    const t = this.text;
    while (true) {
      this.skipBlank(true);
      if (this.i >= t.length) break;
      const lineStart = this.i;
      try {
        if (t[this.i] === '[') {
          const isArray = t[this.i + 1] === '[';
          this.i += isArray ? 2 : 1;
          const keys = this.keyPath();
          this.expect(']');
          if (isArray) this.expect(']');
          current = isArray ? appendTable(root, keys, lineStart, this.i) : openTable(root, keys, lineStart, this.i);
        } else {
          this.keyValue(current);
          if (current !== root) current.end = Math.max(current.end, this.i);
        }
        this.endOfLine();
      } catch (err) {
        if (!(err instanceof ScanError)) throw err;
        errors.push(err);
        const next = t.indexOf('\n', Math.max(this.i, lineStart + 1));
        this.i = next < 0 ? t.length : next + 1;
      }
    }
    return root;
  }

  private fail(message: string): never {
    throw new ScanError(this.i, message);
  }

  private expect(c: string): void {
    this.skipBlank(false);
    if (this.text[this.i] !== c) this.fail(`expected "${c}"`);
    this.i++;
  }

  /** Skips spaces and tabs, and with `newlines` also comments and line breaks. */
  private skipBlank(newlines: boolean): void {
    const t = this.text;
    while (this.i < t.length) {
      const c = t[this.i];
      if (c === ' ' || c === '\t') this.i++;
      else if (newlines && (c === '\n' || c === '\r')) this.i++;
      else if (newlines && c === '#') {
        const nl = t.indexOf('\n', this.i);
        this.i = nl < 0 ? t.length : nl + 1;
      } else break;
    }
  }

  private endOfLine(): void {
    this.skipBlank(false);
    const t = this.text;
    if (this.i >= t.length) return;
    if (t[this.i] === '#' || t[this.i] === '\n' || (t[this.i] === '\r' && t[this.i + 1] === '\n')) return;
    this.fail('expected the end of the line');
  }

  private keyPath(): KeyPart[] {
    const parts: KeyPart[] = [];
    while (true) {
      this.skipBlank(false);
      const start = this.i;
      const c = this.text[this.i];
      let key: string;
      if (c === '"' || c === "'") {
        key = this.string().value;
      } else {
        while (this.i < this.text.length && BARE_KEY.test(this.text[this.i])) this.i++;
        if (this.i === start) this.fail('expected a key');
        key = this.text.slice(start, this.i);
      }
      parts.push({ key, start, end: this.i });
      this.skipBlank(false);
      if (this.text[this.i] !== '.') return parts;
      this.i++;
    }
  }

  private keyValue(table: TomlTable): void {
    const keys = this.keyPath();
    this.expect('=');
    this.skipBlank(false);
    const value = this.value();
    const last = keys[keys.length - 1];
    const parent = keys.length > 1 ? openTable(table, keys.slice(0, -1), keys[0].start, last.end, true) : table;
    parent.entries.set(last.key, { key: last.key, keyStart: last.start, keyEnd: last.end, value });
  }

  private value(): TomlValue {
    const t = this.text;
    const c = t[this.i];
    if (c === '"' || c === "'") return this.string();
    if (c === '[') return this.array();
    if (c === '{') return this.inlineTable();
    const start = this.i;
    while (this.i < t.length && !',]}\n#'.includes(t[this.i])) this.i++;
    let end = this.i;
    while (end > start && /\s/.test(t[end - 1])) end--;
    if (end === start) this.fail('expected a value');
    this.i = end;
    return { kind: 'other', text: t.slice(start, end), start, end };
  }

  private array(): TomlArray {
    const start = this.i++;
    const items: TomlValue[] = [];
    while (true) {
      this.skipBlank(true);
      if (this.text[this.i] === ']') break;
      if (this.i >= this.text.length) this.fail('unterminated array');
      items.push(this.value());
      this.skipBlank(true);
      if (this.text[this.i] === ',') this.i++;
      else if (this.text[this.i] !== ']') this.fail('expected "," or "]" in an array');
    }
    this.i++;
    return { kind: 'array', items, start, end: this.i };
  }

  private inlineTable(): TomlTable {
    const table = newTable(this.i++, 0);
    while (true) {
      this.skipBlank(true);
      if (this.text[this.i] === '}') break;
      if (this.i >= this.text.length) this.fail('unterminated inline table');
      this.keyValue(table);
      this.skipBlank(true);
      if (this.text[this.i] === ',') this.i++;
      else if (this.text[this.i] !== '}') this.fail('expected "," or "}" in an inline table');
    }
    this.i++;
    table.end = this.i;
    return table;
  }

  private string(): TomlString {
    const t = this.text;
    const start = this.i;
    const quote = t[start];
    const multi = t.startsWith(quote.repeat(3), start);
    const delim = multi ? quote.repeat(3) : quote;
    let innerStart = start + delim.length;
    if (multi && t[innerStart] === '\n') innerStart++;
    else if (multi && t.startsWith('\r\n', innerStart)) innerStart += 2;
    let j = innerStart;
    let value = '';
    while (true) {
      if (j >= t.length || (!multi && t[j] === '\n')) {
        this.i = j;
        this.fail('unterminated string');
      }
      if (t.startsWith(delim, j)) {
        // A multi-line string may end with up to two quotes before its delimiter.
        let extra = 0;
        while (multi && extra < 2 && t[j + delim.length + extra] === quote) extra++;
        value += quote.repeat(extra);
        const innerEnd = j + extra;
        this.i = innerEnd + delim.length;
        return {
          kind: 'string',
          value,
          start,
          end: this.i,
          innerStart,
          innerEnd,
          verbatim: !multi && t.slice(innerStart, innerEnd) === value,
        };
      }
      if (quote === '"' && t[j] === '\\') {
        const [decoded, next] = this.escape(j);
        value += decoded;
        j = next;
        continue;
      }
      value += t[j++];
    }
  }

  /** Decodes the escape at `j` (a backslash) in a basic string; returns the text and the next index. */
  private escape(j: number): [string, number] {
    const t = this.text;
    const c = t[j + 1];
    const simple: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', e: '\x1b', '"': '"', '\\': '\\' };
    if (c !== undefined && c in simple) return [simple[c], j + 2];
    if (c === 'u' || c === 'U') {
      const len = c === 'u' ? 4 : 8;
      const hex = t.slice(j + 2, j + 2 + len);
      if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== len) {
        this.i = j;
        this.fail('invalid unicode escape');
      }
      return [String.fromCodePoint(parseInt(hex, 16)), j + 2 + len];
    }
    // Line-ending backslash in a multi-line string: skip the break and following whitespace.
    let k = j + 1;
    while (k < t.length && (t[k] === ' ' || t[k] === '\t')) k++;
    if (t[k] === '\n' || (t[k] === '\r' && t[k + 1] === '\n')) {
      while (k < t.length && /\s/.test(t[k])) k++;
      return ['', k];
    }
    this.i = j;
    this.fail('invalid escape');
  }
}

function newTable(start: number, end: number): TomlTable {
  return { kind: 'table', entries: new Map(), start, end, headerEnd: end };
}

/** Follows `keys` from `root`, creating tables; through an array of tables, its last table. */
function openTable(root: TomlTable, keys: KeyPart[], start: number, end: number, dotted = false): TomlTable {
  let table = root;
  for (const part of keys) {
    const entry = table.entries.get(part.key);
    if (!entry) {
      const created = newTable(start, end);
      table.entries.set(part.key, { key: part.key, keyStart: part.start, keyEnd: part.end, value: created });
      table = created;
    } else if (entry.value.kind === 'table') {
      table = entry.value;
    } else if (entry.value.kind === 'tables' && !dotted && entry.value.tables.length > 0) {
      table = entry.value.tables[entry.value.tables.length - 1];
    } else {
      throw new ScanError(part.start, `"${part.key}" is already defined as a value`);
    }
  }
  return table;
}

function appendTable(root: TomlTable, keys: KeyPart[], start: number, end: number): TomlTable {
  const parent = openTable(root, keys.slice(0, -1), start, end);
  const last = keys[keys.length - 1];
  const table = newTable(start, end);
  const entry = parent.entries.get(last.key);
  if (!entry) {
    parent.entries.set(last.key, {
      key: last.key,
      keyStart: last.start,
      keyEnd: last.end,
      value: { kind: 'tables', tables: [table], start, end },
    });
  } else if (entry.value.kind === 'tables') {
    entry.value.tables.push(table);
  } else {
    throw new ScanError(last.start, `"${last.key}" is already defined and is not an array of tables`);
  }
  return table;
}

/**
 * Reads a TOML document with locations. The problems are smol-toml's syntax error when there is
 * one (its line and column), else whatever the located scan could not read.
 */
export function parseTomlLocated(lt: LocatedText): { root: TomlTable; problems: Problem[] } {
  const problems: Problem[] = [];
  let valid = true;
  try {
    parseToml(lt.text);
  } catch (err) {
    valid = false;
    const e = err as { line?: number; column?: number; message?: string };
    const message = `TOML syntax error: ${String(e.message ?? err).split('\n')[0].replace(/^Invalid TOML document: /, '')}`;
    problems.push(e.line ? lt.problemAt(e.line, e.column ?? 1, message) : lt.problem(0, message));
  }
  const errors: ScanError[] = [];
  const root = new TomlScanner(lt.text).document(errors);
  if (valid) for (const e of errors) problems.push(lt.problem(e.offset, `TOML syntax error: ${e.message}`));
  return { root, problems };
}

/** The value at a dotted path of table keys (through arrays of tables: their last table). */
export function tomlGet(table: TomlTable | undefined, ...path: string[]): TomlValue | undefined {
  let value: TomlValue | undefined = table;
  for (const key of path) {
    if (value?.kind === 'tables') value = value.tables[value.tables.length - 1];
    if (value?.kind !== 'table') return undefined;
    value = value.entries.get(key)?.value;
  }
  return value;
}

export function tomlTable(value: TomlValue | undefined): TomlTable | undefined {
  return value?.kind === 'table' ? value : undefined;
}

export function tomlString(table: TomlTable | undefined, key: string): string | undefined {
  const value = table?.entries.get(key)?.value;
  return value?.kind === 'string' ? value.value : undefined;
}
