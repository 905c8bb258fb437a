/**
 * Imports a gitleaks TOML configuration as secret rules and global allowlists: `[[rules]]` (id,
 * description, regex, secretGroup, entropy, keywords, path, tags, `[[rules.allowlists]]` and the
 * older `[rules.allowlist]`), global `[allowlist]` / `[[allowlists]]` (with `targetRules`), and
 * `[extend]` (`useDefault` merges with Moat's built-in detectors, `path` with a file the caller
 * reads, `disabledRules`), merged the way gitleaks merges. Every error is a Problem with the file,
 * a best-effort line and the key; a bad rule is dropped and the others are kept. Pure: the caller
 * resolves and reads extended files.
 */
import { parse, TomlError } from 'smol-toml';
import type { Level, Problem } from '../engine/finding';
import { parseSeverity } from '../engine/finding';
import { compileSecretRegex } from './allowlist';
import { BUILTIN_SECRET_ALLOWLISTS, BUILTIN_SECRET_RULES } from './builtin/index';
import { checkSecretRule } from './compile';
import type { RegexTarget, SecretAllowlist, SecretRule } from './rule-model';

export interface GitleaksImport {
  readonly rules: SecretRule[];
  readonly allowlists: SecretAllowlist[];
  readonly problems: Problem[];
}

export interface GitleaksImportOptions {
  /**
   * Reads the file `[extend] path` names, as written in `fromFile` (the caller resolves it,
   * relative to that file or the working directory); undefined when it cannot be read.
   */
  readonly readExtended?: (path: string, fromFile: string) => string | undefined;
  /** What `useDefault = true` extends; Moat's built-in detectors unless given. */
  readonly defaults?: { readonly rules: readonly SecretRule[]; readonly allowlists: readonly SecretAllowlist[] };
  /** Severity of imported rules that do not say (gitleaks rules have none). */
  readonly defaultSeverity?: Level;
  /**
   * Where imported rules look once a keyword is found: `'file'` (default; gitleaks semantics, the
   * regex sees the whole file) or n lines around each keyword (faster on keyword-dense files).
   */
  readonly context?: number | 'file';
}

/** gitleaks follows at most two levels of `[extend]`. */
const MAX_EXTEND_DEPTH = 2;

const RULE_KEYS = new Set(['id', 'description', 'regex', 'secretGroup', 'entropy', 'keywords', 'path', 'tags', 'allowlist', 'allowlists', 'severity', 'required', 'skipReport', 'reportGroup']);
const ALLOWLIST_KEYS = new Set(['description', 'condition', 'commits', 'paths', 'regexTarget', 'regexes', 'stopwords', 'targetRules']);
const TOP_KEYS = new Set(['title', 'description', 'extend', 'rules', 'allowlist', 'allowlists', 'version', 'minVersion']);

type Table = Record<string, unknown>;

