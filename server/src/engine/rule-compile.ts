/**
 * RuleDto → CompiledRule for one language: patterns compiled and registered in the language's
 * pattern list (the kind index is built from it), regexes compiled on RE2, comparisons parsed, the
 * prefilter derived. Every failure is a Problem naming file, line, rule id and key.
 */
import { Problem, RuleInfo, parseSeverity } from './finding';
import type { LoadedLanguage } from './grammars';
import { CompiledComparison, compileComparison } from './metavar-comparison';
import { CompiledPattern } from './pattern-ast';
import { compilePattern } from './pattern-compile';
import { ALWAYS, Prefilter, allOf, anyOf } from './prefilter';
import type { ConjunctDto, FormulaDto, Loc, RuleDto } from './rule-model';
import { SafeRegex, compileRegex } from './safe-regex';
import { CompiledTaint, compileTaint, taintPrefilter } from './taint-compile';
import type { DockerfilePattern } from './dockerfile-pattern';

export type CFormula =
  | { readonly op: 'pattern'; readonly slot: number }
  | { readonly op: 'regex'; readonly re: SafeRegex }
  | { readonly op: 'either'; readonly items: readonly CFormula[] }
  | {
      readonly op: 'and';
      readonly positives: readonly CFormula[];
      readonly insides: readonly CFormula[];
      readonly negatives: ReadonlyArray<{ readonly f: CFormula; readonly inside: boolean }>;
      readonly notRegexes: readonly SafeRegex[];
      readonly conditions: readonly CCondition[];
      readonly focus: ReadonlyArray<readonly string[]>;
    };

export type CCondition =
  | {
      readonly c: 'regex';
      readonly mv: string;
      readonly re: SafeRegex;
      /** When the regex only accepts a few whole words (`^(execute|raw)$`): one of them must be in the file. */
      readonly words?: readonly string[];
    }
  | { readonly c: 'pattern'; readonly mv: string; readonly sub: SubFormula }
  | {
      readonly c: 'comparison';
      readonly mv: string | undefined;
      readonly cmp: CompiledComparison;
      readonly base: number | undefined;
      readonly strip: boolean;
    };

/** A formula with its own pattern list, evaluated on a metavariable's subtree or text. */
export interface SubFormula {
  /** inside: matched in the bound node's subtree; parse: its text parsed as `lang`; text: regexes on its text. */
  readonly mode: 'inside' | 'parse' | 'text';
  readonly lang: LoadedLanguage | undefined;
  readonly patterns: readonly CompiledPattern[];
  readonly formula: CFormula;
}

export interface CompiledFix {
  readonly template: string | undefined;
  readonly regex: { readonly re: SafeRegex; readonly replacement: string; readonly count: number | undefined } | undefined;
}

export interface CompiledRule {
  readonly dto: RuleDto;
  readonly info: RuleInfo;
  /** A search rule's formula (undefined for a taint rule). */
  readonly formula: CFormula | undefined;
  /** A `mode: taint` rule's sources, sinks, sanitizers and propagators. */
  readonly taint: CompiledTaint | undefined;
  readonly prefilter: Prefilter;
  readonly fix: CompiledFix;
  /** A Dockerfile rule's instruction patterns (its `pattern` slots); see dockerfile-compile.ts. */
  readonly dockerfile?: { readonly patterns: readonly DockerfilePattern[] };
}

/** Resolves the grammar for a `metavariable-pattern` `language:`; must already be loaded. */
export type LanguageLookup = (name: string) => LoadedLanguage | undefined;

export function ruleInfo(dto: RuleDto): RuleInfo {
  return {
    id: dto.id,
    message: dto.message,
    level: parseSeverity(dto.severity) ?? 'medium',
    severity: dto.severity,
    languages: dto.languages,
    metadata: dto.metadata,
    file: dto.file,
    line: dto.loc.line,
  };
}

/** Compiles the formulas of one rule, collecting located problems (also used by taint-compile.ts). */
export class RuleCompiler {
  readonly problems: Problem[] = [];

