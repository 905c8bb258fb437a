/**
 * scanSecrets: one keyword pass over the text, then each rule whose keywords occur runs its RE2
 * regex near them (or on the whole text for `context: 'file'` rules), and every candidate goes
 * through the rule's validator, entropy threshold, placeholder check and allowlists. Where rules
 * report overlapping secrets, the specific rule beats a generic one, then the earlier rule wins.
 * Built-in detectors run on V8's engine on pieces of bounded size (native-regex.ts), others on
 * re2js. Pure: no I/O, and the result never contains a secret.
 */
import type { Position, SourceRange } from '../engine/finding';
import { allows, skipsFile, type AllowCandidate } from './allowlist';
import type { CompiledSecretRule, SecretRuleset } from './compile';
import { shannonEntropy } from './entropy';
import { isPlaceholder } from './placeholders';
import { redact, type SecretFinding } from './secret-finding';
import type { SecretMatcher } from './secret-matcher';
import { passesValidator } from './validators';

export interface ScanSecretsOptions {
  /** At most this many findings per rule (default 200). */
  readonly maxFindingsPerRule?: number;
}

interface Candidate {
  readonly rule: CompiledSecretRule;
  readonly start: number;
  readonly end: number;
  readonly secretStart: number;
  readonly secretEnd: number;
  readonly entropy: number;
  readonly redacted: string;
}

class LineIndex {
  readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  /** Offset just past line `line` (its newline included), or the text's end. */
  lineEnd(line: number): number {
    return line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
  }
  position(offset: number): Position {
    const line = this.lineOf(offset);
    return { line, column: offset - this.starts[line] };
  }
  range(start: number, end: number): SourceRange {
    return { start, end, startPos: this.position(start), endPos: this.position(end) };
  }
  /** The full lines spanned by [start, end), without the final newline. */
  linesAround(start: number, end: number): string {
    const first = this.lineOf(start);
    const last = this.lineOf(Math.max(start, end - 1));
    return this.text.slice(this.starts[first], this.lineEnd(last)).replace(/\r?\n$/, '');
  }
}

/** A keyword's line longer than this (minified code, one-line JSON) is narrowed to the characters around it, for rules that see only that line. */
const LONG_WINDOW = 2048;
const BEFORE_KEYWORD = 128;
const AFTER_KEYWORD = 768;
/**
 * Windows are merged up to this size only: re2js extracts each match in time proportional to the
 * text it is given, so many matches in one huge window would cost quadratic time.
 */
const MAX_MERGED = 1024;
/**
 * At most this many regex matches are examined per rule and file (beyond the findings limit):
 * each costs time in proportion to its window, and only hostile or generated text has that many.
 */
const MATCH_BUDGET = 2000;

/**
 * A built-in regex runs on V8's engine on pieces up to this size (a keyword's line, a few lines,
 * a small file for whole-text rules); larger pieces (long multi-line windows, whole-text chunks)
 * go to re2js, linear on any input. Backtracking grows faster than linearly on some hostile
 * pieces (a provider's key name repeated on one line): the bound keeps that to milliseconds per
 * piece, and secrets-native-regex.test.ts checks every built-in on twice this size.
 */
const NATIVE_MAX_PIECE = 8192;

/** Whole-text rules see the text in chunks of this size (at line ends)… */
const CHUNK = 65536;
/** …overlapping by this much, so that a match shorter than the overlap is always whole in one chunk. */
const CHUNK_OVERLAP = 16384;

/**
 * The whole text as overlapping chunks ending at line ends (gitleaks too reads files in
 * fragments): per-match cost in re2js grows with the text it is given.
 */
function wholeText(lines: LineIndex): Array<[number, number]> {
  const n = lines.text.length;
  if (n <= CHUNK + CHUNK_OVERLAP) return [[0, n]];
  const out: Array<[number, number]> = [];
  for (let start = 0; ; ) {
    let end = Math.min(n, start + CHUNK);
    if (end < n) end = lines.lineEnd(lines.lineOf(end));
    out.push([start, end]);
    if (end >= n) return out;
    const next = lines.starts[lines.lineOf(Math.max(start + 1, end - CHUNK_OVERLAP))];
    start = next > start ? next : end;
  }
}

/**
 * [start, end) text windows where a rule runs: each keyword occurrence's line and `context` lines
 * either side (for `context: 0` on a very long line, only BEFORE_KEYWORD / AFTER_KEYWORD
 * characters around the keyword), merged while the union stays under MAX_MERGED. Windows may
 * overlap; every keyword's own window lies inside one of them.
 */
