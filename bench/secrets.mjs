#!/usr/bin/env node
// Secrets benchmark: Moat's secrets detectors against secretlint (preset-recommend) on a labeled corpus
// generated at run time into bench/.secrets-corpus/ (no token-shaped literal lives in the repository).
//   * true positives: every built-in detector's positive sample templates (server/src/secrets/builtin),
//     expanded with several seeds by sample-tokens.ts and embedded in realistic lines of Python, JS/TS, Go,
//     Java, YAML/K8s, Terraform, .env, JSON, Dockerfile and shell files;
//   * false-positive candidates: placeholders, env lookups, hashes, UUIDs, base64 data, public keys,
//     public-by-design keys, versions, URLs without credentials, lorem text, identifiers.
// Measures recall and false-positive rate per tool, and throughput (median of N runs after a warm-up)
// on a replicated corpus bench/.secrets-corpus-big/. Never prints a secret: only file:line and rule ids.
// Requires `npm run build` (dist/moat.js) and `npx tsc -p tsconfig.test.json` (out/ helpers).
// Usage: node bench/secrets.mjs [--runs N] [--copies N]
// Exit: 0 all bars pass, 1 a bar fails, 2 setup error.

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync, cpSync, openSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const BENCH = path.join(ROOT, 'bench');
const CORPUS = path.join(BENCH, '.secrets-corpus');
const BIG = path.join(BENCH, '.secrets-corpus-big');
const RESULTS = path.join(BENCH, '.results');
// labels live outside the scanned folder (so neither tool scans them)
const LABELS = path.join(RESULTS, 'secrets-labels.json');
const require = createRequire(import.meta.url);

const args = process.argv.slice(2);
const argVal = (name, def) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : def; };
const RUNS = argVal('--runs', 3);
const COPIES = argVal('--copies', 5); // secretlint needs ~25 s per MiB; 5 copies keep `npm run bench` to a few minutes
const BARS = { recall: 0.98, fpRate: 0.01, speedup: 5 };

function die(msg) { console.error(`secrets bench: ${msg}`); process.exit(2); }
const MOAT = path.join(ROOT, 'dist', 'moat.js');
const SECRETLINT = path.join(ROOT, 'node_modules', '.bin', 'secretlint');
const OUT = path.join(ROOT, 'out', 'server', 'src', 'secrets');
if (!existsSync(MOAT)) die('dist/moat.js missing: run `npm run build` first');
if (!existsSync(path.join(OUT, 'sample-tokens.js'))) die('out/ helpers missing: run `npx tsc -p tsconfig.test.json` first');
if (!existsSync(SECRETLINT)) die('node_modules/.bin/secretlint missing');
const { expandSample, placeholderVariant } = require(path.join(OUT, 'sample-tokens.js'));
const { BUILTIN_SECRET_RULES } = require(path.join(OUT, 'builtin', 'index.js'));

// ---------------------------------------------------------------------------------------------
// Deterministic helpers

