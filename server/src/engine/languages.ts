/**
 * The languages Moat parses, as data: Semgrep names and aliases, file extensions, the grammar
 * `.wasm` file, comment syntax, and the few facts about each grammar that the pattern compiler
 * and matcher need (which node kinds are strings, statement blocks, keyword arguments, unordered
 * collections, and how a pattern fragment is wrapped so that the grammar accepts it).
 *
 * Recipe — add a language: add its grammar package to grammars/grammars.json and package.json,
 * add a LanguageSpec here, add conformance rules under test/conformance/<language>/.
 */

export type LanguageId =
  | 'javascript'
  | 'typescript'
  | 'tsx'
  | 'python'
  | 'go'
  | 'java'
  | 'json'
  | 'yaml'
  | 'hcl';

/** How a pattern is embedded in source the grammar accepts; `{P}` is replaced by the pattern. */
export interface PatternWrapper {
  readonly template: string;
}

export interface LanguageSpec {
  readonly id: LanguageId;
  /** Names accepted in a rule's `languages:` (Semgrep names and aliases). */
  readonly names: readonly string[];
  readonly extensions: readonly string[];
  /** Exact file names (without directory) that belong to the language. */
  readonly fileNames?: readonly string[];
  readonly wasm: string;
  /** Line comment prefixes, then the block comment pair if any (used for suppressions and tests). */
  readonly lineComments: readonly string[];
  readonly blockComment?: readonly [string, string];
  /** Node kinds whose text is a string literal compared by content. */
  readonly stringKinds: readonly string[];
  /** Node kinds whose children are statements (for statement-sequence patterns). */
  readonly blockKinds: readonly string[];
  /** Node kinds that are keyword arguments (matched in any order). */
  readonly keywordArgKinds: readonly string[];
  /** Node kinds whose children are matched as a set (extra target children need `...`). */
  readonly unorderedKinds: readonly string[];
  /** Node kinds whose children are matched as a subset (extras always allowed), e.g. modifiers. */
  readonly subsetKinds: readonly string[];
  /** Node kinds that only wrap their single child (parentheses) and are looked through. */
  readonly transparentKinds: readonly string[];
  /** A statement that wraps one expression; a pattern of that shape matches the expression. */
  readonly expressionStatementKinds: readonly string[];
  /** Tried in order until one parses without errors. */
  readonly wrappers: readonly PatternWrapper[];
  /** How a `...` alone on its line is written so that it parses (`{ph};` in Java, `{ph} = 0` in HCL). */
  readonly ellipsisLine?: string;
  /** `...` directly inside `{ }` that hold `key: value` items is written as a placeholder pair (Python dicts). */
  readonly ellipsisPairs?: boolean;
  /** `...` among `key = value` annotation arguments is written as a placeholder pair (Java). */
  readonly annotationPairs?: boolean;
  /** `...name` is the language's spread syntax and is not an ellipsis. */
  readonly spreadSyntax?: boolean;
  /** Bare identifiers are not valid (JSON): metavariables become quoted, `...` in objects a placeholder pair. */
  readonly quotedMetasyntax?: boolean;
  /** How a typed metavariable is written: `($X: T)` (TS, Go's `($X : T)`) or `(T $X)` (Java). */
  readonly typedMetavariables?: 'name-colon-type' | 'type-name';
  /** Declarations whose single declarator a statement pattern like `$X = $Y;` also matches. */
  readonly declarationKinds?: readonly string[];
  /** Named kinds a target may have that a pattern may leave out (return types, modifiers…). */
  readonly optionalKinds?: readonly string[];
  /** Anonymous tokens a target may have that a pattern may leave out (`async`, `static`…). */
  readonly optionalTokens?: readonly string[];
  /** A pattern node of the key kind also matches nodes of these kinds (Semgrep's `$X = $Y` matching declarations). */
  readonly equivalentKinds?: Readonly<Record<string, readonly string[]>>;
}

