/**
 * The extension's context: owns the language client, the log channel, the status bar and the
 * commands, and everything they register. Starts the Moat server over IPC, restarts it when it
 * crashes (and says so), and restarts it when the workspace becomes trusted.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  CloseHandlerResult,
  ErrorAction,
  ErrorHandlerResult,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { STATUS_NOTIFICATION, StatusParams, InitializationOptions } from '../../server/src/protocol/messages';
import { registerCommands } from './commands';
import { StatusBar } from './status';
import { serverEnvironment } from './snyk-token';

/** Languages Moat checks (VS Code language ids), plus rule files and workspace config. */
export const DOCUMENT_SELECTOR: Array<{ scheme: string; language?: string; pattern?: string }> = [
  ...['python', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'go', 'java', 'json', 'jsonc', 'yaml', 'terraform', 'hcl'].flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]),
  { scheme: 'file', pattern: '**/*.{tf,tfvars,hcl}' },
  // Secrets hide in configuration of every kind.
  ...['dotenv', 'properties', 'ini', 'toml', 'xml', 'shellscript', 'dockerfile', 'plaintext'].map((language) => ({ scheme: 'file', language })),
  { scheme: 'file', pattern: '**/{.env,.env.*,*.env,*.ini,*.cfg,*.conf,*.properties,*.toml,*.npmrc,*.pypirc}' },
  // Dependency manifests and lockfiles, whatever language VS Code gives them.
  { scheme: 'file', pattern: '**/{package.json,package-lock.json,yarn.lock,pnpm-lock.yaml,requirements*.txt,pyproject.toml,poetry.lock,Pipfile.lock,uv.lock,go.mod,pom.xml}' },
];

const MAX_RESTARTS = 5;

export class Ctx {
  readonly log: vscode.LogOutputChannel;
  private client: LanguageClient | undefined;
  private readonly status: StatusBar;
  private restarts = 0;

  constructor(readonly extension: vscode.ExtensionContext) {
    this.log = vscode.window.createOutputChannel('Moat', { log: true });
    this.status = new StatusBar();
    extension.subscriptions.push(this.log, this.status);
    registerCommands(this);
    extension.subscriptions.push(
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.log.info('Workspace trusted: restarting Moat to load workspace rules.');
        void this.restart();
      }),
    );
  }

  get languageClient(): LanguageClient | undefined {
    return this.client;
  }

  async start(): Promise<void> {
    const serverModule = this.extension.asAbsolutePath('dist/server.js');
    const env = await serverEnvironment(this);
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc, options: { env } },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6011'] } },
    };
    const initializationOptions: InitializationOptions = { workspaceTrusted: vscode.workspace.isTrusted };
    if (!vscode.workspace.isTrusted) {
      this.log.warn('This workspace is not trusted: only the bundled rules run; moat.rulePaths is ignored.');
    }
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR,
      outputChannel: this.log,
      initializationOptions,
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.yaml,*.yml,.gitleaks.toml,package-lock.json,yarn.lock,poetry.lock,uv.lock,Pipfile.lock,go.sum}') },
      errorHandler: {
        error: (): ErrorHandlerResult => ({ action: ErrorAction.Continue }),
        closed: (): CloseHandlerResult => {
          this.restarts++;
          if (this.restarts > MAX_RESTARTS) {
            return { action: CloseAction.DoNotRestart, message: `The Moat server crashed ${MAX_RESTARTS} times and will not be restarted. See the Moat output.` };
          }
          void vscode.window.showWarningMessage('The Moat server stopped unexpectedly and is being restarted.');
          return { action: CloseAction.Restart, handled: true };
        },
      },
    };
    this.client = new LanguageClient('moat', 'Moat', serverOptions, clientOptions);
    this.extension.subscriptions.push(
      this.client.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => this.status.update(params)),
    );
    await this.client.start();
    this.log.info('Moat language server started.');
  }

  async restart(): Promise<void> {
    await this.stop();
    this.restarts = 0;
    await this.start();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await client.stop();
  }
}
