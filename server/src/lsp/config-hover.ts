/**
 * Hover inside `.moat.yaml`, `moat-pack.yaml` and rule files: the description the JSON Schema
 * gives for the key under the cursor, with its type, allowed values and default.
 */
import { Hover, MarkupKind, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SchemaName, SCHEMAS, SCHEMA_FILES } from '../config/schemas';
import { schemaAt } from '../config/schema-navigate';
import { keyPathAt } from '../config/yaml-cursor';
import { pathKey } from '../config/yaml-schema-check';

export function configHover(doc: TextDocument, schema: SchemaName, position: Position): Hover | null {
  const path = keyPathAt(doc.getText(), doc.offsetAt(position));
  if (!path) return null;
  const s = schemaAt(SCHEMAS[schema], path);
  if (!s?.description) return null;
  const lines = [`**${pathKey(path)}**`, '', s.description];
  if (s.enum) lines.push('', `Allowed: ${[...new Set(s.enum.map(String))].map((v) => `\`${v}\``).join(', ')}`);
  if (s.default !== undefined) lines.push('', `Default: \`${JSON.stringify(s.default)}\``);
  lines.push('', `_${SCHEMA_FILES[schema]}_`);
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') } };
}
