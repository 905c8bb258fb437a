/**
 * What Semgrep's typed metavariables (`($X: T)`, `(T $X)`) need from one file: the declared type
 * of an expression, from the declarations in the same file — a local variable, a parameter, a
 * field (`this.name` too, and TypeScript constructor parameter properties), or the class of a
 * `new T(...)`. The declaration in the innermost enclosing scope wins. Types compare by simple
 * name: generics, package qualifiers and spaces are ignored (`java.util.List<String>` is `List`,
 * `*http.Request` is `*Request`). There is no inference: `var x = …`, `x := …` and other
 * expressions have no type here.
 */
import { KIND_BLOCK } from './grammars';
import { NO_NODE, SyntaxTree } from './syntax-tree';

interface Declaration {
  /** The declaration applies to uses in [from, to). */
  readonly from: number;
  readonly to: number;
  /** Start of its scope: the innermost scope wins. */
  readonly scope: number;
  readonly type: string;
}

interface DeclarationIndex {
  /** Names usable bare: locals, parameters, Java fields. */
  readonly names: ReadonlyMap<string, readonly Declaration[]>;
  /** Fields, for `this.name`. */
  readonly fields: ReadonlyMap<string, readonly Declaration[]>;
}

const cache = new WeakMap<SyntaxTree, DeclarationIndex>();

/** A type as compared: no spaces, no generic arguments, no package or namespace qualifiers. */
export function normalizeTypeName(text: string): string {
  let t = text.replace(/\s+/g, '');
  for (let before = ''; before !== t; ) {
    before = t;
    t = t.replace(/<[^<>]*>/g, '');
  }
  return t.replace(/(?:[A-Za-z_$][\w$]*\.)+(?=[A-Za-z_$])/g, '');
}

/** The normalized declared type of expression `n`, or undefined when the file does not say. */
export function declaredType(st: SyntaxTree, n: number): string | undefined {
  const kind = st.kindName(n);
  if (kind === 'identifier') return lookup(indexOf(st).names, st.text(n), st.start[n]);
  if (kind === 'member_expression' || kind === 'field_access') {
    const named = namedKids(st, n);
    if (named.length !== 2 || st.kindName(named[0]) !== 'this') return undefined;
    return lookup(indexOf(st).fields, st.text(named[1]), st.start[n]);
  }
  if (kind === 'new_expression' || kind === 'object_creation_expression') {
    const type = namedKids(st, n)[0];
    return type === undefined ? undefined : normalizeTypeName(st.text(type));
  }
  return undefined;
}

function lookup(map: ReadonlyMap<string, readonly Declaration[]>, name: string, at: number): string | undefined {
  let best: Declaration | undefined;
  for (const d of map.get(name) ?? []) {
    if (at < d.from || at >= d.to) continue;
    if (!best || d.scope > best.scope || (d.scope === best.scope && d.from >= best.from)) best = d;
  }
  return best?.type;
}

function namedKids(st: SyntaxTree, n: number): number[] {
  return st.significantChildren(n).filter((c) => st.isNamed(c) && !st.isComment(c));
}

function indexOf(st: SyntaxTree): DeclarationIndex {
  let index = cache.get(st);
  if (!index) {
    index = new IndexBuilder(st).build();
    cache.set(st, index);
  }
  return index;
}

class IndexBuilder {
  private readonly names = new Map<string, Declaration[]>();
  private readonly fields = new Map<string, Declaration[]>();

  constructor(private readonly st: SyntaxTree) {}

  build(): DeclarationIndex {
    const st = this.st;
    for (let n = 0; n < st.count; n++) {
      if (!st.isNamed(n)) continue;
      switch (st.kindName(n)) {
        case 'required_parameter':
        case 'optional_parameter':
          this.tsParameter(n);
          break;
        case 'variable_declarator':
          this.tsVariable(n);
          break;
        case 'public_field_definition':
          this.tsField(n);
          break;
        case 'formal_parameter':
        case 'spread_parameter':
        case 'catch_formal_parameter':
        case 'local_variable_declaration':
        case 'field_declaration':
        case 'enhanced_for_statement':
        case 'resource':
          if (st.lang.spec.id === 'java') this.javaDeclaration(n);
          break;
        case 'parameter_declaration':
        case 'variadic_parameter_declaration':
        case 'var_spec':
          if (st.lang.spec.id === 'go') this.goDeclaration(n);
          break;
      }
    }
    return { names: this.names, fields: this.fields };
  }

  private add(map: Map<string, Declaration[]>, nameNode: number, typeText: string, scopeNode: number, from: number): void {
    const st = this.st;
    if (scopeNode === NO_NODE || typeText.trim() === '') return;
    const name = st.text(nameNode);
    const list = map.get(name) ?? [];
    list.push({ from, to: st.end[scopeNode], scope: st.start[scopeNode], type: normalizeTypeName(typeText) });
    map.set(name, list);
  }

