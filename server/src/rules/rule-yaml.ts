/**
 * Reads a Semgrep-style rule file (YAML text) into RuleDtos, search rules and `mode: taint` rules
 * (sources, sinks, sanitizers, propagators). Every mistake — bad YAML, a missing or unknown key,
 * an unsupported operator — becomes a Problem naming the file, line, column, rule id and key; the
 * rule at fault is dropped and the others are kept.
 */
import { Document, isMap, isScalar, isSeq, LineCounter, Node, parseDocument, Scalar, visit, YAMLMap, YAMLSeq } from 'yaml';
import type { Problem } from '../engine/finding';
import type { ConjunctDto, FixRegexDto, FormulaDto, Loc, RuleDto, TaintDto, TaintSpecDto } from '../engine/rule-model';

export interface ParsedRuleFile {
  readonly rules: RuleDto[];
  readonly problems: Problem[];
}

const RULE_KEYS = new Set([
  'id', 'message', 'severity', 'languages', 'pattern', 'patterns', 'pattern-either', 'pattern-regex',
  'fix', 'fix-regex', 'metadata', 'paths', 'options', 'min-version', 'max-version', 'mode', 'version', 'name',
]);
const TAINT_KEYS = new Set(['pattern-sources', 'pattern-sinks', 'pattern-sanitizers', 'pattern-propagators']);
const UNSUPPORTED_RULE_KEYS: Record<string, string> = {
  match: 'the experimental `match` syntax is not supported; use pattern/patterns/pattern-either',
  join: 'join mode is not supported',
  extract: 'extract mode is not supported',
  'project-depends-on': 'project-depends-on (Semgrep Supply Chain) is not supported',
  taint: 'the new taint syntax is not supported',
};
const FORMULA_KEYS = ['pattern', 'patterns', 'pattern-either', 'pattern-regex'];
type TaintKey = 'pattern-sources' | 'pattern-sinks' | 'pattern-sanitizers' | 'pattern-propagators';
/** The options each kind of taint entry takes besides its formula. */
const TAINT_OPTIONS: Record<TaintKey, readonly string[]> = {
  'pattern-sources': ['exact', 'by-side-effect'],
  'pattern-sinks': ['exact'],
  'pattern-sanitizers': ['exact', 'by-side-effect', 'not-conflicting'],
  'pattern-propagators': ['from', 'to', 'by-side-effect'],
};
/** Semgrep taint options Moat does not implement: a located error rather than a silently different result. */
const UNSUPPORTED_TAINT_OPTIONS: Record<string, string> = {
  label: 'taint labels (`label`) are not supported yet',
  requires: 'taint labels (`requires`) are not supported yet',
  'replace-labels': 'taint labels (`replace-labels`) are not supported yet',
  control: 'control-flow sources (`control`) are not supported',
  'at-exit': '`at-exit` sinks are not supported',
};

class RuleReader {
  readonly problems: Problem[] = [];
  /** Aliases already reported as broken (replaced by null): no second problem about their value. */
  readonly brokenAliases = new WeakSet<Node>();
  private ruleId: string | undefined;

  constructor(
    private readonly file: string,
    private readonly lines: LineCounter,
    /** A pack's `default-severity`, for rules that give none. */
    private readonly defaultSeverity?: string,
  ) {}

  loc(node: Node | null | undefined): Loc {
    const offset = node?.range?.[0] ?? 0;
    const pos = this.lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  }

  fail(node: Node | null | undefined, key: string | undefined, message: string, severity: 'error' | 'warning' = 'error'): void {
    if (node && this.brokenAliases.has(node)) return;
    const loc = this.loc(node);
    this.problems.push({ severity, message, file: this.file, line: loc.line, column: loc.column, ruleId: this.ruleId, key });
  }

  readFile(doc: Document.Parsed): RuleDto[] {
    const root = doc.contents;
    if (!isMap(root)) {
      this.fail(root, undefined, 'a rule file must be a mapping with a `rules:` list');
      return [];
    }
    const rulesNode = root.get('rules', true);
    if (!isSeq(rulesNode)) {
      this.fail(rulesNode ?? root, 'rules', 'a rule file must have a `rules:` list');
      return [];
    }
    const out: RuleDto[] = [];
    const seen = new Map<string, number>();
    for (const item of rulesNode.items) {
      this.ruleId = undefined;
      const rule = this.readRule(item as Node);
      if (!rule) continue;
      const before = seen.get(rule.id);
      if (before !== undefined) {
        this.fail(item as Node, 'id', `duplicate rule id "${rule.id}" (first defined on line ${before})`);
        continue;
      }
      seen.set(rule.id, rule.loc.line);
      out.push(rule);
    }
    return out;
  }

