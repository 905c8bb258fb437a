/**
 * The VS Code entry points, and nothing else: activate builds the Ctx that owns every disposable
 * (client, status bar, commands); deactivate stops the language server.
 */
import * as vscode from 'vscode';
import { Ctx } from './ctx';

let ctx: Ctx | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  ctx = new Ctx(context);
  await ctx.start();
}

export function deactivate(): Thenable<void> | undefined {
  return ctx?.stop();
}
