/**
 * The commands Moat contributes, each a small factory over the Ctx: scan the workspace (runs on
 * the server, with progress), restart the server, show the output channel.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest } from 'vscode-languageclient/node';
import { CLIENT_COMMANDS, COMMANDS } from '../../server/src/protocol/messages';
import type { Ctx } from './ctx';
import { moveSecret, setAppRoleSecretId, setVaultToken } from './vault-commands';
import { setSnykToken } from './snyk-token';

type Command = (...args: unknown[]) => unknown;

const factories: Record<string, (ctx: Ctx) => Command> = {
  [CLIENT_COMMANDS.scanWorkspace]: (ctx) => async () => {
    const client = ctx.languageClient;
    if (!client) return void vscode.window.showWarningMessage('Moat is not running.');
    const summary = (await client.sendRequest(ExecuteCommandRequest.type, { command: COMMANDS.scanWorkspace, arguments: [] })) as {
      files: number;
      findings: number;
      cancelled: boolean;
    };
    const text = `Moat scanned ${summary.files} files: ${summary.findings} findings${summary.cancelled ? ' (cancelled)' : ''}.`;
    ctx.log.info(text);
    void vscode.window.showInformationMessage(text);
    return summary;
  },
  [CLIENT_COMMANDS.restartServer]: (ctx) => () => ctx.restart(),
  [CLIENT_COMMANDS.showOutput]: (ctx) => () => ctx.log.show(),
  [CLIENT_COMMANDS.moveSecretToVault]: (ctx) => (uri, start, end, where) => moveSecret(ctx, String(uri), Number(start), Number(end), typeof where === 'string' ? where : undefined),
  [CLIENT_COMMANDS.setVaultToken]: (ctx) => () => setVaultToken(ctx),
  [CLIENT_COMMANDS.setVaultSecretId]: (ctx) => () => setAppRoleSecretId(ctx),
  [CLIENT_COMMANDS.setSnykToken]: (ctx) => () => setSnykToken(ctx),
};

export function registerCommands(ctx: Ctx): void {
  for (const [name, factory] of Object.entries(factories)) {
    ctx.extension.subscriptions.push(vscode.commands.registerCommand(name, factory(ctx)));
  }
}
