/**
 * Validates a YAML document against one of Moat's JSON Schemas and locates every error in the
 * YAML text: ajv's `instancePath` is walked through the parsed document to the node at fault (the
 * key for an unknown key, the value for a bad value, the mapping's first key for a missing key),
 * so each problem has file, line, column, end and the dotted key path. Also used for checks that
 * go beyond the schema (`locate`), so they are located the same way. Pure: text in, values out.
 */
import type { ErrorObject } from 'ajv';
import { Document, isMap, isPair, isScalar, isSeq, LineCounter, Node, parseDocument, Scalar } from 'yaml';
import type { Problem } from '../engine/finding';
import { JsonSchema, SchemaName, schemaValidator } from './schemas';

export type YamlPath = readonly (string | number)[];

/** A problem with the exact span of the YAML text it is about. */
export interface LocatedProblem extends Problem {
  readonly line: number;
  readonly column: number;
  readonly key: string;
  /** UTF-16 offsets of the span in the text. */
  readonly start: number;
  readonly end: number;
  /** 1-based, like `line`/`column`. */
  readonly endLine: number;
  readonly endColumn: number;
}

export interface YamlSchemaCheck {
  /** The document as plain data (an empty document is `{}`); undefined when the YAML does not parse. */
  readonly data: unknown;
  readonly problems: LocatedProblem[];
  /** Locates a path in the document (the key or the value node), for checks beyond the schema. */
  locate(path: YamlPath, part: 'key' | 'value', message: string, severity?: 'error' | 'warning'): LocatedProblem;
}

/** `packs[0].sha256` from ['packs', 0, 'sha256']. */
export function pathKey(path: YamlPath): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  return out;
}

/**
 * Parses `text` and validates it against `schema` (one of Moat's, or any draft 2020-12 schema
 * object); never throws. `file` names the text in problems.
 */
export function checkYamlAgainstSchema(text: string, file: string, schema: SchemaName | JsonSchema): YamlSchemaCheck {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const locator = new Locator(doc, lines, file, text.length);
  const locate = (path: YamlPath, part: 'key' | 'value', message: string, severity: 'error' | 'warning' = 'error') => locator.problem(path, part, message, severity);
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => locator.at(e.pos[0], Math.max(e.pos[1], e.pos[0] + 1), '', `invalid YAML: ${e.message.split('\n')[0]}`, 'error'));
    return { data: undefined, problems, locate };
  }
  const data = doc.contents === null ? {} : doc.toJS({ maxAliasCount: 100 });
  const validate = schemaValidator(schema);
  if (validate(data)) return { data, problems: [], locate };
  return { data, problems: describeErrors(validate.errors ?? [], locator), locate };
}

function describeErrors(errors: readonly ErrorObject[], locator: Locator): LocatedProblem[] {
  // A failed anyOf reports each branch's errors too: keep only the anyOf's own error.
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.schemaPath + '/');
  const kept = errors.filter((e) => !anyOfPaths.some((p) => e.schemaPath.startsWith(p)));
  const out: LocatedProblem[] = [];
  const seen = new Set<string>();
  for (const e of kept) {
    const path = instancePath(e.instancePath);
    const p = describe(e, path, locator);
    const id = `${p.start}:${p.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(p);
  }
  return out.sort((a, b) => a.start - b.start);
}

function describe(e: ErrorObject, path: YamlPath, locator: Locator): LocatedProblem {
  const parent = e.parentSchema as JsonSchema | undefined;
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String((e.params as { additionalProperty: string }).additionalProperty);
      const known = Object.keys(parent?.properties ?? {});
      return locator.problem([...path, name], 'key', `unknown key \`${name}\`${known.length ? ` (expected one of: ${known.join(', ')})` : ''}`, 'error');
    }
    case 'required': {
      const name = String((e.params as { missingProperty: string }).missingProperty);
      const p = locator.problem(path, 'first-key', `missing \`${name}\``, 'error');
      return { ...p, key: pathKey([...path, name]) };
    }
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      const unique = [...new Set(allowed.map((a) => a.toUpperCase()))].length < allowed.length ? allowed.filter((a) => a === a.toUpperCase()) : allowed;
      return locator.problem(path, 'value', `\`${String(e.data)}\` is not allowed (expected one of: ${unique.join(', ')})`, 'error');
    }
    case 'type': {
      const want = String((e.params as { type: string }).type);
      return locator.problem(path, 'value', `must be ${TYPE_NAMES[want] ?? want}`, 'error');
    }
    case 'pattern':
      return locator.problem(path, 'value', `\`${String(e.data)}\` is not valid${parent?.description ? `: ${firstSentence(parent.description)}` : ''}`, 'error');
    case 'anyOf':
    case 'oneOf': {
      const forms = (parent?.anyOf ?? parent?.oneOf ?? []).map((s) => TYPE_NAMES[String(s.type)] ?? String(s.type));
      return locator.problem(path, 'value', `must be ${forms.join(' or ')}`, 'error');
    }
    default:
      return locator.problem(path, 'value', e.message ?? `fails the schema's \`${e.keyword}\``, 'error');
  }
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
};

function firstSentence(text: string): string {
  const m = /^(.*?\.)(\s|$)/.exec(text);
  return (m ? m[1] : text).replace(/\.$/, '');
}

function instancePath(pointer: string): YamlPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Finds nodes of the document by path and turns their ranges into LocatedProblems. */
class Locator {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
    private readonly file: string,
    private readonly textLength: number,
  ) {}

  /** The node at `path` (value or key), the deepest existing ancestor when the path does not exist. */
  find(path: YamlPath, part: 'key' | 'value' | 'first-key'): Node | undefined {
    let node: unknown = this.doc.contents;
    let keyNode: unknown;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(seg));
        if (!pair) break;
        keyNode = pair.key;
        node = pair.value ?? pair.key;
      } else if (isSeq(node) && typeof seg === 'number' && node.items[seg] !== undefined) {
        keyNode = node.items[seg];
        node = node.items[seg];
      } else break;
    }
    if (part === 'key') return (keyNode ?? node) as Node | undefined;
    if (part === 'first-key') {
      if (isMap(node) && node.items.length > 0) return node.items[0].key as Node;
      return (keyNode ?? node) as Node | undefined;
    }
    return node as Node | undefined;
  }

  problem(path: YamlPath, part: 'key' | 'value' | 'first-key', message: string, severity: 'error' | 'warning'): LocatedProblem {
    const node = this.find(path, part);
    const range = node?.range;
    let start = range?.[0] ?? 0;
    let end = range?.[1] ?? start;
    // Multi-line nodes (a nested mapping) are marked on their first line only.
    const firstLineEnd = this.lineEnd(start);
    if (end > firstLineEnd) end = Math.max(firstLineEnd, start + 1);
    if (end <= start) end = Math.min(start + 1, Math.max(this.textLength, start + 1));
    return this.at(start, end, pathKey(path), message, severity);
  }

  at(start: number, end: number, key: string, message: string, severity: 'error' | 'warning'): LocatedProblem {
    const s = this.lines.linePos(start);
    const e = this.lines.linePos(end);
    return { severity, message, file: this.file, line: s.line, column: s.col, key, start, end, endLine: e.line, endColumn: e.col };
  }

  private lineEnd(offset: number): number {
    const starts = this.lines.lineStarts;
    const next = starts.find((s) => s > offset);
    return next === undefined ? this.textLength : next - 1;
  }
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String((key as Scalar).value);
  return undefined;
}
