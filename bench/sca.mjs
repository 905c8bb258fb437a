#!/usr/bin/env node
// Dependency-check benchmark: the time to resolve a 2,000-package npm lockfile (package-lock.json
// v3, generated at run time into bench/.sca-corpus/: the npm packages of the bundled advisory
// snapshot at vulnerable and fixed versions, plus synthetic packages) against the bundled
// database. Reports (1) in-process: read + lookup, median of N runs after a warm-up (out/ modules),
// and (2) the cold CLI: `moat scan --no-secrets --advisories bundled` on that folder, wall time.
// No peer runs here: osv-scanner is a Go binary (not on npm) and `npm audit` needs the network.
// Requires `npm run build` (dist/) and `npx tsc -p tsconfig.test.json` (out/).
// Usage: node bench/sca.mjs [--runs N] [--packages N]   Exit: 0 bar met, 1 bar missed, 2 setup error.

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const CORPUS = path.join(ROOT, 'bench', '.sca-corpus');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const argVal = (name, def) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : def; };
const RUNS = argVal('--runs', 5);
const PACKAGES = argVal('--packages', 2000);
// Bar: resolving the lockfile in-process must stay interactive (the editor re-checks on save).
const BAR_MS = 500;

function die(msg) { console.error(`sca bench: ${msg}`); process.exit(2); }
const MOAT = path.join(ROOT, 'dist', 'moat.js');
const OUT = path.join(ROOT, 'out', 'server', 'src', 'sca');
if (!existsSync(MOAT)) die('dist/moat.js missing: run `npm run build`');
if (!existsSync(path.join(OUT, 'dependency-check.js'))) die('out/ missing: run `npx tsc -p tsconfig.test.json`');

// The corpus: real npm names with versions the snapshot says are affected (and some fixed ones).
const npmDir = path.join(ROOT, 'advisories', 'bundled', 'npm');
const real = [];
for (const file of readdirSync(npmDir)) {
  const record = JSON.parse(readFileSync(path.join(npmDir, file), 'utf8'));
  for (const a of record.affected ?? []) {
    for (const r of a.ranges ?? []) {
      const introduced = r.events.find((e) => e.introduced && e.introduced !== '0')?.introduced;
      const fixed = r.events.find((e) => e.fixed)?.fixed;
      if (introduced) real.push([a.package.name, introduced]);
      if (fixed) real.push([a.package.name, fixed]);
    }
  }
}
const packages = { '': { name: 'bench-app', version: '1.0.0', dependencies: {} } };
let i = 0;
for (const [name, version] of real) {
  if (i >= PACKAGES) break;
  const key = `node_modules/${name}` + (packages[`node_modules/${name}`] ? `-dup${i}` : '');
  if (packages[key]) continue;
  packages[key] = { version, resolved: `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${version}.tgz`, integrity: 'sha512-AAAA' };
  if (i % 3 === 0) packages[''].dependencies[name] = `^${version}`;
  i++;
}
for (; i < PACKAGES; i++) {
  const name = `bench-pkg-${i}`;
  packages[`node_modules/${name}`] = { version: `${1 + (i % 7)}.${i % 13}.${i % 5}`, resolved: `https://registry.npmjs.org/${name}/-/${name}-1.0.0.tgz`, integrity: 'sha512-AAAA', dev: i % 4 === 0 };
}
mkdirSync(CORPUS, { recursive: true });
const lockText = JSON.stringify({ name: 'bench-app', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2) + '\n';
writeFileSync(path.join(CORPUS, 'package-lock.json'), lockText);
writeFileSync(path.join(CORPUS, 'package.json'), JSON.stringify({ name: 'bench-app', version: '1.0.0', dependencies: packages[''].dependencies }, null, 2) + '\n');

const { checkManifests } = require(path.join(OUT, 'dependency-check.js'));
const { createAdvisoryService } = require(path.join(OUT, 'advisory-setup.js'));
const bundled = path.join(ROOT, 'dist', 'advisories', 'bundled.zip');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function resolveOnce() {
  const { service } = createAdvisoryService({ sources: ['bundled'], bundledLocation: bundled, cacheHours: 0 });
  const t0 = performance.now();
  const result = await checkManifests([{ file: 'package-lock.json', text: lockText }], service);
  return { ms: performance.now() - t0, findings: result.files[0].findings.length, dependencies: result.files[0].dependencies };
}

console.log(`corpus: ${path.relative(ROOT, CORPUS)}/package-lock.json — ${Object.keys(packages).length - 1} packages (${real.length} real advisory-bearing name/version pairs available), ${(lockText.length / 1024).toFixed(0)} KiB`);
await resolveOnce(); // warm-up (JIT), not counted
const runs = [];
let last;
for (let r = 0; r < RUNS; r++) { last = await resolveOnce(); runs.push(last.ms); }
console.log(`in-process resolve (read lockfile + index bundled snapshot + look up every package), median of ${RUNS}: ${median(runs).toFixed(0)} ms — ${last.dependencies} dependencies, ${last.findings} findings`);

const cmd = [MOAT, 'scan', '--no-secrets', '--advisories', 'bundled', '--format', 'json', CORPUS];
console.log(`cold CLI: node ${cmd.map((c) => path.relative(ROOT, c) || c).join(' ')}`);
const cli = [];
for (let r = 0; r < Math.max(1, Math.min(RUNS, 3)); r++) {
  const t0 = performance.now();
  const p = spawnSync(process.execPath, cmd, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  cli.push(performance.now() - t0);
  if (p.status !== 0 && p.status !== 1) die(`moat scan failed (${p.status}): ${p.stderr}`);
}
console.log(`cold CLI wall time, median of ${cli.length}: ${median(cli).toFixed(0)} ms`);
const ok = median(runs) <= BAR_MS;
console.log(`bar: in-process resolve of ${PACKAGES} packages ≤ ${BAR_MS} ms — ${ok ? 'PASS' : 'FAIL'}`);
process.exit(ok ? 0 : 1);