  private readRule(node: Node): RuleDto | undefined {
    if (!isMap(node)) {
      this.fail(node, undefined, 'each rule must be a mapping');
      return undefined;
    }
    const idNode = node.get('id', true);
    const id = this.string(idNode, 'id');
    if (id === undefined) {
      if (!idNode) this.fail(node, 'id', 'rule has no `id`');
      return undefined;
    }
    this.ruleId = id;
    let ok = true;
    const mode = this.optionalString(node, 'mode');
    for (const pair of node.items) {
      const key = String((pair.key as Scalar).value);
      if (RULE_KEYS.has(key) || (mode === 'taint' && TAINT_KEYS.has(key))) continue;
      ok = false;
      if (TAINT_KEYS.has(key)) this.fail(pair.key as Node, key, `\`${key}\` needs \`mode: taint\``);
      else if (key in UNSUPPORTED_RULE_KEYS) this.fail(pair.key as Node, key, UNSUPPORTED_RULE_KEYS[key]);
      else this.fail(pair.key as Node, key, `unknown key \`${key}\` in rule`);
    }
    const optionsNode = node.get('options', true);
    if (isMap(optionsNode) && optionsNode.items.length > 0) {
      const names = optionsNode.items.map((pair) => String((pair.key as Scalar).value)).join(', ');
      this.fail(optionsNode, 'options', `rule options (${names}) are not supported and are ignored; matching uses Semgrep's defaults`, 'warning');
    }
    if (mode !== undefined && mode !== 'search' && mode !== 'taint') {
      this.fail(node.get('mode', true) as Node, 'mode', `mode \`${mode}\` is not supported (use \`search\` or \`taint\`)`);
      ok = false;
    }
    const message = this.requiredString(node, 'message');
    const severity = !node.has('severity') && this.defaultSeverity !== undefined ? this.defaultSeverity : this.requiredString(node, 'severity');
    const languages = this.stringList(node, 'languages', true);
    const present = FORMULA_KEYS.filter((k) => node.has(k));
    let formula: FormulaDto | undefined;
    let taint: TaintDto | undefined;
    if (mode === 'taint') {
      if (present.length > 0) {
        this.fail(node.get(present[0], true) as Node, present[0], `a taint rule takes pattern-sources and pattern-sinks, not \`${present[0]}\``);
        ok = false;
      }
      taint = this.taint(node);
    } else if (present.length !== 1) {
      this.fail(node, present[1] ?? 'pattern', present.length === 0 ? 'rule needs one of pattern, patterns, pattern-either, pattern-regex' : `rule has both \`${present[0]}\` and \`${present[1]}\``);
      ok = false;
    } else {
      formula = this.formula(present[0], node.get(present[0], true) as Node);
    }
    const fix = this.optionalString(node, 'fix');
    const fixRegex = this.fixRegex(node.get('fix-regex', true) as Node | undefined);
    const paths = this.paths(node.get('paths', true) as Node | undefined);
    const metadataNode = node.get('metadata', true);
    let metadata: Record<string, unknown> = {};
    if (metadataNode !== undefined) {
      if (isMap(metadataNode)) metadata = (metadataNode as YAMLMap).toJSON() as Record<string, unknown>;
      else this.fail(metadataNode as Node, 'metadata', '`metadata` must be a mapping');
    }
    if (!ok || message === undefined || severity === undefined || !languages || !(formula || taint) || !paths) return undefined;
    return { id, message, severity, languages, formula, taint, fix, fixRegex, paths, metadata, file: this.file, loc: this.loc(node) };
  }

  /** The four taint lists of a `mode: taint` rule; sources and sinks are required. */
  private taint(node: YAMLMap): TaintDto | undefined {
    const sources = this.taintSpecs(node, 'pattern-sources', true);
    const sinks = this.taintSpecs(node, 'pattern-sinks', true);
    const sanitizers = this.taintSpecs(node, 'pattern-sanitizers', false);
    const propagators = this.taintSpecs(node, 'pattern-propagators', false);
    if (!sources || !sinks || !sanitizers || !propagators) return undefined;
    return { sources, sinks, sanitizers, propagators };
  }

