/**
 * scanSecrets: one keyword pass over the text, then each rule whose keywords occur runs its RE2
 * regex near them (or on the whole text for `context: 'file'` rules), and every candidate goes
 * through the rule's validator, entropy threshold, placeholder check and allowlists. Where rules
 * report overlapping secrets, the specific rule beats a generic one, then the earlier rule wins.
 * Pure: no I/O, and the result never contains a secret.
 */
import type { Position, SourceRange } from '../engine/finding';
import { allows, skipsFile, type AllowCandidate } from './allowlist';
import type { CompiledSecretRule, SecretRuleset } from './compile';
import { shannonEntropy } from './entropy';
import { isPlaceholder } from './placeholders';
import { redact, type SecretFinding } from './secret-finding';
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

/** Merged [start, end) text windows where a rule runs: its keywords' lines, `context` lines either side. */
function windowsFor(rule: CompiledSecretRule, hitsByKeyword: readonly (readonly number[])[], keywordsOfRule: readonly number[], lines: LineIndex): Array<[number, number]> {
  if (rule.context === 'file') return [[0, lines.text.length]];
  const ctx = rule.context;
  const spans: Array<[number, number]> = [];
  for (const k of keywordsOfRule) {
    let lastLine = -1;
    for (const offset of hitsByKeyword[k]) {
      const line = lines.lineOf(offset);
      if (line === lastLine) continue;
      lastLine = line;
      spans.push([Math.max(0, line - ctx), Math.min(lines.starts.length - 1, line + ctx)]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  let cur: [number, number] | undefined;
  for (const s of spans) {
    if (cur && s[0] <= cur[1] + 1) cur[1] = Math.max(cur[1], s[1]);
    else {
      if (cur) out.push(cur);
      cur = [s[0], s[1]];
    }
  }
  if (cur) out.push(cur);
  return out.map(([a, b]) => [lines.starts[a], lines.lineEnd(b)]);
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

function candidatesFor(rule: CompiledSecretRule, windows: Array<[number, number]>, path: string, lines: LineIndex, globals: SecretRuleset['allowlists'], limit: number): Candidate[] {
  const out: Candidate[] = [];
  const regex = rule.regex!;
  for (const [from, to] of windows) {
    const slice = from === 0 && to === lines.text.length ? lines.text : lines.text.slice(from, to);
    for (const m of regex.matchAll(slice, limit * 4)) {
      if (out.length >= limit) return out;
      const secret = secretOf(rule, m.groups, m.groupStarts);
      if (!secret || secret.text.length === 0) continue;
      const text = secret.text;
      if (rule.rule.validate && !passesValidator(rule.rule.validate, text)) continue;
      const entropy = shannonEntropy(text);
      if (rule.rule.entropy && entropy <= rule.rule.entropy) continue;
      // gitleaks: a generic-* rule's secret must hold a digit.
      if (rule.rule.id.startsWith('generic') && !/[0-9]/.test(text)) continue;
      if (isPlaceholder(text)) continue;
      const start = from + m.start;
      const end = from + m.end;
      const candidate: AllowCandidate = { path, secret: text, match: m.groups[0] ?? '', line: lines.linesAround(start, end) };
      if (rule.allowlists.some((a) => allows(a, candidate))) continue;
      if (globals.some((a) => allows(a, candidate))) continue;
      const secretStart = from + secret.offset;
      out.push({ rule, start, end, secretStart, secretEnd: secretStart + text.length, entropy, redacted: redact(text) });
    }
  }
  return out;
}

/** Keeps, among overlapping secrets, the one from a specific rule over a generic one, then from the earlier rule. */
function dedupe(candidates: Candidate[]): Candidate[] {
  const rank = (c: Candidate) => (c.rule.generic ? 1_000_000 : 0) + c.rule.index;
  const byRank = [...candidates].sort((a, b) => rank(a) - rank(b) || a.secretStart - b.secretStart);
  const kept: Candidate[] = [];
  for (const c of byRank) {
    if (kept.some((k) => c.secretStart < k.secretEnd && k.secretStart < c.secretEnd)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.secretStart - b.secretStart || a.rule.index - b.rule.index);
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
    const windows = keywordsOfRule.has(index) ? windowsFor(rule, hits, keywordsOfRule.get(index)!, lines) : [[0, text.length] as [number, number]];
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
