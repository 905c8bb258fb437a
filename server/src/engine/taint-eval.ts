/**
 * Evaluates a `mode: taint` rule on one file after the shared walk: each source, sink, sanitizer
 * and propagator formula is evaluated like a search formula (same semantics, same matches), the
 * ranges are indexed, and the dataflow (taint-flow.ts) reports which sinks tainted data reaches.
 * A finding is the sink's range, with the sink's metavariables and those of the source that do
 * not collide with them (Semgrep's rule for messages).
 */
import { Env, bind, lookup } from './bindings';
import type { CancellationToken } from './cancellation';
import { EvalContext, evaluate } from './formula-eval';
import type { RangeMatch } from './pattern-index';
import type { SyntaxTree } from './syntax-tree';
import type { CompiledTaint, CTaintSpec } from './taint-compile';
import { PropagatorItem, SinkItem, SourceItem, runTaintFlow } from './taint-flow';
import { taintKinds } from './taint-languages';
import { RangeIndex, SpecRange } from './taint-ranges';

interface SpecMatch {
  readonly spec: CTaintSpec;
  readonly match: RangeMatch;
}

function matchesOf(specs: readonly CTaintSpec[], ctx: EvalContext): SpecMatch[] {
  return specs.flatMap((spec) => evaluate(spec.formula, ctx).map((match) => ({ spec, match })));
}

const rangeKey = (m: { start: number; end: number }) => `${m.start}:${m.end}`;

/** The findings of a taint rule on the file of `ctx` (whose walk has run). */
export function evaluateTaint(taint: CompiledTaint, ctx: EvalContext, st: SyntaxTree, cancel?: CancellationToken): RangeMatch[] {
  const kinds = taintKinds(st.lang);
  if (!kinds) return [];
  const sources = matchesOf(taint.sources, ctx);
  if (sources.length === 0) return [];
  const sinks = matchesOf(taint.sinks, ctx);
  if (sinks.length === 0) return [];
  const exactSourceOrSink = new Set([...sources, ...sinks].map((m) => rangeKey(m.match)));
  const sanitizers = matchesOf(taint.sanitizers, ctx).filter((m) => !(m.spec.notConflicting && exactSourceOrSink.has(rangeKey(m.match))));
  const propagators = new Map<string, PropagatorItem[]>();
  for (const { spec, match } of matchesOf(taint.propagators, ctx)) {
    const from = nodeOf(lookup(match.env, spec.from ?? ''));
    const to = nodeOf(lookup(match.env, spec.to ?? ''));
    if (from === undefined || to === undefined) continue;
    const key = rangeKey(match);
    const list = propagators.get(key) ?? [];
    list.push({ from, to });
    propagators.set(key, list);
  }
  const hits = runTaintFlow(
    st,
    kinds,
    {
      sources: new RangeIndex<SourceItem>(sources.filter((s) => s.spec.bySideEffect !== 'only').map(({ spec, match }) => range(match, spec.exact, { match }))),
      sideEffectSources: new RangeIndex<SourceItem>(sources.filter((s) => s.spec.bySideEffect).map(({ match }) => range(match, true, { match }))),
      sinks: new RangeIndex<SinkItem>(sinks.map(({ spec, match }, index) => range(match, spec.exact, { index, match }))),
      sanitizers: new RangeIndex<null>(sanitizers.map(({ spec, match }) => range(match, spec.exact, null))),
      sideEffectSanitizers: new RangeIndex<null>(sanitizers.filter((s) => s.spec.bySideEffect === true).map(({ match }) => range(match, true, null))),
      propagators,
    },
    cancel,
  );
  return hits.map((h) => ({ start: h.sink.start, end: h.sink.end, env: withSource(h.sink.env, h.source.env) }));
}

function range<T>(m: RangeMatch, exact: boolean, item: T): SpecRange<T> {
  return { start: m.start, end: m.end, exact, item };
}

function nodeOf(v: ReturnType<typeof lookup>): number | undefined {
  return v && (v.k === 'node' || v.k === 'str') ? v.node : undefined;
}

/** The sink's bindings plus the source's that the sink does not bind. */
function withSource(sink: Env, source: Env): Env {
  let env = sink;
  const seen = new Set<string>();
  for (let b = source; b; b = b.next) {
    if (seen.has(b.name)) continue;
    seen.add(b.name);
    if (!lookup(sink, b.name)) env = bind(env, b.name, b.value);
  }
  return env;
}
