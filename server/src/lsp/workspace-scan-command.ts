/**
 * The "scan workspace" command: every file of the workspace folders (honouring .gitignore and
 * .moatignore), with `$/progress` that the user can cancel, filling the Problems panel for files
 * that are not open (pushed, and kept for `workspace/diagnostic` pulls). Manifests and lockfiles
 * also get their vulnerable-dependency findings.
 */
import { pathToFileURL } from 'node:url';
import { CancellationToken, Diagnostic, WorkspaceDocumentDiagnosticReport, DocumentDiagnosticReportKind } from 'vscode-languageserver';
import { levelRank } from '../engine/finding';
import { walkFiles } from '../scan/file-walk';
import { rulesApply, scanOneFile } from '../scan/scan-one-file';
import type { MoatServer } from './moat-server';
import { uriToPath } from './moat-server';
import { toDiagnostic } from './to-proto';
import { promises as fs } from 'node:fs';
import type { Finding } from '../engine/finding';
import type { MoatSettings } from '../protocol/settings';
import { DependencyChecker } from './dependency-checker';

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
    const findings = settings.enable ? [...(outcome.kind === 'scanned' ? outcome.file.findings : []), ...(await this.dependencyFindings(file, settings))] : [];
    const visible = findings.filter((f) => !f.suppressed && levelRank(f.level) >= levelRank(settings.severityThreshold));
    const diagnostics = visible.map((f, i) => toDiagnostic(f, state.infoById.get(f.ruleId) ?? server.dependencies.info(f.ruleId), { ruleId: f.ruleId, version: -1, key: `ws:${i}` }));
    this.results.set(uri, diagnostics);
    if (!server.documents.get(uri)) void server.connection.sendDiagnostics({ uri, diagnostics });
  }

  /** Vulnerable dependencies when the file is a manifest or lockfile (read from disk); none otherwise or on failure. */
  private async dependencyFindings(file: string, settings: MoatSettings): Promise<Finding[]> {
    if (!settings.dependencies || !DependencyChecker.applies(file)) return [];
    try {
      const text = await fs.readFile(file, 'utf8');
      const openText = (sibling: string) => this.server.documents.get(pathToFileURL(sibling).toString())?.doc.getText();
      return (await this.server.dependencies.check(file, text, settings, openText)).findings;
    } catch (e) {
      this.server.connection.console.warn(`Moat could not check the dependencies of ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      return [];
    }
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
      const todo = listed.filter((f) => rulesApply(state.rules, f.relative) || DependencyChecker.applies(f.path));
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
        if (!settings.enable || (outcome.kind !== 'scanned' && !DependencyChecker.applies(file.path))) continue;
        const dependencies = await this.dependencyFindings(file.path, settings);
        const visible = [...(outcome.kind === 'scanned' ? outcome.file.findings : []), ...dependencies].filter((f) => !f.suppressed && levelRank(f.level) >= levelRank(settings.severityThreshold));
        findings += visible.length;
        const diagnostics = visible.map((f, i) => toDiagnostic(f, state.infoById.get(f.ruleId) ?? server.dependencies.info(f.ruleId), { ruleId: f.ruleId, version: -1, key: `ws:${i}` }));
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
