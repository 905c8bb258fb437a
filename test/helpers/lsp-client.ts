/**
 * A minimal LSP client for server tests: starts `node dist/moat.js lsp --stdio` as a child
 * process, speaks JSON-RPC over its stdio, answers `workspace/configuration` from a settings
 * object the test controls, and records every published diagnostic.
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  ProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  PublishDiagnosticsParams,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  ConfigurationRequest,
  WorkDoneProgressCreateRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  ExitNotification,
  TextDocumentContentChangeEvent,
  ClientCapabilities,
  RegistrationRequest,
  DiagnosticRefreshRequest,
  ShowMessageNotification,
  ShowMessageRequest,
  LogMessageNotification,
} from 'vscode-languageserver-protocol/node';

const MOAT = path.resolve(__dirname, '..', '..', '..', 'dist', 'moat.js');

export interface StartOptions {
  readonly root: string;
  readonly settings?: Record<string, unknown>;
  readonly pull?: boolean;
  readonly trusted?: boolean;
}

export class TestLspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  settings: Record<string, unknown>;
  private waiters: Array<() => void> = [];

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    options: StartOptions,
  ) {
    this.settings = { ...(options.settings ?? {}) };
  }

  static async start(options: StartOptions): Promise<TestLspClient> {
    const child = spawn(process.execPath, [MOAT, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr!.on('data', (d) => process.stderr.write(`[server] ${d}`));
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestLspClient(child, connection, options);
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      client.published.push(p);
      client.wake();
    });
    connection.onNotification('moat/status', (params: unknown) => {
      client.notifications.push({ method: 'moat/status', params });
      client.wake();
    });
    connection.onNotification(ShowMessageNotification.type, (p) => {
      client.notifications.push({ method: 'window/showMessage', params: p });
      client.wake();
    });
    // showWarningMessage & co. are requests (they may carry actions): recorded like the notification.
    connection.onRequest(ShowMessageRequest.type, (p) => {
      client.notifications.push({ method: 'window/showMessage', params: p });
      client.wake();
      return null;
    });
    connection.onNotification(LogMessageNotification.type, () => undefined);
    connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => client.settings));
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => null);
    connection.onRequest(RegistrationRequest.type, () => null);
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      client.notifications.push({ method: 'workspace/diagnostic/refresh', params: null });
      client.wake();
      return null;
    });
    connection.listen();
    const capabilities: ClientCapabilities = {
      workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: false } },
      textDocument: {
        publishDiagnostics: { versionSupport: true },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
      },
      window: { workDoneProgress: true },
    };
    const rootUri = pathToFileURL(options.root).toString();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'ws' }],
      capabilities,
      initializationOptions: { workspaceTrusted: options.trusted !== false },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Resolves when `predicate` holds, re-checked on every message; rejects after `ms`. */
  async waitFor<T>(what: string, predicate: () => T | undefined | false, ms = 10000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = predicate();
      if (v) return v;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** The latest diagnostics published for `uri` (optionally for exactly `version`). */
  latest(uri: string, version?: number): PublishDiagnosticsParams | undefined {
    for (let i = this.published.length - 1; i >= 0; i--) {
      const p = this.published[i];
      if (p.uri === uri && (version === undefined || p.version === version)) return p;
    }
    return undefined;
  }

  async open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // the server may already be gone
    }
    this.connection.dispose();
    this.child.kill();
  }
}
