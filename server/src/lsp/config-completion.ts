/**
 * Completion inside `.moat.yaml`, `moat-pack.yaml` and rule files, from their JSON Schemas: the
 * keys a mapping may still have (with the schema's description as documentation), and the allowed
 * values where the schema lists them (severities, advisory sources, rule `mode`…).
 */
import { CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { JsonSchema, SchemaName, SCHEMAS } from '../config/schemas';
import { keysAt, schemaAt } from '../config/schema-navigate';
import { completionSpots } from '../config/yaml-cursor';

export function configCompletions(doc: TextDocument, schema: SchemaName, position: Position): CompletionItem[] {
  const root = SCHEMAS[schema];
  for (const spot of completionSpots(doc.getText(), position.line, position.character)) {
    if (spot.kind === 'key') {
      const keys = keysAt(root, spot.path).filter((k) => !spot.existing.includes(k.name));
      if (keys.length === 0) continue;
      return keys.map((k, i) => ({
        label: k.name,
        kind: CompletionItemKind.Property,
        detail: k.required ? 'required' : typeName(k.schema),
        documentation: k.description ? { kind: MarkupKind.Markdown, value: k.description } : undefined,
        insertText: insertTextFor(k.name, k.schema),
        insertTextFormat: InsertTextFormat.Snippet,
        sortText: `${k.required ? 0 : 1}${String(i).padStart(3, '0')}`,
      }));
    }
    const values = schemaAt(root, spot.path)?.enum;
    if (!values?.length) continue;
    const shown = values.map(String);
    const preferred = shown.some((v) => v !== v.toUpperCase()) && shown.some((v) => v === v.toUpperCase() && /[A-Z]/.test(v)) ? shown.filter((v) => v === v.toUpperCase()) : shown;
    return preferred.map((v) => ({ label: v, kind: CompletionItemKind.EnumMember }));
  }
  return [];
}

function typeName(s: JsonSchema): string {
  if (s.enum) return s.enum.map(String).slice(0, 5).join(' | ');
  return typeof s.type === 'string' ? (s.type === 'object' ? 'mapping' : s.type === 'array' ? 'list' : s.type) : '';
}

/** `name: ` for scalars; a nested block for mappings and lists. */
function insertTextFor(name: string, s: JsonSchema): string {
  if (s.type === 'object') return `${name}:\n  $0`;
  if (s.type === 'array') return `${name}:\n  - $0`;
  return `${name}: $0`;
}
