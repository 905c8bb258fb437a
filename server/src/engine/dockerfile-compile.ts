/**
 * Compiles a Dockerfile rule (`languages: [dockerfile]`): the same rule format as every other
 * language, with `pattern*` keys in instruction syntax (dockerfile-pattern.ts) and `pattern-regex`
 * run per logical instruction (dockerfile-match.ts). Operators that need a syntax tree are
 * rejected with a located error rather than silently never matching: `mode: taint`, a nested
 * `focus-metavariable` (the top-level one is applied by dockerfile-match.ts), and instruction
 * patterns inside `metavariable-pattern` (use `pattern-regex` there).
 */
import { parseSeverity } from './finding';
import { ALWAYS } from './prefilter';
import { CFormula, LanguageLookup, RuleCompileResult, RuleCompiler, ruleInfo } from './rule-compile';
import type { ConjunctDto, FormulaDto, RuleDto } from './rule-model';
import { DockerfilePattern, compileDockerfilePattern } from './dockerfile-pattern';

export function compileDockerfileRule(dto: RuleDto, lookupLanguage: LanguageLookup): RuleCompileResult {
  const patterns: DockerfilePattern[] = [];
  const compiler = new RuleCompiler(dto, lookupLanguage, (f): CFormula | undefined => {
    const r = compileDockerfilePattern(f.pattern);
    if (!r.ok) {
      compiler.fail(f.loc, f.key, r.message);
      return undefined;
    }
    patterns.push(r.pattern);
    return { op: 'pattern', slot: patterns.length - 1 };
  });
  if (parseSeverity(dto.severity) === undefined) {
    compiler.fail(dto.loc, 'severity', `unknown severity \`${dto.severity}\` (use INFO, WARNING, ERROR or LOW, MEDIUM, HIGH, CRITICAL)`);
  }
  if (dto.taint || !dto.formula) {
    compiler.fail(dto.loc, 'mode', '`mode: taint` is not supported for Dockerfile rules; use patterns');
    return { ok: false, problems: compiler.problems };
  }
  checkSupported(dto.formula, compiler, true);
  const formula = compiler.formula(dto.formula, undefined, []);
  const fix = compiler.fix();
  if (!formula || !fix || compiler.problems.length > 0) return { ok: false, problems: compiler.problems };
  return { ok: true, rule: { dto, info: ruleInfo(dto), formula, taint: undefined, prefilter: ALWAYS, fix, dockerfile: { patterns } } };
}

function checkSupported(f: FormulaDto, compiler: RuleCompiler, top: boolean): void {
  if (f.op === 'either') for (const item of f.items) checkSupported(item, compiler, false);
  if (f.op !== 'all') return;
  for (const c of f.items as readonly ConjunctDto[]) {
    if (c.kind === 'focus' && !top) compiler.fail(c.loc, 'focus-metavariable', 'in a Dockerfile rule, focus-metavariable is supported only in the top-level `patterns`');
    else if (c.kind === 'metavariable-pattern') {
      if (hasPattern(c.formula)) compiler.fail(c.loc, 'metavariable-pattern', 'in a Dockerfile rule, metavariable-pattern takes pattern-regex only (the bound value is text)');
    } else if ('formula' in c) checkSupported(c.formula, compiler, false);
  }
}

function hasPattern(f: FormulaDto): boolean {
  switch (f.op) {
    case 'pattern':
      return true;
    case 'regex':
      return false;
    case 'either':
      return f.items.some(hasPattern);
    case 'all':
      return f.items.some((c) => 'formula' in c && hasPattern(c.formula));
  }
}
