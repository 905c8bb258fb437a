/**
 * Scans one document with a RuleSet: choose the rules whose paths and literal prefilter admit the
 * file (parse nothing when none does), parse once (or reuse the caller's incremental tree), run
 * every active pattern in one kind-indexed walk, evaluate each rule's formula (or, for a taint
 * rule, its sources/sinks/sanitizers and then the dataflow over them), and turn the ranges into
 * findings with messages, fixes and suppressions. A rule that fails on this file becomes a
 * Problem; the other rules' findings stand.
 */
import ignore, { Ignore } from 'ignore';
import { BoundValue, bindingsOf, valueText } from './bindings';
import { CancellationToken, ScanCancelled, throwIfCancelled } from './cancellation';
import { Finding, Problem, SourceRange, TextEdit } from './finding';
import { EvalContext, evaluate } from './formula-eval';
import { RangeMatch } from './pattern-index';
import { LiteralLookup, passes } from './prefilter';
import { CompiledRule } from './rule-compile';
import { LanguageRules, RuleSet } from './rule-set';
import { findSuppression } from './suppression';
import { SyntaxTree, lineStarts, positionAt } from './syntax-tree';
import { languageForPath } from './languages';
import type { TextDetector } from './text-detector';
import type { ParsedDocument } from './parsed-document';
import { walkIncremental } from './incremental-walk';
import { evaluateTaint } from './taint-eval';
import { isDockerfilePath } from './dockerfile-language';
import { DockerfileView, dockerfileView, evaluateDockerfileRule } from './dockerfile-match';

export interface FileScanResult {
  readonly findings: Finding[];
  readonly problems: Problem[];
  /** Whether the file was parsed (false when the prefilter ruled every rule out). */
  readonly parsed: boolean;
  /** ERROR nodes in the parse (the file is still scanned). */
  readonly syntaxErrors: number;
}

export interface ScanFileOptions {
  /** Path relative to the scan root, forward slashes: for rule `paths:` and messages. */
  readonly path: string;
  readonly cancel?: CancellationToken;
  /** An already parsed tree of `text`. */
  readonly tree?: SyntaxTree;
  /** The language server's document: its tree is used and its last walk reused after an edit. */
  readonly document?: ParsedDocument;
  /** Text detectors (secrets) to run besides the rules. */
  readonly detectors?: readonly TextDetector[];
}

const pathFilters = new WeakMap<CompiledRule, { include: Ignore | undefined; exclude: Ignore | undefined }>();

/** Does the rule's `paths:` admit this relative path? */
export function pathAllowed(rule: CompiledRule, path: string): boolean {
  let f = pathFilters.get(rule);
  if (!f) {
    const { include, exclude } = rule.dto.paths;
    f = {
      include: include.length ? ignore().add(include as string[]) : undefined,
      exclude: exclude.length ? ignore().add(exclude as string[]) : undefined,
    };
    pathFilters.set(rule, f);
  }
  const rel = path.replace(/^\.?\/+/, '');
  if (!rel || rel.startsWith('..')) return !f.include;
  if (f.include && !f.include.ignores(rel)) return false;
  if (f.exclude && f.exclude.ignores(rel)) return false;
  return true;
}

/** Scans `text` as the file at `options.path`, with the language chosen by its extension. */
export function scanFile(rules: RuleSet, text: string, options: ScanFileOptions): FileScanResult {
  const spec = languageForPath(options.path);
  const langRules = spec ? rules.forLanguage(spec.id) : undefined;
  return scanWith(langRules, rules.textOnly, text, { detectors: rules.detectors, ...options });
}

