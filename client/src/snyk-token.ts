/**
 * "Moat: Set Snyk Token": keeps the Snyk API token in VS Code SecretStorage and hands it to the
 * language server through the server process's environment (SNYK_TOKEN) at start, so the token
 * never crosses the LSP connection and never sits in settings. Setting it restarts the server.
 */
import * as vscode from 'vscode';
import type { Ctx } from './ctx';

const SNYK_TOKEN_KEY = 'moat.snyk.token';

export async function setSnykToken(ctx: Ctx): Promise<void> {
  const token = await vscode.window.showInputBox({
    prompt: 'Snyk API token for the snyk advisory source (kept in VS Code SecretStorage; also set moat.snykOrg and add "snyk" to moat.advisorySources)',
    password: true,
    ignoreFocusOut: true,
  });
  if (token === undefined) return;
  if (token === '') await ctx.extension.secrets.delete(SNYK_TOKEN_KEY);
  else await ctx.extension.secrets.store(SNYK_TOKEN_KEY, token.trim());
  void vscode.window.showInformationMessage(token === '' ? 'Moat: Snyk token removed.' : 'Moat: Snyk token stored in SecretStorage.');
  await ctx.restart();
}

/** The server process environment: the extension host's, plus SNYK_TOKEN from SecretStorage when set there. */
export async function serverEnvironment(ctx: Ctx): Promise<NodeJS.ProcessEnv> {
  const token = await ctx.extension.secrets.get(SNYK_TOKEN_KEY);
  return token ? { ...process.env, SNYK_TOKEN: token } : { ...process.env };
}