  /** The nearest ancestor that holds statements or members (a block, a class body, the file). */
  private enclosingBlock(n: number): number {
    const st = this.st;
    let p = st.parent[n];
    while (p !== NO_NODE && !(st.flags(p) & KIND_BLOCK)) p = st.parent[p];
    return p;
  }

  private ancestor(n: number, kind: string): number {
    const st = this.st;
    let p = st.parent[n];
    while (p !== NO_NODE && st.kindName(p) !== kind) p = st.parent[p];
    return p;
  }

  /** `x: T` in a TS parameter list; `private x: T` in a constructor is also a field. */
  private tsParameter(n: number): void {
    const st = this.st;
    const kids = namedKids(st, n);
    const name = kids.find((c) => st.kindName(c) === 'identifier');
    const annotation = kids.find((c) => st.kindName(c) === 'type_annotation');
    if (name === undefined || annotation === undefined) return;
    const type = typeOfAnnotation(st, annotation);
    const fn = st.parent[st.parent[n]];
    if (fn !== NO_NODE) this.add(this.names, name, type, fn, st.start[fn]);
    const isProperty = kids.some((c) => st.kindName(c) === 'accessibility_modifier') || /^\s*readonly\b/.test(st.text(n));
    const body = isProperty ? this.ancestor(n, 'class_body') : NO_NODE;
    if (body !== NO_NODE) this.add(this.fields, name, type, body, st.start[body]);
  }

  private tsVariable(n: number): void {
    const st = this.st;
    const kids = namedKids(st, n);
    const annotation = kids.find((c) => st.kindName(c) === 'type_annotation');
    if (kids[0] === undefined || st.kindName(kids[0]) !== 'identifier' || annotation === undefined) return;
    this.add(this.names, kids[0], typeOfAnnotation(st, annotation), this.enclosingBlock(n), st.start[n]);
  }

  private tsField(n: number): void {
    const st = this.st;
    const kids = namedKids(st, n);
    const name = kids.find((c) => st.kindName(c) === 'property_identifier');
    const annotation = kids.find((c) => st.kindName(c) === 'type_annotation');
    const body = st.parent[n];
    if (name === undefined || annotation === undefined || body === NO_NODE) return;
    this.add(this.fields, name, typeOfAnnotation(st, annotation), body, st.start[body]);
  }

  /** Java: `[modifiers] Type name` and `[modifiers] Type a = …, b;` forms. */
  private javaDeclaration(n: number): void {
    const st = this.st;
    const kind = st.kindName(n);
    const kids = namedKids(st, n).filter((c) => st.kindName(c) !== 'modifiers');
    const typeNode = kids[0];
    if (typeNode === undefined || st.text(typeNode) === 'var') return;
    const type = st.text(typeNode) + (kind === 'spread_parameter' ? '[]' : '');
    const declarators = kids.slice(1).filter((c) => st.kindName(c) === 'variable_declarator');
    const names = declarators.length > 0 ? declarators.map((d) => namedKids(st, d)[0]).filter((c) => c !== undefined) : kids.slice(1, 2).filter((c) => st.kindName(c) === 'identifier');
    let scope: number;
    let from: (name: number) => number;
    switch (kind) {
      case 'formal_parameter':
      case 'spread_parameter':
        scope = st.parent[st.parent[n]];
        from = () => st.start[scope];
        break;
      case 'catch_formal_parameter':
        scope = st.parent[n];
        from = () => st.start[scope];
        break;
      case 'resource':
        scope = this.ancestor(n, 'try_with_resources_statement');
        from = (name) => st.start[name];
        break;
      case 'enhanced_for_statement':
        scope = n;
        from = () => st.start[n];
        break;
      case 'field_declaration':
        scope = st.parent[n];
        from = () => st.start[scope];
        for (const name of names) this.add(this.fields, name, type, scope, st.start[scope]);
        break;
      default:
        scope = this.enclosingBlock(n);
        from = (name) => st.start[name];
    }
    if (scope === NO_NODE) return;
    for (const name of names) this.add(this.names, name, type, scope, from(name));
  }

  /** Go: `a, b T` parameters, `...T` variadics, `var a, b T = …`. */
  private goDeclaration(n: number): void {
    const st = this.st;
    const kids = namedKids(st, n);
    const names = kids.filter((c) => st.kindName(c) === 'identifier');
    const typeNode = kids.find((c) => st.kindName(c) !== 'identifier');
    if (typeNode === undefined || st.kindName(typeNode) === 'expression_list' || names.length === 0) return;
    const variadic = st.kindName(n) === 'variadic_parameter_declaration';
    const type = (variadic ? '[]' : '') + st.text(typeNode);
    if (st.kindName(n) === 'var_spec') {
      const scope = this.enclosingBlock(n);
      for (const name of names) this.add(this.names, name, type, scope, st.start[name]);
      return;
    }
    const fn = st.parent[st.parent[n]];
    for (const name of names) this.add(this.names, name, type, fn, fn === NO_NODE ? 0 : st.start[fn]);
  }
}

function typeOfAnnotation(st: SyntaxTree, annotation: number): string {
  return st.text(annotation).replace(/^\s*:/, '');
}
