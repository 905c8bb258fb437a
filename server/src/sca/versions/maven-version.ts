/**
 * Maven version order as the POM reference specifies it
 * (https://maven.apache.org/pom.html#version-order-specification), written from that text:
 * - split into tokens at `.`, `-`, `_` and at transitions between ASCII digits and other
 *   characters (a transition counts as `-`; `_` as `-`); an empty token is `0`;
 * - `a`, `b`, `m` directly followed by a digit mean alpha, beta, milestone; `cr` = `rc`;
 *   `ga`, `final`, `release` = `` (the release itself); qualifiers are case-insensitive;
 * - trailing "null" tokens (`0`, ``) are trimmed from the end, then before every remaining `-`;
 * - tokens compare left to right, the shorter list padded with nulls (`0` after `.`, `` after `-`);
 *   same separator: numbers by value, qualifiers alpha < beta < milestone < rc < snapshot < `` < sp
 *   < any other (those lexically); otherwise `.qualifier` = `-qualifier` < `-number` < `.number`.
 * So `1 = 1.0 = 1.0.0 = 1-ga = 1.0.RELEASE`, `1.0-alpha1 < 1.0-beta < 1.0-SNAPSHOT < 1.0 < 1.0-sp
 * < 1.0-foo < 1-1 < 1.0.1`.
 */

type Separator = '.' | '-';

interface Token {
  readonly separator: Separator;
  /** Numeric value, for number tokens. */
  readonly number?: bigint;
  /** Lower-case qualifier with aliases resolved, for qualifier tokens. */
  readonly qualifier?: string;
  /** A padding null standing in for a missing token. */
  readonly padding?: boolean;
}

const KNOWN_QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const ALIASES: Readonly<Record<string, string>> = { cr: 'rc', ga: '', final: '', release: '' };
const SHORT_BEFORE_DIGIT: Readonly<Record<string, string>> = { a: 'alpha', b: 'beta', m: 'milestone' };

/** A Maven version parsed into its comparable tokens. */
export interface MavenVersion {
  readonly raw: string;
  readonly tokens: readonly Token[];
}

/** Maven accepts any text as a version; we refuse blanks and range or property syntax. */
export function isMavenVersionText(text: string): boolean {
  return /^[^\s[\](),${}]+$/.test(text) && /[0-9a-zA-Z]/.test(text);
}

export function parseMavenVersion(text: string): MavenVersion {
  const raw = text.trim();
  const tokens: Token[] = [];
  let separator: Separator = '.';
  for (const chunk of raw.toLowerCase().split(/([._-])/)) {
    if (chunk === '.' || chunk === '-' || chunk === '_') {
      separator = chunk === '.' ? '.' : '-';
      continue;
    }
    const runs = chunk === '' ? ['0'] : chunk.match(/[0-9]+|[^0-9]+/g)!;
    runs.forEach((run, i) => {
      const sep: Separator = i === 0 ? separator : '-';
      if (/^[0-9]+$/.test(run)) {
        tokens.push({ separator: sep, number: BigInt(run) });
      } else {
        const followedByDigit = i + 1 < runs.length;
        const name = (followedByDigit ? SHORT_BEFORE_DIGIT[run] : undefined) ?? run;
        tokens.push({ separator: sep, qualifier: ALIASES[name] ?? name });
      }
    });
  }
  return { raw, tokens: trimNulls(tokens) };
}

function isNull(t: Token): boolean {
  return t.number === 0n || t.qualifier === '';
}

function trimNulls(tokens: Token[]): Token[] {
  const out = [...tokens];
  while (out.length > 0 && isNull(out[out.length - 1])) out.pop();
  for (let i = out.length - 1; i > 0; i--) {
    if (out[i].separator !== '-') continue;
    while (i > 0 && isNull(out[i - 1])) {
      out.splice(i - 1, 1);
      i--;
    }
  }
  return out;
}

export function compareMaven(a: MavenVersion, b: MavenVersion): number {
  const length = Math.max(a.tokens.length, b.tokens.length);
  for (let i = 0; i < length; i++) {
    const x = a.tokens[i] ?? padFor(b.tokens[i]);
    const y = b.tokens[i] ?? padFor(a.tokens[i]);
    const order = compareTokens(x, y);
    if (order !== 0) return order;
  }
  return 0;
}

function padFor(other: Token): Token {
  return other.separator === '.' ? { separator: '.', number: 0n, padding: true } : { separator: '-', qualifier: '', padding: true };
}

function compareTokens(x: Token, y: Token): number {
  if (x.number !== undefined && y.number !== undefined) {
    if (x.separator !== y.separator) return x.separator === '-' ? -1 : 1;
    return x.number < y.number ? -1 : x.number > y.number ? 1 : 0;
  }
  if (x.qualifier !== undefined && y.qualifier !== undefined) return compareQualifiers(x.qualifier, y.qualifier);
  // A number against a qualifier: the qualifier is lower, except that a padding null stands for
  // the release itself (so `1 < 1.sp` and `1.rc < 1`).
  if (x.number !== undefined && x.padding) return compareQualifiers('', y.qualifier!);
  if (y.number !== undefined && y.padding) return compareQualifiers(x.qualifier!, '');
  return x.qualifier !== undefined ? -1 : 1;
}

function compareQualifiers(a: string, b: string): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (ra < KNOWN_QUALIFIERS.length) return 0;
  return a < b ? -1 : a > b ? 1 : 0;
}

function rank(q: string): number {
  const i = KNOWN_QUALIFIERS.indexOf(q);
  return i === -1 ? KNOWN_QUALIFIERS.length : i;
}