  private taintSpecs(node: YAMLMap, key: TaintKey, required: boolean): TaintSpecDto[] | undefined {
    const list = node.get(key, true) as Node | undefined;
    if (list === undefined) {
      if (required) this.fail(node, key, `a taint rule needs \`${key}\``);
      return required ? undefined : [];
    }
    if (!isSeq(list) || list.items.length === 0) {
      this.fail(list, key, `\`${key}\` must be a non-empty list`);
      return undefined;
    }
    const out: TaintSpecDto[] = [];
    for (const item of list.items) {
      const spec = this.taintSpec(item as Node, key);
      if (!spec) return undefined;
      out.push(spec);
    }
    return out;
  }

  /** One taint entry: exactly one formula key plus the options its kind takes. */
  private taintSpec(node: Node, key: TaintKey): TaintSpecDto | undefined {
    if (!isMap(node)) {
      this.fail(node, key, `each item of \`${key}\` must be a mapping with a pattern operator`);
      return undefined;
    }
    const allowed = TAINT_OPTIONS[key];
    for (const pair of node.items) {
      const k = String((pair.key as Scalar).value);
      if (FORMULA_KEYS.includes(k) || allowed.includes(k)) continue;
      if (k in UNSUPPORTED_TAINT_OPTIONS) this.fail(pair.key as Node, k, UNSUPPORTED_TAINT_OPTIONS[k]);
      else this.fail(pair.key as Node, k, `unknown key \`${k}\` in \`${key}\` (allowed: ${[...FORMULA_KEYS, ...allowed].join(', ')})`);
      return undefined;
    }
    const present = FORMULA_KEYS.filter((k) => node.has(k));
    if (present.length !== 1) {
      this.fail(node, key, `each item of \`${key}\` needs exactly one of ${FORMULA_KEYS.join(', ')}`);
      return undefined;
    }
    const formula = this.formula(present[0], node.get(present[0], true) as Node);
    const exact = this.flag(node, 'exact');
    const notConflicting = this.flag(node, 'not-conflicting');
    const sideEffect = node.get('by-side-effect', true) as Node | undefined;
    let bySideEffect: boolean | 'only' = key === 'pattern-propagators';
    if (sideEffect !== undefined) {
      const v = isScalar(sideEffect) ? sideEffect.value : undefined;
      const valid = key === 'pattern-propagators' ? v === true : v === true || v === false || (v === 'only' && key === 'pattern-sources');
      if (!valid) {
        const expected = key === 'pattern-propagators' ? 'propagators only support `by-side-effect: true` (the default)' : key === 'pattern-sources' ? '`by-side-effect` must be true, false or only' : '`by-side-effect` must be true or false';
        this.fail(sideEffect, 'by-side-effect', expected);
        return undefined;
      }
      bySideEffect = v as boolean | 'only';
    }
    const from = key === 'pattern-propagators' ? this.propagatorEnd(node, 'from') : undefined;
    const to = key === 'pattern-propagators' ? this.propagatorEnd(node, 'to') : undefined;
    if (key === 'pattern-propagators' && (from === undefined || to === undefined)) return undefined;
    if (!formula || exact === undefined || notConflicting === undefined) return undefined;
    return { formula, loc: this.loc(node), exact, bySideEffect, notConflicting, from, to };
  }

  private propagatorEnd(node: YAMLMap, key: 'from' | 'to'): string | undefined {
    const name = this.requiredString(node, key);
    if (name === undefined) return undefined;
    if (!/^\$[A-Z_][A-Z0-9_]*$/.test(name)) {
      this.fail(node.get(key, true) as Node, key, `\`${key}\` must be a metavariable like $X`);
      return undefined;
    }
    return name;
  }

  /** An optional boolean option (false when absent); undefined after reporting a bad value. */
  private flag(node: YAMLMap, key: string): boolean | undefined {
    const v = node.get(key, true) as Node | undefined;
    if (v === undefined) return false;
    if (isScalar(v) && typeof v.value === 'boolean') return v.value;
    this.fail(v, key, `\`${key}\` must be true or false`);
    return undefined;
  }

