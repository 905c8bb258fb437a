/**
 * Checks a Falco rules file and returns its problems, each located at the YAML key or inside the
 * value at fault (1-based line and column, UTF-16 offsets): unknown items and keys, the fields a
 * rule, macro or list needs, priorities Falco does not know, conditions that do not parse (at the
 * column of the error), macros and lists used but defined neither in the file nor in Falco's
 * default ruleset, rule/macro/list names defined twice without `append`/`override`, and output
 * `%` fields that are not fields. Never throws. Pure: text in, problems out.
 */
import { isMap, isScalar, isSeq, Node, Scalar, YAMLMap } from 'yaml';
import type { LocatedProblem } from '../config/yaml-schema-check';
import { parseFalcoCondition } from './falco-condition';
import { FALCO_DEFAULT_LISTS, FALCO_DEFAULT_MACROS } from './falco-default-names';
import { checkFalcoOutput } from './falco-output';
import { FalcoItem, FalcoRulesYaml, keysOf, pairOf, readFalcoRulesYaml, spanOf } from './falco-rules-yaml';
import { scalarValueOffsets } from './yaml-scalar-offsets';

/** Falco's priorities (case-insensitive); INFO is accepted for INFORMATIONAL. */
export const FALCO_PRIORITIES = ['EMERGENCY', 'ALERT', 'CRITICAL', 'ERROR', 'WARNING', 'NOTICE', 'INFORMATIONAL', 'INFO', 'DEBUG'];

const KNOWN_KEYS: Readonly<Record<string, readonly string[]>> = {
  rule: ['rule', 'desc', 'condition', 'output', 'priority', 'tags', 'enabled', 'exceptions', 'source', 'warn_evttypes', 'skip-if-unknown-filter', 'append', 'override', 'capture', 'capture_duration'],
  macro: ['macro', 'condition', 'append', 'override'],
  list: ['list', 'items', 'append', 'override'],
  required_engine_version: ['required_engine_version'],
  required_plugin_versions: ['required_plugin_versions'],
};

const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  rule: ['desc', 'condition', 'output', 'priority'],
  macro: ['condition'],
  list: ['items'],
};

/** What `override:` may change, per element. */
const OVERRIDABLE: Readonly<Record<string, readonly string[]>> = {
  rule: ['desc', 'condition', 'output', 'priority', 'tags', 'exceptions', 'enabled', 'capture', 'capture_duration'],
  macro: ['condition'],
  list: ['items'],
};

type KeyValue = NonNullable<ReturnType<typeof pairOf>>;

/**
 * A bare list-literal item shaped like a list name (snake case ending in a word such lists end
 * in: `allowed_images`, `shell_binaries`): most likely meant as a list reference, not as text.
 */
const LIST_NAME_SHAPE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*_(?:binaries|images|names|dirs|directories|files|paths|ports|procs|processes|containers|list|domains|networks|addresses|ips|cmdlines|namespaces|users|hosts|repositories|registries|commands)$/;

/** The problems of a Falco rules file; `file` names it in the problems. */
export function checkFalcoFile(text: string, file: string): LocatedProblem[] {
  const yaml = readFalcoRulesYaml(text, file);
  if (yaml.problems.length > 0) return yaml.problems;
  const checker = new FalcoFileChecker(text, yaml);
  checker.run();
  return checker.problems.sort((a, b) => a.start - b.start || a.message.localeCompare(b.message));
}

class FalcoFileChecker {
  readonly problems: LocatedProblem[] = [];
  private readonly macros = new Set<string>();
  private readonly lists = new Set<string>();

  constructor(
    private readonly text: string,
    private readonly yaml: FalcoRulesYaml,
  ) {
    for (const item of yaml.items) {
      if (item.kind === 'macro' && item.name) this.macros.add(item.name);
      if (item.kind === 'list' && item.name) this.lists.add(item.name);
    }
  }

