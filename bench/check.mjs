#!/usr/bin/env node
// `moat check` latency, the number that decides whether an agent can run it on every edit: wall
// time of a cold process (node started fresh each run, as a hook runs it) checking a 500-line file,
// by path and as Claude Code's PreToolUse hook (JSON event on stdin). The corpus is third-party
// code: the first 500 lines of semver's classes/range.js (installed with Moat) and of Python's
// subprocess.py (from the machine's python3, when there is one), copied to a temp folder.
// Prints the corpus, each command, and the median (min–max) of N runs after one warm-up; a
// startup baseline (`node -e ""`, `moat --version`) shows the floor. Bar: median ≤ 1500 ms.
//
// Usage: node bench/check.mjs [--runs N]   (default 9)
// Exit code: 0 every median within the bar, 1 one is not, 2 setup error (no dist/, a run failed).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const MOAT = path.join(ROOT, 'dist', 'moat.js');
const BAR_MS = 1500;
const LINES = 500;

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 9;
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error('bench/check: --runs needs a positive whole number');
  process.exit(2);
}
if (!existsSync(MOAT)) {
  console.error('bench/check: dist/moat.js is missing; run `npm run build` first');
  process.exit(2);
}

function firstLines(file, n) {
  return readFileSync(file, 'utf8').split('\n').slice(0, n).join('\n') + '\n';
}

function pythonStdlib() {
  const r = spawnSync('python3', ['-c', 'import sysconfig, sys; print(sysconfig.get_paths()["stdlib"]); print(sys.version.split()[0])'], { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  const [dir, version] = r.stdout.trim().split('\n');
  return { dir, version };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'moat-bench-check-'));
const corpus = [];
const semver = path.join(ROOT, 'node_modules', 'semver', 'classes', 'range.js');
const semverVersion = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'semver', 'package.json'), 'utf8')).version;
corpus.push({ name: 'range.js', source: `semver ${semverVersion} classes/range.js, first ${LINES} lines`, text: firstLines(semver, LINES) });
const py = pythonStdlib();
if (py && existsSync(path.join(py.dir, 'subprocess.py'))) {
  corpus.push({ name: 'subprocess.py', source: `Python ${py.version} stdlib subprocess.py, first ${LINES} lines`, text: firstLines(path.join(py.dir, 'subprocess.py'), LINES) });
} else {
  console.log('(python3 not found: the Python file is left out)');
}
for (const c of corpus) writeFileSync(path.join(dir, c.name), c.text);

/** Wall time of one cold run, in ms; the exit status must be one `moat check` gives for a pass or a block. */
function timeRun(args, input) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: dir, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, status: r.status, stderr: r.stderr + r.stdout.slice(-2000) };
}

function measure(label, args, input, okStatuses) {
  timeRun(args, input); // warm-up: file system cache
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const r = timeRun(args, input);
    if (!okStatuses.includes(r.status)) {
      console.error(`bench/check: ${label} exited ${r.status}:\n${r.stderr}`);
      rmSync(dir, { recursive: true, force: true });
      process.exit(2);
    }
    times.push(r.ms);
  }
  times.sort((a, b) => a - b);
  return { label, median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1] };
}

const fmt = (ms) => `${Math.round(ms)} ms`;
const shown = (args) => ['node', ...args.map((a) => (a === MOAT ? path.relative(ROOT, MOAT) : a))].join(' ');

console.log(`moat check: cold-process wall time, median of ${RUNS} runs after a warm-up (${os.cpus().length} CPUs, node ${process.version}, load ${os.loadavg()[0].toFixed(2)})`);
console.log(`corpus (copied to ${dir}):`);
for (const c of corpus) console.log(`  ${c.name}: ${c.source} (${c.text.split('\n').length - 1} lines, ${Buffer.byteLength(c.text)} bytes)`);
console.log('');

const results = [];
results.push({ ...measure('baseline: node -e ""', ['-e', ''], '', [0]), baseline: true, command: 'node -e ""' });
results.push({ ...measure('baseline: moat --version', [MOAT, '--version'], '', [0]), baseline: true, command: shown([MOAT, '--version']) });
for (const c of corpus) {
  const byPath = [MOAT, 'check', c.name];
  results.push({ ...measure(`check ${c.name}`, byPath, '', [0, 1]), command: shown(byPath) });
  const event = JSON.stringify({ session_id: 'bench', cwd: dir, hook_event_name: 'PreToolUse', tool_name: 'Write', tool_input: { file_path: path.join(dir, c.name), content: c.text } });
  const hook = [MOAT, 'check', '--hook', 'claude'];
  results.push({ ...measure(`hook ${c.name}`, hook, event, [0, 2]), command: `${shown(hook)} < PreToolUse Write event for ${c.name}` });
}

let failed = false;
for (const r of results) {
  const verdict = r.baseline ? '' : r.median <= BAR_MS ? '  PASS' : '  FAIL';
  if (!r.baseline && r.median > BAR_MS) failed = true;
  console.log(`${r.command}\n    median ${fmt(r.median)} (min ${fmt(r.min)}, max ${fmt(r.max)})${verdict}`);
}
console.log(`\nbar: median ≤ ${BAR_MS} ms per check: ${failed ? 'FAIL' : 'PASS'}`);
rmSync(dir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
