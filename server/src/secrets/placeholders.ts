/**
 * Placeholders are never reported, whatever rule matched them: template references (`${VAR}`,
 * `{{ var }}`, `<TOKEN>`, `process.env.X`, `os.environ[...]`), filler words (`your-api-key`,
 * `example`, `dummy`, `changeme`), masks (`xxxx…`, `****`), one repeated character, sequential or
 * periodic runs (`abcdef…`, `1234…`, `abcabc…`) and values published in vendor documentation
 * (known by their SHA-256, so this file holds no token-like literal).
 */
import * as crypto from 'node:crypto';

/** Why `secret` is a placeholder, or undefined when it may be a real secret. */
export function placeholderReason(secret: string): string | undefined {
  const trimmed = secret.trim().replace(/^["'`]+|["'`]+$/g, '');
  if (trimmed.length === 0) return 'empty';
  const reference = referenceReason(trimmed);
  if (reference) return reference;
  if (isKnownPublicValue(trimmed)) return 'published example value';
  // Mapbox public tokens (`pk.` + a JWT-shaped body) ship in every web page by design; `sk.` ones are secret.
  if (/^pk\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}$/.test(trimmed)) return 'public by design (Mapbox public token)';
  const lower = trimmed.toLowerCase();
  if (FILLER_VALUES.has(lower)) return 'filler value';
  const body = stripPrefix(trimmed);
  const bodyLower = body.toLowerCase();
  if (FILLER_VALUES.has(bodyLower)) return 'filler value';
  for (const word of FILLER_WORDS) if (lower.includes(word)) return `filler word "${word}"`;
  if (MASK.test(body)) return 'masked';
  if (body.length >= 8) {
    const distinct = distinctUpTo(bodyLower, 6);
    if (distinct <= 3 || (body.length >= 20 && distinct <= 5)) return 'too few distinct characters';
    if (hasSequentialRun(bodyLower, 7)) return 'sequential characters';
    if (isPeriodic(bodyLower)) return 'repeating pattern';
  }
  return undefined;
}

export function isPlaceholder(secret: string): boolean {
  return placeholderReason(secret) !== undefined;
}

/** References to a value kept elsewhere: environment, templates, configuration lookups. */
function referenceReason(s: string): string | undefined {
  if (/\$\{|\{\{|\}\}|\{%|%\}/.test(s)) return 'template reference';
  if (/\{[A-Za-z_][\w.]*(?::[^{}]*)?\}|\{\d*\}/.test(s)) return 'format placeholder';
  if (/^\$[A-Za-z_][\w.]*$/.test(s) || /^\$\(/.test(s)) return 'variable reference';
  if (/<[^<>]*>/.test(s) || /^<|>$/.test(s)) return 'angle-bracket placeholder';
  if (/^%[A-Za-z_][\w.]*%$|^@[A-Za-z_]\w*@$|%\([\w.]+\)[sd]/.test(s)) return 'template reference';
  if (/process\.env|import\.meta\.env|Deno\.env|os\.environ|os\.getenv|getenv\(|System\.getenv|\bENV\[|\benv\(|secrets\.|vars\./i.test(s)) return 'environment lookup';
  return undefined;
}

/** Whole values that are filler (compared lowercase, after the provider prefix is removed too). */
const FILLER_VALUES = new Set([
  'password', 'passwd', 'pass', 'pwd', 'secret', 'token', 'apikey', 'api_key', 'api-key', 'key', 'changeme', 'changeit',
  'example', 'sample', 'dummy', 'placeholder', 'redacted', 'none', 'null', 'nil', 'undefined', 'true', 'false', 'todo',
  'tbd', 'test', 'testing', 'foo', 'bar', 'foobar', 'xxx', 'default', 'secret123', 'password123', 'mysecret', 'mypassword',
  // Stock credentials of local development services (postgres:postgres, guest:guest…).
  'postgres', 'mysql', 'root', 'admin', 'guest', 'user', 'username', 'sa',
]);

/** Words no generated credential contains. */
const FILLER_WORDS = [
  'your', 'example', 'dummy', 'changeme', 'change_me', 'change-me', 'placeholder', 'redacted', 'replace', 'insert',
  'sample', 'fake', 'notreal', 'not_real', 'not-real', 'not-a-real', 'mock',
];

/** Masking: `****`, `xxxxx`, `…`, `...`, `####`, `•••`. */
const MASK = /[*•]{3,}|…|\.{3,}|[xX]{5,}|#{4,}/;

/** Provider prefixes such as `sk-proj-`, `ghp_`, `xoxb-`: up to three alphabetic segments with their separator. */
function stripPrefix(s: string): string {
  const m = /^(?:[A-Za-z]{1,12}[_-]){1,3}/.exec(s);
  return m && m[0].length < s.length ? s.slice(m[0].length) : s;
}

/** The number of distinct characters (code points) in `s`, counted up to `cap` (then `cap`). */
function distinctUpTo(s: string, cap: number): number {
  const seen: number[] = [];
  for (let i = 0; i < s.length && seen.length < cap; ) {
    const c = s.codePointAt(i)!;
    if (!seen.includes(c)) seen.push(c);
    i += c > 0xffff ? 2 : 1;
  }
  return seen.length;
}

/** Position of a character in 0-9a-z order, or -1. */
function rank(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x7a) return c - 0x61 + 10;
  return -1;
}

/** A run of `min` characters each one after (or each one before) the previous in 0-9a-z order. */
function hasSequentialRun(s: string, min: number): boolean {
  let up = 1;
  let down = 1;
  for (let i = 1; i < s.length; i++) {
    const a = rank(s.charCodeAt(i - 1));
    const b = rank(s.charCodeAt(i));
    up = a >= 0 && b === a + 1 ? up + 1 : 1;
    down = a >= 0 && b >= 0 && b === a - 1 ? down + 1 : 1;
    if (up >= min || down >= min) return true;
  }
  return false;
}

/** The whole value is a unit repeated at least three times (`abcabcabc`, `12341234 1234`). */
function isPeriodic(s: string): boolean {
  const n = s.length;
  for (let unit = 1; unit <= n / 3; unit++) {
    let ok = true;
    for (let i = unit; i < n && ok; i++) ok = s[i] === s[i - unit];
    if (ok) return true;
  }
  return false;
}

/**
 * SHA-256 (first 32 hex digits) of values published in vendor documentation, so they never count
 * as leaks: the AWS docs access key id and secret key, the jwt.io sample signature, Stripe's docs
 * test keys, GitHub's docs sample tokens, and the account keys built into the Azurite storage
 * emulator and the Cosmos DB emulator.
 */
const KNOWN_PUBLIC = new Set([
  '78314b11be2e581549ac1c4f616563fa',
  '1a5d44a2dca19669d72edf4c4f1c27c4',
  '051d093c4bdedbf23f905ad01d9c6111',
  '2cafc0970149a84f3b9e62eaf169f36f',
  'f2d6ca16515033e5dce14eba840b979d',
  '3543c50b0cb9cea8e55eb1f529b79f04',
  'bc3ae723f57c6b9e3fd80b699fcc420f',
  '0011cc25eb4320717494d2703e8cba85',
  'aa6547439583c3a275d4542a0df6c1ad',
]);

/** One-shot SHA-256 where the runtime has it (Node 20.12+), else a Hash object. */
const sha256Hex: (s: string) => string =
  typeof (crypto as { hash?: unknown }).hash === 'function'
    ? (s) => (crypto as unknown as { hash(algorithm: string, data: string, encoding: string): string }).hash('sha256', s, 'hex')
    : (s) => crypto.createHash('sha256').update(s).digest('hex');

function digest(s: string): string {
  return sha256Hex(s).slice(0, 32);
}

/** The value, or one of its `.`/`:`-separated parts (a JWT signature), is a published example. */
function isKnownPublicValue(s: string): boolean {
  if (KNOWN_PUBLIC.has(digest(s))) return true;
  if (s.length > 400) return false;
  for (const part of s.split(/[.:]/)) if (part.length >= 16 && part !== s && KNOWN_PUBLIC.has(digest(part))) return true;
  return false;
}
