/**
 * What the taint dataflow needs to know about each grammar, as data: which node kinds read a
 * variable, assign (and how targets and value are separated), branch, loop, may be skipped
 * (catch clauses, switch cases), leave the function, define functions and lambdas, and which
 * method names add their argument to their receiver (`append`, `push`…). taint-flow.ts is
 * written against these tables only; adding a language is adding an entry here.
 */
import type { LoadedLanguage } from './grammars';
import type { LanguageId } from './languages';

/** A node that binds targets to a value, split by an operator token. */
export interface BindingForm {
  /** The token between targets and value (the first present is used); `+=`-style tokens add to the target. */
  readonly ops: readonly string[];
  /** The value stands before the token and the targets after it (`open(p) as f`). */
  readonly valueFirst?: boolean;
  /** Only the first node after the token is the value; the nodes after it run once targets are bound (a loop body). */
  readonly rest?: boolean;
  /** A declaration: without the token, its targets are declared clean (`let x;`, `String s;`). */
  readonly declares?: boolean;
}

export interface TaintLanguageTable {
  /** Kinds that read a variable by name. */
  readonly variables: readonly string[];
  /** Kinds that only appear as binding targets (destructuring shorthand). */
  readonly targetNames: readonly string[];
  /** `this`/`self`-like kinds that can start a member chain. */
  readonly selves: readonly string[];
  /** `a.b`: the first named child is the object, the last the member name. */
  readonly members: readonly string[];
  /** `a[i]`: the first named child is the container. */
  readonly subscripts: readonly string[];
  /** Tokens after which an identifier is a member name, not a variable (Java `obj.name`). */
  readonly memberTokens: readonly string[];
  /** Kinds whose first named child is a name, not a read (`f(key=value)`). */
  readonly namedArguments: readonly string[];
  /** Kinds that hold no values (types, annotations): not evaluated. */
  readonly types: readonly string[];
  /** Tuple-like kinds paired element by element in `a, b = x, y`. */
  readonly tuples: readonly string[];
  readonly bindings: Readonly<Record<string, BindingForm>>;
  /** Function declarations: analysed on their own (clean state, unless nested in a function). */
  readonly functions: readonly string[];
  /** Anonymous functions: analysed with the state where they are written. */
  readonly lambdas: readonly string[];
  /** Parameter lists. */
  readonly parameters: readonly string[];
  /** `if`: its conditions are the first named child (`first`) or the named children before the first block (`before-block`). */
  readonly ifs: Readonly<Record<string, 'first' | 'before-block'>>;
  /** The block kind that ends a `before-block` condition. */
  readonly ifBlock?: string;
  /** When set, an `if` is exhaustive only if its last arm has one of these kinds (else two arms suffice). */
  readonly elseKinds?: readonly string[];
  readonly loops: readonly string[];
  /** Clauses that may or may not run (catch clauses, switch cases). */
  readonly optional: readonly string[];
  /** `try` statements: their optional clauses (catch) may start anywhere in the body, so from the state before it too. */
  readonly tries: readonly string[];
  /** Statements after which the path ends (return, raise, throw). */
  readonly exits: readonly string[];
  /** Comprehensions: the first named child is evaluated after the clauses that bind its variables. */
  readonly comprehensions: readonly string[];
  /** `c ? a : b`: the named child at this index is the condition, whose taint does not reach the value. */
  readonly conditionals: Readonly<Record<string, number>>;
  /** Call kinds, to find method calls for `mutators`. */
  readonly calls: readonly string[];
  /**
   * Methods that put their arguments into a container or builder receiver (`l.append(x)` taints
   * `l`). Output methods (`write`, `println`) are left out: their receiver is often the sink itself.
   */
  readonly mutators: readonly string[];
}

const ASSIGN_OPS = ['=', ':=', '+=', '-=', '*=', '/=', '%=', '|=', '&=', '^=', '<<=', '>>=', '>>>=', '**=', '//=', '@=', '&&=', '||=', '??=', '&^='];

