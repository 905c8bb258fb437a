/**
 * The built-in detectors' regexes on V8's engine (native-regex.ts): the translation handles the
 * RE2 subset they use and refuses what it cannot run the same way or safely; on every fixture
 * (and variants that exercise case folding, Unicode spaces and code points) the translated regex
 * finds exactly what re2js finds, groups and offsets included; and no translated regex
 * backtracks catastrophically on hostile input (long runs of its own characters, dense repeats of
 * its samples), which is what lets the built-ins leave re2js's linear-time engine.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUILTIN_SECRET_ALLOWLISTS, BUILTIN_SECRET_RULES } from '../../server/src/secrets/builtin/index';
import { nativeMatcher, translateRe2 } from '../../server/src/secrets/native-regex';
import { compileRe2, re2Matcher, type SecretMatcher } from '../../server/src/secrets/secret-matcher';
import { expandSample } from '../../server/src/secrets/sample-tokens';

const ruleRegexes = BUILTIN_SECRET_RULES.filter((r) => r.regex !== undefined).map((r) => ({ id: r.id, source: r.regex! }));
const allowRegexes = [...new Set([...BUILTIN_SECRET_ALLOWLISTS, ...BUILTIN_SECRET_RULES.flatMap((r) => r.allowlists)].flatMap((a) => [...(a.regexes ?? []), ...(a.paths ?? [])]))];

/** Expanded samples of a rule (positives with three seeds, negatives with one). */
function samplesOf(rule: (typeof BUILTIN_SECRET_RULES)[number]): string[] {
  return [...rule.samples.positive.flatMap((t) => [0, 1, 2].map((s) => expandSample(t, `native:${rule.id}:${s}`))), ...rule.samples.negative.map((t) => expandSample(t, `native:${rule.id}`))];
}

/** Variants that differ where RE2 and JavaScript regexes could: case, `ſ`/Kelvin sign, Unicode spaces, astral code points, CR, end of text. */
function variants(s: string): string[] {
  return [
    s,
    s.toUpperCase(),
    s.toLowerCase(),
    s.replace(/s/g, '\u017f').replace(/k/g, '\u212a'),
    s.replace(/ /g, '\u00a0'),
    s.replace(/ /g, '\v'),
    s.replace(/\n/g, '\r\n'),
    `\u{1F511}${s}\u{1F511}`,
    `é${s.replace(/[=:]/, '\u00e9=')}`,
    `${s}\n`,
    s.slice(0, -1),
    s.slice(1),
    `${s} ${s}`,
  ];
}

function same(native: SecretMatcher, re2: SecretMatcher, text: string, what: string): void {
  const fromNative = native.matchAll(text, 50);
  if (fromNative.length === 0) {
    assert.equal(re2.test(text), false, `${what}: re2js matches where the native regex does not`);
    return;
  }
  assert.deepEqual(fromNative, re2.matchAll(text, 50), `${what}: native and re2js matches differ`);
}

test('native regexes: every built-in detector regex translates; unsafe or unsupported shapes do not', () => {
  const untranslated = ruleRegexes.filter((r) => translateRe2(r.source) === undefined).map((r) => r.id);
  assert.deepEqual(untranslated, []);
  // Shapes a backtracking engine runs in exponential time, or with other captures than RE2, stay on re2js.
  for (const risky of ['(?:a+)+b', '(?:a|a)*b', '(?:a|ab)+c', '(?:[ab]+c?)*$', '(\\w)+x', '^/?(?:[a-z]+(?:[._-]?[a-z0-9]+)*/)+$', '(?:x*)*y']) {
    assert.equal(translateRe2(risky), undefined, risky);
  }
  // Syntax outside the handled subset stays on re2js.
  for (const other of ['\\pL+', '\\p{Greek}', '\\Qa.b\\E', '(?U)a+', '\\C', 'a{,3}', '(?i)é', '(?i)[^a-z]\\W']) {
    assert.equal(translateRe2(other), undefined, other);
  }
  // Handled: flags in scope, POSIX classes, RE2's `\s`, multi-line anchors, named groups, safe repeats.
  for (const ok of ['(?i:abc)d', '(?i)x(?-i:y)', '[[:alnum:]_]+', '\\s\\S\\d\\D\\w\\W', '(?m:^)a(?m:$)', '(?P<v>[a-z]{4})', '(?:\\\\[rn]|\\s)+', '(?:_[A-Z0-9]+)+$']) {
    assert.ok(translateRe2(ok), ok);
  }
});

test('native regexes: same semantics as RE2 on the translated built-in shapes', () => {
  const cases: Array<[string, string]> = [
    ['(?i:key)=(\\w+)', 'KEY=abc \u212aey=x \u017f'],
    ['(?i)s+', 'sS\u017f'],
    ['\\s+', ' \t\u00a0\v\r\n'],
    ['a.b', 'a\nb a\rb a\u{1F511}b'],
    ['[^x]{2}', '\u{1F511}\u{1F511}'],
    ['(?m:^)k=(\\d+)(?m:$)', 'x\nk=1\nk=22\r\nk=3'],
    ['^a|b$', 'a\nb\n'],
    ['\\bk\\b', 'k ké k_ \u212a'],
    ['(a)|(b)', 'ba'],
    ['x(?:(y)|z)?', 'xz xy x'],
    ['t(?:[\\w.\\-]+=[^,]*,){0,3}v=(\\w+)', 't a=1,b=2,v=zz'],
    ['[\\x60"]([a-f]{4})\\z', '`abcd'],
  ];
  for (const [source, text] of cases) {
    const native = nativeMatcher(source);
    assert.ok(native, source);
    same(native, re2Matcher(compileRe2(source)), text, `${source} on ${JSON.stringify(text)}`);
  }
});