  run(): void {
    const firstDefinition = new Map<string, FalcoItem>();
    for (const item of this.yaml.items) {
      if (!item.map || !item.kind) {
        const [s, e] = spanOf(this.text, (item.map?.items[0]?.key as Node | undefined) ?? item.node, 0);
        this.add(s, e, '', item.map ? `unknown item: expected one of \`rule:\`, \`macro:\`, \`list:\`, \`required_engine_version:\` or \`required_plugin_versions:\`` : 'each item must be a mapping such as `- rule: …`, `- macro: …` or `- list: …`');
        continue;
      }
      if (item.kinds.length > 1) {
        const second = pairOf(item.map, item.kinds[1])!;
        this.addAt(second.key, item.kinds[1], `an item is one element: \`${item.kinds[0]}:\` and \`${item.kinds[1]}:\` cannot be in the same item`);
        continue;
      }
      if (item.kind === 'required_engine_version') this.checkEngineVersion(item.map);
      else if (item.kind === 'required_plugin_versions') this.checkPluginVersions(item.map);
      else this.checkElement(item, item.map, item.kind, firstDefinition);
    }
  }

  private checkElement(item: FalcoItem, map: YAMLMap, kind: 'rule' | 'macro' | 'list', firstDefinition: Map<string, FalcoItem>): void {
    const namePair = pairOf(map, kind)!;
    const label = `${kind} ${item.name !== undefined ? `"${item.name}"` : `#${item.index + 1}`}`;
    if (item.name === undefined || item.name.trim() === '') {
      this.addAt(namePair.value ?? namePair.key, kind, `the ${kind} needs a name (a non-empty string)`);
      return;
    }
    for (const { key, node } of keysOf(map)) {
      if (!KNOWN_KEYS[kind].includes(key)) this.addAt(node, key, `unknown key \`${key}\` in ${label} (expected one of: ${KNOWN_KEYS[kind].join(', ')})`, 'warning');
    }
    const append = this.booleanValue(map, 'append', label);
    const override = this.overrideKeys(map, kind, label);
    if (append === true && override !== undefined) this.addAt(pairOf(map, 'override')!.key, 'override', `${label} uses both \`append\` and \`override\`; use only \`override\``);
    const changesExisting = append === true || override !== undefined;
    const onlyEnabled = kind === 'rule' && keysOf(map).every((k) => k.key === 'rule' || k.key === 'enabled');
    if (!changesExisting && !onlyEnabled) {
      for (const need of REQUIRED[kind]) {
        if (!pairOf(map, need)) this.addAt(namePair.key, need, `${label} has no \`${need}\` (a ${kind} needs ${REQUIRED[kind].join(', ')})`);
      }
      const key = `${kind}\u0000${item.name}`;
      const first = firstDefinition.get(key);
      if (first) {
        const line = this.lineOf(pairOf(first.map!, kind)!.key.range?.[0] ?? 0);
        this.addAt(namePair.value ?? namePair.key, kind, `${label} is already defined at line ${line}; this definition replaces it — use \`append: true\` or \`override:\` to change the first one`);
      } else firstDefinition.set(key, item);
    }
    const appendsCondition = append === true || override?.get('condition') === 'append';
    const conditionPair = pairOf(map, 'condition');
    if (conditionPair) this.checkCondition(conditionPair, label, appendsCondition);
    if (kind === 'rule') this.checkRuleFields(map, label, append === true || override?.get('output') === 'append');
    if (kind === 'list') this.checkItems(map, label);
  }

