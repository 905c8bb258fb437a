/**
 * JSON with locations for the JSON manifests (package.json, package-lock.json, Pipfile.lock):
 * jsonc-parser's tree, its syntax errors as located problems, and property access on the tree.
 */
import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Problem } from '../../engine/finding';
import type { LocatedText } from './located-text';

export interface JsonProperty {
  readonly key: string;
  readonly keyNode: Node;
  /** The property node: `"key": value`. */
  readonly node: Node;
  readonly value: Node | undefined;
}

/** Parses leniently: what jsonc-parser recovers is returned along with every syntax error. */
export function parseJsonLocated(lt: LocatedText): { root: Node | undefined; problems: Problem[] } {
  const errors: ParseError[] = [];
  const root = parseTree(lt.text, errors, { allowTrailingComma: false, disallowComments: true });
  const problems = errors.map((e) => lt.problem(e.offset, `JSON syntax error: ${printParseErrorCode(e.error)}`));
  return { root, problems };
}

export function propertiesOf(node: Node | undefined): JsonProperty[] {
  if (!node || node.type !== 'object' || !node.children) return [];
  const out: JsonProperty[] = [];
  for (const prop of node.children) {
    const keyNode = prop.children?.[0];
    if (!keyNode || keyNode.type !== 'string') continue;
    out.push({ key: String(keyNode.value), keyNode, node: prop, value: prop.children?.[1] });
  }
  return out;
}

/** The value node of `key` in an object node (the last one when the key is repeated). */
export function propertyValue(node: Node | undefined, key: string): Node | undefined {
  if (!node || node.type !== 'object' || !node.children) return undefined;
  let found: Node | undefined;
  for (const prop of node.children) {
    if (prop.children?.[0]?.value === key) found = prop.children[1];
  }
  return found;
}

export function stringValue(node: Node | undefined, key: string): string | undefined {
  const value = propertyValue(node, key);
  return value?.type === 'string' ? String(value.value) : undefined;
}

/** The names listed in an object node's string-keyed children (e.g. a `dependencies` map). */
export function keysOf(node: Node | undefined): string[] {
  return propertiesOf(node).map((p) => p.key);
}