function isTable(v: unknown): v is Table {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** Finds the line (1-based) of tables and keys in the raw TOML, for messages. */
class Locator {
  private readonly lines: string[];
  /** 0-based line of each `[[rules]]` header, in order. */
  private readonly ruleStarts: number[] = [];
  /** 0-based lines of top-level headers other than rules' own sub-tables. */
  private readonly boundaries: number[] = [];

  constructor(text: string) {
    this.lines = text.split(/\r?\n/);
    this.lines.forEach((line, i) => {
      const header = /^\s*\[\[?\s*([\w.]+)\s*\]\]?/.exec(line);
      if (!header) return;
      if (header[1] === 'rules' && /^\s*\[\[/.test(line)) this.ruleStarts.push(i);
      if (!header[1].startsWith('rules.')) this.boundaries.push(i);
    });
  }

  private ruleRange(index: number): [number, number] | undefined {
    const start = this.ruleStarts[index];
    if (start === undefined) return undefined;
    const end = this.boundaries.find((b) => b > start) ?? this.lines.length;
    return [start, end];
  }

  /** Line of `key =` inside the index-th rule, else the rule's header. */
  rule(index: number, key?: string): number | undefined {
    const range = this.ruleRange(index);
    if (!range) return undefined;
    if (key) {
      const name = key.split('.').pop()!;
      const re = new RegExp(`^\\s*["']?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*=`);
      for (let i = range[0]; i < range[1]; i++) if (re.test(this.lines[i])) return i + 1;
    }
    return range[0] + 1;
  }

  /** Line of a top-level `key =` (before the first table). */
  topKey(key: string): number | undefined {
    const re = new RegExp(`^\\s*["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*=`);
    for (let i = 0; i < this.lines.length && !/^\s*\[/.test(this.lines[i]); i++) if (re.test(this.lines[i])) return i + 1;
    return undefined;
  }

  /** Line of a top-level table header such as `extend` or `allowlist`, or of `key =` after it. */
  table(name: string, key?: string, occurrence = 0): number | undefined {
    const header = new RegExp(`^\\s*\\[\\[?\\s*${name.replace('.', '\\.')}\\s*\\]\\]?`);
    let seen = -1;
    for (let i = 0; i < this.lines.length; i++) {
      if (!header.test(this.lines[i]) || ++seen !== occurrence) continue;
      if (key) {
        const re = new RegExp(`^\\s*${key}\\s*=`);
        for (let j = i + 1; j < this.lines.length && !/^\s*\[/.test(this.lines[j]); j++) if (re.test(this.lines[j])) return j + 1;
      }
      return i + 1;
    }
    return undefined;
  }
}

interface Context {
  readonly file: string;
  readonly problems: Problem[];
  readonly locate: Locator;
  readonly options: GitleaksImportOptions;
  readonly depth: number;
}

function problem(ctx: Context, severity: Problem['severity'], message: string, line: number | undefined, key?: string, ruleId?: string): void {
  ctx.problems.push({ severity, message, file: ctx.file, ...(line !== undefined ? { line } : {}), ...(key ? { key } : {}), ...(ruleId ? { ruleId } : {}) });
}

/** A list of strings, or an error message. */
function stringList(value: unknown, key: string): string[] | string {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return `${key} must be an array of strings`;
  return value as string[];
}

/** Reads one allowlist table; errors are (key, message) pairs. */
function readAllowlist(table: unknown, global: boolean, errors: Array<{ key: string; message: string; warning?: boolean }>): SecretAllowlist | undefined {
  if (!isTable(table)) {
    errors.push({ key: 'allowlists', message: 'an allowlist must be a table' });
    return undefined;
  }
  for (const k of Object.keys(table)) {
    if (!ALLOWLIST_KEYS.has(k) || (k === 'targetRules' && !global)) errors.push({ key: k, message: `unknown allowlist key ${k} (ignored)`, warning: true });
  }
  const out: { -readonly [K in keyof SecretAllowlist]: SecretAllowlist[K] } = {};
  if (table.description !== undefined) {
    if (typeof table.description === 'string') out.description = table.description;
    else errors.push({ key: 'description', message: 'description must be a string' });
  }
  if (table.condition !== undefined) {
    const c = typeof table.condition === 'string' ? table.condition.toUpperCase() : undefined;
    if (c === 'AND' || c === '&&') out.condition = 'and';
    else if (c === 'OR' || c === '||' || c === '') out.condition = 'or';
    else errors.push({ key: 'condition', message: `unknown allowlist condition ${String(table.condition)} (expected AND or OR)` });
  }
  if (table.regexTarget !== undefined) {
    if (table.regexTarget === 'secret' || table.regexTarget === 'match' || table.regexTarget === 'line') out.regexTarget = table.regexTarget as RegexTarget;
    else errors.push({ key: 'regexTarget', message: `unknown regexTarget ${String(table.regexTarget)} (expected secret, match or line)` });
  }
  for (const key of ['paths', 'regexes', 'stopwords', 'commits', 'targetRules'] as const) {
    const list = stringList(table[key], key);
    if (typeof list === 'string') {
      errors.push({ key, message: list });
      continue;
    }
    if (list.length === 0) continue;
    if (key === 'paths' || key === 'regexes') {
      const good: string[] = [];
      for (const source of list) {
        const r = compileSecretRegex(source);
        if (r.ok) good.push(source);
        else errors.push({ key, message: `${key}: ${r.message}` });
      }
      out[key] = good;
    } else out[key] = list;
  }
  if (out.commits && out.commits.length > 0) {
    errors.push({ key: 'commits', message: 'allowlist commits are ignored: Moat scans files, not git history', warning: true });
  }
  return out;
}

function readRule(raw: unknown, index: number, ctx: Context): SecretRule | undefined {
  const line = (key?: string) => ctx.locate.rule(index, key);
  if (!isTable(raw)) {
    problem(ctx, 'error', `rules[${index}] must be a table; rule dropped`, line());
    return undefined;
  }
  const id = typeof raw.id === 'string' && raw.id.trim() !== '' ? raw.id.trim() : undefined;
  const label = id ?? `rules[${index}]`;
  const errors: Array<{ key: string; message: string; warning?: boolean }> = [];
  if (!id) errors.push({ key: 'id', message: 'a rule needs an id' });
  for (const k of Object.keys(raw)) if (!RULE_KEYS.has(k)) errors.push({ key: k, message: `unknown rule key ${k} (ignored)`, warning: true });
  const str = (key: string): string | undefined => {
    const v = raw[key];
    if (v === undefined) return undefined;
    if (typeof v === 'string') return v;
    errors.push({ key, message: `${key} must be a string` });
    return undefined;
  };
  const description = str('description');
  const regex = str('regex');
  const path = str('path');
  let secretGroup: number | undefined;
  if (raw.secretGroup !== undefined) {
    if (typeof raw.secretGroup === 'number' && Number.isInteger(raw.secretGroup)) secretGroup = raw.secretGroup;
    else errors.push({ key: 'secretGroup', message: 'secretGroup must be an integer' });
  }
  let entropy: number | undefined;
  if (raw.entropy !== undefined) {
    if (typeof raw.entropy === 'number') entropy = raw.entropy;
    else errors.push({ key: 'entropy', message: 'entropy must be a number' });
  }
  const keywords = stringList(raw.keywords, 'keywords');
  if (typeof keywords === 'string') errors.push({ key: 'keywords', message: keywords });
  const tags = stringList(raw.tags, 'tags');
  if (typeof tags === 'string') errors.push({ key: 'tags', message: tags });
  let severity: Level = ctx.options.defaultSeverity ?? 'high';
  if (raw.severity !== undefined) {
    const s = typeof raw.severity === 'string' ? parseSeverity(raw.severity) : undefined;
    if (s) severity = s;
    else errors.push({ key: 'severity', message: `unknown severity ${String(raw.severity)}` });
  }
  if (raw.required !== undefined) errors.push({ key: 'required', message: 'composite rules ([[rules.required]]) are not supported: the rule reports on its own', warning: true });
  if (raw.allowlist !== undefined && raw.allowlists !== undefined) {
    errors.push({ key: 'allowlist', message: '[rules.allowlist] is deprecated and cannot be used alongside [[rules.allowlists]]' });
  }
  const allowlists: SecretAllowlist[] = [];
  const tables = raw.allowlists !== undefined ? (Array.isArray(raw.allowlists) ? raw.allowlists : [raw.allowlists]) : raw.allowlist !== undefined ? [raw.allowlist] : [];
  for (const t of tables) {
    const a = readAllowlist(t, false, errors);
    if (a) allowlists.push(a);
  }
  const rule: SecretRule = {
    id: id ?? '',
    description: description ?? id ?? '',
    ...(regex !== undefined ? { regex } : {}),
    ...(secretGroup !== undefined ? { secretGroup } : {}),
    ...(entropy !== undefined ? { entropy } : {}),
    keywords: typeof keywords === 'string' ? [] : keywords.map((k) => k.toLowerCase()),
    ...(path !== undefined ? { path } : {}),
    allowlists,
    severity,
    tags: typeof tags === 'string' ? [] : tags,
    context: ctx.options.context ?? 'file',
  };
  if (id && errors.every((e) => e.warning)) {
    for (const e of checkSecretRule(rule).errors) errors.push(e);
  }
  let dropped = false;
  for (const e of errors) {
    if (!e.warning) dropped = true;
    problem(ctx, e.warning ? 'warning' : 'error', `${label}: ${e.message}${e.warning ? '' : '; rule dropped'}`, line(e.key), e.key, id);
  }
  return dropped ? undefined : rule;
}

/** Does `id` (from a user config) name `rule`? Exact, without the `moat.secrets.` prefix, or a gitleaks alias. */
function names(rule: SecretRule, id: string): boolean {
  if (rule.id === id || rule.id === `moat.secrets.${id}`) return true;
  const aliases = (rule as { aliases?: readonly string[] }).aliases;
  return aliases !== undefined && aliases.includes(id);
}

/** gitleaks' extend: overrides from `rule` onto `base` (set fields replace, lists append). */
function mergeRule(base: SecretRule, rule: SecretRule, raw: Table): SecretRule {
  return {
    ...base,
    description: raw.description !== undefined ? rule.description : base.description,
    ...(rule.regex !== undefined ? { regex: rule.regex, context: rule.context } : {}),
    ...(rule.path !== undefined ? { path: rule.path } : {}),
    ...(rule.entropy ? { entropy: rule.entropy } : {}),
    ...(rule.secretGroup ? { secretGroup: rule.secretGroup } : {}),
    ...(raw.severity !== undefined ? { severity: rule.severity } : {}),
    keywords: [...base.keywords, ...rule.keywords.filter((k) => !base.keywords.includes(k))],
    tags: [...base.tags, ...rule.tags.filter((t) => !base.tags.includes(t))],
    allowlists: [...base.allowlists, ...rule.allowlists],
  };
}

function parseConfig(text: string, ctx: Context): GitleaksImport {
  let doc: Table;
  try {
    doc = parse(text) as Table;
  } catch (e) {
    const err = e as Error;
    const where = e instanceof TomlError ? { line: e.line, column: e.column } : {};
    ctx.problems.push({ severity: 'error', message: `invalid TOML: ${err.message.split('\n')[0]}`, file: ctx.file, ...where });
    return { rules: [], allowlists: [], problems: ctx.problems };
  }
  for (const k of Object.keys(doc)) {
    if (!TOP_KEYS.has(k)) problem(ctx, 'warning', `unknown key ${k} (ignored)`, ctx.locate.topKey(k) ?? ctx.locate.table(k), k);
  }

  // Rules that do not set `regex` only make sense as overrides of an extended rule.
  const rawRules = Array.isArray(doc.rules) ? doc.rules : doc.rules === undefined ? [] : undefined;
  if (rawRules === undefined) problem(ctx, 'error', 'rules must be an array of tables ([[rules]])', ctx.locate.table('rules'), 'rules');
  const own: Array<{ rule: SecretRule; raw: Table; index: number }> = [];
  const seen = new Set<string>();
  (rawRules ?? []).forEach((raw, index) => {
    const isOverride = isTable(raw) && raw.regex === undefined && raw.path === undefined && typeof raw.id === 'string';
    const rule = isOverride ? readOverride(raw as Table, index, ctx) : readRule(raw, index, ctx);
    if (!rule) return;
    if (seen.has(rule.id)) {
      problem(ctx, 'warning', `duplicate rule id ${rule.id}: the later rule is ignored`, ctx.locate.rule(index, 'id'), 'id', rule.id);
      return;
    }
    seen.add(rule.id);
    own.push({ rule, raw: raw as Table, index });
  });

  // Global allowlists.
  const allowlists: SecretAllowlist[] = [];
  if (doc.allowlist !== undefined && doc.allowlists !== undefined) {
    problem(ctx, 'error', '[allowlist] is deprecated and cannot be used alongside [[allowlists]]; both are read', ctx.locate.table('allowlist'), 'allowlist');
  }
  const globalTables: Array<[unknown, string, number]> = [];
  if (doc.allowlist !== undefined) globalTables.push([doc.allowlist, 'allowlist', 0]);
  if (doc.allowlists !== undefined) {
    if (Array.isArray(doc.allowlists)) doc.allowlists.forEach((t, i) => globalTables.push([t, 'allowlists', i]));
    else problem(ctx, 'error', 'allowlists must be an array of tables ([[allowlists]])', ctx.locate.table('allowlists'), 'allowlists');
  }
  for (const [table, name, occurrence] of globalTables) {
    const errors: Array<{ key: string; message: string; warning?: boolean }> = [];
    const a = readAllowlist(table, true, errors);
    for (const e of errors) problem(ctx, e.warning ? 'warning' : 'error', `[${name}] ${e.message}`, ctx.locate.table(name, e.key, occurrence), `${name}.${e.key}`);
    if (a) allowlists.push(a);
  }

  // Extend.
  let base: { rules: readonly SecretRule[]; allowlists: readonly SecretAllowlist[] } | undefined;
  let disabled: string[] = [];
  if (doc.extend !== undefined) {
    const extend = doc.extend;
    if (!isTable(extend)) problem(ctx, 'error', '[extend] must be a table', ctx.locate.table('extend'), 'extend');
    else {
      const where = (key: string) => ctx.locate.table('extend', key);
      const list = stringList(extend.disabledRules, 'disabledRules');
      if (typeof list === 'string') problem(ctx, 'error', `[extend] ${list}`, where('disabledRules'), 'extend.disabledRules');
      else disabled = list;
      if (extend.url !== undefined) problem(ctx, 'warning', '[extend] url is not supported (ignored)', where('url'), 'extend.url');
      const useDefault = extend.useDefault === true;
      if (extend.useDefault !== undefined && typeof extend.useDefault !== 'boolean') problem(ctx, 'error', '[extend] useDefault must be true or false', where('useDefault'), 'extend.useDefault');
      const path = typeof extend.path === 'string' && extend.path !== '' ? extend.path : undefined;
      if (extend.path !== undefined && typeof extend.path !== 'string') problem(ctx, 'error', '[extend] path must be a string', where('path'), 'extend.path');
      if (useDefault && path) problem(ctx, 'error', '[extend] sets both useDefault and path; only useDefault is used', where('path'), 'extend.path');
      if (useDefault) {
        base = ctx.options.defaults ?? { rules: BUILTIN_SECRET_RULES, allowlists: BUILTIN_SECRET_ALLOWLISTS };
      } else if (path) {
        if (ctx.depth >= MAX_EXTEND_DEPTH) problem(ctx, 'warning', `[extend] path ${path} is not followed: at most ${MAX_EXTEND_DEPTH} levels of extend`, where('path'), 'extend.path');
        else {
          const extText = ctx.options.readExtended?.(path, ctx.file);
          if (extText === undefined) problem(ctx, 'error', `[extend] cannot read ${path}`, where('path'), 'extend.path');
          else {
            const sub = parseConfig(extText, { file: path, problems: ctx.problems, locate: new Locator(extText), options: ctx.options, depth: ctx.depth + 1 });
            base = { rules: sub.rules, allowlists: sub.allowlists };
          }
        }
      }
    }
  }

  // Merge as gitleaks does: the config's rules, then the extended rules not disabled (overridden
  // by a config rule of the same id).
  let rules: SecretRule[] = [];
  const merged = new Set<number>();
  if (base) {
    for (const id of disabled) {
      if (!base.rules.some((r) => names(r, id))) problem(ctx, 'warning', `[extend] disabledRules names an unknown rule ${id}`, ctx.locate.table('extend', 'disabledRules'), 'extend.disabledRules');
    }
    const fromBase: SecretRule[] = [];
    for (const b of base.rules) {
      if (disabled.some((id) => names(b, id))) continue;
      const k = own.findIndex((o) => names(b, o.rule.id));
      if (k >= 0) {
        merged.add(k);
        fromBase.push(mergeRule(b, own[k].rule, own[k].raw));
      } else fromBase.push(b);
    }
    rules = [...own.filter((_, k) => !merged.has(k)).map((o) => o.rule), ...fromBase];
  } else rules = own.map((o) => o.rule);

  // Overrides that matched nothing are rules without a regex.
  rules = rules.filter((r) => {
    if (r.regex !== undefined || r.path !== undefined) return true;
    const o = own.find((x) => x.rule === r);
    problem(ctx, 'error', `${r.id}: a rule needs a regex or a path (or must override an extended rule); rule dropped`, o ? ctx.locate.rule(o.index) : undefined, 'regex', r.id);
    return false;
  });

  // targetRules may use gitleaks ids of built-in rules.
  const resolved = allowlists.map((a) =>
    a.targetRules ? { ...a, targetRules: a.targetRules.map((id) => rules.find((r) => names(r, id))?.id ?? id) } : a,
  );
  for (const a of resolved) {
    for (const id of a.targetRules ?? []) {
      if (!rules.some((r) => r.id === id)) problem(ctx, 'warning', `[[allowlists]] targetRules names an unknown rule ${id}`, ctx.locate.table('allowlists', 'targetRules'), 'allowlists.targetRules');
    }
  }
  return { rules, allowlists: [...resolved, ...(base?.allowlists ?? [])], problems: ctx.problems };
}

/** A `[[rules]]` entry without regex or path: kept as an override for an extended rule of the same id. */
function readOverride(raw: Table, index: number, ctx: Context): SecretRule | undefined {
  const rule = readRule({ ...raw, regex: '(?:x)' }, index, ctx);
  if (!rule) return undefined;
  const { regex: _ignored, ...rest } = rule;
  return rest;
}

/** Parses a gitleaks configuration. `fileName` names it in problems. */
export function parseGitleaksConfig(tomlText: string, fileName: string, options: GitleaksImportOptions = {}): GitleaksImport {
  return parseConfig(tomlText, { file: fileName, problems: [], locate: new Locator(tomlText), options, depth: 0 });
}
