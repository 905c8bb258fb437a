/**
 * Walks a JSON Schema along a YAML path: which subschema describes the value at `packs[0].source`,
 * which keys a mapping there may have, and their descriptions. Used by the editor's completion and
 * hover; understands local `$ref`s, `properties`, `additionalProperties`, `items` and `anyOf`.
 */
import type { JsonSchema } from './schemas';
import type { YamlPath } from './yaml-schema-check';

function resolve(root: JsonSchema, schema: JsonSchema | undefined, depth = 0): JsonSchema | undefined {
  if (!schema?.$ref || depth > 20) return schema;
  const m = /^#\/\$defs\/(.+)$/.exec(schema.$ref);
  const target = m ? root.$defs?.[m[1]] : undefined;
  // A $ref beside a description: the local description wins (it is the more specific one).
  const resolved = resolve(root, target, depth + 1);
  return resolved && schema.description ? { ...resolved, description: schema.description } : resolved;
}

/** The subschema for the value at `path`, or undefined when the schema says nothing about it. */
export function schemaAt(root: JsonSchema, path: YamlPath): JsonSchema | undefined {
  let current = resolve(root, root);
  for (const seg of path) {
    if (!current) return undefined;
    current = step(root, current, seg);
  }
  return current;
}

function step(root: JsonSchema, schema: JsonSchema, seg: string | number): JsonSchema | undefined {
  for (const branch of [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
    const s = resolve(root, branch);
    if (!s) continue;
    if (typeof seg === 'number') {
      if (s.items) return resolve(root, s.items);
      continue;
    }
    const prop = s.properties?.[seg];
    if (prop) return resolve(root, prop);
    if (typeof s.additionalProperties === 'object') return resolve(root, s.additionalProperties);
  }
  return undefined;
}

export interface SchemaKey {
  readonly name: string;
  readonly description: string;
  readonly schema: JsonSchema;
  readonly required: boolean;
}

/** The named keys a mapping at `path` may have (not `additionalProperties` patterns). */
export function keysAt(root: JsonSchema, path: YamlPath): SchemaKey[] {
  const schema = schemaAt(root, path);
  if (!schema) return [];
  const out: SchemaKey[] = [];
  for (const branch of [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) {
    const s = resolve(root, branch);
    for (const [name, sub] of Object.entries(s?.properties ?? {})) {
      if (out.some((k) => k.name === name)) continue;
      const r = resolve(root, sub) ?? sub;
      out.push({ name, description: r.description ?? '', schema: r, required: s?.required?.includes(name) ?? false });
    }
  }
  return out;
}