function windowsFor(rule: CompiledSecretRule, hitsByKeyword: readonly (readonly number[])[], keywordsOfRule: readonly number[], lines: LineIndex): Array<[number, number]> {
  if (rule.context === 'file') return wholeText(lines);
  const ctx = rule.context;
  const last = lines.starts.length - 1;
  const spans: Array<[number, number]> = [];
  for (const k of keywordsOfRule) {
    let lastLine = -1;
    for (const offset of hitsByKeyword[k]) {
      const line = lines.lineOf(offset);
      const start = lines.starts[Math.max(0, line - ctx)];
      const end = lines.lineEnd(Math.min(last, line + ctx));
      if (ctx === 0 && end - start > LONG_WINDOW) {
        const span: [number, number] = [Math.max(start, offset - BEFORE_KEYWORD), Math.min(end, offset + AFTER_KEYWORD)];
        // Occurrences come in order: grow the previous span while it stays small.
        const prev = spans[spans.length - 1];
        if (prev && span[0] <= prev[1] && span[0] >= prev[0] && span[1] - prev[0] <= MAX_MERGED) prev[1] = Math.max(prev[1], span[1]);
        else spans.push(span);
        continue;
      }
      if (line === lastLine) continue;
      lastLine = line;
      spans.push([start, end]);
    }
  }
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  let cur: [number, number] | undefined;
  for (const s of spans) {
    if (cur && s[1] <= cur[1]) continue;
    if (cur && s[0] <= cur[1] && s[1] - cur[0] <= MAX_MERGED) cur[1] = s[1];
    else {
      if (cur) out.push(cur);
      cur = [s[0], s[1]];
    }
  }
  if (cur) out.push(cur);
  return out;
}

function secretOf(rule: CompiledSecretRule, groups: ReadonlyArray<string | undefined>, starts: ReadonlyArray<number>): { text: string; offset: number } | undefined {
  const g = rule.rule.secretGroup;
  if (g !== undefined && g > 0) {
    const s = groups[g];
    return s ? { text: s, offset: starts[g] } : undefined;
  }
  if (g === undefined) {
    for (let i = 1; i < groups.length; i++) {
      const s = groups[i];
      if (s) return { text: s, offset: starts[i] };
    }
  }
  return { text: groups[0] ?? '', offset: starts[0] };
}

/**
 * Runs `rule` on each piece of each window and keeps the candidates that pass its checks. The
 * pieces: the window, or for a rule that sees only its keyword's line (`context: 0`), each line of
 * a merged window. On re2js, a DFA pass (no capture groups) first rules out pieces without a
 * match, then the rest are searched piece by piece: re2js extracts matches in time proportional
 * to the text it is given, so smaller pieces are faster. On V8's engine the search is direct.
 */
