// Runs the extension-host suite (test/e2e/suite) in a desktop VS Code through @vscode/test-electron,
// for anyone who has a desktop VS Code or network access. Selected by
// `node test/e2e/run.mjs --electron`; run.mjs packages the extension, bundles the suite and copies
// the fixture workspace first, then calls runElectron().
//
// VS Code comes from, in order: MOAT_E2E_VSCODE (path to a desktop `code` executable), else a
// download of VS Code MOAT_E2E_VSCODE_VERSION (default 1.100.3, the version code-server runs) into
// the e2e cache dir ($MOAT_E2E_HOME/vscode-test) by @vscode/test-electron, which needs network access to update.code.visualstudio.com.
// On Linux without a display, run it under xvfb-run.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const DEFAULT_VERSION = '1.100.3';

/**
 * @param {object} o
 * @param {string} o.cacheDir        where @vscode/test-electron keeps downloaded VS Code builds
 * @param {string} o.extensionDir    an unpacked extension (package.json + dist/)
 * @param {string} o.suiteJs         the bundled suite (out/e2e/suite/index.js)
 * @param {string} o.workspace       the workspace folder to open (a copy of the fixtures)
 * @param {string} o.tmp             a temp dir for user data and extensions
 * @param {string} o.resultsFile     where the suite writes its results
 * @param {(line: string) => void} o.log
 * @returns {Promise<{results?: object, error?: string}>}
 */
export async function runElectron({ cacheDir, extensionDir, suiteJs, workspace, tmp, resultsFile, log }) {
  let runTests;
  try {
    ({ runTests } = await import('@vscode/test-electron'));
  } catch (e) {
    return { error: `@vscode/test-electron is not installed (npm ci installs it as a devDependency): ${e.message}` };
  }
  const vscodeExecutablePath = process.env.MOAT_E2E_VSCODE || undefined;
  if (vscodeExecutablePath && !existsSync(vscodeExecutablePath)) {
    return { error: `MOAT_E2E_VSCODE=${vscodeExecutablePath} does not exist` };
  }
  const version = process.env.MOAT_E2E_VSCODE_VERSION || DEFAULT_VERSION;
  const userData = path.join(tmp, 'electron-user-data');
  const extensions = path.join(tmp, 'electron-extensions');
  mkdirSync(userData, { recursive: true });
  mkdirSync(extensions, { recursive: true });
  log(vscodeExecutablePath ? `desktop VS Code: ${vscodeExecutablePath}` : `desktop VS Code ${version}: downloading it into ${cacheDir} if it is not there`);

  let exitCode;
  try {
    exitCode = await runTests({
      ...(vscodeExecutablePath ? { vscodeExecutablePath } : { version, cachePath: cacheDir }),
      extensionDevelopmentPath: extensionDir,
      extensionTestsPath: suiteJs,
      extensionTestsEnv: { MOAT_E2E_RESULTS: resultsFile },
      launchArgs: [
        workspace,
        '--user-data-dir', userData,
        '--extensions-dir', extensions,
        '--disable-extensions', // other installed extensions; the one under development still loads
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-gpu',
      ],
    });
  } catch (e) {
    const message = e?.message ?? String(e);
    const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|socket hang up|proxy|Failed to get|download/i.test(message);
    if (!existsSync(resultsFile)) {
      return {
        error: offline && !vscodeExecutablePath
          ? `@vscode/test-electron could not download VS Code ${version} (${message.split('\n')[0]}). ` +
            'This needs network access to update.code.visualstudio.com. Without it, run the same suite in ' +
            'code-server: `node test/e2e/run.mjs` (after `bash test/e2e/install.sh`), or point MOAT_E2E_VSCODE ' +
            'at a desktop VS Code executable.'
          : `@vscode/test-electron failed: ${message}`,
      };
    }
  }
  if (!existsSync(resultsFile)) return { error: `VS Code exited (code ${exitCode}) without writing ${resultsFile}` };
  return { results: JSON.parse(readFileSync(resultsFile, 'utf8')) };
}
