/**
 * The "scan workspace" command: every file of the workspace folders (honouring .gitignore and
 * .moatignore), with `$/progress` that the user can cancel, filling the Problems panel for files
 * that are not open (pushed, and kept for `workspace/diagnostic` pulls).
 */
import { pathToFileURL } from 'node:url';
import { CancellationToken, Diagnostic, WorkspaceDocumentDiagnosticReport, DocumentDiagnosticReportKind } from 'vscode-languageserver';
import { levelRank } from '../engine/finding';
import { walkFiles } from '../scan/file-walk';
import { rulesApply, scanOneFile } from '../scan/scan-one-file';
import type { MoatServer } from './moat-server';
import { uriToPath } from './moat-server';
import { toDiagnostic } from './to-proto';

export interface WorkspaceScanSummary {
  readonly files: number;
  readonly findings: number;
  readonly cancelled: boolean;
}

export class WorkspaceScanner {
  private readonly results = new Map<string, Diagnostic[]>();

  constructor(private readonly server: MoatServer) {}

  has(uri: string): boolean {
    return this.results.has(uri);
  }

  /** Scans one file again from disk (after its editor closed) and publishes the result. */
  async rescan(uri: string): Promise<void> {
    const server = this.server;
    const file = uriToPath(uri);
    const state = await server.rules.state;
    if (!file) return;
    const settings = await server.settingsFor(uri);
    const outcome = scanOneFile(state.rules, { path: file, relative: server.relativePath(uri) }, settings.maxFileSize);
    const findings = outcome.kind === 'scanned' && settings.enable ? outcome.file.findings : [];
    const visible = findings.filter((f) => !f.suppressed && levelRank(f.level) >= levelRank(settings.severityThreshold));
    const diagnostics = visible.map((f, i) => toDiagnostic(f, state.infoById.get(f.ruleId), { ruleId: f.ruleId, version: -1, key: `ws:${i}` }));
    this.results.set(uri, diagnostics);
    if (!server.documents.get(uri)) void server.connection.sendDiagnostics({ uri, diagnostics });
  }

  reports(): WorkspaceDocumentDiagnosticReport[] {
    return [...this.results].map(([uri, items]) => ({ uri, version: null, kind: DocumentDiagnosticReportKind.Full, items }));
  }

  async run(token: CancellationToken): Promise<WorkspaceScanSummary> {
    const server = this.server;
    const progress = await server.connection.window.createWorkDoneProgress();
    progress.begin('Moat: scanning workspace', 0, 'listing files', true);
    let files = 0;
    let findings = 0;
    let cancelled = false;
    try {
      const state = await server.rules.state;
      server.status(state, 'checking');
      const folders = server.workspaceFolders.map((f) => uriToPath(f.uri)).filter((f): f is string => f !== undefined);
      const listed = await walkFiles(folders, { maxFileBytes: 1_000_000, respectGitignore: true }, () => undefined);
      const todo = listed.filter((f) => rulesApply(state.rules, f.relative));
      for (const file of todo) {
        if (token.isCancellationRequested || progress.token.isCancellationRequested) {
          cancelled = true;
          break;
        }
        const uri = pathToFileURL(file.path).toString();
        const settings = await server.settingsFor(uri);
        const outcome = scanOneFile(state.rules, { path: file.path, relative: server.relativePath(uri) }, settings.maxFileSize);
        files++;
        if (files % 10 === 0) progress.report(Math.round((files / todo.length) * 100), `${files}/${todo.length} files`);
        if (outcome.kind !== 'scanned' || !settings.enable) continue;
        const visible = outcome.file.findings.filter((f) => !f.suppressed && levelRank(f.level) >= levelRank(settings.severityThreshold));
        findings += visible.length;
        const diagnostics = visible.map((f, i) => toDiagnostic(f, state.infoById.get(f.ruleId), { ruleId: f.ruleId, version: -1, key: `ws:${i}` }));
        if (diagnostics.length === 0 && !this.results.has(uri)) continue;
        this.results.set(uri, diagnostics);
        if (!server.documents.get(uri)) void server.connection.sendDiagnostics({ uri, diagnostics });
        await new Promise((r) => setImmediate(r));
      }
      return { files, findings, cancelled };
    } finally {
      progress.done();
      server.status(await server.rules.state, 'idle');
    }
  }
}
