/**
 * Regex shapes the built-in detector data is written with (all RE2): a token with a literal
 * provider prefix, and a value assigned to a provider-named key in code, env files, YAML, JSON,
 * TOML, XML or a constructor call.
 */
import type { SecretAllowlist } from '../rule-model';

/** What may follow a token: a character that cannot continue it, an escaped newline, or the end. */
export const END = '(?:[^A-Za-z0-9_\\-]|\\\\[nrt]|$)';

/** `\b(PREFIX BODY)` then END; `prefix` and `body` are regex source. The token is group 1. */
export function token(prefix: string, body: string): string {
  return `\\b(${prefix}${body})${END}`;
}

/**
 * For detectors whose value class also fits words, hosts and model names (`-`, `_`, `.` allowed,
 * or short): a value without a single digit is not a generated credential.
 */
export const NEEDS_DIGIT: SecretAllowlist = { description: 'values without a digit: names, hosts, model ids', regexes: ['^[^0-9]+$'] };

/** A UUID in lowercase or uppercase hex. */
export const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/**
 * `NAME… = "VALUE"` and its cousins: `names` (an alternation, matched case-insensitively) then up
 * to 30 identifier characters, an optional closing quote or bracket, an operator (`=`, `:`, `:=`,
 * `=>`, `(`, `,`, `>`), an optional keyword argument (`api_key=`, after up to three others such as
 * `url=URL, `; or `{ token:`), an optional quote, then `value` (case-sensitive regex source) as
 * group 1, then a delimiter. `call: false` leaves out `NAME("VALUE")`, for names that are also
 * common function names (`token(…)`, `secret(…)`).
 */
export function assigned(names: string, value: string, options: { call?: boolean } = {}): string {
  return (
    `(?i:${names})[\\w.\\-]{0,30}?["'\\]\\x60]{0,2}[ \\t]{0,3}(?:=>|:=|=|:|${options.call === false ? '' : '\\(|'},|>)[ \\t]{0,3}` +
    `(?:(?:[\\w.\\-]+[ \\t]*=[^,()\\n]*,[ \\t]*){0,3}[\\w.\\-]+[ \\t]*=[ \\t]*|\\{[ \\t]*["']?\\w+["']?[ \\t]*:[ \\t]*|["']?\\w+["']?[ \\t]*:[ \\t]*)?` +
    `["'\\x60]{0,2}(${value})(?:["'\\x60\\s;,)}\\]<&]|\\\\[nrt]|$)`
  );
}