  constructor(
    private readonly dto: RuleDto,
    private readonly lookupLanguage: LanguageLookup,
    /** Compiles `pattern` where there is no grammar (Dockerfile instruction patterns, dockerfile-compile.ts). */
    private readonly textPattern?: (f: Extract<FormulaDto, { op: 'pattern' }>) => CFormula | undefined,
  ) {}

  fail(loc: Loc, key: string, message: string): void {
    this.problems.push({ severity: 'error', message, file: this.dto.file, line: loc.line, column: loc.column, ruleId: this.dto.id, key });
  }

  /** `lang` undefined: a text rule (languages: regex/generic), where only regexes are allowed. */
  formula(f: FormulaDto, lang: LoadedLanguage | undefined, patterns: CompiledPattern[]): CFormula | undefined {
    switch (f.op) {
      case 'pattern': {
        if (!lang && this.textPattern) return this.textPattern(f);
        if (!lang) {
          this.fail(f.loc, f.key, 'code patterns need a parsed language; with `languages: [regex]` or `[generic]` use pattern-regex');
          return undefined;
        }
        const r = compilePattern(f.pattern, lang);
        if (!r.ok) {
          this.fail(f.loc, f.key, `${r.message}: ${firstLine(f.pattern)}`);
          return undefined;
        }
        patterns.push(r.pattern);
        return { op: 'pattern', slot: patterns.length - 1 };
      }
      case 'regex': {
        const re = this.regex(f.regex, f.loc, f.key, true);
        return re && { op: 'regex', re };
      }
      case 'either': {
        const items: CFormula[] = [];
        for (const item of f.items) {
          const c = this.formula(item, lang, patterns);
          if (!c) return undefined;
          items.push(c);
        }
        return { op: 'either', items };
      }
      case 'all':
        return this.conjunction(f.items, lang, patterns);
    }
  }

  private conjunction(items: readonly ConjunctDto[], lang: LoadedLanguage | undefined, patterns: CompiledPattern[]): CFormula | undefined {
    const positives: CFormula[] = [];
    const insides: CFormula[] = [];
    const negatives: Array<{ f: CFormula; inside: boolean }> = [];
    const notRegexes: SafeRegex[] = [];
    const conditions: CCondition[] = [];
    const focus: string[][] = [];
    let ok = true;
    for (const item of items) {
      switch (item.kind) {
        case 'positive':
        case 'inside':
        case 'not':
        case 'not-inside': {
          const f = this.formula(item.formula, lang, patterns);
          if (!f) {
            ok = false;
            break;
          }
          if (item.kind === 'positive') positives.push(f);
          else if (item.kind === 'inside') insides.push(f);
          else negatives.push({ f, inside: item.kind === 'not-inside' });
          break;
        }
        case 'not-regex': {
          const re = this.regex(item.regex, item.loc, 'pattern-not-regex', true);
          if (re) notRegexes.push(re);
          else ok = false;
          break;
        }
        case 'metavariable-regex': {
          const re = this.regex(item.regex, item.loc, 'metavariable-regex', false);
          if (re) conditions.push({ c: 'regex', mv: item.metavariable, re, words: anchoredWords(item.regex) });
          else ok = false;
          break;
        }
        case 'metavariable-pattern': {
          const sub = this.subFormula(item, lang);
          if (sub) conditions.push({ c: 'pattern', mv: item.metavariable, sub });
          else ok = false;
          break;
        }
        case 'metavariable-comparison': {
          const r = compileComparison(item.comparison);
          if (!r.ok) {
            this.fail(item.loc, 'metavariable-comparison', `comparison: ${r.message}`);
            ok = false;
          } else conditions.push({ c: 'comparison', mv: item.metavariable, cmp: r.comparison, base: item.base, strip: item.strip });
          break;
        }
        case 'focus':
          focus.push([...item.metavariables]);
          break;
      }
    }
    return ok ? { op: 'and', positives, insides, negatives, notRegexes, conditions, focus } : undefined;
  }