  private formula(key: string, value: Node): FormulaDto | undefined {
    const loc = this.loc(value);
    switch (key) {
      case 'pattern':
      case 'pattern-inside':
      case 'pattern-not':
      case 'pattern-not-inside': {
        const text = this.string(value, key);
        return text === undefined ? undefined : { op: 'pattern', pattern: text, loc: this.patternLoc(value), key };
      }
      case 'pattern-regex': {
        const text = this.string(value, key);
        return text === undefined ? undefined : { op: 'regex', regex: text, loc, key };
      }
      case 'pattern-either': {
        if (!isSeq(value) || value.items.length === 0) {
          this.fail(value, key, '`pattern-either` must be a non-empty list');
          return undefined;
        }
        const items: FormulaDto[] = [];
        for (const item of value.items) {
          const f = this.singleKeyFormula(item as Node, key, ['pattern', 'patterns', 'pattern-either', 'pattern-regex', 'pattern-inside']);
          if (!f) return undefined;
          items.push(f);
        }
        return { op: 'either', items, loc };
      }
      case 'patterns': {
        if (!isSeq(value) || value.items.length === 0) {
          this.fail(value, key, '`patterns` must be a non-empty list');
          return undefined;
        }
        const items: ConjunctDto[] = [];
        for (const item of value.items) {
          const c = this.conjunct(item as Node);
          if (!c) return undefined;
          items.push(c);
        }
        if (!items.some((c) => c.kind === 'positive' || c.kind === 'inside')) {
          this.fail(value, key, '`patterns` needs at least one positive pattern (pattern, pattern-inside, pattern-either, pattern-regex, patterns)');
          return undefined;
        }
        return { op: 'all', items, loc };
      }
    }
    this.fail(value, key, `unknown operator \`${key}\``);
    return undefined;
  }

  /** Block scalars (`pattern: |`) start on the next line; report the pattern's first line. */
  private patternLoc(value: Node): Loc {
    const loc = this.loc(value);
    if (isScalar(value) && (value.type === 'BLOCK_LITERAL' || value.type === 'BLOCK_FOLDED')) return { line: loc.line + 1, column: loc.column };
    return loc;
  }

  private singleKey(node: Node, parentKey: string): { key: string; value: Node; keyNode: Node } | undefined {
    if (!isMap(node) || node.items.length !== 1) {
      this.fail(node, parentKey, `each item of \`${parentKey}\` must be a mapping with exactly one operator key`);
      return undefined;
    }
    const pair = node.items[0];
    return { key: String((pair.key as Scalar).value), value: pair.value as Node, keyNode: pair.key as Node };
  }

  private singleKeyFormula(node: Node, parentKey: string, allowed: string[]): FormulaDto | undefined {
    const item = this.singleKey(node, parentKey);
    if (!item) return undefined;
    if (!allowed.includes(item.key)) {
      this.fail(item.keyNode, item.key, `\`${item.key}\` is not allowed in \`${parentKey}\` (allowed: ${allowed.join(', ')})`);
      return undefined;
    }
    return this.formula(item.key, item.value);
  }

