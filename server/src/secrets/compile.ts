/**
 * Turns secret rules and global allowlists (built-in or imported) into a runnable ruleset: every
 * regex compiled with RE2 (the built-in detectors' also for V8's engine, see native-regex.ts),
 * keywords gathered into one automaton, targeted allowlists attached to their rules. A rule with
 * an error is dropped with a Problem; the others are kept.
 */
import type { Problem } from '../engine/finding';
import { LEVELS } from '../engine/finding';
import type { SafeRegex } from '../engine/safe-regex';
import { compileAllowlist, compileSecretRegex, type AllowlistError, type CompiledAllowlist } from './allowlist';
import { KeywordAutomaton } from './keyword-automaton';
import { nativeMatcher } from './native-regex';
import type { SecretAllowlist, SecretRule } from './rule-model';
import { compileRe2, lazyRe2Matcher, re2Matcher, type SecretMatcher } from './secret-matcher';

export interface CompiledSecretRule {
  readonly rule: SecretRule;
  /** Position in the ruleset: on overlapping findings the earlier rule wins. */
  readonly index: number;
  /** The regex on re2js (linear time on any input). */
  readonly regex?: SecretMatcher;
  /**
   * Built-in detectors only: the same regex on V8's engine, used on text of bounded size (see
   * scan.ts); translated on first use, undefined when the regex does not translate.
   */
  readonly native?: { readonly matcher: SecretMatcher | undefined };
  readonly path?: SafeRegex;
  readonly allowlists: readonly CompiledAllowlist[];
  readonly context: number | 'file';
  /** Generic rules (tag `generic`, or a gitleaks `generic…` id) give way to any specific rule reporting the same secret. */
  readonly generic: boolean;
}

export interface SecretRuleset {
  readonly rules: readonly CompiledSecretRule[];
  /** Global allowlists without `targetRules` (targeted ones are attached to their rules). */
  readonly allowlists: readonly CompiledAllowlist[];
  readonly automaton: KeywordAutomaton;
  /** Rule indices by automaton keyword index. */
  readonly rulesByKeyword: readonly (readonly number[])[];
  /** Rules without keywords: they run on every file. */
  readonly alwaysRun: readonly number[];
}

export interface RuleError {
  readonly key: string;
  readonly message: string;
}

export interface CompileOptions {
  /**
   * The rules are Moat's built-in detectors, whose regexes the test suite compiles with RE2 and
   * runs on hostile input: each regex that translates (native-regex.ts) also runs on V8's engine,
   * and re2js compiles a regex only when first needed.
   */
  readonly builtin?: boolean;
}

/** `nativeMatcher(source)`, worked out on first use. */
function lazyNative(source: string): { readonly matcher: SecretMatcher | undefined } {
  let done = false;
  let matcher: SecretMatcher | undefined;
  return {
    get matcher() {
      if (!done) {
        matcher = nativeMatcher(source);
        done = true;
      }
      return matcher;
    },
  };
}

/** Compiles a rule's regex once with RE2; on failure, the message safe-regex gives. */
function compileRuleRegex(source: string): { ok: true; regex: SecretMatcher } | { ok: false; message: string } {
  try {
    return { ok: true, regex: re2Matcher(compileRe2(source)) };
  } catch {
    const r = compileSecretRegex(source);
    return r.ok ? { ok: false, message: `invalid regex: ${source}` } : r;
  }
}

/** Number of capture groups in an RE2 regex source (named or not). */
export function captureGroupCount(source: string): number {
  let count = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === '[' && source[i + 1] === ':') {
        const close = source.indexOf(':]', i + 2);
        if (close > 0) i = close + 1;
      } else if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      if (source[i + 1] === '^') i++;
      if (source[i + 1] === ']') i++;
      continue;
    }
    if (c === '(') {
      if (source[i + 1] !== '?') count++;
      else if (source.startsWith('?P<', i + 1) || (source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!')) count++;
    }
  }
  return count;
}