let rs = 0x5eed;
const rnd = () => { rs = (rs + 0x6d2b79f5) >>> 0; let t = rs; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
const chars = (alpha, n) => { let s = ''; for (let i = 0; i < n; i++) s += alpha[Math.floor(rnd() * alpha.length)]; return s; };
const HEX = '0123456789abcdef';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const uuid = () => [8, 4, 4, 4, 12].map((n) => chars(HEX, n)).join('-');

// ---------------------------------------------------------------------------------------------
// Languages: how one `NAME = VALUE` item is written, plus harmless filler lines.

const LANGS = {
  py: { ext: 'py', dir: 'app', base: 'settings', ident: true, head: ['import os', 'import logging', '', 'log = logging.getLogger(__name__)', ''],
    fill: ['DEBUG = False', 'TIMEOUT_SECONDS = 30', 'def handler(event, context):', '    return {"statusCode": 200}', 'ALLOWED_HOSTS = ["api.internal", "localhost"]'],
    line: (n, v) => `${n} = "${v}"` },
  js: { ext: 'js', dir: 'web/src', base: 'config', ident: true, head: ["'use strict';", "const path = require('path');", ''],
    fill: ['const port = Number(process.env.PORT || 3000);', 'module.exports.retries = 3;', 'function noop() {}', "const base = path.join(__dirname, 'public');"],
    line: (n, v) => `const ${n} = "${v}";` },
  ts: { ext: 'ts', dir: 'web/src/lib', base: 'client', ident: true, head: ["import { createClient } from './http';", ''],
    fill: ['export const TIMEOUT_MS = 10_000;', 'type Options = { retries: number };', 'export function id<T>(x: T): T { return x; }'],
    line: (n, v) => `export const ${n}: string = '${v}';` },
  go: { ext: 'go', dir: 'cmd/server', base: 'config', ident: true, head: ['package main', '', 'import "fmt"', ''],
    fill: ['var retries = 3', 'func main() { fmt.Println("ok") }', 'const maxConns = 64'],
    line: (n, v) => `const ${n} = "${v}"` },
  java: { ext: 'java', dir: 'src/main/java/com/acme', base: 'Config', ident: true, head: ['package com.acme;', '', 'public final class Config {'],
    fill: ['    static final int RETRIES = 3;', '    private Config() {}', '    static final String REGION = "eu-west-1";'],
    line: (n, v) => `    static final String ${n} = "${v}";` },
  yaml: { ext: 'yaml', dir: 'deploy/k8s', base: 'configmap', ident: false, head: ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: app-config', 'data:'],
    fill: ['  LOG_LEVEL: info', '  REPLICAS: "3"', '  REGION: eu-west-1'],
    line: (n, v) => `  ${n}: "${v}"` },
  tf: { ext: 'tf', dir: 'infra', base: 'main', ident: true, head: ['terraform {', '  required_version = ">= 1.5"', '}', '', 'locals {'],
    fill: ['  region = "eu-west-1"', '  instance_type = "t3.micro"', '  enabled = true'],
    line: (n, v) => `  ${n.toLowerCase()} = "${v}"` },
  env: { ext: 'env', dir: 'config', base: 'production', ident: false, head: ['# production settings', 'NODE_ENV=production'],
    fill: ['PORT=8080', 'LOG_LEVEL=info', 'FEATURE_FLAGS=search,export'],
    line: (n, v) => `${n}=${v}` },
  json: { ext: 'json', dir: 'config', base: 'settings', ident: false, head: ['{', '  "name": "service",'],
    fill: ['  "port": 8080,', '  "logLevel": "info",', '  "region": "eu-west-1",'],
    line: (n, v) => `  "${n}": "${v}",`, tail: ['  "end": true', '}'] },
  docker: { ext: 'Dockerfile', dir: 'docker', base: 'api', ident: false, head: ['FROM node:20-alpine', 'WORKDIR /app'],
    fill: ['COPY package.json ./', 'RUN npm ci --omit=dev', 'EXPOSE 8080'],
    line: (n, v) => `ENV ${n}=${v}` },
  sh: { ext: 'sh', dir: 'scripts', base: 'deploy', ident: false, head: ['#!/usr/bin/env bash', 'set -euo pipefail'],
    fill: ['echo "deploying"', 'cd "$(dirname "$0")/.."', 'make build'],
    line: (n, v) => `export ${n}="${v}"` },
};
const LANG_KEYS = Object.keys(LANGS);

// ---------------------------------------------------------------------------------------------
// Items: { kind: 'tp'|'fp', lang, lines: string[] (1+), family, category }

const ASSIGN = /^\s*(?:export\s+)?(["']?)([A-Za-z_][\w.-]*)\1\s*(=|:)\s*(["']?)([^"'\s,;]+)\4\s*$/;
const tps = [];
const fps = [];
const SEEDS = 3;

for (const rule of BUILTIN_SECRET_RULES) {
  const family = rule.id.replace(/^moat\.secrets\./, '');
  rule.samples.positive.forEach((tpl, ti) => {
    for (let s = 0; s < SEEDS; s++) {
      const seed = `bench:${rule.id}:${ti}:${s}`;
      const m = ASSIGN.exec(tpl);
      if (m && !tpl.includes('\n')) {
        const name = m[2];
        const value = expandSample(m[5], seed);
        let langs = LANG_KEYS;
        if (!/^[A-Za-z_]\w*$/.test(name)) langs = LANG_KEYS.filter((k) => !LANGS[k].ident && k !== 'env' && k !== 'docker' && k !== 'sh');
        const lang = langs[(tps.length + s) % langs.length];
        tps.push({ kind: 'tp', lang, lines: [LANGS[lang].line(name, value)], family, category: rule.tags?.[0] ?? 'other' });
        if (s === 0) {
          // the same line with the value replaced by a placeholder: must not be reported
          const ph = [placeholderVariant(m[5], seed), 'your-api-key-here', '<TOKEN>', `\${${name.toUpperCase().replace(/\W/g, '_')}}`, 'changeme-in-vault', 'REPLACE_ME'][tps.length % 6];
          const lang2 = langs[(tps.length + 1) % langs.length];
          fps.push({ kind: 'fp', lang: lang2, lines: [LANGS[lang2].line(name, ph)], family: 'none', category: 'placeholder' });
        }
      } else {
        // verbatim sample (multi-line blocks, commands, calls): a shell script or a text/config file
        const text = expandSample(tpl, seed);
        const lang = /^(curl|git|mysqldump|sshpass|oc|dotnet|docker|psql|export|aws|gh|npm)\b/.test(text) ? 'sh'
          : /^[A-Za-z_.]+\(|^(const|let|var|client|headers|login|import)\b/.test(text) ? pick(['py', 'js']) : 'raw';
        tps.push({ kind: 'tp', lang, lines: text.split('\n'), family, category: rule.tags?.[0] ?? 'other' });
      }
    }
  });
}

// False-positive candidates (own generators, not the detectors' negative samples).
const SECRETY = ['API_KEY', 'api_key', 'SECRET_KEY', 'AUTH_TOKEN', 'password', 'DB_PASSWORD', 'access_token', 'client_secret', 'STRIPE_SECRET_KEY', 'GITHUB_TOKEN', 'SLACK_BOT_TOKEN', 'OPENAI_API_KEY'];
const fpAdd = (category, lang, line) => fps.push({ kind: 'fp', lang, lines: Array.isArray(line) ? line : [line], family: 'none', category });
for (let i = 0; i < 24; i++) {
  const n = SECRETY[i % SECRETY.length];
  fpAdd('env-lookup', 'py', `${n} = os.environ["${n.toUpperCase()}"]`);
  fpAdd('env-lookup', 'js', `const ${n} = process.env.${n.toUpperCase()};`);
  fpAdd('env-lookup', 'go', `var ${n.replace(/_/g, '')} = os.Getenv("${n.toUpperCase()}")`);
  fpAdd('env-lookup', 'yaml', `        - name: ${n.toUpperCase()}\n          valueFrom: { secretKeyRef: { name: app-secrets, key: ${n.toLowerCase()} } }`.split('\n')[0]);
  fpAdd('placeholder', 'env', `${n.toUpperCase()}=${pick(['your-api-key-here', '<TOKEN>', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', '${' + n.toUpperCase() + '}', 'changeme', '********'])}`);
  fpAdd('placeholder', 'tf', `  ${n.toLowerCase()} = var.${n.toLowerCase()}`);
  fpAdd('placeholder', 'sh', `export ${n.toUpperCase()}="$(vault kv get -field=${n.toLowerCase()} secret/app)"`);
  fpAdd('test-fixture', 'py', `${n} = "fake-${n.toLowerCase().replace(/_/g, '-')}-for-tests"  # test fixture, not a real credential`);
}
for (let i = 0; i < 20; i++) {
  fpAdd('hash', 'py', `CHECKSUM_SHA256 = "${chars(HEX, 64)}"`);
  fpAdd('hash', 'json', `  "commit": "${chars(HEX, 40)}",`);
  fpAdd('hash', 'js', `const etag = "${chars(HEX, 32)}";`);
  fpAdd('hash', 'json', `  "integrity": "sha512-${chars(B64, 86)}==",`);
  fpAdd('hash', 'docker', `RUN echo "${chars(HEX, 64)}  /tmp/tool.tar.gz" | sha256sum -c -`);
  fpAdd('hash', 'yaml', `  image: registry.example.com/api@sha256:${chars(HEX, 64)}`);
  fpAdd('hash', 'sh', `git checkout ${chars(HEX, 40)}`);
  fpAdd('uuid', 'yaml', `  uid: ${uuid()}`);
  fpAdd('uuid', 'java', `    static final String REQUEST_ID = "${uuid()}";`);
  fpAdd('uuid', 'ts', `export const tenantId = '${uuid()}';`);
  fpAdd('base64-data', 'js', `const pixel = "data:image/png;base64,iVBORw0KGgo${chars(B64, 180)}";`);
  fpAdd('base64-data', 'py', `LOGO_B64 = "iVBORw0KGgoAAAANSUhEUgAA${chars(B64, 160)}="`);
  fpAdd('public-key', 'raw', `ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ${chars(B64, 340)} deploy@build-${i}`);
  fpAdd('public-key', 'raw', `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${chars(B64, 43)} ops@host${i}`);
  fpAdd('public-key', 'raw', ['-----BEGIN PUBLIC KEY-----', ...(('MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA' + chars(B64, 348)).match(/.{1,64}/g)), '-----END PUBLIC KEY-----']);
  fpAdd('public-key', 'raw', ['-----BEGIN CERTIFICATE-----', ...(('MIIDdzCCAl+gAwIBAgIE' + chars(B64, 400)).match(/.{1,64}/g)), '-----END CERTIFICATE-----']);
  fpAdd('public-by-design', 'js', `const stripe = Stripe("pk_live_${chars(ALNUM, 24)}");`);
  fpAdd('public-by-design', 'ts', `export const STRIPE_PUBLISHABLE_KEY = 'pk_test_${chars(ALNUM, 24)}';`);
  fpAdd('public-by-design', 'js', `analytics.load("${chars(ALNUM, 32)}"); // Segment write key (public, browser)`);
  fpAdd('public-by-design', 'js', `mapboxgl.accessToken = "pk.eyJ1Ijoi${chars(ALNUM, 20)}IiwiYSI6I${chars(ALNUM, 20)}.${chars(ALNUM, 22)}";`);
  fpAdd('version', 'json', `  "version": "${i}.${i * 3 % 17}.${i * 7 % 23}-rc.${i}+build.${chars(HEX, 7)}",`);
  fpAdd('version', 'docker', `FROM python:3.${i % 13}.${i}-slim-bookworm`);
  fpAdd('url', 'yaml', `  endpoint: https://api${i}.example.com/v2/items?page=${i}&per_page=100`);
  fpAdd('url', 'py', `DATABASE_URL = "postgres://${'db' + i}.internal:5432/app"`);
  fpAdd('lorem', 'py', `# Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor ${i}.`);
  fpAdd('identifier', 'ts', `export const chunk = 'main.${chars(HEX, 8)}.js';`);
  fpAdd('identifier', 'go', `const traceID = "${chars(HEX, 32)}"`);
  fpAdd('identifier', 'java', `    static final String CSS_CLASS = "css-${chars('abcdefghijklmnopqrstuvwxyz0123456789', 6)}";`);
}

// ---------------------------------------------------------------------------------------------
// Write the corpus: items grouped by language, 12 per file, filler between them.

function writeCorpus() {
  rmSync(CORPUS, { recursive: true, force: true });
  const labels = {};
  const all = [...tps, ...fps];
  // interleave kinds so each file mixes TPs and FP candidates
  all.sort(() => rnd() - 0.5);
  const byLang = {};
  for (const it of all) (byLang[it.lang] ??= []).push(it);
  let bytes = 0;
  const files = [];
  for (const [lang, items] of Object.entries(byLang)) {
    const L = LANGS[lang] ?? { ext: 'txt', dir: 'misc', base: 'notes', head: ['# notes'], fill: ['', '# ---'] };
    for (let f = 0; f * 12 < items.length; f++) {
      const chunk = items.slice(f * 12, f * 12 + 12);
      const rel = lang === 'docker' ? `${L.dir}/${L.base}-${f + 1}.${L.ext}`.replace(/\.Dockerfile$/, '.Dockerfile') : `${L.dir}/${L.base}_${String(f + 1).padStart(2, '0')}.${L.ext}`;
      const lines = [...L.head];
      const lab = {};
      for (const it of chunk) {
        lines.push(pick(L.fill));
        const start = lines.length + 1;
        lines.push(...it.lines);
        lab[start] = { expect: it.family, category: it.category, kind: it.kind, end: start + it.lines.length - 1 };
      }
      if (L.tail) lines.push(...L.tail); else if (lang === 'java') lines.push('}');
      const text = lines.join('\n') + '\n';
      mkdirSync(path.join(CORPUS, path.dirname(rel)), { recursive: true });
      writeFileSync(path.join(CORPUS, rel), text);
      bytes += Buffer.byteLength(text);
      labels[rel] = lab;
      files.push(rel);
    }
  }
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(LABELS, JSON.stringify(labels, null, 1));
  return { labels, bytes, files };
}

function writeBig(files) {
  rmSync(BIG, { recursive: true, force: true });
  for (let c = 0; c < COPIES; c++) for (const f of files) { mkdirSync(path.join(BIG, `copy${c}`, path.dirname(f)), { recursive: true }); cpSync(path.join(CORPUS, f), path.join(BIG, `copy${c}`, f)); }
}

function dirBytes(dir) { let n = 0; for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) n += statSync(path.join(e.parentPath ?? e.path, e.name)).size; return n; }

// ---------------------------------------------------------------------------------------------
// Tools

const EMPTY = mkdtempSync(path.join(os.tmpdir(), 'moat-empty-config-'));
const SLDIR = mkdtempSync(path.join(os.tmpdir(), 'moat-secretlint-'));
const SLRC = path.join(SLDIR, '.secretlintrc.json');
writeFileSync(SLRC, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));

