/**
 * Expands the detectors' sample templates into fake but format-valid tokens for tests, so that no
 * token-shaped literal is ever written in the repository (nothing for push protection or for Moat
 * itself to flag). Deterministic: the same template and seed give the same text.
 *
 * Template fields: `{hex:N}` `{HEX:N}` `{alnum:N}` `{lower:N}` `{upper:N}` `{digits:N}`
 * `{lowernum:N}` `{uppernum:N}` `{b64:N}` `{b64url:N}` `{base32:N}` `{lbase32:N}` `{bech32:N}`
 * (N random characters of that class), `{x:N}` (N times `x`), `{uuid}`, `{UUID}`,
 * `{github:PREFIX}` (a `PREFIX_` token with a valid CRC32 checksum), `{jwt}`, `{pem:LABEL}` and
 * `{pem:LABEL:BODYPREFIX}` (a PEM block), `{pemesc:LABEL}` (the same with `\n` escapes, as in JSON).
 */
import { base62, crc32 } from './validators';

const CLASSES: Record<string, string> = {
  hex: '0123456789abcdef',
  HEX: '0123456789ABCDEF',
  alnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digits: '0123456789',
  lowernum: 'abcdefghijklmnopqrstuvwxyz0123456789',
  uppernum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  b64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  b64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  base32: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  lbase32: 'abcdefghijklmnopqrstuvwxyz234567',
  bech32: 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L',
  x: 'x',
};

/** mulberry32 */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const FIELD = /\{(hex|HEX|alnum|lower|upper|digits|lowernum|uppernum|b64|b64url|base32|lbase32|bech32|x|uuid|UUID|github|jwt|pem|pemesc)(?::([^}]*))?\}/g;

export function expandSample(template: string, seed: number | string): string {
  return expand(template, seed, false);
}

/** The template with every random character replaced by `x` (prefixes, separators and PEM armour kept): a masked placeholder. */
export function placeholderVariant(template: string, seed: number | string): string {
  return expand(template, seed, true);
}

function expand(template: string, seed: number | string, mask: boolean): string {
  const rand = prng(typeof seed === 'string' ? seedOf(seed) : seed);
  const pick = (alphabet: string, n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += mask ? 'x' : alphabet[Math.floor(rand() * alphabet.length)];
    return s;
  };
  const pem = (label: string, prefix: string, eol: string) => {
    const body = prefix + pick(CLASSES.b64, 1200 - prefix.length);
    const lines = body.match(/.{1,64}/g) ?? [];
    return `-----BEGIN ${label}-----${eol}${lines.join(eol)}${eol}-----END ${label}-----`;
  };
  return template.replace(FIELD, (_all, kind: string, arg: string | undefined) => {
    switch (kind) {
      case 'uuid':
      case 'UUID': {
        const alphabet = kind === 'uuid' ? CLASSES.hex : CLASSES.HEX;
        return [8, 4, 4, 4, 12].map((n) => pick(alphabet, n)).join('-');
      }
      case 'github': {
        if (mask) return `${arg ?? 'ghp'}_${pick('', 36)}`;
        const random = pick(CLASSES.alnum, 30);
        return `${arg ?? 'ghp'}_${random}${base62(crc32(random), 6)}`;
      }
      case 'jwt': {
        if (mask) return `${pick('', 36)}.${pick('', 60)}.${pick('', 43)}`;
        const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
        const header = enc({ alg: 'HS256', typ: 'JWT' });
        const payload = enc({ sub: pick(CLASSES.digits, 10), name: pick(CLASSES.lower, 8), iat: 1700000000 + Math.floor(rand() * 1e7) });
        return `${header}.${payload}.${pick(CLASSES.b64url, 43)}`;
      }
      case 'pem':
      case 'pemesc': {
        const [label, prefix] = (arg ?? 'PRIVATE KEY').split(':');
        return pem(label, prefix ?? '', kind === 'pem' ? '\n' : '\\n');
      }
      default:
        return pick(CLASSES[kind], Number(arg ?? '1'));
    }
  });
}
