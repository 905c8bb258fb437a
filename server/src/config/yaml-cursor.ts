/**
 * Where the cursor is in a YAML document, in schema terms: the path of the key under it (for
 * hover), or for completion the path of the mapping a key typed there would belong to, the keys
 * it already has, and — after `key: ` or `- ` — the path of the value being typed. Works on
 * half-typed text: the current line is replaced by a placeholder key and the result parsed.
 */
import { isMap, isPair, isScalar, isSeq, Node, Pair, parseDocument } from 'yaml';
import type { YamlPath } from './yaml-schema-check';

export type CompletionSpot =
  | { readonly kind: 'key'; readonly path: YamlPath; readonly existing: readonly string[]; readonly typed: string }
  | { readonly kind: 'value'; readonly path: YamlPath; readonly typed: string };

const PLACEHOLDER = '__moat_cursor__';

/** The key path under `offset` (a key or its scalar value), or undefined. */
export function keyPathAt(text: string, offset: number): YamlPath | undefined {
  const doc = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false });
  let found: YamlPath | undefined;
  const visit = (node: unknown, path: YamlPath) => {
    if (found) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const kr = (pair.key as Node).range;
        if (kr && offset >= kr[0] && offset <= kr[1]) {
          found = [...path, key];
          return;
        }
        const v = pair.value as Node | null;
        if (isScalar(v) && v.range && offset >= v.range[0] && offset <= v.range[1]) {
          found = [...path, key];
          return;
        }
        visit(v, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, [...path, i]));
    }
  };
  visit(doc.contents, []);
  return found;
}

/**
 * What completion at (line, character) could complete, most likely first: `- ab` may be a key of
 * a mapping item or a value of a list of scalars; the caller keeps the first the schema fills.
 */
export function completionSpots(text: string, line: number, character: number): CompletionSpot[] {
  const lines = text.split('\n');
  const before = (lines[line] ?? '').slice(0, character);
  const out: CompletionSpot[] = [];
  const keyTyping = /^(\s*)((?:-\s+)*)([A-Za-z0-9_.-]*)$/.exec(before);
  if (keyTyping) {
    const replacement = `${keyTyping[1]}${keyTyping[2]}${PLACEHOLDER}: x`;
    const path = placeholderPath(lines, line, replacement);
    if (path) out.push({ kind: 'key', path: path.slice(0, -1), existing: placeholderSiblings(lines, line, replacement), typed: keyTyping[3] });
  }
  const valueTyping = /^(\s*)((?:-\s+)*)("[^"]*"|'[^']*'|[A-Za-z0-9_.*?-]+):\s+([^#]*)$/.exec(before);
  if (valueTyping) {
    const path = placeholderPath(lines, line, `${valueTyping[1]}${valueTyping[2]}${valueTyping[3]}: ${PLACEHOLDER}`);
    if (path) out.push({ kind: 'value', path, typed: unquote(valueTyping[4]) });
  }
  const itemTyping = /^(\s*)-\s+([^:#]*)$/.exec(before);
  if (itemTyping) {
    const path = placeholderPath(lines, line, `${itemTyping[1]}- ${PLACEHOLDER}`);
    if (path) out.push({ kind: 'value', path, typed: unquote(itemTyping[2]) });
  }
  return out;
}

function unquote(typed: string): string {
  return typed.trim().replace(/^["']/, '');
}

/** Parses the text with line `line` replaced, and returns the path to the placeholder. */
function placeholderPath(lines: string[], line: number, replacement: string): YamlPath | undefined {
  const doc = parseDocument([...lines.slice(0, line), replacement, ...lines.slice(line + 1)].join('\n'), { uniqueKeys: false });
  return findPlaceholder(doc.contents, []);
}

function placeholderSiblings(lines: string[], line: number, replacement: string): string[] {
  const doc = parseDocument([...lines.slice(0, line), replacement, ...lines.slice(line + 1)].join('\n'), { uniqueKeys: false });
  const path = findPlaceholder(doc.contents, []);
  if (!path) return [];
  let node: unknown = doc.contents;
  for (const seg of path.slice(0, -1)) {
    if (isMap(node)) node = (node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg)) as Pair | undefined)?.value;
    else if (isSeq(node) && typeof seg === 'number') node = node.items[seg];
  }
  return isMap(node) ? node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')).filter((k) => k !== PLACEHOLDER && k !== '') : [];
}

function findPlaceholder(node: unknown, path: YamlPath): YamlPath | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === PLACEHOLDER) return [...path, key];
      if (isScalar(pair.value) && pair.value.value === PLACEHOLDER && key !== undefined) return [...path, key];
      const inner = findPlaceholder(pair.value, key === undefined ? path : [...path, key]);
      if (inner) return inner;
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i];
      if (isScalar(item) && item.value === PLACEHOLDER) return [...path, i];
      const inner = findPlaceholder(item, [...path, i]);
      if (inner) return inner;
    }
  }
  return undefined;
}