function candidatesFor(rule: CompiledSecretRule, windows: Array<[number, number]>, path: string, lines: LineIndex, globals: SecretRuleset['allowlists'], limit: number): Candidate[] {
  const out: Candidate[] = [];
  const re2 = rule.regex!;
  const native = rule.native?.matcher;
  const text = lines.text;
  const seen = new Set<string>();
  let examined = 0;
  /** Examines the matches of `piece` (at `from` in the text); false once a limit is reached. */
  const examine = (from: number, piece: string, regex: SecretMatcher): boolean => {
    for (const m of regex.matchAll(piece, Math.min(limit * 4, MATCH_BUDGET - examined))) {
      if (out.length >= limit || ++examined > MATCH_BUDGET) return false;
      // Overlapping windows find a match twice.
      const key = `${from + m.start}:${from + m.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const secret = secretOf(rule, m.groups, m.groupStarts);
      if (!secret || secret.text.length === 0) continue;
      const value = secret.text;
      if (rule.rule.validate && !passesValidator(rule.rule.validate, value)) continue;
      const entropy = shannonEntropy(value);
      if (rule.rule.entropy && entropy <= rule.rule.entropy) continue;
      // gitleaks: a generic-* rule's secret must hold a digit.
      if (rule.rule.id.startsWith('generic') && !/[0-9]/.test(value)) continue;
      if (isPlaceholder(value)) continue;
      const start = from + m.start;
      const end = from + m.end;
      const candidate: AllowCandidate = {
        path,
        secret: value,
        match: m.groups[0] ?? '',
        get line() {
          return lines.linesAround(start, end);
        },
      };
      if (rule.allowlists.some((a) => allows(a, candidate))) continue;
      if (globals.some((a) => allows(a, candidate))) continue;
      const secretStart = from + secret.offset;
      out.push({ rule, start, end, secretStart, secretEnd: secretStart + value.length, entropy, redacted: redact(value) });
    }
    return true;
  };
  for (const [windowFrom, windowTo] of windows) {
    if (examined >= MATCH_BUDGET) break;
    const slice = windowFrom === 0 && windowTo === text.length ? text : text.slice(windowFrom, windowTo);
    const firstBreak = slice.indexOf('\n');
    const byLine = rule.context === 0 && firstBreak >= 0 && firstBreak < slice.length - 1;
    if (native && (byLine || slice.length <= NATIVE_MAX_PIECE)) {
      if (!byLine) {
        if (!examine(windowFrom, slice, native)) return out;
        continue;
      }
      for (let start = 0; start < slice.length; ) {
        const nl = slice.indexOf('\n', start);
        const end = nl < 0 ? slice.length : nl + 1;
        const line = slice.slice(start, end);
        // A `context: 0` window holds lines of at most LONG_WINDOW characters, or a shorter span.
        if (!examine(windowFrom + start, line, line.length <= NATIVE_MAX_PIECE ? native : re2)) return out;
        start = end;
      }
      continue;
    }
    if (!re2.test(slice)) continue;
    if (!byLine) {
      if (!examine(windowFrom, slice, re2)) return out;
      continue;
    }
    for (let start = 0; start < slice.length; ) {
      const nl = slice.indexOf('\n', start);
      const end = nl < 0 ? slice.length : nl + 1;
      const line = slice.slice(start, end);
      if (re2.test(line) && !examine(windowFrom + start, line, re2)) return out;
      start = end;
    }
  }
  return out;
}

/** Keeps, among overlapping secrets, the one from a specific rule over a generic one, then from the earlier rule. */
function dedupe(candidates: Candidate[]): Candidate[] {
  const rank = (c: Candidate) => (c.rule.generic ? 1_000_000 : 0) + c.rule.index;
  const overlaps = (a: Candidate, b: Candidate) => a.secretStart < b.secretEnd && b.secretStart < a.secretEnd;
  const byStart = [...candidates].sort((a, b) => a.secretStart - b.secretStart || a.secretEnd - b.secretEnd);
  const kept: Candidate[] = [];
  // Clusters of candidates that overlap one another (directly or through others) are resolved alone.
  for (let i = 0; i < byStart.length; ) {
    let j = i + 1;
    let clusterEnd = byStart[i].secretEnd;
    while (j < byStart.length && byStart[j].secretStart < clusterEnd) clusterEnd = Math.max(clusterEnd, byStart[j++].secretEnd);
    const chosen: Candidate[] = [];
    for (const c of byStart.slice(i, j).sort((a, b) => rank(a) - rank(b) || a.secretStart - b.secretStart)) {
      if (!chosen.some((k) => overlaps(c, k))) chosen.push(c);
    }
    kept.push(...chosen.sort((a, b) => a.secretStart - b.secretStart || a.rule.index - b.rule.index));
    i = j;
  }
  return kept;
}

/** Scans one document. `path` is the file's path (workspace-relative, either slash), for path filters and allowlists. */
export function scanSecrets(text: string, path: string, ruleset: SecretRuleset, options: ScanSecretsOptions = {}): SecretFinding[] {
  const normPath = path.replace(/\\/g, '/');
  if (ruleset.allowlists.some((a) => skipsFile(a, normPath))) return [];
  const limit = options.maxFindingsPerRule ?? 200;
  const hits = ruleset.automaton.scan(text);
  const keywordsOfRule = new Map<number, number[]>();
  hits.forEach((offsets, k) => {
    if (offsets.length === 0) return;
    for (const r of ruleset.rulesByKeyword[k]) keywordsOfRule.set(r, [...(keywordsOfRule.get(r) ?? []), k]);
  });
  const active = [...ruleset.alwaysRun, ...keywordsOfRule.keys()].sort((a, b) => a - b);
  const lines = new LineIndex(text);
  const candidates: Candidate[] = [];
  for (const index of active) {
    const rule = ruleset.rules[index];
    if (rule.path && !rule.path.test(normPath)) continue;
    if (!rule.regex) {
      // A path-only rule (gitleaks): the file itself is the finding, unless allowlisted.
      const candidate: AllowCandidate = { path: normPath, secret: '', match: '', line: '' };
      if (rule.path && !rule.allowlists.some((a) => allows(a, candidate)) && !ruleset.allowlists.some((a) => allows(a, candidate))) {
        candidates.push({ rule, start: 0, end: 0, secretStart: 0, secretEnd: 0, entropy: 0, redacted: '(file)' });
      }
      continue;
    }
    const windows = keywordsOfRule.has(index) ? windowsFor(rule, hits, keywordsOfRule.get(index)!, lines) : wholeText(lines);
    candidates.push(...candidatesFor(rule, windows, normPath, lines, ruleset.allowlists, limit));
  }
  return dedupe(candidates).map((c) => ({
    ruleId: c.rule.rule.id,
    description: c.rule.rule.description,
    level: c.rule.rule.severity,
    tags: c.rule.rule.tags,
    range: lines.range(c.start, c.end),
    secretRange: lines.range(c.secretStart, c.secretEnd),
    redacted: c.redacted,
    entropy: Math.round(c.entropy * 100) / 100,
  }));
}
