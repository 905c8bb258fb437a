/**
 * Moat's own LSP messages and commands, declared once for the client and the server. Each says
 * who sends it.
 */

/** Server → client notification: what the server is doing, for the status bar. */
export const STATUS_NOTIFICATION = 'moat/status';

export interface StatusParams {
  readonly state: 'idle' | 'checking' | 'error';
  /** Rules that failed to load or compile (their diagnostics are in the rule files). */
  readonly ruleErrors: number;
  readonly rulesLoaded: number;
  /** A human-readable line for the status bar tooltip. */
  readonly message: string;
}

/** Client → server `initializationOptions`. */
export interface InitializationOptions {
  /** False in an untrusted workspace: workspace rule files are not loaded. */
  readonly workspaceTrusted: boolean;
}

/** Commands the server executes (`workspace/executeCommand`). */
export const COMMANDS = {
  /** Scan every file of the workspace folders, with progress; fills the Problems panel. */
  scanWorkspace: 'moat.server.scanWorkspace',
  /** Apply a suppression edit (arguments: uri, line, ruleId). */
  suppress: 'moat.server.suppress',
} as const;

/** Client-side commands (package.json `contributes.commands`). */
export const CLIENT_COMMANDS = {
  scanWorkspace: 'moat.scanWorkspace',
  restartServer: 'moat.restartServer',
  showOutput: 'moat.showOutput',
  /** Arguments: document uri, secret start and end offsets (the value itself never travels). */
  moveSecretToVault: 'moat.moveSecretToVault',
  setVaultToken: 'moat.setVaultToken',
  setVaultSecretId: 'moat.setVaultSecretId',
  /** Store the Snyk API token in SecretStorage; the server gets it as SNYK_TOKEN at start. */
  setSnykToken: 'moat.setSnykToken',
} as const;

/** Diagnostic `data`: enough to find the finding's fix again. */
export interface DiagnosticData {
  readonly ruleId: string;
  readonly version: number;
  /** Key of the finding in the server's per-document cache. */
  readonly key: string;
}