const PYTHON: TaintLanguageTable = {
  variables: ['identifier'],
  targetNames: [],
  selves: [],
  members: ['attribute'],
  subscripts: ['subscript'],
  memberTokens: ['.'],
  namedArguments: ['keyword_argument'],
  types: ['type'],
  tuples: ['pattern_list', 'expression_list', 'tuple_pattern', 'tuple', 'list_pattern'],
  bindings: {
    assignment: { ops: ASSIGN_OPS },
    augmented_assignment: { ops: ASSIGN_OPS },
    named_expression: { ops: [':='] },
    for_statement: { ops: ['in'], rest: true },
    for_in_clause: { ops: ['in'] },
    as_pattern: { ops: ['as'], valueFirst: true },
    default_parameter: { ops: ['='] },
    typed_default_parameter: { ops: ['='] },
  },
  functions: ['function_definition'],
  lambdas: ['lambda'],
  parameters: ['parameters', 'lambda_parameters'],
  ifs: { if_statement: 'first' },
  elseKinds: ['else_clause'],
  loops: ['for_statement', 'while_statement'],
  optional: ['except_clause', 'except_group_clause', 'case_clause'],
  tries: ['try_statement'],
  exits: ['return_statement', 'raise_statement'],
  comprehensions: ['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression'],
  conditionals: { conditional_expression: 1 },
  calls: ['call'],
  mutators: ['append', 'extend', 'insert', 'add', 'update', 'appendleft', 'extendleft', 'setdefault'],
};

const JS: TaintLanguageTable = {
  variables: ['identifier', 'shorthand_property_identifier'],
  targetNames: ['shorthand_property_identifier_pattern'],
  selves: ['this'],
  members: ['member_expression'],
  subscripts: ['subscript_expression'],
  memberTokens: ['.', '?.'],
  namedArguments: [],
  types: ['type_annotation', 'type_arguments', 'type_parameters', 'decorator'],
  tuples: [],
  bindings: {
    variable_declarator: { ops: ['='], declares: true },
    assignment_expression: { ops: ASSIGN_OPS },
    augmented_assignment_expression: { ops: ASSIGN_OPS },
    for_in_statement: { ops: ['of', 'in'], rest: true },
    assignment_pattern: { ops: ['='] },
    required_parameter: { ops: ['='] },
    optional_parameter: { ops: ['='] },
  },
  functions: ['function_declaration', 'generator_function_declaration', 'method_definition'],
  lambdas: ['arrow_function', 'function_expression', 'function', 'generator_function'],
  parameters: ['formal_parameters'],
  ifs: { if_statement: 'first' },
  loops: ['for_statement', 'for_in_statement', 'while_statement', 'do_statement'],
  optional: ['catch_clause', 'switch_case', 'switch_default'],
  tries: ['try_statement'],
  exits: ['return_statement', 'throw_statement'],
  comprehensions: [],
  conditionals: { ternary_expression: 0 },
  calls: ['call_expression'],
  mutators: ['push', 'unshift', 'splice', 'set', 'add'],
};

const GO: TaintLanguageTable = {
  variables: ['identifier'],
  targetNames: [],
  selves: [],
  members: ['selector_expression'],
  subscripts: ['index_expression'],
  memberTokens: ['.'],
  namedArguments: [],
  types: [
    'type_identifier', 'pointer_type', 'qualified_type', 'slice_type', 'array_type', 'map_type', 'channel_type',
    'function_type', 'interface_type', 'struct_type', 'generic_type', 'type_arguments', 'type_parameter_list',
  ],
  tuples: ['expression_list'],
  bindings: {
    short_var_declaration: { ops: [':='] },
    assignment_statement: { ops: ASSIGN_OPS },
    var_spec: { ops: ['='], declares: true },
    const_spec: { ops: ['='] },
    range_clause: { ops: [':=', '='] },
  },
  functions: ['function_declaration', 'method_declaration'],
  lambdas: ['func_literal'],
  parameters: ['parameter_list'],
  ifs: { if_statement: 'before-block' },
  ifBlock: 'block',
  loops: ['for_statement'],
  optional: ['expression_case', 'default_case', 'type_case', 'communication_case'],
  tries: [],
  exits: ['return_statement'],
  comprehensions: [],
  conditionals: {},
  calls: ['call_expression'],
  mutators: ['WriteString', 'Add', 'Set', 'Store'],
};