const jsLike = {
  lineComments: ['//'],
  blockComment: ['/*', '*/'] as const,
  stringKinds: ['string'],
  blockKinds: ['program', 'statement_block', 'class_body', 'switch_case', 'switch_default'],
  keywordArgKinds: [],
  unorderedKinds: ['object', 'object_pattern'],
  subsetKinds: ['jsx_self_closing_element', 'jsx_opening_element'],
  transparentKinds: ['parenthesized_expression'],
  expressionStatementKinds: ['expression_statement'],
  wrappers: [{ template: '{P}' }, { template: '({P})' }, { template: 'class __MoatC {\n{P}\n}' }],
  spreadSyntax: true,
  typedMetavariables: 'name-colon-type' as const,
  equivalentKinds: {
    assignment_expression: ['variable_declarator', 'public_field_definition', 'field_definition'],
    jsx_self_closing_element: ['jsx_opening_element'],
  },
  declarationKinds: ['lexical_declaration', 'variable_declaration'],
  optionalKinds: ['type_annotation', 'type_parameters', 'accessibility_modifier', 'override_modifier', 'decorator'],
  optionalTokens: ['async', 'static', 'readonly', 'declare', 'abstract', 'override', 'export'],
};

export const LANGUAGES: readonly LanguageSpec[] = [
  {
    id: 'javascript',
    names: ['javascript', 'js', 'jsx'],
    extensions: ['.js', '.jsx', '.mjs', '.cjs'],
    wasm: 'tree-sitter-javascript.wasm',
    ...jsLike,
  },
  {
    id: 'typescript',
    names: ['typescript', 'ts'],
    extensions: ['.ts', '.mts', '.cts'],
    wasm: 'tree-sitter-typescript.wasm',
    ...jsLike,
  },
  {
    id: 'tsx',
    names: ['tsx'],
    extensions: ['.tsx'],
    wasm: 'tree-sitter-tsx.wasm',
    ...jsLike,
  },
  {
    id: 'python',
    names: ['python', 'py', 'python3'],
    extensions: ['.py', '.pyi', '.pyw'],
    wasm: 'tree-sitter-python.wasm',
    lineComments: ['#'],
    stringKinds: ['string'],
    blockKinds: ['module', 'block'],
    keywordArgKinds: ['keyword_argument'],
    unorderedKinds: ['dictionary'],
    subsetKinds: ['decorated_definition'],
    transparentKinds: ['parenthesized_expression'],
    expressionStatementKinds: ['expression_statement'],
    optionalKinds: ['type'],
    optionalTokens: ['async'],
    ellipsisPairs: true,
    wrappers: [{ template: '{P}' }],
  },
  {
    id: 'go',
    names: ['go', 'golang'],
    extensions: ['.go'],
    wasm: 'tree-sitter-go.wasm',
    lineComments: ['//'],
    blockComment: ['/*', '*/'],
    stringKinds: ['interpreted_string_literal', 'raw_string_literal'],
    blockKinds: ['source_file', 'statement_list', 'block'],
    keywordArgKinds: [],
    unorderedKinds: ['literal_value'],
    subsetKinds: [],
    transparentKinds: ['parenthesized_expression'],
    expressionStatementKinds: ['expression_statement'],
    wrappers: [
      { template: 'package __moat\nfunc __moatF() {\n{P}\n}\n' },
      { template: 'package __moat\n{P}\n' },
      { template: 'package __moat\nvar __moatV = {P}\n' },
    ],
    typedMetavariables: 'name-colon-type',
  },
  {
    id: 'java',
    names: ['java'],
    extensions: ['.java'],
    wasm: 'tree-sitter-java.wasm',
    lineComments: ['//'],
    blockComment: ['/*', '*/'],
    stringKinds: ['string_literal'],
    blockKinds: ['block', 'class_body', 'constructor_body', 'switch_block_statement_group'],
    keywordArgKinds: [],
    unorderedKinds: ['annotation_argument_list'],
    subsetKinds: ['modifiers'],
    transparentKinds: ['parenthesized_expression'],
    expressionStatementKinds: ['expression_statement'],
    equivalentKinds: { assignment_expression: ['variable_declarator'], local_variable_declaration: ['field_declaration'] },
    declarationKinds: ['local_variable_declaration', 'field_declaration'],
    optionalKinds: ['modifiers', 'type_parameters', 'throws'],
    wrappers: [
      { template: 'class __MoatC { void __moatM() {\n{P}\n} }' },
      { template: 'class __MoatC { void __moatM() {\n{P};\n} }' },
      { template: 'class __MoatC {\n{P}\n}' },
      { template: '{P}' },
    ],
    ellipsisLine: '{ph};',
    typedMetavariables: 'type-name',
    annotationPairs: true,
  },
  {
    id: 'json',
    names: ['json'],
    extensions: ['.json', '.jsonc', '.json5'],
    wasm: 'tree-sitter-json.wasm',
    lineComments: ['//'],
    stringKinds: ['string'],
    blockKinds: [],
    keywordArgKinds: [],
    unorderedKinds: ['object'],
    subsetKinds: [],
    transparentKinds: [],
    expressionStatementKinds: [],
    wrappers: [{ template: '{P}' }, { template: '{{P}}' }],
    quotedMetasyntax: true,
  },
  {
    id: 'yaml',
    names: ['yaml', 'yml'],
    extensions: ['.yaml', '.yml'],
    wasm: 'tree-sitter-yaml.wasm',
    lineComments: ['#'],
    stringKinds: ['double_quote_scalar', 'single_quote_scalar', 'string_scalar'],
    blockKinds: [],
    keywordArgKinds: [],
    unorderedKinds: [],
    subsetKinds: ['block_mapping', 'flow_mapping'],
    transparentKinds: ['flow_node', 'block_node', 'plain_scalar'],
    expressionStatementKinds: [],
    wrappers: [{ template: '{P}' }],
    equivalentKinds: { block_mapping_pair: ['flow_pair'], block_mapping: ['flow_mapping'], block_sequence: ['flow_sequence'] },
  },
  {
    id: 'hcl',
    names: ['hcl', 'terraform', 'tf'],
    extensions: ['.tf', '.hcl', '.tfvars'],
    wasm: 'tree-sitter-terraform.wasm',
    lineComments: ['#', '//'],
    blockComment: ['/*', '*/'],
    stringKinds: ['string_lit'],
    blockKinds: [],
    keywordArgKinds: [],
    unorderedKinds: ['body', 'object'],
    subsetKinds: [],
    transparentKinds: ['expression', 'literal_value', 'collection_value'],
    expressionStatementKinds: [],
    wrappers: [{ template: '{P}' }],
    ellipsisLine: '{ph} = 0',
  },
];