  private subFormula(item: Extract<ConjunctDto, { kind: 'metavariable-pattern' }>, lang: LoadedLanguage | undefined): SubFormula | undefined {
    const name = item.language?.toLowerCase();
    let mode: SubFormula['mode'] = lang ? 'inside' : 'text';
    let subLang = lang;
    if (name !== undefined && ['regex', 'generic', 'none'].includes(name)) {
      mode = 'text';
      subLang = undefined;
    } else if (name !== undefined) {
      const target = this.lookupLanguage(name);
      if (!target) {
        this.fail(item.loc, 'language', `unknown or unsupported language \`${item.language}\` in metavariable-pattern`);
        return undefined;
      }
      mode = 'parse';
      subLang = target;
    }
    const patterns: CompiledPattern[] = [];
    const formula = this.formula(item.formula, subLang, patterns);
    return formula && { mode, lang: subLang, patterns, formula };
  }

  private regex(source: string, loc: Loc, key: string, multiline: boolean): SafeRegex | undefined {
    const r = compileRegex(source, { multiline });
    if (!r.ok) {
      this.fail(loc, key, r.message);
      return undefined;
    }
    return r.regex;
  }

  fix(): CompiledFix | undefined {
    const fr = this.dto.fixRegex;
    if (!fr) return { template: this.dto.fix, regex: undefined };
    const re = this.regex(fr.regex, fr.loc, 'fix-regex', true);
    return re && { template: this.dto.fix, regex: { re, replacement: fr.replacement, count: fr.count } };
  }
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0];
  return line.length > 80 ? line.slice(0, 77) + '...' : line;
}

/** The literals a file must contain for the formula to match (see prefilter.ts). */
export function prefilterOf(f: CFormula, patterns: readonly CompiledPattern[]): Prefilter {
  switch (f.op) {
    case 'pattern':
      return allOf(patterns[f.slot].literals);
    case 'regex':
      return ALWAYS;
    case 'either':
      return anyOf(f.items.map((i) => prefilterOf(i, patterns)));
    case 'and': {
      // A metavariable the regex pins to a few whole words: the bound node's text is one of them,
      // so the file contains it as a word (nodes span whole tokens).
      const pinned = f.conditions.flatMap((c) => (c.c === 'regex' && c.words ? [anyOf(c.words.map((w) => allOf([w])))] : []));
      return allOf([], [...[...f.positives, ...f.insides].map((i) => prefilterOf(i, patterns)), ...pinned]);
    }
  }
}

/** The words of a fully anchored alternation of identifiers (`^(a|b)$`, `^(?:a|b)$`, `^a$`), else undefined. */
export function anchoredWords(regex: string): string[] | undefined {
  const m = /^\^(?:\((?:\?:)?([A-Za-z_][A-Za-z0-9_]*(?:\|[A-Za-z_][A-Za-z0-9_]*)*)\)|([A-Za-z_][A-Za-z0-9_]*))\$$/.exec(regex.trim());
  if (!m) return undefined;
  return (m[1] ?? m[2]).split('|');
}

export type RuleCompileResult = { ok: true; rule: CompiledRule } | { ok: false; problems: Problem[] };

/**
 * Compiles `dto` for `lang` (undefined for text rules), appending its patterns to `patterns`,
 * the shared pattern list of that language.
 */
export function compileRule(
  dto: RuleDto,
  lang: LoadedLanguage | undefined,
  patterns: CompiledPattern[],
  lookupLanguage: LanguageLookup,
): RuleCompileResult {
  const compiler = new RuleCompiler(dto, lookupLanguage);
  if (parseSeverity(dto.severity) === undefined) {
    compiler.fail(dto.loc, 'severity', `unknown severity \`${dto.severity}\` (use INFO, WARNING, ERROR or LOW, MEDIUM, HIGH, CRITICAL)`);
  }
  const before = patterns.length;
  const formula = dto.formula && compiler.formula(dto.formula, lang, patterns);
  const taint = dto.taint && compileTaint(dto.taint, compiler, lang, patterns);
  const fix = compiler.fix();
  if (!(formula || taint) || !fix || compiler.problems.length > 0) {
    patterns.length = before;
    return { ok: false, problems: compiler.problems };
  }
  const prefilter = taint ? taintPrefilter(taint, patterns) : prefilterOf(formula!, patterns);
  return { ok: true, rule: { dto, info: ruleInfo(dto), formula, taint, prefilter, fix } };
}