  private conjunct(node: Node): ConjunctDto | undefined {
    const item = this.singleKey(node, 'patterns');
    if (!item) return undefined;
    const { key, value, keyNode } = item;
    const loc = this.loc(keyNode);
    switch (key) {
      case 'pattern':
      case 'patterns':
      case 'pattern-either':
      case 'pattern-regex': {
        const formula = this.formula(key, value);
        return formula && { kind: 'positive', formula };
      }
      case 'pattern-inside': {
        const formula = this.formula(key, value);
        return formula && { kind: 'inside', formula };
      }
      case 'pattern-not': {
        const formula = this.formula(key, value);
        return formula && { kind: 'not', formula };
      }
      case 'pattern-not-inside': {
        const formula = this.formula(key, value);
        return formula && { kind: 'not-inside', formula };
      }
      case 'pattern-not-regex': {
        const regex = this.string(value, key);
        return regex === undefined ? undefined : { kind: 'not-regex', regex, loc };
      }
      case 'metavariable-regex': {
        if (!this.onlyKeys(value, key, ['metavariable', 'regex', 'constant-propagation'])) return undefined;
        const metavariable = this.metavariable(value, key);
        const regex = this.requiredString(value as YAMLMap, 'regex');
        return metavariable && regex !== undefined ? { kind: 'metavariable-regex', metavariable, regex, loc } : undefined;
      }
      case 'metavariable-pattern': {
        if (!this.onlyKeys(value, key, ['metavariable', 'language', ...FORMULA_KEYS])) return undefined;
        const metavariable = this.metavariable(value, key);
        const map = value as YAMLMap;
        const language = this.optionalString(map, 'language');
        const present = FORMULA_KEYS.filter((k) => map.has(k));
        if (present.length !== 1) {
          this.fail(value, key, '`metavariable-pattern` needs exactly one of pattern, patterns, pattern-either, pattern-regex');
          return undefined;
        }
        const formula = this.formula(present[0], map.get(present[0], true) as Node);
        return metavariable && formula ? { kind: 'metavariable-pattern', metavariable, language, formula, loc } : undefined;
      }
      case 'metavariable-comparison': {
        if (!this.onlyKeys(value, key, ['metavariable', 'comparison', 'base', 'strip'])) return undefined;
        const map = value as YAMLMap;
        const metavariable = map.has('metavariable') ? this.metavariable(value, key) : undefined;
        const comparison = this.requiredString(map, 'comparison');
        const baseNode = map.get('base', true);
        const base = baseNode === undefined ? undefined : Number((baseNode as Scalar).value);
        if (base !== undefined && !(Number.isInteger(base) && base >= 2 && base <= 36)) {
          this.fail(baseNode as Node, 'base', '`base` must be an integer from 2 to 36');
          return undefined;
        }
        const strip = map.get('strip') === true;
        return comparison === undefined ? undefined : { kind: 'metavariable-comparison', metavariable, comparison, base, strip, loc };
      }
      case 'focus-metavariable': {
        const names = isSeq(value) ? value.items.map((i) => this.string(i as Node, key)) : [this.string(value, key)];
        if (names.some((n) => n === undefined || !/^\$[A-Z_][A-Z0-9_]*$/.test(n))) {
          this.fail(value, key, '`focus-metavariable` takes a metavariable like $X or a list of them');
          return undefined;
        }
        return { kind: 'focus', metavariables: names as string[], loc };
      }
      case 'pattern-where-python':
        this.fail(keyNode, key, '`pattern-where-python` runs arbitrary code and is not supported');
        return undefined;
      case 'metavariable-type':
      case 'metavariable-analysis':
      case 'metavariable-name':
        this.fail(keyNode, key, `\`${key}\` is not supported yet`);
        return undefined;
      default:
        this.fail(keyNode, key, `unknown operator \`${key}\` in \`patterns\``);
        return undefined;
    }
  }

  private onlyKeys(node: Node, parentKey: string, allowed: string[]): boolean {
    if (!isMap(node)) {
      this.fail(node, parentKey, `\`${parentKey}\` must be a mapping`);
      return false;
    }
    for (const pair of node.items) {
      const key = String((pair.key as Scalar).value);
      if (!allowed.includes(key)) {
        this.fail(pair.key as Node, key, `unknown key \`${key}\` in \`${parentKey}\``);
        return false;
      }
    }
    return true;
  }

  private metavariable(node: Node, parentKey: string): string | undefined {
    const name = this.requiredString(node as YAMLMap, 'metavariable');
    if (name === undefined) return undefined;
    if (!/^\$(\.\.\.)?[A-Z_][A-Z0-9_]*$/.test(name)) {
      this.fail((node as YAMLMap).get('metavariable', true) as Node, 'metavariable', `\`${name}\` in \`${parentKey}\` is not a metavariable (like $X)`);
      return undefined;
    }
    return name.replace('$...', '$');
  }

  private fixRegex(node: Node | undefined): FixRegexDto | undefined {
    if (node === undefined) return undefined;
    if (!this.onlyKeys(node, 'fix-regex', ['regex', 'replacement', 'count'])) return undefined;
    const map = node as YAMLMap;
    const regex = this.requiredString(map, 'regex');
    const replacement = this.requiredString(map, 'replacement');
    const count = map.has('count') ? Number(map.get('count')) : undefined;
    if (regex === undefined || replacement === undefined) return undefined;
    return { regex, replacement, count, loc: this.loc(node) };
  }

