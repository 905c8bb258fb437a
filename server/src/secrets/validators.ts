/**
 * Checks a candidate secret must pass beyond its regex: GitHub and npm tokens end in a base62
 * CRC32 of their random part; a JWT's first two segments are base64url JSON with a header naming
 * its algorithm; a generic secret must not read as words (`OAuth2TokenCredential`).
 */
import type { SecretValidator } from './rule-model';

export function passesValidator(validator: SecretValidator, secret: string): boolean {
  switch (validator) {
    case 'github-crc32':
      return hasGithubChecksum(secret);
    case 'jwt':
      return isStructuredJwt(secret);
    case 'not-words':
      return !readsAsWords(secret);
  }
}

/**
 * Identifier-like text: most characters sit in lowercase runs of 3 or more letters, and those runs
 * have the vowels of words. Random keys fail one or the other (mixed-case keys break the runs,
 * lowercase base32 keys lack vowels).
 */
export function readsAsWords(text: string): boolean {
  let inRuns = 0;
  let vowels = 0;
  for (const m of text.matchAll(/[a-z]{3,}/g)) {
    inRuns += m[0].length;
    for (const c of m[0]) if ('aeiouy'.includes(c)) vowels++;
  }
  return inRuns >= 0.6 * text.length && vowels >= 0.3 * inRuns;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE) of the UTF-16 code units of `text`, each taken as one byte (tokens are ASCII). */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function base62(value: number, width: number): string {
  let out = '';
  let v = value;
  while (v > 0) {
    out = BASE62[v % 62] + out;
    v = Math.floor(v / 62);
  }
  return out.padStart(width, '0');
}

/**
 * `ghp_`/`gho_`/`ghu_`/`ghs_`/`ghr_` and `npm_` tokens: a 4-character prefix, 30 random base62
 * characters, then the CRC32 of those 30 in base62 over 6 characters.
 */
export function hasGithubChecksum(token: string): boolean {
  if (token.length !== 40) return false;
  const random = token.slice(4, 34);
  return base62(crc32(random), 6) === token.slice(34);
}

function decodeJsonSegment(segment: string): unknown {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(segment)) return undefined;
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JWS (header.payload.signature) or JWE (five segments) whose header is JSON naming `alg`. */
export function isStructuredJwt(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3 && parts.length !== 5) return false;
  const header = decodeJsonSegment(parts[0]);
  if (!isObject(header) || typeof header.alg !== 'string') return false;
  if (parts.length === 5) return typeof header.enc === 'string';
  return isObject(decodeJsonSegment(parts[1]));
}
