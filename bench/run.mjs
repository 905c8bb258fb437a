#!/usr/bin/env node
// `npm run bench`: Moat's `scan` against ast-grep's `scan`, the same 12 security checks written in both
// rule formats (bench/rules/moat/*.yaml, bench/rules/ast-grep/*.yml), over one corpus of third-party
// JS/TS and Python source copied into bench/.corpus/. Prints the corpus, each tool's command line,
// wall time (median of N runs after a warm-up), peak RSS and findings, the throughput ratio with a
// PASS/FAIL against the bar (Moat ≥ 0.5× ast-grep's throughput, Moat peak RSS < 200 MiB), and the
// findings of each check side by side, with examples where the tools disagree. Writes everything to
// bench/.results/latest.json.
//
// Usage: node bench/run.mjs [--runs N] [--fresh] [--corpus-only] [--jobs N]
//   --runs N        timed runs per tool after one warm-up (default 3); the median is reported
//   --fresh         rebuild bench/.corpus/ even if it is there
//   --corpus-only   build and describe the corpus, run nothing
//   --jobs N        threads for both tools (default: os.availableParallelism())
//   --proc-poll     measure peak RSS by polling /proc even when /usr/bin/time is there
// Exit code: 0 when both bars pass, 1 when one fails, 2 on an error (a tool failed, bad setup).

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync, copyFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const BENCH = path.join(ROOT, 'bench');
const CORPUS = path.join(BENCH, '.corpus');
const RESULTS = path.join(BENCH, '.results');
const MOAT_RULES = path.join(BENCH, 'rules', 'moat');
const SG_CONFIG = path.join(BENCH, 'rules', 'sgconfig.yml');
const FIXTURES = path.join(BENCH, 'fixtures');
const rel = (p) => path.relative(ROOT, p) || '.';

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const opts = { runs: 3, fresh: false, corpusOnly: false, jobs: os.availableParallelism() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--fresh') opts.fresh = true;
    else if (a === '--corpus-only') opts.corpusOnly = true;
    else if (a === '--proc-poll') opts.procPoll = true;
    else if (a === '--runs' || a === '--jobs') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) die(`${a} wants a positive integer`);
      opts[a.slice(2)] = n;
    } else die(`unknown argument ${a} (see the header of bench/run.mjs)`);
  }
  return opts;
}

