/**
 * Reads a Semgrep-style rule file (YAML text) into RuleDtos. Every mistake — bad YAML, a missing
 * or unknown key, an unsupported operator such as `mode: taint` — becomes a Problem naming the
 * file, line, column, rule id and key; the rule at fault is dropped and the others are kept.
 */
import { Document, isMap, isScalar, isSeq, LineCounter, Node, parseDocument, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Problem } from '../engine/finding';
import type { ConjunctDto, FixRegexDto, FormulaDto, Loc, RuleDto } from '../engine/rule-model';

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

class RuleReader {
  readonly problems: Problem[] = [];
  private ruleId: string | undefined;

  constructor(
    private readonly file: string,
    private readonly lines: LineCounter,
  ) {}

  loc(node: Node | null | undefined): Loc {
    const offset = node?.range?.[0] ?? 0;
    const pos = this.lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  }

  fail(node: Node | null | undefined, key: string | undefined, message: string, severity: 'error' | 'warning' = 'error'): void {
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
    for (const pair of node.items) {
      const key = String((pair.key as Scalar).value);
      if (RULE_KEYS.has(key)) continue;
      ok = false;
      if (TAINT_KEYS.has(key)) this.fail(pair.key as Node, key, `taint mode (\`${key}\`) is not supported yet`);
      else if (key in UNSUPPORTED_RULE_KEYS) this.fail(pair.key as Node, key, UNSUPPORTED_RULE_KEYS[key]);
      else this.fail(pair.key as Node, key, `unknown key \`${key}\` in rule`);
    }
    const optionsNode = node.get('options', true);
    if (isMap(optionsNode) && optionsNode.items.length > 0) {
      const names = optionsNode.items.map((pair) => String((pair.key as Scalar).value)).join(', ');
      this.fail(optionsNode, 'options', `rule options (${names}) are not supported and are ignored; matching uses Semgrep's defaults`, 'warning');
    }
    const mode = this.optionalString(node, 'mode');
    if (mode !== undefined && mode !== 'search') {
      this.fail(node.get('mode', true) as Node, 'mode', `mode \`${mode}\` is not supported yet (only \`search\`)`);
      ok = false;
    }
    const message = this.requiredString(node, 'message');
    const severity = this.requiredString(node, 'severity');
    const languages = this.stringList(node, 'languages', true);
    const present = FORMULA_KEYS.filter((k) => node.has(k));
    if (present.length !== 1) {
      this.fail(node, present[1] ?? 'pattern', present.length === 0 ? 'rule needs one of pattern, patterns, pattern-either, pattern-regex' : `rule has both \`${present[0]}\` and \`${present[1]}\``);
      ok = false;
    }
    const formula = present.length === 1 ? this.formula(present[0], node.get(present[0], true) as Node) : undefined;
    const fix = this.optionalString(node, 'fix');
    const fixRegex = this.fixRegex(node.get('fix-regex', true) as Node | undefined);
    const paths = this.paths(node.get('paths', true) as Node | undefined);
    const metadataNode = node.get('metadata', true);
    let metadata: Record<string, unknown> = {};
    if (metadataNode !== undefined) {
      if (isMap(metadataNode)) metadata = (metadataNode as YAMLMap).toJSON() as Record<string, unknown>;
      else this.fail(metadataNode as Node, 'metadata', '`metadata` must be a mapping');
    }
    if (!ok || message === undefined || severity === undefined || !languages || !formula || !paths) return undefined;
    return { id, message, severity, languages, formula, fix, fixRegex, paths, metadata, file: this.file, loc: this.loc(node) };
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
export function parseRuleFile(text: string, file: string): ParsedRuleFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const reader = new RuleReader(file, lines);
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = lines.linePos(e.pos[0]);
      reader.problems.push({ severity: 'error', message: `invalid YAML: ${e.message.split('\n')[0]}`, file, line: pos.line, column: pos.col });
    }
    return { rules: [], problems: reader.problems };
  }
  const rules = reader.readFile(doc);
  return { rules, problems: reader.problems };
}
