/**
 * Compiles the taint part of a `mode: taint` rule: every source, sink, sanitizer and propagator
 * formula goes through the ordinary formula compiler, so its patterns join the language's shared
 * pattern list (and the single kind-indexed walk) like any search rule's, and every operator works
 * inside them. The dataflow that connects them is in taint-flow.ts.
 */
import type { LoadedLanguage } from './grammars';
import { CompiledPattern } from './pattern-ast';
import { ALWAYS, Prefilter, allOf, anyOf } from './prefilter';
import type { CFormula, RuleCompiler } from './rule-compile';
import { prefilterOf } from './rule-compile';
import type { TaintDto, TaintSpecDto } from './rule-model';
import { TAINT_LANGUAGES } from './taint-languages';

export interface CTaintSpec {
  readonly formula: CFormula;
  readonly exact: boolean;
  readonly bySideEffect: boolean | 'only';
  readonly notConflicting: boolean;
  readonly from: string | undefined;
  readonly to: string | undefined;
}

export interface CompiledTaint {
  readonly sources: readonly CTaintSpec[];
  readonly sinks: readonly CTaintSpec[];
  readonly sanitizers: readonly CTaintSpec[];
  readonly propagators: readonly CTaintSpec[];
}

/** Compiles every entry; undefined when one fails (the compiler holds the located problems). */
export function compileTaint(dto: TaintDto, compiler: RuleCompiler, lang: LoadedLanguage | undefined, patterns: CompiledPattern[]): CompiledTaint | undefined {
  if (!lang) {
    compiler.fail(dto.sources[0].loc, 'mode', 'taint rules need a parsed language (not regex or generic)');
    return undefined;
  }
  if (!TAINT_LANGUAGES[lang.spec.id]) {
    compiler.fail(dto.sources[0].loc, 'mode', `taint mode does not support ${lang.spec.id} (supported: ${Object.keys(TAINT_LANGUAGES).join(', ')})`);
    return undefined;
  }
  const specs = (list: readonly TaintSpecDto[]): CTaintSpec[] | undefined => {
    const out: CTaintSpec[] = [];
    let ok = true;
    for (const s of list) {
      const formula = compiler.formula(s.formula, lang, patterns);
      if (!formula) ok = false;
      else out.push({ formula, exact: s.exact, bySideEffect: s.bySideEffect, notConflicting: s.notConflicting, from: s.from, to: s.to });
    }
    return ok ? out : undefined;
  };
  const sources = specs(dto.sources);
  const sinks = specs(dto.sinks);
  const sanitizers = specs(dto.sanitizers);
  const propagators = specs(dto.propagators);
  if (!sources || !sinks || !sanitizers || !propagators) return undefined;
  return { sources, sinks, sanitizers, propagators };
}

/** A file can only have findings when some source and some sink can match in it. */
export function taintPrefilter(taint: CompiledTaint, patterns: readonly CompiledPattern[]): Prefilter {
  const either = (list: readonly CTaintSpec[]): Prefilter => (list.length ? anyOf(list.map((s) => prefilterOf(s.formula, patterns))) : ALWAYS);
  return allOf([], [either(taint.sources), either(taint.sinks)]);
}
