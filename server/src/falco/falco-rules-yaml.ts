/**
 * A Falco rules file read as YAML with locations (the `yaml` package): the top-level list of
 * `rule:` / `macro:` / `list:` / `required_engine_version:` / `required_plugin_versions:` items,
 * each with its mapping node and name, plus a helper turning source offsets into located
 * problems (1-based line and column, UTF-16 offsets). YAML syntax errors and a top level that is
 * not a list are problems, never exceptions. Pure: text in, values out.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, Node, Pair, parseDocument, Scalar, YAMLMap } from 'yaml';
import type { LocatedProblem } from '../config/yaml-schema-check';

export const FALCO_ITEM_KINDS = ['rule', 'macro', 'list', 'required_engine_version', 'required_plugin_versions'] as const;
export type FalcoItemKind = (typeof FALCO_ITEM_KINDS)[number];

export interface FalcoItem {
  readonly index: number;
  readonly node: Node;
  /** The item's mapping; undefined when the item is not a mapping. */
  readonly map: YAMLMap | undefined;
  /** Which element this is (the first of its keys naming a kind); undefined when none does. */
  readonly kind: FalcoItemKind | undefined;
  /** Every key of the item that names a kind (more than one is a problem). */
  readonly kinds: FalcoItemKind[];
  /** The value of the kind key when it is a string (the rule, macro or list name). */
  readonly name: string | undefined;
}

export interface FalcoRulesYaml {
  readonly items: FalcoItem[];
  /** YAML syntax errors, or a top level that is not a list. */
  readonly problems: LocatedProblem[];
  /** A problem spanning [start, end) of the text. */
  at(start: number, end: number, key: string, message: string, severity?: 'error' | 'warning'): LocatedProblem;
}

/** True when the text looks like a Falco rules file: a top-level list with `rule:`, `macro:` or `list:` items. */
export function looksLikeFalcoRules(text: string): boolean {
  return /^-[ \t]+(rule|macro|list)[ \t]*:/m.test(text);
}

export function readFalcoRulesYaml(text: string, file: string): FalcoRulesYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (start: number, end: number, key: string, message: string, severity: 'error' | 'warning' = 'error'): LocatedProblem => {
    const safeEnd = Math.max(end, start + 1);
    const s = lines.linePos(start);
    const e = lines.linePos(Math.min(safeEnd, Math.max(text.length, start)));
    return { severity, message, file, line: s.line, column: s.col, key, start, end: safeEnd, endLine: e.line, endColumn: e.col };
  };
  if (doc.errors.length > 0) {
    return { items: [], problems: doc.errors.map((e) => at(e.pos[0], e.pos[1], '', `invalid YAML: ${e.message.split('\n')[0]}`)), at };
  }
  const root = doc.contents;
  if (root === null || root === undefined) return { items: [], problems: [], at };
  if (!isSeq(root)) {
    const [start, end] = root.range ?? [0, 1];
    return { items: [], problems: [at(start, Math.min(end, lineEnd(text, start)), '', 'a Falco rules file is a YAML list of `- rule:`, `- macro:` and `- list:` items')], at };
  }
  const items = root.items.map((node, index) => describeItem(node as Node, index));
  return { items, problems: [], at };
}

function describeItem(node: Node, index: number): FalcoItem {
  const map = isMap(node) ? (node as YAMLMap) : undefined;
  const kinds = map ? FALCO_ITEM_KINDS.filter((k) => pairOf(map, k) !== undefined) : [];
  const kind = kinds[0];
  const nameNode = map && kind ? pairOf(map, kind)?.value : undefined;
  const name = isScalar(nameNode) && typeof (nameNode as Scalar).value === 'string' ? ((nameNode as Scalar).value as string) : undefined;
  return { index, node, map, kind, kinds, name };
}

/** The pair of `map` whose key is `key`. */
export function pairOf(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  for (const p of map.items) if (isPair(p) && isScalar(p.key) && String((p.key as Scalar).value) === key) return p as Pair<Node, Node | null>;
  return undefined;
}

/** The keys of `map` as written, with their nodes. */
export function keysOf(map: YAMLMap): Array<{ key: string; node: Node }> {
  const out: Array<{ key: string; node: Node }> = [];
  for (const p of map.items) if (isPair(p) && isScalar(p.key)) out.push({ key: String((p.key as Scalar).value), node: p.key as Node });
  return out;
}

/** [start, end) of a node, its first line only for multi-line nodes. */
export function spanOf(text: string, node: Node | null | undefined, fallback: number): [number, number] {
  const range = node?.range;
  if (!range) return [fallback, fallback + 1];
  const start = range[0];
  return [start, Math.max(start + 1, Math.min(range[1], lineEnd(text, start)))];
}

function lineEnd(text: string, offset: number): number {
  const n = text.indexOf('\n', offset);
  return n < 0 ? text.length : n;
}