  private paths(node: Node | undefined): RuleDto['paths'] | undefined {
    if (node === undefined) return { include: [], exclude: [] };
    if (!this.onlyKeys(node, 'paths', ['include', 'exclude'])) return undefined;
    const include = this.stringList(node as YAMLMap, 'include', false) ?? [];
    const exclude = this.stringList(node as YAMLMap, 'exclude', false) ?? [];
    return { include, exclude };
  }

  private string(node: unknown, key: string): string | undefined {
    if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number' || typeof node.value === 'boolean')) {
      return String(node.value);
    }
    this.fail(node as Node, key, `\`${key}\` must be a string`);
    return undefined;
  }

  private requiredString(map: YAMLMap, key: string): string | undefined {
    const node = map.get(key, true);
    if (node === undefined) {
      this.fail(map, key, `missing \`${key}\``);
      return undefined;
    }
    return this.string(node, key);
  }

  private optionalString(map: YAMLMap, key: string): string | undefined {
    const node = map.get(key, true);
    return node === undefined ? undefined : this.string(node, key);
  }

  private stringList(map: YAMLMap, key: string, required: boolean): string[] | undefined {
    const node = map.get(key, true);
    if (node === undefined) {
      if (required) this.fail(map, key, `missing \`${key}\``);
      return undefined;
    }
    if (!isSeq(node)) {
      this.fail(node as Node, key, `\`${key}\` must be a list`);
      return undefined;
    }
    const out: string[] = [];
    for (const item of (node as YAMLSeq).items) {
      const s = this.string(item, key);
      if (s === undefined) return undefined;
      out.push(s);
    }
    return out;
  }
}

/** Parses one rule file. `file` is used only in problem locations. */
export function parseRuleFile(text: string, file: string, options: { readonly defaultSeverity?: string } = {}): ParsedRuleFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const reader = new RuleReader(file, lines, options.defaultSeverity);
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = lines.linePos(e.pos[0]);
      reader.problems.push({ severity: 'error', message: `invalid YAML: ${e.message.split('\n')[0]}`, file, line: pos.line, column: pos.col });
    }
    return { rules: [], problems: reader.problems };
  }
  if (!expandAliases(doc, reader)) return { rules: [], problems: reader.problems };
  const rules = reader.readFile(doc);
  return { rules, problems: reader.problems };
}

/** Nodes that alias expansion may copy in one file (an "billion laughs" file stops here). */
const MAX_ALIAS_NODES = 10_000;

/**
 * Replaces each alias (`*sinks`) with a copy of its anchored node, so the reader sees plain
 * nodes. The copy keeps the alias's range (a problem about the value as a whole points at the
 * alias); nodes inside it keep the anchor's ranges (a problem inside points where it is written).
 * A broken alias is reported and becomes null (the rule using it is dropped, the others stay);
 * false when the expansion is too large to read the file at all.
 */
function expandAliases(doc: Document.Parsed, reader: RuleReader): boolean {
  let budget = MAX_ALIAS_NODES;
  let ok = true;
  const broken = (alias: Node, message: string): Node => {
    reader.fail(alias, undefined, message);
    const none = new Scalar(null);
    none.range = alias.range;
    reader.brokenAliases.add(none);
    return none;
  };
  visit(doc, {
    Alias(_key, alias) {
      const target = alias.resolve(doc) as Node | undefined;
      if (!target) return broken(alias, `unknown alias \`*${alias.source}\` (the anchor \`&${alias.source}\` must be defined before it)`);
      const [from, to] = target.range ?? [0, 0];
      const at = alias.range?.[0] ?? 0;
      if (from <= at && at < to) return broken(alias, `alias \`*${alias.source}\` refers to the node that contains it`);
      const copy = target.clone() as Node;
      budget -= nodeCount(copy);
      if (budget < 0) {
        reader.fail(alias, undefined, `aliases expand to more than ${MAX_ALIAS_NODES} YAML nodes`);
        ok = false;
        return visit.BREAK;
      }
      copy.anchor = undefined;
      if (alias.range) copy.range = alias.range;
      return copy;
    },
  });
  return ok;
}

function nodeCount(node: unknown): number {
  let n = 0;
  visit(node as Node, { Node: () => void n++ });
  return Math.max(n, 1);
}
