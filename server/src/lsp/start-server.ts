/**
 * Starts the Moat language server on a connection chosen from the command line (`--stdio` or
 * `--node-ipc`, as vscode-languageserver reads it). Used by dist/server.js (the VS Code client
 * starts it over IPC) and by `moat lsp --stdio` for any other LSP client, which may also ask for
 * metrics and an ECS log (`--metrics-port`, `--log-format ecs`).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { Grammars } from '../engine/grammars';
import type { EventLog } from '../observability/ecs-log';
import { bundledPacksDir, wasmFromDir } from '../scan/install-paths';
import { MoatServer } from './moat-server';

export async function startServer(options: { readonly log?: EventLog } = {}): Promise<void> {
  const connection = createConnection(ProposedFeatures.all);
  const grammars = await Grammars.create(wasmFromDir());
  const server = new MoatServer(connection, { grammars, bundledPacks: bundledPacksDir() });
  // Loaded only when asked for, so the editor's server does not load prom-client.
  if (options.log) (await import('../observability/language-server-observer')).observeLanguageServer(server, options.log);
  server.listen();
}
