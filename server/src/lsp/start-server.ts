/**
 * Starts the Moat language server on a connection chosen from the command line (`--stdio` or
 * `--node-ipc`, as vscode-languageserver reads it). Used by dist/server.js (the VS Code client
 * starts it over IPC) and by `moat lsp --stdio` for any other LSP client.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { Grammars } from '../engine/grammars';
import { bundledPacksDir, wasmFromDir } from '../scan/install-paths';
import { MoatServer } from './moat-server';

export async function startServer(): Promise<void> {
  const connection = createConnection(ProposedFeatures.all);
  const grammars = await Grammars.create(wasmFromDir());
  new MoatServer(connection, { grammars, bundledPacks: bundledPacksDir() }).listen();
}