  private checkRuleFields(map: YAMLMap, label: string, appendsOutput: boolean): void {
    const priority = pairOf(map, 'priority');
    if (priority) {
      const value = this.stringValue(priority, 'priority', label);
      if (value !== undefined && !FALCO_PRIORITIES.includes(value.toUpperCase())) {
        this.addAt(priority.value, 'priority', `${label}: \`${value}\` is not a Falco priority (expected one of: ${FALCO_PRIORITIES.filter((p) => p !== 'INFO').join(', ')})`);
      }
    }
    const desc = pairOf(map, 'desc');
    if (desc) this.stringValue(desc, 'desc', label);
    const output = pairOf(map, 'output');
    if (output) {
      const value = this.stringValue(output, 'output', label);
      if (value !== undefined && !(appendsOutput && value.trim() === '')) {
        const offsetOf = scalarValueOffsets(this.text, output.value as Scalar);
        for (const p of checkFalcoOutput(value)) this.add(offsetOf(p.start), offsetOf(p.end), 'output', `${label}: ${p.message}`, p.severity);
      }
    }
    const tags = pairOf(map, 'tags');
    if (tags && !(isSeq(tags.value) && tags.value.items.every((t) => isScalar(t) && typeof (t as Scalar).value === 'string'))) {
      this.addAt(tags.value ?? tags.key, 'tags', `${label}: \`tags\` must be a list of strings`);
    }
    for (const flag of ['enabled', 'warn_evttypes', 'skip-if-unknown-filter', 'capture']) this.booleanValue(map, flag, label);
    const source = pairOf(map, 'source');
    if (source) this.stringValue(source, 'source', label);
    const exceptions = pairOf(map, 'exceptions');
    if (exceptions) {
      if (!isSeq(exceptions.value)) this.addAt(exceptions.value ?? exceptions.key, 'exceptions', `${label}: \`exceptions\` must be a list of {name, fields, comps, values}`);
      else {
        for (const ex of exceptions.value.items) {
          if (!isMap(ex) || !pairOf(ex as YAMLMap, 'name')) this.addAt(ex as Node, 'exceptions', `${label}: every exception needs a \`name\``);
        }
      }
    }
  }

  private checkItems(map: YAMLMap, label: string): void {
    const items = pairOf(map, 'items');
    if (!items) return;
    if (!isSeq(items.value) || !items.value.items.every((i) => isScalar(i))) {
      this.addAt(items.value ?? items.key, 'items', `${label}: \`items\` must be a list of values, like [bash, sh]`);
    }
  }

  private checkCondition(pair: KeyValue, label: string, appended: boolean): void {
    const condition = this.stringValue(pair, 'condition', label);
    if (condition === undefined) return;
    const parsed = parseFalcoCondition(condition, { appended });
    const offsetOf = scalarValueOffsets(this.text, pair.value as Scalar);
    const at = (start: number, end: number, message: string, severity: 'error' | 'warning' = 'error') => this.add(offsetOf(start), offsetOf(end), 'condition', `${label}: ${message}`, severity);
    if (parsed.error) at(parsed.error.start, parsed.error.end, parsed.error.message);
    for (const ref of parsed.macros) {
      if (this.macros.has(ref.name) || FALCO_DEFAULT_MACROS.has(ref.name)) continue;
      if (this.lists.has(ref.name) || FALCO_DEFAULT_LISTS.has(ref.name)) at(ref.start, ref.end, `\`${ref.name}\` is a list, not a macro: use it as a value, like \`proc.name in (${ref.name})\``);
      else at(ref.start, ref.end, `undefined macro \`${ref.name}\`: define it with \`- macro: ${ref.name}\` or load Falco's default rules first if it is one of theirs`);
    }
    for (const ref of parsed.lists) {
      if (this.lists.has(ref.name) || FALCO_DEFAULT_LISTS.has(ref.name)) continue;
      at(ref.start, ref.end, `undefined list \`${ref.name}\`: define it with \`- list: ${ref.name}\``);
    }
    for (const ref of parsed.listItems) {
      if (this.lists.has(ref.name) || FALCO_DEFAULT_LISTS.has(ref.name) || !LIST_NAME_SHAPE.test(ref.name)) continue;
      at(ref.start, ref.end, `\`${ref.name}\` is not a list defined here or in Falco's default rules, so it is compared as the literal text "${ref.name}" (quote it if that is meant)`, 'warning');
    }
  }