const moatCmd = (dir, jobs) => [process.execPath, [MOAT, 'scan', dir, '--format', 'json', '--secrets', '--config', EMPTY, '--no-gitignore', ...(jobs ? ['--jobs', String(jobs)] : [])]];
const slCmd = (dir) => [SECRETLINT, [`${path.relative(ROOT, dir)}/**/*`, '--secretlintrc', SLRC, '--format', 'json', '--no-color']];
const show = ([cmd, a]) => [cmd === process.execPath ? 'node' : path.relative(ROOT, cmd) || cmd, ...a.map((x) => path.isAbsolute(x) && x.startsWith(ROOT) ? path.relative(ROOT, x) : x).map((x) => (x.includes(' ') || x.includes('*') ? `"${x}"` : x))].join(' ').replace(EMPTY, '<empty dir>').replace(SLRC, '<tmp>/.secretlintrc.json').replace(process.execPath, 'node');

// stdout goes to a file (secretlint truncates large reports written to a pipe); never echoed (it holds secrets)
const OUTFILE = path.join(SLDIR, 'report.json');
function run([cmd, a]) {
  const fd = openSync(OUTFILE, 'w');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, a, { cwd: ROOT, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  closeSync(fd);
  if (r.status !== 0 && r.status !== 1) die(`${show([cmd, a])} exited ${r.status} (stderr not shown: it may quote secrets)`);
  return { ms, stdout: readFileSync(OUTFILE, 'utf8') };
}
function parseJson(text, who) { try { return JSON.parse(text); } catch { die(`${who}: output is not valid JSON (${text.length} bytes; not shown)`); } }

function moatFindings(stdout) {
  const j = parseJson(stdout, 'moat');
  return (j.results ?? []).map((r) => ({ file: path.relative(CORPUS, path.resolve(ROOT, r.path)), line: r.start.line, rule: String(r.ruleId).replace(/^moat\.secrets\./, '') }));
}
function slFindings(stdout) {
  const j = parseJson(stdout, 'secretlint');
  const out = [];
  for (const f of j) for (const m of f.messages ?? []) out.push({ file: path.relative(CORPUS, path.resolve(ROOT, f.filePath)), line: m.loc?.start?.line ?? m.range?.[0], rule: m.ruleId });
  return out;
}

function score(findings, labels) {
  const tpTotal = [], fpTotal = [];
  const hitsAt = new Map(); // file -> [{line, rule}]
  for (const f of findings) { if (!hitsAt.has(f.file)) hitsAt.set(f.file, []); hitsAt.get(f.file).push(f); }
  const misses = [], falsePos = [], mismatches = [], unlabeled = [];
  const claimed = new Set();
  for (const [file, lab] of Object.entries(labels)) {
    const hits = hitsAt.get(file) ?? [];
    for (const [startS, l] of Object.entries(lab)) {
      const start = Number(startS);
      const inSpan = hits.filter((h) => h.line >= start && h.line <= l.end);
      inSpan.forEach((h) => claimed.add(h));
      if (l.kind === 'tp') {
        tpTotal.push(1);
        if (!inSpan.length) misses.push({ file, line: start, expect: l.expect, category: l.category });
        else if (!inSpan.some((h) => h.rule === l.expect)) mismatches.push({ file, line: start, expect: l.expect, got: [...new Set(inSpan.map((h) => h.rule))].join(',') });
      } else {
        fpTotal.push(1);
        if (inSpan.length) falsePos.push({ file, line: start, category: l.category, rules: [...new Set(inSpan.map((h) => h.rule))].join(',') });
      }
    }
  }
  for (const f of findings) if (!claimed.has(f)) unlabeled.push(f);
  const nTP = tpTotal.length, nFP = fpTotal.length;
  return { tp: nTP, found: nTP - misses.length, recall: (nTP - misses.length) / nTP, fpCandidates: nFP, fpReported: falsePos.length, fpRate: falsePos.length / nFP, misses, falsePos, mismatches, unlabeled };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(cmd) { run(cmd); const ms = []; for (let i = 0; i < RUNS; i++) ms.push(run(cmd).ms); return { median: median(ms), runs: ms }; }

// ---------------------------------------------------------------------------------------------

const { labels, bytes, files } = writeCorpus();
writeBig(files);
const bigBytes = dirBytes(BIG);

const countBy = (xs, k) => xs.reduce((m, x) => ((m[x[k]] = (m[x[k]] ?? 0) + 1), m), {});
console.log('Secrets benchmark: Moat vs secretlint (preset-recommend)\n');
console.log(`Corpus bench/.secrets-corpus/: ${files.length} files, ${(bytes / 1024).toFixed(0)} KiB (labels: bench/.results/secrets-labels.json, file -> start line -> expected rule or "none")`);
console.log(`  true positives: ${tps.length} (${new Set(tps.map((t) => t.family)).size} detector families, ${SEEDS} seeds each); by language: ${JSON.stringify(countBy(tps, 'lang'))}`);
console.log(`  false-positive candidates: ${fps.length}; by category: ${JSON.stringify(countBy(fps, 'category'))}`);
console.log(`Timing corpus bench/.secrets-corpus-big/: ${COPIES} copies, ${(bigBytes / 1048576).toFixed(2)} MiB\n`);

const tools = [
  { name: 'moat (default jobs)', cmd: (d) => moatCmd(d), parse: moatFindings },
  { name: 'moat --jobs 1', cmd: (d) => moatCmd(d, 1), parse: moatFindings },
  { name: 'secretlint', cmd: (d) => slCmd(d), parse: slFindings },
];
const results = {};
for (const t of tools) {
  const s = score(t.parse(run(t.cmd(CORPUS)).stdout), labels);
  const tm = time(t.cmd(BIG));
  results[t.name] = { command: show(t.cmd(BIG)), ...s, timeMs: tm.median, runsMs: tm.runs, mbPerSec: bigBytes / 1048576 / (tm.median / 1000) };
}

const pct = (x) => `${(x * 100).toFixed(2)}%`;
console.log('Commands (timing runs; accuracy runs use bench/.secrets-corpus):');
for (const [n, r] of Object.entries(results)) console.log(`  ${n}: ${r.command}`);
console.log(`\n${'tool'.padEnd(22)}${'recall'.padStart(18)}${'false pos.'.padStart(18)}${'median time'.padStart(14)}${'MiB/s'.padStart(9)}`);
for (const [n, r] of Object.entries(results)) console.log(`${n.padEnd(22)}${`${r.found}/${r.tp} ${pct(r.recall)}`.padStart(18)}${`${r.fpReported}/${r.fpCandidates} ${pct(r.fpRate)}`.padStart(18)}${`${r.timeMs.toFixed(0)} ms`.padStart(14)}${r.mbPerSec.toFixed(2).padStart(9)}`);
const m = results['moat (default jobs)'], m1 = results['moat --jobs 1'], sl = results.secretlint;
const ratio = m.mbPerSec / sl.mbPerSec, ratio1 = m1.mbPerSec / sl.mbPerSec;
console.log(`\nThroughput ratio vs secretlint: default jobs ${ratio.toFixed(1)}x, --jobs 1 ${ratio1.toFixed(1)}x`);

const bars = [
  { bar: `Moat recall >= ${pct(BARS.recall)}`, value: pct(m.recall), pass: m.recall >= BARS.recall },
  { bar: `Moat false positives <= ${pct(BARS.fpRate)}`, value: pct(m.fpRate), pass: m.fpRate <= BARS.fpRate },
  { bar: `Moat throughput >= ${BARS.speedup}x secretlint (default jobs)`, value: `${ratio.toFixed(1)}x`, pass: ratio >= BARS.speedup },
  { bar: `Moat throughput >= ${BARS.speedup}x secretlint (--jobs 1)`, value: `${ratio1.toFixed(1)}x`, pass: ratio1 >= BARS.speedup },
];
console.log('');
for (const b of bars) console.log(`${b.pass ? 'PASS' : 'FAIL'}  ${b.bar}: ${b.value}`);

const detail = (title, rows, fmt) => { if (!rows.length) return; console.log(`\n${title} (${rows.length}):`); for (const r of rows.slice(0, 80)) console.log(`  ${fmt(r)}`); if (rows.length > 80) console.log(`  ... ${rows.length - 80} more in bench/.results/secrets.json`); };
detail('Moat misses [file:line expected-rule (category)] (values REDACTED)', m.misses, (r) => `${r.file}:${r.line} ${r.expect} (${r.category})`);
detail('Moat false positives [file:line rule <- category] (values REDACTED)', m.falsePos, (r) => `${r.file}:${r.line} ${r.rules} <- ${r.category}`);
detail('Moat findings on unlabeled (filler) lines', m.unlabeled, (r) => `${r.file}:${r.line} ${r.rule}`);
detail('Moat rule mismatches on found TPs [expected -> reported]', m.mismatches, (r) => `${r.file}:${r.line} ${r.expect} -> ${r.got}`);
console.log(`\nsecretlint for comparison: recall ${pct(sl.recall)}, false positives ${sl.fpReported}/${sl.fpCandidates}; FP categories: ${JSON.stringify(countBy(sl.falsePos, 'category'))}`);

mkdirSync(RESULTS, { recursive: true });
writeFileSync(path.join(RESULTS, 'secrets.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.availableParallelism(), corpus: { files: files.length, bytes, tps: tps.length, fpCandidates: fps.length, tpByLang: countBy(tps, 'lang'), fpByCategory: countBy(fps, 'category') }, big: { copies: COPIES, bytes: bigBytes }, runs: RUNS, results, ratio: { defaultJobs: ratio, jobs1: ratio1 }, bars }, null, 1));
console.log('\nWrote bench/.results/secrets.json');
rmSync(EMPTY, { recursive: true, force: true });
rmSync(SLDIR, { recursive: true, force: true });
process.exit(bars.every((b) => b.pass) ? 0 : 1);
