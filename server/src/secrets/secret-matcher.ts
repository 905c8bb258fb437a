/**
 * What the secrets scan asks of a compiled regex (find every match with its groups' text and
 * offsets, or just say yes/no), on re2js: linear time on any input, for every regex a user or a
 * gitleaks config supplies. The built-in detectors may also run on V8's engine (native-regex.ts).
 */
import { RE2JS } from 're2js';
import { re2Matches } from '../engine/safe-regex';

export interface SecretMatch {
  readonly start: number;
  readonly end: number;
  /** Capture groups by number (0 = the whole match); undefined when a group did not take part. */
  readonly groups: ReadonlyArray<string | undefined>;
  /** Start offset of each group (-1 when it did not take part). */
  readonly groupStarts: ReadonlyArray<number>;
}

export interface SecretMatcher {
  readonly engine: 're2' | 'native';
  /** Does the regex match anywhere in `text`? */
  test(text: string): boolean;
  /** Every non-overlapping match, in order; at most `limit`. */
  matchAll(text: string, limit: number): SecretMatch[];
}

/** RE2 syntax for `\Z` (end of text), as safe-regex reads it. */
export function toRe2Syntax(source: string): string {
  return source.replace(/(^|[^\\])((?:\\\\)*)\\[zZ]/g, '$1$2\\z');
}

/** Compiles `source` with RE2 (throws on a syntax RE2 rejects). */
export function compileRe2(source: string): RE2JS {
  return RE2JS.compile(toRe2Syntax(source));
}

/**
 * A matcher on a compiled RE2 regex: yes/no answers run on re2js's DFA (no groups), matches on
 * its NFA / backtracker.
 */
export function re2Matcher(re: RE2JS): SecretMatcher {
  return {
    engine: 're2',
    test: (text) => re.test(text),
    matchAll: (text, limit) => re2Matches(re, text, limit),
  };
}

/**
 * An re2js matcher compiled on first use (for built-in regexes, which the test suite compiles with
 * RE2; a regex that fails to compile matches nothing).
 */
export function lazyRe2Matcher(source: string): SecretMatcher {
  let compiled: SecretMatcher | undefined;
  const get = (): SecretMatcher => {
    if (!compiled) {
      try {
        compiled = re2Matcher(compileRe2(source));
      } catch {
        compiled = { engine: 're2', test: () => false, matchAll: () => [] };
      }
    }
    return compiled;
  };
  return { engine: 're2', test: (text) => get().test(text), matchAll: (text, limit) => get().matchAll(text, limit) };
}
