/**
 * Moat's JSON Schemas (draft 2020-12, the files under schemas/): `.moat.yaml`, `moat-pack.yaml`
 * and rule files. One source for validation (ajv, compiled once per process), editor completion
 * and hover descriptions. The schema files are bundled into the CLI and server by the build.
 */
import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import configSchema from '../../../schemas/moat-config.schema.json';
import packSchema from '../../../schemas/moat-pack.schema.json';
import ruleSchema from '../../../schemas/moat-rule.schema.json';

export type SchemaName = 'config' | 'pack' | 'rule';

/** A JSON Schema node, as far as Moat reads one. */
export interface JsonSchema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly description?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly required?: readonly string[];
  readonly enum?: readonly unknown[];
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly $defs?: Readonly<Record<string, JsonSchema>>;
  readonly default?: unknown;
  readonly examples?: readonly unknown[];
  readonly pattern?: string;
}

export const SCHEMAS: Readonly<Record<SchemaName, JsonSchema>> = {
  config: configSchema as JsonSchema,
  pack: packSchema as JsonSchema,
  rule: ruleSchema as JsonSchema,
};

/** The schema file names, for messages and docs. */
export const SCHEMA_FILES: Readonly<Record<SchemaName, string>> = {
  config: 'schemas/moat-config.schema.json',
  pack: 'schemas/moat-pack.schema.json',
  rule: 'schemas/moat-rule.schema.json',
};

let ajv: Ajv2020 | undefined;
const validators = new WeakMap<object, ValidateFunction>();

/**
 * The compiled validator of one of Moat's schemas, or of any draft 2020-12 schema object given
 * (compiled once per object). Every error is reported, not only the first.
 */
export function schemaValidator(schema: SchemaName | JsonSchema): ValidateFunction {
  const object = (typeof schema === 'string' ? SCHEMAS[schema] : schema) as object;
  let v = validators.get(object);
  if (!v) {
    ajv ??= new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
    v = ajv.compile(object);
    validators.set(object, v);
  }
  return v;
}