test('native regexes: every built-in detector finds on its fixtures exactly what re2js finds', () => {
  const all = BUILTIN_SECRET_RULES.flatMap(samplesOf);
  let compared = 0;
  BUILTIN_SECRET_RULES.forEach((rule, i) => {
    const native = nativeMatcher(rule.regex!)!;
    const re2 = re2Matcher(compileRe2(rule.regex!));
    // Its own fixtures and their variants, and a spread of the other detectors' fixtures.
    const inputs = [...samplesOf(rule).flatMap(variants), ...all.filter((_, k) => k % 37 === i % 37)];
    for (const text of inputs) {
      same(native, re2, text, rule.id);
      compared++;
    }
  });
  assert.ok(compared > 10_000, `only ${compared} comparisons`);
});

test('native regexes: the built-in allowlist regexes answer as re2js does', () => {
  const secrets: string[] = [];
  for (const rule of BUILTIN_SECRET_RULES) {
    const re2 = re2Matcher(compileRe2(rule.regex!));
    for (const s of samplesOf(rule)) for (const m of re2.matchAll(s, 5)) secrets.push(...m.groups.filter((g): g is string => g !== undefined));
  }
  const words = ['fooBarBaz', 'foo_bar-baz', 'FOO_BAR_2', 'a.b.c', 'this.config.key', '//comment', 'src/lib/client.ts', '/home/user/.ssh', '~/x', 'C:\\Users', 'node_modules/x', 'yarn.lock', 'a.PNG'];
  const inputs = [...secrets, ...words, ...words.map((w) => w.toUpperCase())];
  let translated = 0;
  for (const source of allowRegexes) {
    const native = nativeMatcher(source);
    if (!native) continue;
    translated++;
    const re2 = re2Matcher(compileRe2(source));
    for (const text of inputs) assert.equal(native.test(text), re2.test(text), `${source} on an input of ${text.length} characters`);
  }
  assert.ok(translated >= allowRegexes.length - 3, `only ${translated} of ${allowRegexes.length} allowlist regexes translate`);
});

/** Time of `f` in milliseconds. */
function timed(f: () => void): number {
  const start = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** 100 KB runs of characters the built-in regexes repeat. */
const RUNS = ['a', 'Z', '0', '-', '_', '.', '/', '+', '=', ' ', '"', '\\'].map((c) => c.repeat(100_000));

/**
 * Hostile inputs for one regex, from its fixtures: 100 KB runs of a letter, a digit and each
 * punctuation character its first sample holds, after that sample's first third (so the regex
 * gets deep into its repeats, then fails at the end); and 16 KB (twice the largest piece the scan gives
 * V8's engine) of its samples repeated back to back, whole and cut short. Exponential
 * backtracking takes seconds on one of them; the work these regexes do takes milliseconds.
 */
function hostileInputs(samples: readonly string[]): string[] {
  const out: string[] = [];
  const first = samples[0];
  const prefix = first.slice(0, Math.max(1, Math.floor(first.length / 3)));
  for (const c of new Set(['a', '0', ...first.replace(/[A-Za-z0-9]/g, '')])) out.push(`${prefix}${c.repeat(100_000)}!`);
  const fill = (s: string) => s.repeat(Math.ceil(16_384 / s.length)).slice(0, 16_384);
  for (const s of samples.slice(0, 2)) out.push(fill(s), fill(s.slice(0, -1)), fill(prefix));
  return out;
}

test('native regexes: no built-in regex backtracks catastrophically on hostile input', (t) => {
  let worst = { ms: 0, id: '', input: 0 };
  let total = 0;
  const check = (id: string, run: (text: string) => unknown, inputs: readonly string[]) =>
    inputs.forEach((text, k) => {
      const ms = timed(() => run(text));
      total += ms;
      if (ms > worst.ms) worst = { ms, id, input: k };
    });
  for (const rule of BUILTIN_SECRET_RULES) {
    const native = nativeMatcher(rule.regex!)!;
    check(rule.id, (text) => native.matchAll(text, 100), [...RUNS, ...hostileInputs(samplesOf(rule))]);
  }
  for (const source of allowRegexes) {
    const native = nativeMatcher(source);
    if (native) check(source, (text) => native.test(text), [...RUNS.map((r) => `${r}!`), `${'aB1'.repeat(30_000)}!`, `${'a_'.repeat(50_000)}!`, `${'a.'.repeat(50_000)}!`, `${'a/'.repeat(50_000)}!`]);
  }
  t.diagnostic(`hostile inputs: ${total.toFixed(0)} ms in all; slowest ${worst.ms.toFixed(1)} ms (${worst.id}, input ${worst.input})`);
  // Generous for a loaded machine: catastrophic backtracking on 100 KB takes seconds to forever.
  assert.ok(worst.ms < 1500, `${worst.id} took ${worst.ms.toFixed(0)} ms on hostile input ${worst.input}`);
});
