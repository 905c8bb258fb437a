/**
 * An HTTPS server on 127.0.0.1 (ephemeral port) for pack download tests, with a self-signed
 * certificate generated at start by `openssl req -x509` (Node has no certificate generator). It
 * serves the byte arrays it is given by path, counts requests per path, and can redirect.
 * `caFile` is the certificate to trust (it is its own CA).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface HttpsPackServer {
  readonly origin: string;
  readonly caFile: string;
  /** Requests seen per path. */
  readonly hits: Map<string, number>;
  serve(urlPath: string, body: Uint8Array): void;
  redirect(urlPath: string, to: string): void;
  stop(): Promise<void>;
}

export async function startHttpsPackServer(): Promise<HttpsPackServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'moat-https-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-addext', 'basicConstraints=critical,CA:TRUE',
  ], { stdio: 'ignore' });
  const bodies = new Map<string, Uint8Array>();
  const redirects = new Map<string, string>();
  const hits = new Map<string, number>();
  const server = https.createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    const p = new URL(req.url ?? '/', 'https://127.0.0.1').pathname;
    hits.set(p, (hits.get(p) ?? 0) + 1);
    const to = redirects.get(p);
    if (to) {
      res.writeHead(302, { location: to }).end();
      return;
    }
    const body = bodies.get(p);
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': body.length }).end(Buffer.from(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `https://127.0.0.1:${port}`,
    caFile: cert,
    hits,
    serve: (p, body) => bodies.set(p, body),
    redirect: (p, to) => redirects.set(p, to),
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
