/**
 * A loaded set of rules, compiled lazily per language: for each language, the compiled rules, the
 * shared pattern list and its kind index. Text rules (`languages: [regex]`/`[generic]`) are
 * compiled once and run on any text file. Compile problems are collected, never thrown: a broken
 * rule is left out and the others run.
 */
import type { Problem, RuleInfo } from './finding';
import type { Grammars, LoadedLanguage } from './grammars';
import { LanguageId, LANGUAGES, TEXT_LANGUAGE_NAMES, languageByName } from './languages';
import { CompiledPattern } from './pattern-ast';
import { PatternIndex } from './pattern-index';
import { CompiledRule, compileRule, ruleInfo } from './rule-compile';
import type { ConjunctDto, FormulaDto, RuleDto } from './rule-model';
import type { TextDetector } from './text-detector';
import { compileDockerfileRule } from './dockerfile-compile';
import { isDockerfileRule } from './dockerfile-language';

export interface LanguageRules {
  readonly lang: LoadedLanguage;
  readonly rules: readonly CompiledRule[];
  /** Pattern slots of each rule (same order as `rules`). */
  readonly ruleSlots: ReadonlyArray<readonly number[]>;
  readonly index: PatternIndex;
}

/** The language ids a rule's `languages:` entry covers (`typescript` also covers TSX). */
export function languageIdsFor(name: string): LanguageId[] {
  const spec = languageByName(name);
  if (!spec) return [];
  return spec.id === 'typescript' ? ['typescript', 'tsx'] : [spec.id];
}

export class RuleSet {
  readonly problems: Problem[] = [];
  readonly infos: RuleInfo[];
  private readonly byLanguage = new Map<LanguageId, LanguageRules>();
  private readonly textRules: CompiledRule[] = [];
  private readonly wanted = new Map<LanguageId, RuleDto[]>();
  private readonly textDtos: RuleDto[] = [];

  private constructor(
    readonly dtos: readonly RuleDto[],
    /** Text detectors (secrets) that run on every file with these rules. */
    readonly detectors: readonly TextDetector[],
  ) {
    this.infos = [...dtos.map(ruleInfo), ...detectors.flatMap((d) => d.infos)];
    for (const dto of dtos) this.sortByLanguage(dto);
  }

  /** Loads every grammar the rules need and compiles all rules, collecting problems. */
  static async create(dtos: readonly RuleDto[], grammars: Grammars, detectors: readonly TextDetector[] = []): Promise<RuleSet> {
    const set = new RuleSet(dtos, detectors);
    const needed = new Set<LanguageId>(set.wanted.keys());
    for (const dto of dtos) for (const f of ruleFormulas(dto)) for (const name of subLanguages(f)) for (const id of languageIdsFor(name)) needed.add(id);
    const loaded = new Map<LanguageId, LoadedLanguage>();
    for (const id of needed) loaded.set(id, await grammars.load(id));
    const lookup = (name: string) => {
      const ids = languageIdsFor(name);
      return ids.length ? loaded.get(ids[0]) : undefined;
    };
    const failures: Array<{ dto: RuleDto; id: LanguageId; problems: Problem[] }> = [];
    const compiledIn = new Map<RuleDto, Set<LanguageId>>();
    for (const [id, rules] of set.wanted) {
      const lang = loaded.get(id)!;
      const patterns: CompiledPattern[] = [];
      const compiled: CompiledRule[] = [];
      const ruleSlots: number[][] = [];
      for (const dto of rules) {
        const before = patterns.length;
        const r = compileRule(dto, lang, patterns, lookup);
        if (r.ok) {
          compiled.push(r.rule);
          ruleSlots.push(range(before, patterns.length));
          compiledIn.set(dto, (compiledIn.get(dto) ?? new Set()).add(id));
        } else {
          failures.push({ dto, id, problems: r.problems });
        }
      }
      set.byLanguage.set(id, { lang, rules: compiled, ruleSlots, index: new PatternIndex(patterns, true) });
    }
    // `typescript` covers .ts and .tsx: a JSX pattern only parses as TSX, a `<T>x` cast only as TS.
    const reported = new Set<RuleDto>();
    for (const f of failures) {
      const sibling: LanguageId | undefined = f.id === 'typescript' ? 'tsx' : f.id === 'tsx' ? 'typescript' : undefined;
      if (sibling && compiledIn.get(f.dto)?.has(sibling)) continue;
      if (reported.has(f.dto)) continue;
      reported.add(f.dto);
      set.problems.push(...f.problems.map((p) => ({ ...p, message: `${p.message} (${f.id})` })));
    }
    for (const dto of set.textDtos) {
      const r = isDockerfileRule(dto) ? compileDockerfileRule(dto, lookup) : compileRule(dto, undefined, [], lookup);
      if (r.ok) set.textRules.push(r.rule);
      else set.problems.push(...r.problems);
    }
    return set;
  }

  private sortByLanguage(dto: RuleDto): void {
    let ok = true;
    const ids = new Set<LanguageId>();
    let text = false;
    for (const name of dto.languages) {
      if (TEXT_LANGUAGE_NAMES.includes(name.toLowerCase())) {
        text = true;
        continue;
      }
      const found = languageIdsFor(name);
      if (found.length === 0) {
        ok = false;
        this.problems.push({
          severity: 'error',
          message: `unknown or unsupported language \`${name}\` (supported: ${LANGUAGES.flatMap((l) => l.names).join(', ')}, regex, generic, dockerfile)`,
          file: dto.file,
          line: dto.loc.line,
          column: dto.loc.column,
          ruleId: dto.id,
          key: 'languages',
        });
      }
      for (const id of found) ids.add(id);
    }
    if (dto.languages.length === 0) {
      ok = false;
      this.problems.push({ severity: 'error', message: '`languages` is empty', file: dto.file, line: dto.loc.line, column: dto.loc.column, ruleId: dto.id, key: 'languages' });
    }
    if (!ok) return;
    if (text) this.textDtos.push(dto);
    for (const id of ids) {
      const list = this.wanted.get(id) ?? [];
      list.push(dto);
      this.wanted.set(id, list);
    }
  }

  /** Compiled rules for a language, or undefined when no rule targets it. */
  forLanguage(id: LanguageId): LanguageRules | undefined {
    return this.byLanguage.get(id);
  }

  /** Rules that run on the text of any file. */
  get textOnly(): readonly CompiledRule[] {
    return this.textRules;
  }
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

/** Every formula of a rule: the search formula, or each taint entry's. */
function ruleFormulas(dto: RuleDto): FormulaDto[] {
  if (dto.formula) return [dto.formula];
  const t = dto.taint;
  return t ? [...t.sources, ...t.sinks, ...t.sanitizers, ...t.propagators].map((s) => s.formula) : [];
}

function subLanguages(f: FormulaDto): string[] {
  switch (f.op) {
    case 'pattern':
    case 'regex':
      return [];
    case 'either':
      return f.items.flatMap(subLanguages);
    case 'all':
      return f.items.flatMap((c: ConjunctDto) => {
        if (c.kind === 'metavariable-pattern') return [...(c.language && !TEXT_LANGUAGE_NAMES.includes(c.language.toLowerCase()) ? [c.language] : []), ...subLanguages(c.formula)];
        if ('formula' in c) return subLanguages(c.formula);
        return [];
      });
  }
}
