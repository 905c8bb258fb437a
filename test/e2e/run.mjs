#!/usr/bin/env node
// End-to-end tests of the packaged Moat extension in a real VS Code (code-server 4.100.3, i.e.
// VS Code 1.100.3, installed by test/e2e/install.sh). `npm run test:e2e` runs this file.
//
//   1. packages the extension (`npm run package` → moat.vsix) and bundles the extension-host suite
//      (test/e2e/suite/index.ts → out/e2e/suite/index.js, type-checked first);
//   2. makes a temp dir with two copies of test/e2e/fixtures/workspace (one per test style), a
//      user-data-dir, an extensions-dir and XDG dirs, and installs moat.vsix into code-server;
//   3. starts code-server on 127.0.0.1:<free port> in its own process group, waits for /healthz;
//   4. runs the suite inside code-server's extension host (the `payload` URL with
//      extensionDevelopmentPath = the installed, unpacked .vsix and extensionTestsPath = the bundle;
//      results come back through a JSON file), then the Playwright UI tests (ui.mjs);
//   5. always kills code-server's whole process group and the browser, copies code-server's logs
//      (extension host, "Moat" output channel) to test-artifacts/e2e/, prints one line per test and
//      "N passed, N failed", and exits non-zero if anything failed.
//
// Options: --electron   run the suite through @vscode/test-electron instead (electron.mjs)
//          --only=ext|ui run one of the two styles
//          --no-package  reuse moat.vsix and dist/ as they are
//          --keep        keep the temp dir (its path is printed)
// Environment: MOAT_E2E_HOME (default ~/.cache/moat-e2e: where install.sh put code-server),
//              MOAT_E2E_TIMEOUT_MS (default 360000: the whole run), MOAT_E2E_CHROMIUM (/usr/bin/chromium).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CODE_SERVER_VERSION = '4.100.3';
const EXTENSION_ID = 'moat-security.moat';
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const artifacts = path.join(root, 'test-artifacts', 'e2e');
const e2eHome = process.env.MOAT_E2E_HOME || path.join(os.homedir(), '.cache', 'moat-e2e');
const codeServerBin = path.join(e2eHome, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', '.bin', 'code-server');
const chromium = process.env.MOAT_E2E_CHROMIUM || '/usr/bin/chromium';
const timeoutMs = Number(process.env.MOAT_E2E_TIMEOUT_MS || 360_000);

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
for (const a of args) {
  if (!['--electron', '--no-package', '--keep'].includes(a) && !/^--only=(ext|ui)$/.test(a)) {
    console.error(`unknown argument ${a}; usage: node test/e2e/run.mjs [--electron] [--only=ext|ui] [--no-package] [--keep]`);
    process.exit(2);
  }
}

const started = Date.now();
const log = (line) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${line}`);

// Everything that must be undone, whatever happens: filled in as things start.
const cleanups = [];
let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (e) {
        log(`cleanup: ${e.message}`);
      }
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    void cleanup().finally(() => process.exit(130));
  });
}
const watchdog = setTimeout(() => {
  log(`the whole run took longer than ${timeoutMs} ms: giving up`);
  void cleanup().finally(() => {
    console.log('e2e: 0 passed, 1 failed');
    process.exit(1);
  });
}, timeoutMs);
watchdog.unref();

let summary = 'e2e: 0 passed, 1 failed';
let exitCode = 1;
try {
  ({ exitCode, summary } = await main());
} catch (e) {
  console.error(e?.stack ?? String(e));
  exitCode = 1;
} finally {
  await cleanup();
}
// Last, alone on its line, so that CI reads the counts.
console.log(summary);
process.exit(exitCode);

// ---------------------------------------------------------------------------------------------

async function main() {
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });

  if (!flag('no-package')) {
    log('npm run package');
    run('npm', ['run', 'package'], { cwd: root, logFile: path.join(artifacts, 'package.log') });
  }
  const vsix = path.join(root, 'moat.vsix');
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run without --no-package`);
  const suiteJs = await buildSuite();

  const tmp = mkdtempSync(path.join(os.tmpdir(), 'moat-e2e-'));
  cleanups.push(() => {
    if (flag('keep')) log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  });
  const fixtures = path.join(here, 'fixtures', 'workspace');
  const workspace = (name) => {
    const dir = path.join(tmp, name);
    cpSync(fixtures, dir, { recursive: true });
    return dir;
  };
  const resultsFile = path.join(tmp, 'results', 'extension-host.json');
  writeFileSync(path.join(path.dirname(suiteJs), 'config.json'), JSON.stringify({ resultsFile }, null, 2));

  /** @type {Array<{style: string, name: string, passed: boolean, ms: number, error?: string}>} */
  const results = [];

  if (flag('electron')) {
    const { runElectron } = await import('./electron.mjs');
    const { results: suite, error } = await runElectron({
      cacheDir: path.join(e2eHome, 'vscode-test'),
      extensionDir: root, // package.json + dist/ after `npm run package`
      suiteJs,
      workspace: workspace('ws-electron'),
      tmp,
      resultsFile,
      log,
    });
    if (error) results.push({ style: 'electron', name: 'the extension-host suite runs in desktop VS Code', passed: false, ms: 0, error });
    else for (const t of suite.tests) results.push({ style: 'electron', ...t });
    return report(results);
  }

  if (!existsSync(codeServerBin)) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} is not installed at ${codeServerBin}: run \`bash test/e2e/install.sh\` first`);
  }
  if (!existsSync(chromium)) throw new Error(`${chromium} is missing: run \`bash test/e2e/install.sh\` first (or set MOAT_E2E_CHROMIUM)`);

  const dirs = {
    userData: path.join(tmp, 'user-data'),
    extensions: path.join(tmp, 'extensions'),
    xdgConfig: path.join(tmp, 'xdg', 'config'),
    xdgData: path.join(tmp, 'xdg', 'data'),
    xdgCache: path.join(tmp, 'xdg', 'cache'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  writeUserSettings(dirs.userData);
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
    // code-server must not pick up a password or a proxy meant for something else.
    PASSWORD: '',
    HASHED_PASSWORD: '',
  };
  delete env.VSCODE_IPC_HOOK_CLI;
  const common = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];

  log(`code-server --install-extension moat.vsix`);
  run(codeServerBin, ['--install-extension', vsix, ...common], { env, logFile: path.join(artifacts, 'install-extension.log') });
  const installed = readdirSync(dirs.extensions).find((d) => d.startsWith(`${EXTENSION_ID}-`));
  if (!installed) throw new Error(`moat.vsix did not install: ${dirs.extensions} has ${readdirSync(dirs.extensions).join(', ') || 'nothing'}`);
  // The extension under test for the extension-host suite: the .vsix as installed (unpacked), so
  // both styles test exactly what ships.
  const extensionDir = path.join(tmp, 'extension-under-test');
  cpSync(path.join(dirs.extensions, installed), extensionDir, { recursive: true });

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = path.join(tmp, 'code-server.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const server = startCodeServer(
    ['--config', config, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
      '--disable-workspace-trust', ...common],
    env,
  );
  // Run in reverse: the browser closes, then code-server's group is killed, then its logs are copied.
  cleanups.push(() => copyLogs(dirs.userData, results));
  cleanups.push(() => stopProcessGroup(server));
  await waitForHealth(baseUrl, server);
  log(`code-server ${CODE_SERVER_VERSION} is up at ${baseUrl} (process group ${server.pid})`);

  const { chromium: pwChromium } = await import('playwright-core');
  const browser = await pwChromium.launch({
    executablePath: chromium,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  cleanups.push(() => browser.close());

  if (only !== 'ui') {
    log('extension-host suite: starting');
    for (const t of await runExtensionHostSuite({ browser, baseUrl, workspace: workspace('ws-extension-host'), extensionDir, suiteJs, resultsFile })) {
      results.push({ style: 'extension-host', ...t });
    }
  }
  if (only !== 'ext') {
    log('UI tests: starting');
    const { runUiTests } = await import('./ui.mjs');
    for (const t of await runUiTests({ browser, baseUrl, workspace: workspace('ws-ui'), artifacts, log })) results.push({ style: 'ui', ...t });
  }
  return report(results);
}

/** Type-checks and bundles test/e2e/suite/index.ts into out/e2e/suite/index.js (CJS, vscode external). */
async function buildSuite() {
  log('type-check and bundle the extension-host suite');
  run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(here, 'tsconfig.json')], { cwd: root });
  const { build } = await import('esbuild');
  const outfile = path.join(root, 'out', 'e2e', 'suite', 'index.js');
  await build({
    entryPoints: [path.join(here, 'suite', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * Opens a window whose payload makes code-server's extension host load the extension under
 * development and run the suite; waits for the suite's results file.
 */
async function runExtensionHostSuite({ browser, baseUrl, workspace, extensionDir, suiteJs, resultsFile }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${new URL(baseUrl).port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionDir)],
    ['extensionTestsPath', remote(suiteJs)],
  ];
  const url = `${baseUrl}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const context = await browser.newContext({ viewport: { width: 1500, height: 900 } });
  const page = await context.newPage();
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
  // VS Code's web workbench calls these when the extension tests end (as @vscode/test-web uses them).
  let hostExit;
  await page.exposeFunction('codeAutomationExit', (code) => {
    hostExit = code;
  });
  await page.exposeFunction('codeAutomationLog', (type, messages) => consoleLines.push(`[exthost ${type}] ${[].concat(messages).join(' ')}`));
  const suiteStarted = Date.now();
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const deadline = Date.now() + 180_000;
    while (!existsSync(resultsFile)) {
      if (Date.now() > deadline) throw new Error(`no results in ${resultsFile} after 180 s`);
      if (hostExit !== undefined) {
        await new Promise((r) => setTimeout(r, 1_000));
        if (!existsSync(resultsFile)) throw new Error(`the extension host ended the tests (exit code ${hostExit}) without writing ${resultsFile}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    const suite = JSON.parse(readFileSync(resultsFile, 'utf8'));
    log(`extension-host suite: ${suite.passed} passed, ${suite.failed} failed in ${((Date.now() - suiteStarted) / 1000).toFixed(1)} s (VS Code ${suite.vscodeVersion})`);
    return suite.tests;
  } catch (e) {
    return [{ name: 'the extension-host suite runs and reports', passed: false, ms: Date.now() - suiteStarted, error: e?.stack ?? String(e) }];
  } finally {
    await page.screenshot({ path: path.join(artifacts, 'extension-host-window.png') }).catch(() => {});
    writeFileSync(path.join(artifacts, 'extension-host-browser-console.log'), consoleLines.join('\n') + '\n');
    await context.close().catch(() => {});
  }
}

/** User settings that keep the workbench quiet and predictable. */
function writeUserSettings(userData) {
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'chat.disableAIFeatures': true,
    'files.autoSave': 'off',
    // The LSP messages go to the "Moat" output channel log (copied to the artifacts): a failure
    // can be traced to the request that went wrong.
    'moat.trace.server': 'messages',
  };
  writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

function startCodeServer(csArgs, env) {
  const logFile = path.join(artifacts, 'code-server.log');
  const out = createWriteStream(logFile);
  // detached: the child calls setsid(), so it leads a new process group that holds code-server,
  // its extension hosts and the Moat language servers they start; stopProcessGroup kills them all.
  const child = spawn(codeServerBin, csArgs, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  child.logFile = logFile;
  return child;
}

async function stopProcessGroup(child) {
  const alive = () => {
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  process.kill(-child.pid, 'SIGTERM');
  for (let i = 0; i < 50 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive()) {
    log(`process group ${child.pid} still alive 5 s after SIGTERM: SIGKILL`);
    process.kill(-child.pid, 'SIGKILL');
    for (let i = 0; i < 20 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
  }
  log(alive() ? `process group ${child.pid} could not be killed` : `code-server stopped (process group ${child.pid} is gone)`);
}

async function waitForHealth(baseUrl, child) {
  const deadline = Date.now() + 60_000;
  let exited;
  child.exited.then((e) => (exited = e));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`code-server exited (${JSON.stringify(exited)}) before it was healthy:\n${tail(child.logFile, 30)}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server was not healthy after 60 s:\n${tail(child.logFile, 30)}`);
}

/** Copies code-server's logs (extension host, Moat output channel) to the artifacts; on a failure, prints Moat's. */
function copyLogs(userData, results) {
  const from = path.join(userData, 'logs');
  if (!existsSync(from)) return;
  const to = path.join(artifacts, 'logs');
  cpSync(from, to, { recursive: true });
  const files = walk(to);
  const moatLogs = files.filter((f) => /moat/i.test(path.basename(f)) || /moat-security\.moat/.test(f));
  const hostLogs = files.filter((f) => /exthost\.log$/.test(f));
  log(`logs: ${path.relative(root, to)} (Moat output channel: ${moatLogs.map((f) => path.relative(to, f)).join(', ') || 'none found'})`);
  if (results.some((r) => !r.passed)) {
    for (const f of moatLogs) console.log(`--- ${path.relative(root, f)} (last 40 lines)\n${tail(f, 40)}`);
    for (const f of hostLogs) {
      const lines = readFileSync(f, 'utf8').split('\n').filter((l) => /error|moat/i.test(l));
      if (lines.length) console.log(`--- ${path.relative(root, f)} (lines with "error" or "moat", last 30)\n${lines.slice(-30).join('\n')}`);
    }
  }
}

function report(results) {
  console.log('');
  for (const r of results) {
    console.log(`${r.passed ? 'PASS' : 'FAIL'}  [${r.style}] ${r.name}${r.passed ? ` (${r.ms} ms)` : ''}`);
    if (!r.passed && r.error) console.log(r.error.replace(/^/gm, '        '));
  }
  const failed = results.filter((r) => !r.passed).length;
  console.log(`\nartifacts: ${path.relative(process.cwd(), artifacts) || '.'} (screenshots, logs); tests done after ${((Date.now() - started) / 1000).toFixed(0)} s`);
  writeFileSync(path.join(artifacts, 'results.json'), JSON.stringify(results, null, 2));
  return { exitCode: failed === 0 && results.length > 0 ? 0 : 1, summary: `e2e: ${results.length - failed} passed, ${failed} failed` };
}

// ---------------------------------------------------------------------------------------------

function run(cmd, cmdArgs, { cwd = root, env = process.env, logFile } = {}) {
  const r = spawnSync(cmd, cmdArgs, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (logFile) writeFileSync(logFile, output);
  if (r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`}):\n${output.split('\n').slice(-40).join('\n')}`);
  return output;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function tail(file, n) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-n).join('\n');
  } catch {
    return `(no ${file})`;
  }
}