/** Everything wrong with a rule, as (key, message) pairs; compiled regexes when they compile. */
export function checkSecretRule(rule: SecretRule, options: CompileOptions = {}): { errors: RuleError[]; regex?: SecretMatcher; path?: SafeRegex; allowlists: CompiledAllowlist[] } {
  const errors: RuleError[] = [];
  if (typeof rule.id !== 'string' || rule.id.trim() === '') errors.push({ key: 'id', message: 'a rule needs an id' });
  if (rule.regex === undefined && rule.path === undefined) errors.push({ key: 'regex', message: 'a rule needs a regex or a path' });
  let regex: SecretMatcher | undefined;
  if (rule.regex !== undefined) {
    if (rule.regex.trim() === '') errors.push({ key: 'regex', message: 'empty regex' });
    else if (options.builtin) regex = lazyRe2Matcher(rule.regex);
    else {
      const r = compileRuleRegex(rule.regex);
      if (r.ok) regex = r.regex;
      else errors.push({ key: 'regex', message: r.message });
    }
  }
  let path: SafeRegex | undefined;
  if (rule.path !== undefined) {
    const r = compileSecretRegex(rule.path);
    if (r.ok) path = r.regex;
    else errors.push({ key: 'path', message: r.message });
  }
  if (rule.secretGroup !== undefined) {
    if (!Number.isInteger(rule.secretGroup) || rule.secretGroup < 0) errors.push({ key: 'secretGroup', message: 'secretGroup must be a non-negative integer' });
    else if (rule.regex !== undefined && rule.secretGroup > captureGroupCount(rule.regex)) {
      errors.push({ key: 'secretGroup', message: `secretGroup ${rule.secretGroup} but the regex has ${captureGroupCount(rule.regex)} capture group(s)` });
    }
  }
  if (rule.entropy !== undefined && (typeof rule.entropy !== 'number' || !Number.isFinite(rule.entropy) || rule.entropy < 0 || rule.entropy > 16)) {
    errors.push({ key: 'entropy', message: 'entropy must be a number of bits per character between 0 and 16' });
  }
  if (!LEVELS.includes(rule.severity)) errors.push({ key: 'severity', message: `unknown severity ${String(rule.severity)}` });
  if (rule.context !== undefined && rule.context !== 'file' && !(Number.isInteger(rule.context) && rule.context >= 0)) {
    errors.push({ key: 'context', message: "context must be a number of lines or 'file'" });
  }
  const allowErrors: AllowlistError[] = [];
  const allowlists = rule.allowlists.map((a) => compileAllowlist(a, allowErrors, options));
  for (const e of allowErrors) errors.push({ key: `allowlists.${e.key}`, message: e.message });
  return { errors, regex, path, allowlists };
}

export interface CompileResult {
  readonly ruleset: SecretRuleset;
  readonly problems: Problem[];
}

/**
 * Compiles `rules` (order kept; a later rule with an id already seen is dropped) and the global
 * `allowlists`. `file` names the source in problems.
 */
export function compileSecretRuleset(rules: readonly SecretRule[], allowlists: readonly SecretAllowlist[] = [], file?: string, options: CompileOptions = {}): CompileResult {
  const problems: Problem[] = [];
  const where = file !== undefined ? { file } : {};
  const compiled: CompiledSecretRule[] = [];
  const seen = new Set<string>();
  const extraAllowlists = new Map<string, CompiledAllowlist[]>();
  const globals: CompiledAllowlist[] = [];
  for (const list of allowlists) {
    const errors: AllowlistError[] = [];
    const c = compileAllowlist(list, errors, options);
    for (const e of errors) problems.push({ severity: 'error', message: `global allowlist: ${e.message}`, ...where, key: `allowlists.${e.key}` });
    if (c.targetRules) {
      for (const id of c.targetRules) extraAllowlists.set(id, [...(extraAllowlists.get(id) ?? []), c]);
    } else globals.push(c);
  }
  for (const rule of rules) {
    if (seen.has(rule.id)) {
      problems.push({ severity: 'warning', message: `duplicate rule id ${rule.id}: the later rule is ignored`, ...where, ruleId: rule.id, key: 'id' });
      continue;
    }
    const checked = checkSecretRule(rule, options);
    if (checked.errors.length > 0) {
      for (const e of checked.errors) problems.push({ severity: 'error', message: `${rule.id}: ${e.message}; rule dropped`, ...where, ruleId: rule.id, key: e.key });
      continue;
    }
    seen.add(rule.id);
    compiled.push({
      rule: { ...rule, keywords: rule.keywords.map((k) => k.toLowerCase()).filter((k) => k.length > 0) },
      index: compiled.length,
      regex: checked.regex,
      native: options.builtin && rule.regex !== undefined ? lazyNative(rule.regex) : undefined,
      path: checked.path,
      allowlists: [...checked.allowlists, ...(extraAllowlists.get(rule.id) ?? [])],
      context: rule.context ?? 'file',
      generic: rule.tags.includes('generic') || rule.id.startsWith('generic'),
    });
  }
  for (const id of extraAllowlists.keys()) {
    if (!seen.has(id)) problems.push({ severity: 'warning', message: `allowlist targetRules names an unknown rule ${id}`, ...where, key: 'targetRules' });
  }
  const keywordIndex = new Map<string, number>();
  const rulesByKeyword: number[][] = [];
  const alwaysRun: number[] = [];
  for (const r of compiled) {
    if (r.rule.keywords.length === 0) {
      alwaysRun.push(r.index);
      continue;
    }
    for (const k of new Set(r.rule.keywords)) {
      let i = keywordIndex.get(k);
      if (i === undefined) {
        i = rulesByKeyword.length;
        keywordIndex.set(k, i);
        rulesByKeyword.push([]);
      }
      rulesByKeyword[i].push(r.index);
    }
  }
  // Built when first scanned with: a process that only lists the rules never needs it.
  const keywords = [...keywordIndex.keys()];
  let automaton: KeywordAutomaton | undefined;
  const ruleset: SecretRuleset = {
    rules: compiled,
    allowlists: globals,
    get automaton() {
      automaton ??= new KeywordAutomaton(keywords);
      return automaton;
    },
    rulesByKeyword,
    alwaysRun,
  };
  return { ruleset, problems };
}
