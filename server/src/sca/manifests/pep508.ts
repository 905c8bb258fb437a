/**
 * PEP 508 requirement strings (`name[extra1,extra2] >=1.0,<2 ; python_version < "3.11"`,
 * `name @ https://…`) with the offsets of the name, the version specifier and the end of the
 * requirement, for requirements files and pyproject.toml.
 */
import { valid as validVersion } from '@renovatebot/pep440';

export interface Requirement {
  readonly name: string;
  readonly extras: readonly string[];
  /** The version specifier as written (trimmed, without parentheses), if any. */
  readonly spec?: string;
  readonly specStart: number;
  readonly specEnd: number;
  /** A direct reference (`name @ url`). */
  readonly url?: string;
  readonly marker?: string;
  /** Offsets of the requirement (name to the end of the marker), relative to the parsed text. */
  readonly start: number;
  readonly end: number;
}

export interface RequirementError {
  readonly error: string;
  /** Offset of the error in the parsed text. */
  readonly at: number;
}

const MAX_SPEC_LENGTH = 1000;
const NAME = /[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/y;

export function parseRequirement(text: string): Requirement | RequirementError {
  let i = 0;
  const skip = (): void => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  skip();
  const start = i;
  NAME.lastIndex = i;
  const nameMatch = NAME.exec(text);
  if (!nameMatch) return { error: 'expected a package name', at: i };
  const name = nameMatch[0];
  i += name.length;
  let afterName = i;
  skip();
  let extras: string[] = [];
  if (text[i] === '[') {
    const close = text.indexOf(']', i);
    if (close < 0) return { error: 'unterminated extras "["', at: i };
    extras = text
      .slice(i + 1, close)
      .split(',')
      .map((e) => e.trim())
      .filter((e) => e !== '');
    i = afterName = close + 1;
    skip();
  }
  const semi = text.indexOf(';', i);
  const bodyEnd = semi < 0 ? text.length : semi;
  const marker = semi < 0 ? undefined : text.slice(semi + 1).trim();
  if (marker === '') return { error: 'empty environment marker after ";"', at: semi };
  let bodyTrimmed = bodyEnd;
  while (bodyTrimmed > i && /\s/.test(text[bodyTrimmed - 1])) bodyTrimmed--;
  const end = marker !== undefined ? text.trimEnd().length : bodyTrimmed > i ? bodyTrimmed : afterName;
  if (text[i] === '@') {
    const url = text.slice(i + 1, bodyTrimmed).trim();
    if (url === '') return { error: 'expected a URL after "@"', at: i + 1 };
    return { name, extras, url, marker, specStart: i, specEnd: i, start, end };
  }
  let specStart = i;
  let specEnd = bodyTrimmed;
  if (text[specStart] === '(') {
    if (text[specEnd - 1] !== ')') return { error: 'unterminated "("', at: specStart };
    specStart++;
    specEnd--;
    while (specStart < specEnd && /\s/.test(text[specStart])) specStart++;
    while (specEnd > specStart && /\s/.test(text[specEnd - 1])) specEnd--;
  }
  if (specStart >= specEnd) return { name, extras, marker, specStart: afterName, specEnd: afterName, start, end };
  const spec = text.slice(specStart, specEnd);
  if (spec.length > MAX_SPEC_LENGTH) return { error: `version specifier longer than ${MAX_SPEC_LENGTH} characters`, at: specStart };
  if (!validSpecifier(spec)) return { error: `invalid version specifier "${spec}"`, at: specStart };
  return { name, extras, spec, marker, specStart, specEnd, start, end };
}

const CLAUSE = /^\s*(~=|===|==|!=|<=|>=|<|>)\s*(\S+?)\s*$/;

/**
 * A PEP 440 version specifier: comma-separated clauses, each an operator and a valid version
 * (`==`/`!=` may end in `.*`; `===` takes any text). Checked clause by clause, in linear time.
 */
export function validSpecifier(spec: string): boolean {
  for (const clause of spec.split(',')) {
    const m = CLAUSE.exec(clause);
    if (!m) return false;
    if (m[1] === '===') continue;
    const wildcard = (m[1] === '==' || m[1] === '!=') && m[2].endsWith('.*');
    if (!validVersion(wildcard ? m[2].slice(0, -2) : m[2])) return false;
  }
  return true;
}

export function isRequirementError(r: Requirement | RequirementError): r is RequirementError {
  return 'error' in r;
}

/** The exact version a specifier pins (`==1.2.3`, `===1.2.3`), or undefined for ranges and wildcards. */
export function pinnedVersion(spec: string | undefined): string | undefined {
  if (!spec) return undefined;
  const m = /^\s*(===?)\s*([^\s,;]+)\s*$/.exec(spec);
  if (!m || m[2].includes('*')) return undefined;
  return m[1] === '===' ? m[2] : (validVersion(m[2]) ? m[2] : undefined);
}