export function scanWith(
  langRules: LanguageRules | undefined,
  textRules: readonly CompiledRule[],
  text: string,
  options: ScanFileOptions,
): FileScanResult {
  const findings: Finding[] = [];
  const problems: Problem[] = [];
  let starts: number[] | undefined;
  let lines: string[] | undefined;
  const emit = (rule: CompiledRule, matches: RangeMatch[], st: SyntaxTree | undefined) => {
    if (matches.length === 0) return;
    starts ??= st ? st.lineStartOffsets() : lineStarts(text);
    lines ??= splitLines(text, starts);
    findings.push(...toFindings(rule, matches, st, text, starts, lines));
  };
  let dockerView: DockerfileView | undefined;
  const runRule = (rule: CompiledRule, ctx: EvalContext) => {
    throwIfCancelled(options.cancel);
    try {
      const matches = rule.dockerfile && rule.formula ? evaluateDockerfileRule(rule.formula, rule.dockerfile.patterns, (dockerView ??= dockerfileView(text))) : rule.taint ? (ctx.st ? evaluateTaint(rule.taint, ctx, ctx.st, options.cancel) : []) : rule.formula ? evaluate(rule.formula, ctx) : [];
      emit(rule, matches, ctx.st);
    } catch (e) {
      if (e instanceof ScanCancelled) throw e;
      problems.push(ruleFailure(rule, options.path, e));
    }
  };

  for (const detector of options.detectors ?? []) {
    try {
      const found = detector.detect(text, options.path);
      if (found.length === 0) continue;
      starts ??= options.tree ? options.tree.lineStartOffsets() : lineStarts(text);
      lines ??= splitLines(text, starts);
      for (const f of found) {
        const suppressed = findSuppression(lines, f.range.startPos.line, f.ruleId);
        findings.push(suppressed ? { ...f, suppressed } : f);
      }
    } catch (e) {
      problems.push({ severity: 'warning', message: `${detector.name} failed on ${options.path}: ${e instanceof Error ? e.name : 'error'}`, file: options.path });
    }
  }

  const literals = options.document && options.document.text === text ? options.document.literals : new LiteralLookup(text);
  const activeText = textRules.filter((r) => pathAllowed(r, options.path) && passes(r.prefilter, literals) && (!r.dockerfile || isDockerfilePath(options.path)));
  for (const rule of activeText) runRule(rule, { st: undefined, text, base: 0, slotMatches: () => [] });

  const active: number[] = [];
  if (langRules) {
    langRules.rules.forEach((rule, i) => {
      if (pathAllowed(rule, options.path) && passes(rule.prefilter, literals)) active.push(i);
    });
  }
  if (!langRules || active.length === 0) return { findings, problems, parsed: false, syntaxErrors: 0 };

  const doc = options.document?.lang === langRules.lang ? options.document : undefined;
  const st = doc?.syntaxTree ?? options.tree ?? parseText(langRules, text);
  const mask = new Uint8Array(langRules.index.patterns.length);
  // A pattern whose own literals are absent cannot match (positive or negative): skip it in the walk.
  const patterns = langRules.index.patterns;
  for (const i of active) for (const slot of langRules.ruleSlots[i]) mask[slot] = patterns[slot].literals.every((lit) => literals.has(lit)) ? 1 : 0;
  const reusable = doc?.reusableWalk;
  const walk = walkIncremental(langRules.index, st, mask, reusable?.previous, reusable?.edit, options.cancel) ?? langRules.index.walk(st, mask, options.cancel);
  doc?.rememberWalk({ tree: st, mask, result: walk, index: langRules.index });
  const ctx: EvalContext = { st, text, base: 0, slotMatches: (slot) => walk.matches[slot] };
  for (const i of active) {
    const rule = langRules.rules[i];
    runRule(rule, ctx);
    if (langRules.ruleSlots[i].some((slot) => walk.overBudget.has(slot))) {
      problems.push({
        severity: 'warning',
        message: `rule ${rule.dto.id} is too expensive on ${options.path}: some matches were skipped (a pattern with many ellipses over a large construct)`,
        file: options.path,
        ruleId: rule.dto.id,
      });
    }
  }
  return { findings, problems, parsed: true, syntaxErrors: st.errorCount };
}

/** Parses `text` with the rules' language into a flat SyntaxTree. */
export function parseText(langRules: LanguageRules, text: string): SyntaxTree {
  const tree = langRules.lang.parser.parse(text);
  if (!tree) throw new Error('the parser returned no tree');
  try {
    return SyntaxTree.fromTree(tree, text, langRules.lang);
  } finally {
    tree.delete();
  }
}

function ruleFailure(rule: CompiledRule, path: string, e: unknown): Problem {
  const reason = e instanceof Error ? e.message : String(e);
  return { severity: 'warning', message: `rule ${rule.dto.id} failed on ${path}: ${reason}`, file: path, ruleId: rule.dto.id };
}

function splitLines(text: string, starts: number[]): string[] {
  return starts.map((s, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] - 1 : text.length;
    return text.slice(s, end).replace(/\r$/, '');
  });
}

function rangeOf(start: number, end: number, starts: number[]): SourceRange {
  return { start, end, startPos: positionAt(starts, start), endPos: positionAt(starts, end) };
}

function toFindings(rule: CompiledRule, matches: RangeMatch[], st: SyntaxTree | undefined, text: string, starts: number[], lines: string[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  const sorted = [...matches].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const m of sorted) {
    const key = `${m.start}:${m.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const range = rangeOf(m.start, m.end, starts);
    const values = bindingsOf(m.env);
    const textOf = (v: BoundValue) => (st ? valueText(st, v) : v.k === 'text' || v.k === 'str' ? v.text : '');
    const fix = fixFor(rule, m, text, values, textOf);
    const suppressed = findSuppression(lines, range.startPos.line, rule.dto.id);
    out.push({
      ruleId: rule.dto.id,
      message: interpolate(rule.dto.message, values, textOf).trim(),
      level: rule.info.level,
      severity: rule.dto.severity,
      range,
      ...(fix ? { fix } : {}),
      ...(suppressed ? { suppressed } : {}),
    });
  }
  return out;
}

/** Replaces `$X` (bound metavariables only) in a message or fix template. */
export function interpolate(template: string, values: Map<string, BoundValue>, textOf: (v: BoundValue) => string): string {
  return template.replace(/\$(?:\.\.\.)?([A-Z_][A-Z0-9_]*|\d+)/g, (whole, name: string) => {
    const v = values.get('$' + name);
    return v ? textOf(v) : whole;
  });
}

function fixFor(rule: CompiledRule, m: RangeMatch, text: string, values: Map<string, BoundValue>, textOf: (v: BoundValue) => string): TextEdit | undefined {
  const { template, regex } = rule.fix;
  if (template !== undefined) return { start: m.start, end: m.end, text: interpolate(template, values, textOf) };
  if (!regex) return undefined;
  const original = text.slice(m.start, m.end);
  const found = regex.re.matchAll(original, regex.count ?? 10000);
  if (found.length === 0) return undefined;
  let out = '';
  let last = 0;
  for (const f of found) {
    out += original.slice(last, f.start);
    out += regex.replacement.replace(/\\(\d+)|\$(\d+)/g, (_, a: string, b: string) => f.groups[Number(a ?? b)] ?? '');
    last = f.end;
  }
  out += original.slice(last);
  return { start: m.start, end: m.end, text: out };
}

