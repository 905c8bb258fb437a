/**
 * Downloads a pack tarball over HTTPS (node:https): TLS verified against the system roots plus an
 * optional extra CA file (`caFile`, or `MOAT_CA_FILE`; `NODE_EXTRA_CA_CERTS` works as Node
 * defines it), at most 5 redirects and never to plain HTTP, a size cap and a timeout. Errors name
 * the URL without its query string or credentials.
 */
import { readFileSync } from 'node:fs';
import https from 'node:https';
import tls from 'node:tls';

export interface DownloadOptions {
  /** A PEM file of extra trusted CA certificates. */
  readonly caFile?: string;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
}

const MAX_REDIRECTS = 5;

/** The URL as safe to show: no credentials, no query, no fragment. */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

export async function downloadHttps(url: string, options: DownloadOptions = {}): Promise<Uint8Array> {
  const caFile = options.caFile ?? process.env.MOAT_CA_FILE;
  let ca: string[] | undefined;
  if (caFile) {
    try {
      ca = [...tls.rootCertificates, readFileSync(caFile, 'utf8')];
    } catch (e) {
      throw new Error(`cannot read the CA file ${caFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const u = new URL(current);
    if (u.protocol !== 'https:') throw new Error(`${shownUrl(current)}: only https:// URLs are allowed`);
    const reply = await get(u, ca, options.timeoutMs ?? 30_000, options.maxBytes ?? 64 * 1024 * 1024);
    if ('redirect' in reply) {
      current = new URL(reply.redirect, u).toString();
      continue;
    }
    return reply.body;
  }
  throw new Error(`${shownUrl(url)}: more than ${MAX_REDIRECTS} redirects`);
}

function get(u: URL, ca: string[] | undefined, timeoutMs: number, maxBytes: number): Promise<{ body: Uint8Array } | { redirect: string }> {
  return new Promise((resolve, reject) => {
    const req = https.get(u, { ca, timeout: timeoutMs, headers: { 'user-agent': 'moat', accept: 'application/gzip, application/octet-stream, */*' } }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        return resolve({ redirect: res.headers.location });
      }
      if (status !== 200) {
        res.resume();
        return reject(new Error(`${shownUrl(u.toString())}: HTTP ${status}`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > maxBytes) {
          req.destroy(new Error(`${shownUrl(u.toString())}: larger than ${maxBytes} bytes`));
          return;
        }
        chunks.push(c);
      });
      res.on('end', () => resolve({ body: new Uint8Array(Buffer.concat(chunks)) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${shownUrl(u.toString())}: no answer within ${timeoutMs} ms`)));
    req.on('error', (e) => reject(e.message.startsWith(shownUrl(u.toString())) ? e : new Error(`${shownUrl(u.toString())}: ${e.message}`)));
  });
}