function die(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Corpus: third-party source already on this machine, copied so both tools see identical files.

const JS_EXT = new Set(['.js', '.jsx', '.mjs', '.cjs']);
const TS_EXT = new Set(['.ts', '.mts', '.cts']);
const TSX_EXT = new Set(['.tsx']);
const PY_EXT = new Set(['.py', '.pyi']);
/** Moat's default --max-file-size; the brief's "skip files > 1 MB". */
const MAX_FILE_BYTES = 1_000_000;
/** Bump when the filters change: a corpus built by another version is rebuilt. */
const CORPUS_VERSION = 3;
/** From the repository's node_modules (missing ones are listed and left out). */
const REPO_PACKAGES = [
  'yaml', 'ajv', 'typescript', '@types/node', 'undici', 'undici-types', 'web-tree-sitter', 'ignore', 're2js', 'esbuild',
  'vscode-jsonrpc', 'vscode-languageserver-protocol', 'vscode-languageclient', 'playwright-core', 'markdown-it', 'parse5',
  'htmlparser2', 'js-yaml', 'fast-uri',
];
const STDLIB_PACKAGES = ['asyncio', 'concurrent', 'email', 'http', 'importlib', 'json', 'logging', 'multiprocessing', 'unittest', 'urllib', 'wsgiref', 'xml', 'xmlrpc'];
const SITE_PACKAGES = ['requests', 'urllib3', 'flask', 'werkzeug', 'jinja2', 'click', 'docker', 'pexpect', 'yaml', 'setuptools', 'pip', 'boto3', 's3transfer', 'dotenv', 'itsdangerous'];

function languageOf(file) {
  const base = path.basename(file).toLowerCase();
  const ext = path.extname(base);
  if (base.endsWith('.d.ts') || TS_EXT.has(ext)) return 'typescript';
  if (TSX_EXT.has(ext)) return 'tsx';
  if (JS_EXT.has(ext)) return 'javascript';
  if (PY_EXT.has(ext)) return 'python';
  return undefined;
}

/** Python's stdlib and site-packages folders, from the machine's python3 (undefined when there is none). */
function pythonPaths() {
  const r = spawnSync('python3', ['-c', 'import json, sysconfig, sys; p = sysconfig.get_paths(); print(json.dumps({"stdlib": p["stdlib"], "purelib": p["purelib"], "version": sys.version.split()[0]}))'], { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  try { return JSON.parse(r.stdout); } catch { return undefined; }
}

/** The global npm root (npm's own install with its bundled dependencies), or undefined. */
function globalNodeModules() {
  const guess = path.resolve(path.dirname(process.execPath), '..', 'lib', 'node_modules');
  if (existsSync(path.join(guess, 'npm', 'package.json'))) return guess;
  const r = spawnSync('npm', ['root', '-g'], { encoding: 'utf8' });
  const dir = r.status === 0 ? r.stdout.trim() : '';
  return dir && existsSync(dir) ? dir : undefined;
}

/** Where each corpus part comes from: { group, name, src, dest }. Missing sources are listed, not fatal. */
function corpusSources() {
  const sources = [];
  const missing = [];
  const add = (group, name, src, dest, version) => (existsSync(src) ? sources.push({ group, name, src, dest, version: version ?? packageVersion(src) }) : missing.push(`${name} (${src})`));

  // JS/TS: readable packages from this repository's node_modules (its dependencies, dev dependencies
  // and their dependencies, all third-party), shipped as plain JS, ESM or TS (sources and .d.ts).
  const nm = path.join(ROOT, 'node_modules');
  for (const pkg of REPO_PACKAGES) add('js', pkg, path.join(nm, pkg), path.join('js', 'packages', pkg));

  // JS: the npm CLI installed with Node (npm and its ~200 bundled dependencies) and corepack.
  const globalNm = globalNodeModules();
  for (const pkg of ['npm', 'corepack']) {
    if (globalNm) add('js', pkg, path.join(globalNm, pkg), path.join('js', 'global', pkg));
    else missing.push(`${pkg} (global node_modules not found)`);
  }

  // Python: parts of the standard library, and well-known packages from site-packages.
  const py = pythonPaths();
  if (!py) missing.push('python3 (not found: no Python corpus)');
  else {
    sources.push({ group: 'py', name: `stdlib top-level modules (Python ${py.version})`, src: py.stdlib, dest: path.join('py', 'stdlib'), topLevelOnly: true, version: py.version });
    for (const sub of STDLIB_PACKAGES) {
      add('py', `stdlib/${sub}`, path.join(py.stdlib, sub), path.join('py', 'stdlib', sub), py.version);
    }
    for (const sub of SITE_PACKAGES) {
      add('py', `site-packages/${sub}`, path.join(py.purelib, sub), path.join('py', 'site-packages', sub));
    }
  }
  return { sources, missing };
}

/** A JS package's version, or a Python package's (from its *.dist-info folder beside it). */
function packageVersion(src) {
  try { return JSON.parse(readFileSync(path.join(src, 'package.json'), 'utf8')).version; } catch { /* not npm */ }
  const base = path.basename(src).toLowerCase();
  const name = { yaml: 'pyyaml', dotenv: 'python_dotenv' }[base] ?? base;
  try {
    const info = readdirSync(path.dirname(src)).find((f) => f.toLowerCase().startsWith(`${name}-`) && f.endsWith('.dist-info'));
    if (info) return info.slice(name.length + 1, -'.dist-info'.length);
  } catch { /* unknown */ }
  return undefined;
}

/**
 * Why a file is left out of the corpus, or undefined. Mirrors what Moat's walker would skip
 * (too large, binary, minified) so that both tools are handed exactly the same files.
 */
function exclusionReason(file, bytes) {
  if (bytes.length > MAX_FILE_BYTES) return 'too-large';
  const name = path.basename(file);
  if (/\.min\.(?:js|mjs|cjs)$/i.test(name)) return 'minified';
  if (bytes.subarray(0, 8192).includes(0)) return 'binary';
  let text;
  try { text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { return 'not-utf8'; }
  let count = 0;
  let longest = 0;
  for (let start = 0; start < text.length;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    count++;
    longest = Math.max(longest, end - start);
    start = end + 1;
  }
  if (longest > 20_000) return 'minified';
  const judged = /\.(?:js|mjs|cjs)$/i.test(name) || text.length >= 5000;
  if (judged && Math.round(text.length / Math.max(count, 1)) > 500) return 'minified';
  return undefined;
}

/** Files to copy from one source: [{ from, to, lang, bytes }], plus skip counts by reason. */
function collect(source, skips) {
  const out = [];
  const walk = (dir, relDir, depth) => {
    let entries;
    try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      // Hidden files and folders are skipped (ast-grep skips them by default); so are caches.
      if (e.name.startsWith('.') || e.name === '__pycache__') continue;
      const from = path.join(dir, e.name);
      // Moat never enters a folder called node_modules: the copy renames it.
      const relName = e.name === 'node_modules' ? '_node_modules' : e.name;
      const relPath = relDir ? path.join(relDir, relName) : relName;
      if (e.isDirectory()) {
        if (!source.topLevelOnly) walk(from, relPath, depth + 1);
        continue;
      }
      if (!e.isFile()) continue; // symlinks, sockets…: neither tool follows them
      const lang = languageOf(e.name);
      if (!lang) continue;
      if (source.group === 'py' && lang !== 'python') continue;
      if (source.group === 'js' && lang === 'python') continue;
      const size = statSync(from).size;
      const reason = size > MAX_FILE_BYTES ? 'too-large' : exclusionReason(from, readFileSync(from));
      if (reason) { skips[reason] = (skips[reason] ?? 0) + 1; continue; }
      out.push({ from, to: path.join(source.dest, relPath), lang, bytes: size });
    }
  };
  walk(source.src, '', 0);
  return out;
}

/** Reuses bench/.corpus/ when it was built by this script version from the same package versions. */
function buildCorpus(fresh) {
  const manifestPath = path.join(CORPUS, 'manifest.json');
  const { sources, missing } = corpusSources();
  const fingerprint = createHash('sha256').update(JSON.stringify([CORPUS_VERSION, sources.map((s) => [s.name, s.src, s.version])])).digest('hex').slice(0, 16);
  if (!fresh && existsSync(manifestPath)) {
    try {
      const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
      if (m.fingerprint === fingerprint && m.files.every((f) => existsSync(path.join(CORPUS, f.path)))) return { manifest: m, reused: true };
    } catch { /* rebuilt below */ }
  }
  rmSync(CORPUS, { recursive: true, force: true });
  const skips = {};
  const parts = [];
  const files = [];
  for (const source of sources) {
    const picked = collect(source, skips);
    if (picked.length === 0) continue;
    for (const f of picked) {
      mkdirSync(path.join(CORPUS, path.dirname(f.to)), { recursive: true });
      copyFileSync(f.from, path.join(CORPUS, f.to));
      files.push({ path: f.to.split(path.sep).join('/'), lang: f.lang, bytes: f.bytes });
    }
    const byLang = {};
    for (const f of picked) byLang[f.lang] = (byLang[f.lang] ?? 0) + 1;
    parts.push({ group: source.group, name: source.name, version: source.version, src: source.src, dest: source.dest.split(path.sep).join('/'), files: picked.length, bytes: picked.reduce((s, f) => s + f.bytes, 0), byLang });
  }
  const manifest = { version: CORPUS_VERSION, fingerprint, created: new Date().toISOString(), parts, missing, skipped: skips, files };
  mkdirSync(CORPUS, { recursive: true });
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 1));
  return { manifest, reused: false };
}

// ---------------------------------------------------------------------------------------------
// Running a tool and measuring it

/** GNU time with -v, when it is there and works. */
function gnuTime() {
  if (!existsSync('/usr/bin/time')) return undefined;
  const r = spawnSync('/usr/bin/time', ['-v', 'true'], { encoding: 'utf8' });
  return r.status === 0 && /Maximum resident set size/.test(r.stderr) ? '/usr/bin/time' : undefined;
}

/** Peak VmHWM (KiB) over a process and its descendants, polled from /proc. */
function pollTreeHwm(pid, state) {
  const visit = (p) => {
    let status;
    try { status = readFileSync(`/proc/${p}/status`, 'utf8'); } catch { return; }
    const m = /VmHWM:\s+(\d+) kB/.exec(status);
    if (m) state.byPid.set(p, Math.max(state.byPid.get(p) ?? 0, Number(m[1])));
    try {
      // utime and stime (fields 14 and 15, in clock ticks of 1/100 s) after the parenthesised name.
      const f = readFileSync(`/proc/${p}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
      state.cpuByPid.set(p, (Number(f[11]) + Number(f[12])) / 100);
    } catch { /* gone */ }
    let tasks = [];
    try { tasks = readdirSync(`/proc/${p}/task`); } catch { /* gone */ }
    for (const t of tasks) {
      let children = '';
      try { children = readFileSync(`/proc/${p}/task/${t}/children`, 'utf8'); } catch { /* gone */ }
      for (const c of children.trim().split(/\s+/).filter(Boolean)) visit(Number(c));
    }
  };
  visit(pid);
}

/**
 * Runs `cmd args` in ROOT; wall time from spawn to exit (hrtime), peak RSS from GNU time's
 * "Maximum resident set size" (the largest single process of the tree; worker threads share
 * their process) or, without GNU time, from polling /proc/PID/status VmHWM.
 */
function runMeasured(cmd, args, timeBin) {
  return new Promise((resolve, reject) => {
    const argv = timeBin ? [timeBin, ['-v', cmd, ...args]] : [cmd, args];
    const started = process.hrtime.bigint();
    const child = spawn(argv[0], argv[1], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    let poll;
    const state = { byPid: new Map(), cpuByPid: new Map() };
    if (!timeBin) {
      poll = setInterval(() => pollTreeHwm(child.pid, state), 10);
      pollTreeHwm(child.pid, state);
    }
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (poll) clearInterval(poll);
      let stderr = Buffer.concat(err).toString('utf8');
      let rssKiB;
      let cpuS;
      let exitCode = code;
      if (timeBin) {
        const at = stderr.search(/(?:Command exited with non-zero status \d+\n|Command terminated by signal \d+\n)?\tCommand being timed:/);
        const report = at >= 0 ? stderr.slice(at) : '';
        stderr = at >= 0 ? stderr.slice(0, at) : stderr;
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
        rssKiB = m ? Number(m[1]) : undefined;
        const user = /User time \(seconds\): ([\d.]+)/.exec(report);
        const sys = /System time \(seconds\): ([\d.]+)/.exec(report);
        cpuS = user && sys ? Number(user[1]) + Number(sys[1]) : undefined;
        const sig = /Command terminated by signal (\d+)/.exec(report);
        if (sig) exitCode = 128 + Number(sig[1]);
      } else {
        rssKiB = Math.max(0, ...state.byPid.values());
        cpuS = [...state.cpuByPid.values()].reduce((a, b) => a + b, 0); // up to the last poll: approximate
      }
      resolve({ wallMs, rssKiB, cpuS, code: exitCode, signal, stdout: Buffer.concat(out).toString('utf8'), stderr });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The two tools

const AST_GREP_LANG_SUFFIX = /-(javascript|typescript|tsx)$/;

function sgBinary() {
  const link = path.join(ROOT, 'node_modules', '.bin', 'ast-grep');
  if (!existsSync(link)) die('node_modules/.bin/ast-grep is missing: run npm ci');
  // The native binary itself (the .bin entry is a symlink to it), so that no launcher is timed.
  return realpathSync(link);
}

function tools(jobs) {
  const corpusArg = rel(CORPUS);
  return [
    {
      name: 'moat',
      cmd: process.execPath,
      args: [rel(path.join(ROOT, 'dist', 'moat.js')), 'scan', '--config', rel(MOAT_RULES), '--format', 'json', '--no-gitignore', '--jobs', String(jobs), corpusArg],
      parse: parseMoat,
    },
    {
      name: 'ast-grep',
      cmd: sgBinary(),
      args: ['scan', '--config', rel(SG_CONFIG), '--json=stream', '--color', 'never', '--threads', String(jobs),
        '--no-ignore', 'hidden', '--no-ignore', 'dot', '--no-ignore', 'exclude', '--no-ignore', 'global', '--no-ignore', 'parent', '--no-ignore', 'vcs',
        corpusArg],
      parse: parseAstGrep,
    },
  ];
}

const normFile = (p) => path.relative(ROOT, path.resolve(ROOT, p)).split(path.sep).join('/');

/** { ok, problem?, matches: [{ check, file, line }], extra } from a Moat run. */
function parseMoat(run) {
  if (run.code !== 0 && run.code !== 1) return { ok: false, problem: `exit code ${run.code}${run.signal ? ` (signal ${run.signal})` : ''}: ${run.stderr.trim().slice(0, 2000)}`, matches: [] };
  let report;
  try { report = JSON.parse(run.stdout); } catch (e) { return { ok: false, problem: `unparsable JSON output (${e.message})`, matches: [] }; }
  const matches = report.results.map((r) => ({ check: r.ruleId, file: normFile(r.path), line: r.start.line, suppressed: Boolean(r.suppressed) }));
  return {
    ok: true,
    matches,
    extra: { filesScanned: report.stats?.filesScanned, reportedDurationMs: report.stats?.durationMs, suppressed: matches.filter((m) => m.suppressed).length, errors: report.errors ?? [], skipped: report.skipped ?? [] },
  };
}

/** Same, from an ast-grep run (--json=stream: one match a line). ast-grep exits 1 when error-severity rules match. */
function parseAstGrep(run) {
  const onlyFindings = run.code === 1 && /error\(s\) found in code/.test(run.stderr);
  if (run.code !== 0 && !onlyFindings) return { ok: false, problem: `exit code ${run.code}${run.signal ? ` (signal ${run.signal})` : ''}: ${run.stderr.trim().slice(0, 2000)}`, matches: [] };
  const matches = [];
  for (const line of run.stdout.split('\n')) {
    if (!line.trim()) continue;
    let m;
    try { m = JSON.parse(line); } catch (e) { return { ok: false, problem: `unparsable JSON line (${e.message})`, matches: [] }; }
    matches.push({ check: m.ruleId.replace(AST_GREP_LANG_SUFFIX, ''), file: normFile(m.file), line: m.range.start.line + 1 });
  }
  const stderr = run.stderr.replace(/Error: \d+ error\(s\) found in code\.\s*Help: Scan succeeded and found error level diagnostics in the codebase\.\s*/g, '').trim();
  return { ok: true, matches, extra: { stderr: stderr || undefined } };
}

/** How many files ast-grep actually scanned (an extra, untimed run with --inspect summary). */
async function astGrepScannedFiles(tool) {
  const run = await runMeasured(tool.cmd, [...tool.args.slice(0, -1), '--inspect', 'summary', tool.args.at(-1)], undefined);
  const m = /scannedFileCount=(\d+),skippedFileCount=(\d+)/.exec(run.stderr);
  return m ? { scanned: Number(m[1]), skipped: Number(m[2]) } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Comparing findings

const keyOf = (m) => `${m.check}\t${m.file}\t${m.line}`;

function countBy(matches, f) {
  const map = new Map();
  for (const m of matches) map.set(f(m), (map.get(f(m)) ?? 0) + 1);
  return map;
}

/** Per check: counts from both tools, a flag when they differ a lot, and examples of (file, line) where they disagree. */
function compareFindings(moatMatches, sgMatches, checks) {
  const mByKey = countBy(moatMatches, keyOf);
  const aByKey = countBy(sgMatches, keyOf);
  const rows = [];
  for (const check of checks) {
    const moat = moatMatches.filter((m) => m.check === check).length;
    const sg = sgMatches.filter((m) => m.check === check).length;
    const onlyMoat = [];
    const onlySg = [];
    for (const key of new Set([...mByKey.keys(), ...aByKey.keys()])) {
      if (!key.startsWith(`${check}\t`)) continue;
      const d = (mByKey.get(key) ?? 0) - (aByKey.get(key) ?? 0);
      const [, file, line] = key.split('\t');
      if (d > 0) onlyMoat.push({ file, line: Number(line), extra: d });
      if (d < 0) onlySg.push({ file, line: Number(line), extra: -d });
    }
    const bySite = (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line);
    onlyMoat.sort(bySite);
    onlySg.sort(bySite);
    const diff = Math.abs(moat - sg);
    const flagged = diff > Math.max(2, 0.1 * Math.max(moat, sg));
    rows.push({ check, moat, astGrep: sg, flagged, sitesOnlyMoat: onlyMoat.length, sitesOnlyAstGrep: onlySg.length, onlyMoat: onlyMoat.slice(0, 20), onlyAstGrep: onlySg.slice(0, 20) });
  }
  return rows;
}

function sourceLine(file, line) {
  try {
    const text = readFileSync(path.join(ROOT, file), 'utf8').split('\n')[line - 1] ?? '';
    const t = text.trim();
    return t.length > 110 ? `${t.slice(0, 107)}...` : t;
  } catch { return '?'; }
}

// ---------------------------------------------------------------------------------------------
// Output helpers

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const MiB = 1024 * 1024;
const fmt = (x, d = 2) => (x === undefined || Number.isNaN(x) ? '-' : x.toFixed(d));
const shellQuote = (s) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
const commandLine = (tool) => [tool.cmd === process.execPath ? 'node' : rel(tool.cmd), ...tool.args].map(shellQuote).join(' ');

function table(headers, rows, align) {
  const cells = [headers, ...rows].map((r) => r.map(String));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => ((align?.[i] ?? 'l') === 'r' ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

const heading = (s) => console.log(`\n== ${s} ${'='.repeat(Math.max(0, 90 - s.length))}`);

function versionOf(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : `? (${(r.stderr || '').trim().slice(0, 200)})`;
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(path.join(ROOT, 'dist', 'moat.js'))) die('dist/moat.js is missing: run `npm run build` (npm run bench does)');

  // Corpus
  const t0 = Date.now();
  const { manifest, reused } = buildCorpus(opts.fresh);
  const files = manifest.files;
  const totalBytes = files.reduce((s, f) => s + f.bytes, 0);
  const byLang = {};
  for (const f of files) {
    byLang[f.lang] ??= { files: 0, bytes: 0 };
    byLang[f.lang].files++;
    byLang[f.lang].bytes += f.bytes;
  }
  heading('Corpus');
  console.log(`${rel(CORPUS)}/ — ${reused ? 'reused (built ' + manifest.created + '; --fresh rebuilds it)' : `copied now in ${((Date.now() - t0) / 1000).toFixed(1)} s`}`);
  console.log('Third-party source already on this machine: JS/TS from the packages in node_modules/ and the npm CLI');
  console.log('installed with Node; Python from the interpreter\'s stdlib and site-packages. Copied without hidden files,');
  console.log(`__pycache__, *.min.js, files over ${MAX_FILE_BYTES.toLocaleString('en')} bytes, binary/non-UTF-8 or minified-looking files (Moat's rules),`);
  console.log('and with node_modules/ folders renamed _node_modules/, so both tools scan exactly the same files.\n');
  const groupRows = (group) => manifest.parts.filter((p) => p.group === group);
  const jsParts = groupRows('js');
  const big = jsParts.filter((p) => p.files >= 20);
  const small = jsParts.filter((p) => p.files < 20);
  const label = (p) => (p.version && !p.name.includes('Python') && p.group === 'js' ? `${p.name}@${p.version}` : p.version && p.name.startsWith('site-packages') ? `${p.name} ${p.version}` : p.name);
  const partRows = [...big, ...groupRows('py')].map((p) => [p.dest, label(p), p.files, (p.bytes / MiB).toFixed(2), Object.entries(p.byLang).map(([l, n]) => `${l} ${n}`).join(', ')]);
  if (small.length) {
    const f = small.reduce((s, p) => s + p.files, 0);
    const b = small.reduce((s, p) => s + p.bytes, 0);
    const langs = {};
    for (const p of small) for (const [l, n] of Object.entries(p.byLang)) langs[l] = (langs[l] ?? 0) + n;
    partRows.push([`js/packages/{${small.length} more}`, small.map(label).join(' '), f, (b / MiB).toFixed(2), Object.entries(langs).map(([l, n]) => `${l} ${n}`).join(', ')]);
  }
  console.log(table(['corpus folder', 'source', 'files', 'MiB', 'languages'], partRows.map((r) => [r[0], r[1].length > 70 ? r[1].slice(0, 67) + '...' : r[1], r[2], r[3], r[4]]), ['l', 'l', 'r', 'r', 'l']));
  console.log('');
  console.log(table(['language', 'files', 'MiB'], [
    ...Object.entries(byLang).sort().map(([l, v]) => [l, v.files, (v.bytes / MiB).toFixed(2)]),
    ['total', files.length, (totalBytes / MiB).toFixed(2)],
  ], ['l', 'r', 'r']));
  if (manifest.missing.length) console.log(`\nnot found (left out): ${manifest.missing.join('; ')}`);
  console.log(`left out while copying: ${Object.entries(manifest.skipped).map(([r, n]) => `${n} ${r}`).join(', ') || 'nothing'}`);
  if (!byLang.tsx) console.log('note: no .tsx file on this machine — the tsx rules are exercised by bench/fixtures only.');
  if (opts.corpusOnly) return 0;

  // Tools
  const timeBin = opts.procPoll ? undefined : gnuTime();
  const [moat, sg] = tools(opts.jobs);
  const versions = {
    node: process.version,
    moat: versionOf(process.execPath, ['dist/moat.js', '--version']),
    astGrep: versionOf(sg.cmd, ['--version']),
    gitCommit: versionOf('git', ['rev-parse', '--short', 'HEAD']),
    gitDirty: versionOf('git', ['status', '--porcelain', '--untracked-files=no']) !== '',
  };
  const cpu = (/model name\s*:\s*(.*)/.exec(existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '') ?? [])[1] ?? os.cpus()[0]?.model;
  heading('Setup');
  console.log(`machine: ${os.availableParallelism()} CPUs (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.platform()} ${os.release()}`);
  console.log(`versions: node ${versions.node}, moat ${versions.moat} (commit ${versions.gitCommit}${versions.gitDirty ? ', uncommitted changes' : ''}), ${versions.astGrep}`);
  console.log(`peak RSS: ${timeBin ? `${timeBin} -v, "Maximum resident set size" (largest process; Moat's worker threads are in its process)` : 'no GNU time: polling /proc/PID/status VmHWM of the process tree every 10 ms'}`);
  console.log(`runs: 1 warm-up + ${opts.runs} timed per tool, interleaved; both tools get ${opts.jobs} threads; cwd ${ROOT}`);
  const loadBefore = os.loadavg()[0];
  console.log(`load average (1 min) before the runs: ${loadBefore.toFixed(2)}${loadBefore > 0.5 * os.availableParallelism() ? '  WARNING: the machine is busy, timings will be noisy' : ''}`);
  console.log('commands:');
  console.log(`  moat:     ${commandLine(moat)}`);
  console.log(`  ast-grep: ${commandLine(sg)}`);
  const moatChecks = readdirSync(MOAT_RULES).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).sort();

  // Rule parity on the fixtures (every language, including tsx), untimed.
  const fixtureParity = [];
  if (existsSync(FIXTURES)) {
    const fm = parseMoat(await runMeasured(moat.cmd, [...moat.args.slice(0, -1), rel(FIXTURES)], undefined));
    const fa = parseAstGrep(await runMeasured(sg.cmd, [...sg.args.slice(0, -1), rel(FIXTURES)], undefined));
    if (!fm.ok || !fa.ok) die(`fixture run failed: ${fm.problem ?? fa.problem}`);
    const rows = compareFindings(fm.matches, fa.matches, moatChecks);
    const differ = rows.filter((r) => r.sitesOnlyMoat || r.sitesOnlyAstGrep);
    fixtureParity.push(...rows.map(({ check, moat: m, astGrep: a, onlyMoat, onlyAstGrep }) => ({ check, moat: m, astGrep: a, onlyMoat, onlyAstGrep })));
    console.log(`rule parity on ${rel(FIXTURES)}/ (js, ts, tsx, py): moat ${fm.matches.length} findings, ast-grep ${fa.matches.length}; ` +
      (differ.length ? `DIFFERENT for ${differ.map((r) => r.check).join(', ')}` : 'same (check, file, line) everywhere'));
    for (const r of differ) {
      for (const s of r.onlyMoat) console.log(`    only moat     ${r.check} ${s.file}:${s.line}`);
      for (const s of r.onlyAstGrep) console.log(`    only ast-grep ${r.check} ${s.file}:${s.line}`);
    }
  }

  // Runs: warm-up, then interleaved timed runs.
  heading('Runs');
  const runs = { moat: [], 'ast-grep': [] };
  const parsed = {};
  for (let i = 0; i <= opts.runs; i++) {
    for (const tool of [moat, sg]) {
      const run = await runMeasured(tool.cmd, tool.args, timeBin);
      const p = tool.parse(run);
      const label = i === 0 ? 'warm-up' : `run ${i}`;
      console.log(`${tool.name.padEnd(8)} ${label.padEnd(7)} ${(run.wallMs / 1000).toFixed(2).padStart(7)} s wall  ${fmt(run.cpuS).padStart(6)} s CPU  ${fmt(run.rssKiB / 1024, 1).padStart(7)} MiB  exit ${run.code}  ${p.ok ? `${p.matches.length} findings` : 'FAILED'}`);
      if (!p.ok) {
        console.error(`\n${tool.name} failed: ${p.problem}`);
        writeResults({ error: `${tool.name} failed: ${p.problem}`, command: commandLine(tool) });
        return 2;
      }
      if (i > 0) runs[tool.name].push({ wallMs: run.wallMs, cpuS: run.cpuS, rssKiB: run.rssKiB, findings: p.matches.length });
      parsed[tool.name] = p;
    }
  }
  const sgFiles = await astGrepScannedFiles(sg);
  const loadAfter = os.loadavg()[0];
  console.log(`load average (1 min) after the runs: ${loadAfter.toFixed(2)}${loadAfter > 0.5 * os.availableParallelism() ? '  WARNING: the machine was busy, timings are noisy' : ''}`);

  // Summary
  const summary = {};
  for (const name of ['moat', 'ast-grep']) {
    const rs = runs[name];
    const wallS = median(rs.map((r) => r.wallMs)) / 1000;
    const peakRssKiB = Math.max(...rs.map((r) => r.rssKiB ?? 0));
    summary[name] = { medianWallS: wallS, minWallS: Math.min(...rs.map((r) => r.wallMs)) / 1000, maxWallS: Math.max(...rs.map((r) => r.wallMs)) / 1000, medianCpuS: median(rs.map((r) => r.cpuS ?? NaN)), peakRssMiB: peakRssKiB / 1024, findings: parsed[name].matches.length, filesPerS: files.length / wallS, mibPerS: totalBytes / MiB / wallS };
  }
  const ratioFiles = summary.moat.filesPerS / summary['ast-grep'].filesPerS;
  const ratioMiB = summary.moat.mibPerS / summary['ast-grep'].mibPerS;
  const cpuRatio = summary['ast-grep'].medianCpuS / summary.moat.medianCpuS;
  const throughputPass = ratioFiles >= 0.5;
  const rssPass = summary.moat.peakRssMiB < 200;
  const moatExtra = parsed.moat.extra;

  heading('Results');
  console.log(table(
    ['tool', 'median wall s', 'min–max s', 'median CPU s', 'peak RSS MiB', 'files/s', 'MiB/s', 'files scanned', 'findings'],
    ['moat', 'ast-grep'].map((n) => [n, fmt(summary[n].medianWallS), `${fmt(summary[n].minWallS)}–${fmt(summary[n].maxWallS)}`, fmt(summary[n].medianCpuS), fmt(summary[n].peakRssMiB, 1), fmt(summary[n].filesPerS, 0), fmt(summary[n].mibPerS), n === 'moat' ? moatExtra.filesScanned : (sgFiles?.scanned ?? '?'), summary[n].findings]),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  ));
  console.log(`\ncorpus: ${files.length} files, ${(totalBytes / MiB).toFixed(2)} MiB`);
  if (moatExtra.filesScanned !== files.length) console.log(`WARNING: moat scanned ${moatExtra.filesScanned} of the corpus's ${files.length} files`);
  if (sgFiles && sgFiles.scanned !== files.length) console.log(`WARNING: ast-grep scanned ${sgFiles.scanned} of the corpus's ${files.length} files`);
  if (moatExtra.errors.length) console.log(`moat reported ${moatExtra.errors.length} error(s), e.g. ${moatExtra.errors.slice(0, 3).map((e) => JSON.stringify(e)).join('; ')}`);
  if (moatExtra.skipped.length) console.log(`moat skipped ${moatExtra.skipped.length} file(s), e.g. ${moatExtra.skipped.slice(0, 3).map((s) => `${s.path} (${s.reason}${s.detail ? ': ' + s.detail : ''})`).join('; ')}`);
  if (moatExtra.suppressed) console.log(`moat: ${moatExtra.suppressed} of its findings are suppressed by comments in the corpus (counted above)`);
  if (parsed['ast-grep'].extra.stderr) console.log(`ast-grep stderr: ${parsed['ast-grep'].extra.stderr.slice(0, 500)}`);
  console.log('');
  console.log(`throughput moat/ast-grep: ${fmt(ratioFiles, 3)}× files/s, ${fmt(ratioMiB, 3)}× MiB/s   bar ≥ 0.5×   ${throughputPass ? 'PASS' : 'FAIL'}`);
  console.log(`moat peak RSS: ${fmt(summary.moat.peakRssMiB, 1)} MiB                              bar < 200 MiB  ${rssPass ? 'PASS' : 'FAIL'}`);
  console.log(`(for information, less sensitive to a busy machine: CPU time ast-grep/moat ${fmt(cpuRatio, 3)}× — Moat needs ${fmt(1 / cpuRatio, 1)}× ast-grep's CPU)`);

  // Per-check findings
  heading('Findings per check (sanity check: large differences are flagged, not fatal)');
  const rows = compareFindings(parsed.moat.matches, parsed['ast-grep'].matches, moatChecks);
  const unknown = [...new Set([...parsed.moat.matches, ...parsed['ast-grep'].matches].map((m) => m.check))].filter((c) => !moatChecks.includes(c));
  console.log(table(
    ['check', 'moat', 'ast-grep', 'diff', 'sites only moat', 'sites only ast-grep', ''],
    rows.map((r) => [r.check, r.moat, r.astGrep, r.moat - r.astGrep, r.sitesOnlyMoat, r.sitesOnlyAstGrep, r.flagged ? 'FLAG' : '']),
    ['l', 'r', 'r', 'r', 'r', 'r', 'l'],
  ));
  if (unknown.length) console.log(`findings for checks without a Moat rule file: ${unknown.join(', ')}`);
  for (const r of rows.filter((x) => x.sitesOnlyMoat || x.sitesOnlyAstGrep)) {
    console.log(`\n${r.check}${r.flagged ? ' (FLAG)' : ''}: ${r.sitesOnlyMoat} site(s) only moat reports, ${r.sitesOnlyAstGrep} only ast-grep reports; e.g.`);
    for (const s of r.onlyMoat.slice(0, 4)) console.log(`  only moat     ${s.file}:${s.line}${s.extra > 1 ? ` (×${s.extra})` : ''}  ${sourceLine(s.file, s.line)}`);
    for (const s of r.onlyAstGrep.slice(0, 4)) console.log(`  only ast-grep ${s.file}:${s.line}${s.extra > 1 ? ` (×${s.extra})` : ''}  ${sourceLine(s.file, s.line)}`);
  }

  const pass = throughputPass && rssPass;
  heading(`Verdict: ${pass ? 'PASS' : 'FAIL'}`);
  writeResults({
    date: new Date().toISOString(),
    machine: { cpus: os.availableParallelism(), cpu, totalMemGiB: os.totalmem() / 2 ** 30, platform: `${os.platform()} ${os.release()}` },
    versions,
    corpus: { dir: rel(CORPUS), files: files.length, bytes: totalBytes, byLanguage: byLang, parts: manifest.parts, missing: manifest.missing, skippedWhileCopying: manifest.skipped, sha256OfFileList: createHash('sha256').update(files.map((f) => `${f.path}\t${f.bytes}`).join('\n')).digest('hex') },
    method: { runs: opts.runs, warmup: 1, jobs: opts.jobs, rss: timeBin ? `${timeBin} -v` : '/proc VmHWM polling', loadAverage1mBefore: loadBefore, loadAverage1mAfter: loadAfter },
    commands: { moat: commandLine(moat), astGrep: commandLine(sg) },
    runs,
    summary,
    filesScanned: { moat: moatExtra.filesScanned, astGrep: sgFiles?.scanned },
    moat: { errors: moatExtra.errors, skipped: moatExtra.skipped, suppressed: moatExtra.suppressed },
    ratio: { filesPerS: ratioFiles, mibPerS: ratioMiB, cpuTimeAstGrepOverMoat: cpuRatio },
    bars: { throughput: { min: 0.5, value: ratioFiles, pass: throughputPass }, peakRssMiB: { max: 200, value: summary.moat.peakRssMiB, pass: rssPass } },
    pass,
    fixtureParity,
    checks: rows,
  });
  return pass ? 0 : 1;
}

function writeResults(obj) {
  mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, 'latest.json');
  writeFileSync(file, JSON.stringify(obj, null, 2) + '\n');
  console.log(`results written to ${rel(file)}`);
}

main().then((code) => process.exit(code), (error) => {
  console.error(error?.stack ?? String(error));
  process.exit(2);
});
