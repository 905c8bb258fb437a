/**
 * End-to-end tests that run inside a real VS Code extension host (code-server's, or a desktop
 * VS Code's through @vscode/test-electron), against the packaged Moat extension and the workspace
 * in test/e2e/fixtures/workspace. VS Code loads this file (bundled to out/e2e/suite/index.js) as
 * `extensionTestsPath` and calls `run()`; the promise settles when every test has run, rejected
 * if one failed. The results also go to a JSON file that the driver (test/e2e/run.mjs) reads:
 * its path comes from `config.json` beside the bundle (written by the driver) or from the
 * environment variable MOAT_E2E_RESULTS.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { startVaultTestServer } from '../../helpers/vault-test-server';
import { expandSample } from '../../../server/src/secrets/sample-tokens';

const EXTENSION_ID = 'moat-security.moat';
const TRUST_REMOTE_CODE = 'genai.trust-remote-code';
const TLS_VERIFY_DISABLED = 'genai.tls-verify-disabled';
const WAIT_MS = 30_000;

interface TestResult {
  readonly name: string;
  readonly passed: boolean;
  readonly ms: number;
  readonly error?: string;
}

export interface SuiteResults {
  readonly suite: 'extension-host';
  readonly vscodeVersion: string;
  readonly passed: number;
  readonly failed: number;
  readonly tests: TestResult[];
}

type Test = { readonly name: string; readonly fn: () => Promise<void> };

// ---------------------------------------------------------------------------------------------
// The tests

function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

const tests: Test[] = [
  {
    name: 'the Moat extension is installed and activates on a Python file',
    fn: async () => {
      const ext = vscode.extensions.getExtension(EXTENSION_ID);
      assert(ext, `extension ${EXTENSION_ID} is not installed; installed: ${vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.')).join(', ')}`);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('clean.py')));
      await waitFor('the extension to activate', () => ext.isActive || undefined);
      const commands = await vscode.commands.getCommands(true);
      for (const c of ['moat.scanWorkspace', 'moat.restartServer', 'moat.showOutput']) assert(commands.includes(c), `command ${c} is not registered`);
    },
  },
  {
    name: `opening app.py publishes a ${TRUST_REMOTE_CODE} diagnostic on \`True\``,
    fn: async () => {
      const uri = workspaceFile('app.py');
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const [d] = await waitForMoatDiagnostics(uri, TRUST_REMOTE_CODE);
      assertEqual(doc.getText(d.range), 'True', 'text under the diagnostic');
      assertEqual(d.range.start.line, 6, 'diagnostic line (0-based)');
      assertEqual(d.severity, vscode.DiagnosticSeverity.Error, 'severity');
    },
  },
  {
    name: 'clean.py gets no Moat diagnostic',
    fn: async () => {
      const uri = workspaceFile('clean.py');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      // app.py has been checked by now (previous test), so the server is up: give clean.py a moment.
      await sleep(1_000);
      const moat = moatDiagnostics(uri);
      assert(moat.length === 0, `unexpected diagnostics: ${describe(moat)}`);
    },
  },
  {
    name: 'code actions on the finding: the preferred quick fix, the suppression and source.fixAll.moat',
    fn: async () => {
      const uri = workspaceFile('app.py');
      const [d] = await waitForMoatDiagnostics(uri, TRUST_REMOTE_CODE);
      const actions = await codeActions(uri, d.range);
      const fix = actions.find((a) => a.kind?.value === 'quickfix' && a.isPreferred);
      assert(fix, `no preferred quick fix among: ${titles(actions)}`);
      assert(fix.title.includes(TRUST_REMOTE_CODE), `quick fix title does not name the rule: ${fix.title}`);
      assert(fix.edit, 'the quick fix has no edit');
      const suppress = actions.find((a) => a.title === `Suppress ${TRUST_REMOTE_CODE} with moat-ignore`);
      assert(suppress, `no suppress action among: ${titles(actions)}`);
      assert(!suppress.isPreferred, 'the suppress action must not be preferred');
      const fixAll = await codeActions(uri, d.range, 'source.fixAll.moat');
      assert(fixAll.some((a) => a.kind?.value === 'source.fixAll.moat' && a.edit), `no source.fixAll.moat action among: ${titles(fixAll)}`);
    },
  },
  {
    name: 'applying the quick fix and saving writes trust_remote_code=False to disk and clears the diagnostic',
    fn: async () => {
      const uri = workspaceFile('app.py');
      // As a user does it: from the file's editor.
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const [d] = await waitForMoatDiagnostics(uri, TRUST_REMOTE_CODE);
      const fix = (await codeActions(uri, d.range)).find((a) => a.kind?.value === 'quickfix' && a.isPreferred);
      assert(fix?.edit, 'no quick fix with an edit');
      assert(await vscode.workspace.applyEdit(fix.edit), 'workspace.applyEdit returned false');
      assert(await doc.save(), 'save failed');
      const line = fs.readFileSync(uri.fsPath, 'utf8').split('\n')[6];
      assertEqual(line, 'model = AutoModelForCausalLM.from_pretrained(MODEL_ID, revision=REVISION, trust_remote_code=False)', 'line 7 on disk');
      await waitFor(`${TRUST_REMOTE_CODE} to disappear from app.py`, () => (moatDiagnostics(uri, TRUST_REMOTE_CODE).length === 0 ? true : undefined));
    },
  },
  {
    name: 'requirements.txt: a vulnerable pin gets an advisory diagnostic, a hover with the fixed version, and an upgrade quick fix that keeps ==',
    fn: async () => {
      const uri = workspaceFile('requirements.txt');
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const [d] = await waitForMoatDiagnostics(uri, 'GHSA-f73w-4m7g-ch9x');
      assertEqual(d.range.start.line, 2, 'the diagnostic is on the langchain line');
      assert(d.message.startsWith('langchain 0.0.300 has a known vulnerability'), `message: ${d.message}`);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, d.range.start.translate(0, 2));
      const hoverText = (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
      assert(/CVE-2023-39631/.test(hoverText) && /Fixed in:\*\* 0\.0\.308/.test(hoverText), `hover: ${hoverText.slice(0, 400)}`);
      const upgrade = (await codeActions(uri, d.range)).find((a) => a.title.startsWith('Upgrade langchain to '));
      assert(upgrade?.edit, 'no "Upgrade langchain to …" quick fix');
      assert(await vscode.workspace.applyEdit(upgrade.edit), 'workspace.applyEdit returned false');
      assert(await doc.save(), 'save failed');
      const line = fs.readFileSync(uri.fsPath, 'utf8').split('\n')[2];
      assert(/^langchain==0\.\d+\.\d+$/.test(line) && line !== 'langchain==0.0.300', `line 3 on disk: ${line}`);
      await waitFor('the fixed advisory to disappear from requirements.txt', () => (moatDiagnostics(uri, 'GHSA-f73w-4m7g-ch9x').length === 0 ? true : undefined));
    },
  },
  {
    name: 'a file whose editor was closed keeps no stale Moat diagnostic once it is fixed',
    fn: async () => {
      // The editor closes but the document stays open in the extension host (VS Code keeps the
      // model a while); an edit that fixes it then (a fix-all, a refactoring, a script) must not
      // leave the old finding in the Problems panel.
      const uri = workspaceFile('closed_tab.py');
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const [d] = await waitForMoatDiagnostics(uri, TRUST_REMOTE_CODE);
      const fix = (await codeActions(uri, d.range)).find((a) => a.kind?.value === 'quickfix' && a.isPreferred);
      assert(fix?.edit, 'no quick fix with an edit');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await waitFor('the editor of closed_tab.py to close', () => (vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === uri.toString()) ? undefined : true));
      await sleep(1_000); // as a user would: the edit comes well after the tab closed
      assert(await vscode.workspace.applyEdit(fix.edit), 'workspace.applyEdit returned false');
      assert(await doc.save(), 'save failed');
      assert(fs.readFileSync(uri.fsPath, 'utf8').includes('trust_remote_code=False'), 'the fix is not on disk');
      const stillOpen = () => vscode.workspace.textDocuments.some((t) => t.uri.toString() === uri.toString());
      await waitFor(
        `${TRUST_REMOTE_CODE} to disappear from closed_tab.py`,
        () => (moatDiagnostics(uri, TRUST_REMOTE_CODE).length === 0 ? true : undefined),
        () => `the file on disk is fixed (version ${doc.version}, document ${stillOpen() ? 'still open' : 'closed'} in the extension host), but VS Code still has ${describe(moatDiagnostics(uri))}`,
      );
    },
  },
  {
    name: 'applying "Suppress with moat-ignore" adds the comment and clears the diagnostic',
    fn: async () => {
      const uri = workspaceFile('suppress_me.py');
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const [d] = await waitForMoatDiagnostics(uri, TRUST_REMOTE_CODE);
      const suppress = (await codeActions(uri, d.range)).find((a) => a.title === `Suppress ${TRUST_REMOTE_CODE} with moat-ignore`);
      assert(suppress?.edit, 'no suppress action with an edit');
      assert(await vscode.workspace.applyEdit(suppress.edit), 'workspace.applyEdit returned false');
      assert(await doc.save(), 'save failed');
      const lines = fs.readFileSync(uri.fsPath, 'utf8').split('\n');
      assert(/^# moat-ignore: genai\.trust-remote-code\b/.test(lines[6]), `line 7 on disk is not a moat-ignore comment: ${JSON.stringify(lines[6])}`);
      assert(lines[7].includes('trust_remote_code=True'), `line 8 on disk should be the original call: ${JSON.stringify(lines[7])}`);
      await waitFor(`${TRUST_REMOTE_CODE} to disappear from suppress_me.py`, () => (moatDiagnostics(uri, TRUST_REMOTE_CODE).length === 0 ? true : undefined));
    },
  },
  {
    name: `moat.scanWorkspace reports ${TLS_VERIFY_DISABLED} in lib/http_client.py, a file that is not open`,
    fn: async () => {
      const uri = workspaceFile('lib/http_client.py');
      assert(!vscode.workspace.textDocuments.some((doc) => doc.uri.toString() === uri.toString()), 'lib/http_client.py is open already');
      assertEqual(moatDiagnostics(uri).length, 0, 'Moat diagnostics on lib/http_client.py before the scan');
      const summary = (await vscode.commands.executeCommand('moat.scanWorkspace')) as { files: number; findings: number; cancelled: boolean } | undefined;
      assert(summary && summary.files >= 5 && !summary.cancelled, `unexpected scan summary: ${JSON.stringify(summary)}`);
      const [d] = await waitForMoatDiagnostics(uri, TLS_VERIFY_DISABLED);
      assertEqual(d.range.start.line, 5, 'diagnostic line (0-based)');
      assert(!vscode.workspace.textDocuments.some((doc) => doc.uri.toString() === uri.toString()), 'the scan opened lib/http_client.py');
    },
  },
  {
    name: 'Move secret to Vault writes to Vault, verifies, then rewrites the file; with Vault sealed the file is untouched',
    fn: async () => {
      const vault = await startVaultTestServer({ token: 'e2e-only-token' });
      process.env.VAULT_ADDR = vault.url;
      process.env.VAULT_TOKEN = 'e2e-only-token';
      try {
        for (const sealed of [false, true]) {
          const key = expandSample('sk-proj-{alnum:58}T3BlbkFJ{alnum:58}', sealed ? 'e2e-sealed' : 'e2e-move');
          const uri = workspaceFile(sealed ? 'move_sealed.py' : 'move_me.py');
          const original = `import os\n\nOPENAI_API_KEY = "${key}"\n`;
          fs.writeFileSync(uri.fsPath, original);
          const doc = await vscode.workspace.openTextDocument(uri);
          await vscode.window.showTextDocument(doc);
          const [d] = await waitForMoatDiagnostics(uri, 'moat.secrets.openai-project-key');
          vault.faults.set('sealed', sealed);
          await vscode.commands.executeCommand('moat.moveSecretToVault', uri.toString(), doc.offsetAt(d.range.start), doc.offsetAt(d.range.end), 'secret/e2e/app#openai_api_key');
          await doc.save();
          const onDisk = fs.readFileSync(uri.fsPath, 'utf8');
          const stored = [...vault.store.values()].flat().map((v) => JSON.stringify(v)).join(' ');
          if (sealed) {
            assertEqual(onDisk, original, 'the file after a failed move (Vault sealed)');
          } else {
            assert(!onDisk.includes(key), 'the secret is gone from the file');
            assert(/read_secret_version\(path="e2e\/app", mount_point="secret"\)\["data"\]\["data"\]\["openai_api_key"\]/.test(onDisk), `the lookup is in the file: ${onDisk}`);
            assert(stored.includes(key), 'Vault holds the value');
          }
        }
      } finally {
        vault.faults.clear();
        await vault.stop();
      }
    },
  },
];

// ---------------------------------------------------------------------------------------------
// The runner (VS Code's extension test contract)

export async function run(): Promise<void> {
  const resultsFile = process.env.MOAT_E2E_RESULTS ?? readConfig().resultsFile;
  const results: TestResult[] = [];
  for (const t of tests) {
    const started = Date.now();
    try {
      await withTimeout(t.fn(), 60_000, t.name);
      results.push({ name: t.name, passed: true, ms: Date.now() - started });
      console.log(`  ✔ ${t.name}`);
    } catch (e) {
      const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      results.push({ name: t.name, passed: false, ms: Date.now() - started, error });
      console.error(`  ✘ ${t.name}\n    ${error}`);
    }
  }
  const failed = results.filter((r) => !r.passed).length;
  const report: SuiteResults = { suite: 'extension-host', vscodeVersion: vscode.version, passed: results.length - failed, failed, tests: results };
  if (resultsFile) {
    fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
    fs.writeFileSync(resultsFile + '.tmp', JSON.stringify(report, null, 2));
    fs.renameSync(resultsFile + '.tmp', resultsFile); // the driver polls: never let it read half a file
  }
  if (failed) throw new Error(`${failed} of ${results.length} end-to-end tests failed`);
}

function readConfig(): { resultsFile?: string } {
  const file = path.join(__dirname, 'config.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { resultsFile?: string }) : {};
}

// ---------------------------------------------------------------------------------------------
// Helpers

function codeOf(d: vscode.Diagnostic): string | undefined {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return code === undefined ? undefined : String(code);
}

function moatDiagnostics(uri: vscode.Uri, ruleId?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'moat' && (ruleId === undefined || codeOf(d) === ruleId));
}

function waitForMoatDiagnostics(uri: vscode.Uri, ruleId: string): Promise<vscode.Diagnostic[]> {
  return waitFor(
    `a moat diagnostic ${ruleId} on ${vscode.workspace.asRelativePath(uri)}`,
    () => {
      const found = moatDiagnostics(uri, ruleId);
      return found.length ? found : undefined;
    },
    () => `diagnostics there: ${describe(vscode.languages.getDiagnostics(uri))}`,
  );
}

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const result = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', uri, range, kind);
  return (result ?? []).filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
}

function titles(actions: readonly vscode.CodeAction[]): string {
  return actions.length ? actions.map((a) => `"${a.title}" (${a.kind?.value ?? 'no kind'})`).join(', ') : 'none';
}

function describe(ds: readonly vscode.Diagnostic[]): string {
  return ds.length ? ds.map((d) => `[${d.source ?? '?'} ${codeOf(d) ?? '?'} @${d.range.start.line + 1}:${d.range.start.character + 1}]`).join(' ') : 'none';
}

async function waitFor<T>(what: string, probe: () => T | undefined, detail?: () => string, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail ? `; ${detail()}` : ''}`);
    await sleep(100);
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`test timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function assertEqual<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
