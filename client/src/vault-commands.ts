/**
 * "Move secret to Vault" and "Set Vault Token", on the client side so that neither the secret nor
 * the token ever crosses the language-server connection (whose trace may be logged). The flow:
 * propose mount/path/key (editable), write with check-and-set, read back and compare, and only
 * then replace the literal with the language's Vault lookup. Any failure leaves the file as it was
 * and says why. The token comes from SecretStorage or VAULT_TOKEN, never from settings.
 */
import * as vscode from 'vscode';
import { moveSecretToVault } from '../../server/src/vault/move-secret';
import { connectVault } from '../../server/src/vault/vault-connect';
import { literalValue, lookupLanguageFor, proposeVaultRef, vaultLookupEdits } from '../../server/src/vault/vault-lookup-fix';
import type { Ctx } from './ctx';

const TOKEN_KEY = 'moat.vault.token';
const SECRET_ID_KEY = 'moat.vault.appRoleSecretId';

export async function setVaultToken(ctx: Ctx): Promise<void> {
  const token = await vscode.window.showInputBox({ prompt: 'Vault token for "Move secret to Vault" (kept in VS Code SecretStorage)', password: true, ignoreFocusOut: true });
  if (token === undefined) return;
  if (token === '') await ctx.extension.secrets.delete(TOKEN_KEY);
  else await ctx.extension.secrets.store(TOKEN_KEY, token);
  void vscode.window.showInformationMessage(token === '' ? 'Moat: Vault token removed.' : 'Moat: Vault token stored in SecretStorage.');
}

export async function setAppRoleSecretId(ctx: Ctx): Promise<void> {
  const secretId = await vscode.window.showInputBox({ prompt: 'Vault AppRole secret ID (kept in VS Code SecretStorage; the role ID is the moat.vaultRoleId setting)', password: true, ignoreFocusOut: true });
  if (secretId === undefined) return;
  if (secretId === '') await ctx.extension.secrets.delete(SECRET_ID_KEY);
  else await ctx.extension.secrets.store(SECRET_ID_KEY, secretId);
  void vscode.window.showInformationMessage(secretId === '' ? 'Moat: AppRole secret ID removed.' : 'Moat: AppRole secret ID stored in SecretStorage.');
}

/** Parses `mount/path#key`. */
function parseRef(text: string): { mount: string; path: string; key: string } | undefined {
  const m = /^([^/#\s]+)\/([^#\s]+)#([^#\s]+)$/.exec(text.trim());
  return m ? { mount: m[1], path: m[2], key: m[3] } : undefined;
}

/** `where` (mount/path#key) skips the prompt: for agents, keybindings and tests. */
export async function moveSecret(ctx: Ctx, uri: string, start: number, end: number, where?: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const version = doc.version;
  const text = doc.getText();
  const languageId = lookupLanguageFor(doc.languageId);
  if (!languageId) return void vscode.window.showWarningMessage(`Moat: no Vault lookup is known for ${doc.languageId} files.`);
  const literal = text.slice(start, end);
  const value = literalValue(literal);
  const settings = vscode.workspace.getConfiguration('moat', doc.uri);
  const address = settings.get<string>('vaultAddress') || process.env.VAULT_ADDR;
  if (!address) return void vscode.window.showWarningMessage('Moat: set moat.vaultAddress or VAULT_ADDR to move secrets to Vault.');
  const credentials = {
    token: (await ctx.extension.secrets.get(TOKEN_KEY)) ?? process.env.VAULT_TOKEN,
    roleId: settings.get<string>('vaultRoleId') || process.env.VAULT_ROLE_ID,
    secretId: (await ctx.extension.secrets.get(SECRET_ID_KEY)) ?? process.env.VAULT_SECRET_ID,
  };
  if (!credentials.token && !(credentials.roleId && credentials.secretId)) {
    return void vscode.window.showWarningMessage('Moat: no Vault credentials. Run "Moat: Set Vault Token" (or set moat.vaultRoleId and "Moat: Set Vault AppRole Secret ID"), or set VAULT_TOKEN.');
  }
  const proposed = proposeVaultRef(text, start, end, vscode.workspace.asRelativePath(doc.uri));
  const mount = settings.get<string>('vaultMount') || proposed.mount;
  const answer = where ?? await vscode.window.showInputBox({
    prompt: 'Where to store the secret in Vault KV v2: mount/path#key',
    value: `${mount}/${proposed.path}#${proposed.key}`,
    ignoreFocusOut: true,
    validateInput: (v) => (parseRef(v) ? undefined : 'Write it as mount/path#key'),
  });
  const ref = answer === undefined ? undefined : parseRef(answer);
  if (!ref) return;
  const lookup = vaultLookupEdits({ languageId, text, secretStart: start, secretEnd: end, ref });
  if (!lookup.ok) return void vscode.window.showWarningMessage(`Moat: the file would not be changed safely (${lookup.reason}); nothing was written to Vault.`);
  const connected = await connectVault({ endpoint: address, namespace: settings.get<string>('vaultNamespace') || process.env.VAULT_NAMESPACE, ...credentials });
  if (!connected.ok) return void vscode.window.showErrorMessage(`Moat: ${connected.message}; nothing was changed.`);
  const result = await moveSecretToVault({
    client: connected.client,
    ...ref,
    value,
    apply: async () => {
      if (doc.version !== version) return false;
      const edit = new vscode.WorkspaceEdit();
      for (const e of lookup.edits) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.text);
      return vscode.workspace.applyEdit(edit);
    },
  });
  ctx.log.info(`Move secret to Vault (${ref.mount}/${ref.path}#${ref.key}): ${result.message}`);
  if (result.ok) void vscode.window.showInformationMessage(`Moat: ${result.message}${lookup.note ? ` ${lookup.note}` : ''}`);
  else void vscode.window.showErrorMessage(`Moat: ${result.message}`);
}