const JAVA: TaintLanguageTable = {
  variables: ['identifier'],
  targetNames: [],
  selves: ['this'],
  members: ['field_access'],
  subscripts: ['array_access'],
  memberTokens: ['.', '::'],
  namedArguments: ['element_value_pair'],
  types: [
    'type_identifier', 'generic_type', 'scoped_type_identifier', 'array_type', 'integral_type', 'floating_point_type',
    'boolean_type', 'void_type', 'type_arguments', 'type_parameters', 'modifiers', 'dimensions', 'throws', 'catch_type',
  ],
  tuples: [],
  bindings: {
    variable_declarator: { ops: ['='], declares: true },
    assignment_expression: { ops: ASSIGN_OPS },
    enhanced_for_statement: { ops: [':'], rest: true },
    resource: { ops: ['='] },
  },
  functions: ['method_declaration', 'constructor_declaration'],
  lambdas: ['lambda_expression'],
  parameters: ['formal_parameters', 'inferred_parameters'],
  ifs: { if_statement: 'first' },
  loops: ['for_statement', 'enhanced_for_statement', 'while_statement', 'do_statement'],
  optional: ['catch_clause', 'switch_block_statement_group', 'switch_rule'],
  tries: ['try_statement', 'try_with_resources_statement'],
  exits: ['return_statement', 'throw_statement'],
  comprehensions: [],
  conditionals: { ternary_expression: 0 },
  calls: ['method_invocation'],
  mutators: ['add', 'addAll', 'put', 'putAll', 'append', 'insert', 'push', 'offer', 'addElement', 'set'],
};

export const TAINT_LANGUAGES: Partial<Readonly<Record<LanguageId, TaintLanguageTable>>> = {
  python: PYTHON,
  javascript: JS,
  typescript: JS,
  tsx: JS,
  go: GO,
  java: JAVA,
};

/** A table with its kinds resolved to the grammar's kind ids. */
export interface TaintKinds {
  readonly table: TaintLanguageTable;
  readonly variables: ReadonlySet<number>;
  readonly targetNames: ReadonlySet<number>;
  readonly selves: ReadonlySet<number>;
  readonly members: ReadonlySet<number>;
  readonly subscripts: ReadonlySet<number>;
  readonly namedArguments: ReadonlySet<number>;
  readonly types: ReadonlySet<number>;
  readonly tuples: ReadonlySet<number>;
  readonly bindings: ReadonlyMap<number, BindingForm>;
  readonly functions: ReadonlySet<number>;
  readonly lambdas: ReadonlySet<number>;
  readonly parameters: ReadonlySet<number>;
  readonly ifs: ReadonlyMap<number, 'first' | 'before-block'>;
  readonly ifBlock: number;
  readonly elseKinds: ReadonlySet<number> | undefined;
  readonly loops: ReadonlySet<number>;
  readonly optional: ReadonlySet<number>;
  readonly tries: ReadonlySet<number>;
  readonly exits: ReadonlySet<number>;
  readonly comprehensions: ReadonlySet<number>;
  readonly conditionals: ReadonlyMap<number, number>;
  readonly calls: ReadonlySet<number>;
  readonly mutators: ReadonlySet<string>;
}

const resolved = new WeakMap<LoadedLanguage, TaintKinds | null>();

/** The taint tables of a loaded grammar, or undefined when taint mode does not support it. */
export function taintKinds(lang: LoadedLanguage): TaintKinds | undefined {
  let k = resolved.get(lang);
  if (k === undefined) {
    const table = TAINT_LANGUAGES[lang.spec.id];
    k = table ? resolve(lang, table) : null;
    resolved.set(lang, k);
  }
  return k ?? undefined;
}

function resolve(lang: LoadedLanguage, t: TaintLanguageTable): TaintKinds {
  const id = (name: string) => lang.kinds.namedKind(name);
  const set = (names: readonly string[]) => new Set(names.map(id).filter((k) => k >= 0));
  const map = <V>(rec: Readonly<Record<string, V>>) => new Map(Object.entries(rec).map(([k, v]) => [id(k), v] as const).filter(([k]) => k >= 0));
  return {
    table: t,
    variables: set(t.variables),
    targetNames: set([...t.variables, ...t.targetNames]),
    selves: set(t.selves),
    members: set(t.members),
    subscripts: set(t.subscripts),
    namedArguments: set(t.namedArguments),
    types: set(t.types),
    tuples: set(t.tuples),
    bindings: map(t.bindings),
    functions: set(t.functions),
    lambdas: set(t.lambdas),
    parameters: set(t.parameters),
    ifs: map(t.ifs),
    ifBlock: t.ifBlock ? id(t.ifBlock) : -1,
    elseKinds: t.elseKinds ? set(t.elseKinds) : undefined,
    loops: set(t.loops),
    optional: set(t.optional),
    tries: set(t.tries),
    exits: set(t.exits),
    comprehensions: set(t.comprehensions),
    conditionals: map(t.conditionals),
    calls: set(t.calls),
    mutators: new Set(t.mutators),
  };
}