  private checkEngineVersion(map: YAMLMap): void {
    const pair = pairOf(map, 'required_engine_version')!;
    const value = isScalar(pair.value) ? (pair.value as Scalar).value : undefined;
    const ok = (typeof value === 'number' && Number.isInteger(value) && value >= 0) || (typeof value === 'string' && /^\d+(\.\d+\.\d+)?$/.test(value));
    if (!ok) this.addAt(pair.value ?? pair.key, 'required_engine_version', 'required_engine_version must be an engine version: a whole number (26) or a semantic version (0.26.0)');
    for (const { key, node } of keysOf(map)) if (key !== 'required_engine_version') this.addAt(node, key, `unknown key \`${key}\` next to required_engine_version`, 'warning');
  }

  private checkPluginVersions(map: YAMLMap): void {
    const pair = pairOf(map, 'required_plugin_versions')!;
    const entries = isSeq(pair.value) ? pair.value.items : undefined;
    if (!entries) {
      this.addAt(pair.value ?? pair.key, 'required_plugin_versions', 'required_plugin_versions must be a list of {name, version}');
      return;
    }
    for (const entry of entries) {
      if (!isMap(entry) || !pairOf(entry as YAMLMap, 'name') || !pairOf(entry as YAMLMap, 'version')) {
        this.addAt(entry as Node, 'required_plugin_versions', 'each required plugin needs a `name` and a `version`');
      }
    }
  }

  /** The keys of `override:` with their mode (append/replace), checked; undefined without `override`. */
  private overrideKeys(map: YAMLMap, kind: 'rule' | 'macro' | 'list', label: string): Map<string, string> | undefined {
    const pair = pairOf(map, 'override');
    if (!pair) return undefined;
    const out = new Map<string, string>();
    if (!isMap(pair.value)) {
      this.addAt(pair.value ?? pair.key, 'override', `${label}: \`override\` must map keys to append or replace, like {condition: append}`);
      return out;
    }
    for (const { key, node } of keysOf(pair.value as YAMLMap)) {
      const modeNode = pairOf(pair.value as YAMLMap, key)!.value;
      const mode = isScalar(modeNode) ? String((modeNode as Scalar).value) : '';
      if (!OVERRIDABLE[kind].includes(key)) this.addAt(node, 'override', `${label}: \`${key}\` cannot be overridden (a ${kind} can override ${OVERRIDABLE[kind].join(', ')})`);
      else if (mode !== 'append' && mode !== 'replace') this.addAt(modeNode ?? node, 'override', `${label}: override mode must be append or replace, not \`${mode}\``);
      else if (!pairOf(map, key)) this.addAt(node, 'override', `${label} overrides \`${key}\` but gives no \`${key}\``);
      out.set(key, mode);
    }
    return out;
  }

  private booleanValue(map: YAMLMap, key: string, label: string): boolean | undefined {
    const pair = pairOf(map, key);
    if (!pair) return undefined;
    const value = isScalar(pair.value) ? (pair.value as Scalar).value : undefined;
    if (typeof value === 'boolean') return value;
    this.addAt(pair.value ?? pair.key, key, `${label}: \`${key}\` must be true or false`);
    return undefined;
  }

  private stringValue(pair: KeyValue, key: string, label: string): string | undefined {
    const node = pair.value;
    if (isScalar(node) && typeof (node as Scalar).value === 'string') return (node as Scalar).value as string;
    this.addAt(node ?? pair.key, key, `${label}: \`${key}\` must be a string`);
    return undefined;
  }

  private addAt(node: Node | null | undefined, key: string, message: string, severity: 'error' | 'warning' = 'error'): void {
    const [start, end] = spanOf(this.text, node, 0);
    this.add(start, end, key, message, severity);
  }

  private add(start: number, end: number, key: string, message: string, severity: 'error' | 'warning' = 'error'): void {
    this.problems.push(this.yaml.at(start, end, key, message, severity));
  }

  private lineOf(offset: number): number {
    return this.yaml.at(offset, offset + 1, '', '').line;
  }
}