const byName = new Map<string, LanguageSpec>();
for (const spec of LANGUAGES) for (const name of spec.names) byName.set(name, spec);

/** The language for a Semgrep `languages:` entry, or undefined when Moat does not parse it. */
export function languageByName(name: string): LanguageSpec | undefined {
  return byName.get(name.toLowerCase());
}

export function languageById(id: LanguageId): LanguageSpec {
  const spec = LANGUAGES.find((l) => l.id === id);
  if (!spec) throw new Error(`unknown language id ${id}`);
  return spec;
}

/** The language of a file path by its extension or file name, or undefined. */
export function languageForPath(filePath: string): LanguageSpec | undefined {
  const slash = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'));
  const base = filePath.slice(slash + 1).toLowerCase();
  const dot = base.lastIndexOf('.');
  const ext = dot >= 0 ? base.slice(dot) : '';
  for (const spec of LANGUAGES) {
    if (spec.fileNames?.includes(base)) return spec;
    if (ext && spec.extensions.includes(ext)) return spec;
  }
  return undefined;
}

/**
 * Rule languages that are not grammars but are accepted: regex-only rules run on any text file;
 * `dockerfile` rules run on Dockerfiles only, parsed by dockerfile-parser.ts (dockerfile-compile.ts).
 */
export const TEXT_LANGUAGE_NAMES: readonly string[] = ['regex', 'generic', 'none', 'dockerfile', 'docker'];
