// The UI half of the end-to-end tests: drives code-server's workbench in Chromium with
// playwright-core, against the Moat .vsix installed in code-server's extensions dir. Opens
// app.py, waits for the squiggle, reads the Problems panel, applies the quick fix with Ctrl+.,
// saves with Ctrl+S and checks the file on disk. Each step is one result; a failed step ends the
// run (the later ones are reported as not run). A screenshot is saved after every step, and on
// failure. Called by run.mjs.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const RULE = 'genai.trust-remote-code';
/** The quick fix title says what the edit does, e.g. "Replace with `False` (genai.trust-remote-code)". */
const FIX_TITLE = 'Replace with `False`';
const FIXED_LINE = 'model = AutoModelForCausalLM.from_pretrained(MODEL_ID, revision=REVISION, trust_remote_code=False)';

/**
 * @param {object} o
 * @param {import('playwright-core').Browser} o.browser
 * @param {string} o.baseUrl      http://127.0.0.1:PORT
 * @param {string} o.workspace    absolute path of the workspace folder (a copy of the fixtures)
 * @param {string} o.artifacts    where screenshots and text captures go
 * @param {(line: string) => void} o.log
 * @returns {Promise<Array<{name: string, passed: boolean, ms: number, error?: string}>>}
 */
export async function runUiTests({ browser, baseUrl, workspace, artifacts, log }) {
  const file = path.join(workspace, 'app.py');
  const remote = (p) => `vscode-remote://${new URL(baseUrl).host}${p}`;
  const payload = [['openFile', remote(file)]];
  const url = `${baseUrl}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  const context = await browser.newContext({ viewport: { width: 1500, height: 900 } });
  const page = await context.newPage();
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));

  const results = [];
  let shot = 0;
  const screenshot = async (name) => {
    const to = path.join(artifacts, `ui-${String(++shot).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: to }).catch((e) => log(`screenshot ${to} failed: ${e.message}`));
  };
  const editor = page.locator('.editor-group-container .monaco-editor').first();

  const steps = [
    [
      'UI: the workspace opens with app.py in the editor',
      async () => {
        await page.goto(url, { waitUntil: 'domcontentloaded' });
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        await page.locator('.tabs-container .tab', { hasText: 'app.py' }).first().waitFor({ timeout: 60_000 });
        await editor.locator('.view-line', { hasText: 'trust_remote_code=True' }).waitFor({ timeout: 30_000 });
        await screenshot('opened');
      },
    ],
    [
      'UI: Moat draws a squiggle under the finding',
      async () => {
        const squiggle = editor.locator('.squiggly-error, .squiggly-warning').first();
        await squiggle.waitFor({ timeout: 60_000 });
        await screenshot('squiggle');
      },
    ],
    [
      `UI: the Problems panel lists ${RULE}`,
      async () => {
        const panel = page.locator('.markers-panel');
        await page.keyboard.press('Control+Shift+M');
        if (!(await panel.isVisible().catch(() => false))) {
          await runCommand(page, 'View: Focus on Problems View');
        }
        await panel.filter({ hasText: RULE }).waitFor({ timeout: 30_000 });
        const text = await panel.innerText();
        writeFileSync(path.join(artifacts, 'ui-problems-panel.txt'), text);
        if (!text.includes('trust_remote_code=True')) log('note: the Problems panel text does not quote the message; it has the rule id');
        await screenshot('problems');
      },
    ],
    [
      'UI: Ctrl+. on the finding offers the quick fix and the suppression',
      async () => {
        await goToLine(page, editor, 7, 93);
        const menu = page.locator('.action-widget');
        let seen = '';
        for (let attempt = 1; attempt <= 15; attempt++) {
          await page.keyboard.press('Control+.');
          try {
            await menu.filter({ hasText: 'Suppress' }).waitFor({ timeout: 2_000 });
            break;
          } catch {
            seen = (await page.locator('.monaco-editor-overlaymessage').allInnerTexts().catch(() => [])).join(' | ');
            log(`Ctrl+. attempt ${attempt}: no Moat actions yet${seen ? ` (editor says: ${seen})` : ''}`);
            await page.keyboard.press('Escape');
            await page.waitForTimeout(1_000);
          }
        }
        if (!(await menu.isVisible().catch(() => false))) throw new Error(`the code action menu never showed the Moat actions; last message: ${seen || 'none'}`);
        const items = await menu.locator('.monaco-list-row').allInnerTexts();
        writeFileSync(path.join(artifacts, 'ui-code-actions.txt'), items.join('\n'));
        await screenshot('quickfix-menu');
        if (!items.some((t) => t.includes(FIX_TITLE) && t.includes(RULE))) throw new Error(`no "${FIX_TITLE} … (${RULE})" item in the menu: ${JSON.stringify(items)}`);
        if (!items.some((t) => t.includes(`Suppress ${RULE} with moat-ignore`))) throw new Error(`no suppress item in the menu: ${JSON.stringify(items)}`);
      },
    ],
    [
      'UI: picking the fix and saving with Ctrl+S writes trust_remote_code=False to disk',
      async () => {
        // With the keyboard: the menu's pointer block swallows clicks. The preferred fix comes first.
        const focused = page.locator('.action-widget .monaco-list-row.focused');
        for (let i = 0; i < 5 && !(await focused.innerText().catch(() => '')).includes(FIX_TITLE); i++) await page.keyboard.press('ArrowDown');
        const chosen = await focused.innerText().catch(() => '');
        if (!chosen.includes(FIX_TITLE)) throw new Error(`could not select the fix in the menu; focused: ${JSON.stringify(chosen)}`);
        await page.keyboard.press('Enter');
        await editor.locator('.view-line', { hasText: 'trust_remote_code=False' }).waitFor({ timeout: 10_000 });
        await page.keyboard.press('Control+S');
        const deadline = Date.now() + 15_000;
        let line = '';
        while (Date.now() < deadline) {
          line = readFileSync(file, 'utf8').split('\n')[6];
          if (line === FIXED_LINE) break;
          await page.waitForTimeout(200);
        }
        if (line !== FIXED_LINE) throw new Error(`line 7 on disk: expected ${JSON.stringify(FIXED_LINE)}, got ${JSON.stringify(line)}`);
        await page.locator('.tabs-container .tab.dirty', { hasText: 'app.py' }).waitFor({ state: 'detached', timeout: 10_000 });
        await editor.locator('.squiggly-error, .squiggly-warning').first().waitFor({ state: 'detached', timeout: 30_000 });
        await screenshot('fixed-saved');
      },
    ],
  ];

  let failed = false;
  for (const [name, fn] of steps) {
    if (failed) {
      results.push({ name, passed: false, ms: 0, error: 'not run: an earlier UI step failed' });
      continue;
    }
    const started = Date.now();
    try {
      await fn();
      results.push({ name, passed: true, ms: Date.now() - started });
    } catch (e) {
      failed = true;
      results.push({ name, passed: false, ms: Date.now() - started, error: e?.stack ?? String(e) });
      await screenshot('FAILED');
    }
  }
  writeFileSync(path.join(artifacts, 'ui-browser-console.log'), consoleLines.join('\n') + '\n');
  await context.close().catch(() => {});
  return results;
}

/** Moves the cursor to line:column (1-based) with Ctrl+G. */
async function goToLine(page, editor, line, column) {
  await editor.locator('.view-lines').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  await page.locator('.editor-group-container .monaco-editor .cursor').first().waitFor({ timeout: 5_000 });
}

/** Runs a command through the command palette (F1). */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}
