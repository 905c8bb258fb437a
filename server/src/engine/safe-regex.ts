/**
 * Regular expressions from rules (pattern-regex, metavariable-regex, fix-regex, secrets) run on
 * RE2 semantics through re2js: linear time on any input, so a hostile regex or file cannot hang
 * the server, and RE2/PCRE syntax such as inline `(?i)` and `(?P<name>…)` works as in Semgrep and
 * gitleaks. A regex RE2 rejects (lookaround, backreferences) falls back to JavaScript's engine and
 * says so in `engine`, so callers can warn; one neither engine takes gets a message naming the
 * construct RE2 lacks and the Semgrep way around it.
 */
import { RE2JS } from 're2js';

export interface RegexMatch {
  readonly start: number;
  readonly end: number;
  /** Capture groups by number (1-based) and by name; undefined when a group did not take part. */
  readonly groups: ReadonlyArray<string | undefined>;
  readonly named: Readonly<Record<string, string | undefined>>;
  readonly groupStarts: ReadonlyArray<number>;
}

export interface SafeRegex {
  readonly source: string;
  readonly engine: 're2' | 'js';
  /** Does the regex match anywhere in `text`? */
  test(text: string): boolean;
  /** Does it match at the very start of `text` (Python's re.match)? */
  testAtStart(text: string): boolean;
  /** Every non-overlapping match, in order; at most `limit`. */
  matchAll(text: string, limit?: number): RegexMatch[];
}

export type RegexResult = { ok: true; regex: SafeRegex } | { ok: false; message: string };

export interface RegexOptions {
  readonly multiline?: boolean;
  readonly caseInsensitive?: boolean;
  readonly dotAll?: boolean;
}

/** Rewrites syntax RE2 lacks but can express: `\z` (end of text) and `\Z`. */
function toRe2Syntax(source: string): string {
  return source.replace(/(^|[^\\])((?:\\\\)*)\\[zZ]/g, '$1$2\\z');
}

export function compileRegex(source: string, options: RegexOptions = {}): RegexResult {
  let flags = 0;
  if (options.multiline) flags |= RE2JS.MULTILINE;
  if (options.caseInsensitive) flags |= RE2JS.CASE_INSENSITIVE;
  if (options.dotAll) flags |= RE2JS.DOTALL;
  try {
    return { ok: true, regex: re2Regex(source, RE2JS.compile(toRe2Syntax(source), flags)) };
  } catch (re2Error) {
    try {
      let jsFlags = 'gu';
      if (options.multiline) jsFlags += 'm';
      if (options.caseInsensitive) jsFlags += 'i';
      if (options.dotAll) jsFlags += 's';
      const js = new RegExp(source.replace(/\(\?P</g, '(?<'), jsFlags);
      return { ok: true, regex: jsRegex(source, js) };
    } catch (jsError) {
      return { ok: false, message: rejectionMessage(source, re2Error as Error, jsError as Error) };
    }
  }
}

const LOOKAROUND: Record<string, string> = {
  '(?=': 'lookahead `(?=…)`',
  '(?!': 'lookahead `(?!…)`',
  '(?<=': 'lookbehind `(?<=…)`',
  '(?<!': 'lookbehind `(?<!…)`',
};

/**
 * Why a regex neither engine takes. Lookaround and backreferences are named (RE2 has neither; the
 * JavaScript fallback that runs them failed too, typically on an inline flag such as `(?i)`),
 * with the Semgrep way around them; anything else is RE2's own message.
 */
function rejectionMessage(source: string, re2Error: Error, jsError: Error): string {
  const inlineFlag = /\(\?[imsU]+\)/.exec(source)?.[0];
  const jsReason = inlineFlag ? `the inline flag \`${inlineFlag}\` is not JavaScript syntax` : jsError.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
  const fallback = `the JavaScript fallback for it rejects this regex too: ${jsReason}`;
  const look = /(?:^|[^\\])(?:\\\\)*(\(\?<?[=!])/.exec(source)?.[1];
  if (look) {
    const instead = look.endsWith('!') ? 'use pattern-not-regex for the text to exclude' : 'use another pattern-regex under `patterns` for the required text';
    return `invalid regex: ${LOOKAROUND[look]} is not supported by RE2; ${instead} (${fallback})`;
  }
  if (/(?:^|[^\\])(?:\\\\)*\\[1-9]/.test(source)) return `invalid regex: backreferences (\\1…) are not supported by RE2 (${fallback})`;
  return `invalid regex: ${re2Error.message}`;
}

/** Every match of an RE2 regex (up to `limit`), with its groups and where each group starts. */
export function re2Matches(re: RE2JS, text: string, limit: number): Array<{ start: number; end: number; groups: Array<string | undefined>; groupStarts: number[] }> {
  const groupCount = re.groupCount();
  const out: Array<{ start: number; end: number; groups: Array<string | undefined>; groupStarts: number[] }> = [];
  const m = re.matcher(text);
  while (out.length < limit && m.find()) {
    const groups: Array<string | undefined> = [m.group(0) ?? ''];
    const groupStarts: number[] = [m.start()];
    for (let g = 1; g <= groupCount; g++) {
      groups.push(m.group(g) ?? undefined);
      groupStarts.push(m.start(g));
    }
    out.push({ start: m.start(), end: m.end(), groups, groupStarts });
    if (m.end() === m.start() && m.end() >= text.length) break;
  }
  return out;
}

function re2Regex(source: string, re: RE2JS): SafeRegex {
  const names = Object.entries(re.namedGroups());
  return {
    source,
    engine: 're2',
    test: (text) => re.matcher(text).find(),
    testAtStart: (text) => re.matcher(text).lookingAt(),
    matchAll(text, limit = 10000) {
      return re2Matches(re, text, limit).map((match) => {
        const named: Record<string, string | undefined> = {};
        for (const [name, index] of names) named[name] = match.groups[index];
        return { ...match, named };
      });
    },
  };
}

function jsRegex(source: string, re: RegExp): SafeRegex {
  const sticky = new RegExp(re.source, re.flags.replace('g', '') + 'y');
  return {
    source,
    engine: 'js',
    test: (text) => {
      re.lastIndex = 0;
      return re.test(text);
    },
    testAtStart: (text) => {
      sticky.lastIndex = 0;
      return sticky.test(text);
    },
    matchAll(text, limit = 10000) {
      const out: RegexMatch[] = [];
      re.lastIndex = 0;
      for (let m = re.exec(text); m && out.length < limit; m = re.exec(text)) {
        if (m[0] === '') re.lastIndex++;
        const groups = Array.from(m, (g) => g ?? undefined);
        out.push({ start: m.index, end: m.index + m[0].length, groups, named: { ...(m.groups ?? {}) }, groupStarts: groups.map(() => m!.index) });
      }
      return out;
    },
  };
}
