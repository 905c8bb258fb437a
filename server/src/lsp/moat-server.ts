/**
 * The Moat language server: wires the LSP connection to the engine. Documents are synced
 * incrementally and checked after a debounce (at once for a large insertion); diagnostics are
 * pulled (LSP 3.17) when the client supports it, pushed otherwise; results for stale versions are
 * dropped. Code actions and hovers read the findings cached with the diagnostics. Settings are
 * pulled per resource and cached per URI until the configuration changes. Rule files are
 * validated live and reloaded when they change.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeAction,
  CodeActionKind,
  CodeActionParams,
  Connection,
  Diagnostic,
  DocumentDiagnosticReportKind,
  Hover,
  HoverParams,
  InitializeParams,
  InitializeResult,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  WorkspaceDiagnosticReport,
  WorkspaceFolder,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import ignore from 'ignore';
import { scanWith } from '../engine/file-scan';
import { Finding, Problem, levelRank } from '../engine/finding';
import type { Grammars } from '../engine/grammars';
import { languageForPath } from '../engine/languages';
import { parseRuleFile } from '../rules/rule-yaml';
import { isRuleFileName } from '../rules/rule-loader';
import { COMMANDS, DiagnosticData, InitializationOptions, STATUS_NOTIFICATION, StatusParams } from '../protocol/messages';
import { DEFAULT_SETTINGS, MoatSettings, settingsFrom } from '../protocol/settings';
import { buildCodeActions } from './code-actions';
import { DocumentStore, OpenDocument } from './document-store';
import { hoverFor } from './hover';
import { LoadedRuleState, RuleStore } from './rule-store';
import { problemToDiagnostic, toDiagnostic } from './to-proto';
import { WorkspaceScanner } from './workspace-scan-command';
import { findGitleaksConfig } from '../scan/secrets-setup';
import { DependencyChecker } from './dependency-checker';
import { configCompletions } from './config-completion';
import { configDiagnostics, locatedToDiagnostic, packDefaultSeverity, schemaForDocument } from './config-documents';
import { checkFalcoFile } from '../falco/falco-check';
import { looksLikeFalcoRules } from '../falco/falco-rules-yaml';
import { configHover } from './config-hover';
import { isConfigFileName, WorkspaceConfigs } from './config-workspace';

export interface ServerEnvironment {
  readonly grammars: Grammars;
  /** The bundled packs folder, if any. */
  readonly bundledPacks: string | undefined;
}

export function uriToPath(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

export class MoatServer {
  readonly documents = new DocumentStore();
  readonly rules: RuleStore;
  private readonly settingsCache = new Map<string, Promise<MoatSettings>>();
  private folders: WorkspaceFolder[] = [];
  private pullDiagnostics = false;
  private configurationPull = false;
  private trusted = true;
  private ruleFilesWithDiagnostics = new Set<string>();
  readonly workspaceScanner: WorkspaceScanner;
  readonly dependencies: DependencyChecker;

  constructor(
    readonly connection: Connection,
    private readonly env: ServerEnvironment,
  ) {
    this.rules = new RuleStore(env.grammars);
    this.workspaceScanner = new WorkspaceScanner(this);
    this.dependencies = new DependencyChecker((message) => {
      this.connection.console.warn(message);
      void this.connection.window.showWarningMessage(message);
    });
  }

  listen(): void {
    const c = this.connection;
    c.onInitialize((p) => this.initialize(p));
    c.onInitialized(() => void this.reloadRules());
    c.onDidOpenTextDocument((p) => {
      const d = this.documents.open(p.textDocument.uri, p.textDocument.languageId, p.textDocument.version, p.textDocument.text);
      this.schedule(d, 0);
    });
    c.onDidChangeTextDocument((p) => {
      const d = this.documents.get(p.textDocument.uri);
      if (!d) return;
      d.update(p.contentChanges, p.textDocument.version);
      void this.afterChange(d);
    });
    c.onDidCloseTextDocument((p) => {
      const uri = p.textDocument.uri;
      this.documents.close(uri);
      // What the workspace scan knew of the file may be out of date now: check it again from disk.
      if (this.workspaceScanner.has(uri)) void this.workspaceScanner.rescan(uri);
      else if (!this.pullDiagnostics) void c.sendDiagnostics({ uri, diagnostics: [] });
    });
    c.onDidChangeConfiguration(() => {
      this.settingsCache.clear();
      void this.reloadRules(true);
    });
    c.onDidChangeWatchedFiles(async (p) => {
      const state = await this.rules.state;
      const relevant = p.changes.some((ch) => {
        const file = uriToPath(ch.uri);
        return file !== undefined && (RuleStore.affects(state, file) || isRuleFileName(path.basename(file)) || isConfigFileName(path.basename(file)) || path.basename(file) === '.gitleaks.toml');
      });
      if (relevant) await this.reloadRules();
    });
    c.languages.diagnostics.on(async (p, token) => {
      const d = this.documents.get(p.textDocument.uri);
      if (!d) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const result = await this.checkNow(d);
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'superseded', { retriggerRequest: true });
      return { kind: DocumentDiagnosticReportKind.Full, items: result ?? [] };
    });
    // Open documents are reported here too: once an editor tab closes, VS Code stops pulling that
    // document and relies on workspace diagnostics, while the document may still change.
    c.languages.diagnostics.onWorkspace(async () => {
      const open = await Promise.all(
        this.documents.all().map(async (d) => ({ uri: d.uri, version: d.version, kind: DocumentDiagnosticReportKind.Full, items: (await this.checkNow(d)) ?? [] })),
      );
      const openUris = new Set(open.map((r) => r.uri));
      return { items: [...open, ...this.workspaceScanner.reports().filter((r) => !openUris.has(r.uri))] } as WorkspaceDiagnosticReport;
    });
    c.onCodeAction((p) => this.codeActions(p));
    c.onHover((p) => this.hover(p));
    c.onCompletion((p) => {
      const d = this.documents.get(p.textDocument.uri);
      const schema = d && schemaForDocument(uriToPath(d.uri) ?? d.uri, d.doc.getText());
      return d && schema ? configCompletions(d.doc, schema, p.position) : [];
    });
    c.onExecuteCommand(async (p, token) => {
      if (p.command === COMMANDS.scanWorkspace) return this.workspaceScanner.run(token);
      throw new ResponseError(-32601, `unknown command ${p.command}`);
    });
    c.listen();
  }

  private initialize(p: InitializeParams): InitializeResult {
    this.folders = p.workspaceFolders ?? (p.rootUri ? [{ uri: p.rootUri, name: 'root' }] : []);
    this.pullDiagnostics = p.capabilities.textDocument?.diagnostic !== undefined;
    this.configurationPull = p.capabilities.workspace?.configuration === true;
    const init = (p.initializationOptions ?? {}) as Partial<InitializationOptions>;
    this.trusted = init.workspaceTrusted !== false;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll + '.moat'] },
        hoverProvider: true,
        // Keys and values of .moat.yaml, moat-pack.yaml and rule files, from their JSON Schemas.
        completionProvider: { triggerCharacters: [' ', '-'] },
        executeCommandProvider: { commands: [COMMANDS.scanWorkspace] },
        ...(this.pullDiagnostics ? { diagnosticProvider: { identifier: 'moat', interFileDependencies: false, workspaceDiagnostics: true } } : {}),
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'moat' },
    };
  }

  get workspaceFolders(): readonly WorkspaceFolder[] {
    return this.folders;
  }

  /** Settings for a resource, pulled from the client and cached per URI. */
  settingsFor(uri: string): Promise<MoatSettings> {
    if (!this.configurationPull) return Promise.resolve(DEFAULT_SETTINGS);
    let s = this.settingsCache.get(uri);
    if (!s) {
      s = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'moat' }).then(settingsFrom, () => DEFAULT_SETTINGS);
      this.settingsCache.set(uri, s);
    }
    return s;
  }

  /** The workspace folder path holding a file, for relative paths and rule `paths:`. */
  folderOf(file: string): string | undefined {
    const folders = this.folders.map((f) => uriToPath(f.uri)).filter((f): f is string => f !== undefined);
    return folders.filter((f) => file === f || file.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0];
  }

  relativePath(uri: string): string {
    const file = uriToPath(uri);
    if (!file) return uri.replace(/^[a-z]+:\/*/i, '');
    const folder = this.folderOf(file);
    return (folder ? path.relative(folder, file) : path.basename(file)).split(path.sep).join('/');
  }

  async reloadRules(settingsChanged = false): Promise<void> {
    const workspace: string[] = [];
    if (this.trusted) {
      for (const folder of this.folders) {
        const s = await this.settingsFor(folder.uri);
        const base = uriToPath(folder.uri);
        for (const p of s.rulePaths) workspace.push(path.resolve(base ?? '/', p));
      }
    }
    const first = this.folders[0] ? await this.settingsFor(this.folders[0].uri) : DEFAULT_SETTINGS;
    const folder = this.folders[0] ? uriToPath(this.folders[0].uri) : undefined;
    let gitleaks;
    try {
      gitleaks = this.trusted && folder ? findGitleaksConfig(undefined, folder) : undefined;
    } catch (e) {
      this.connection.console.warn(`Moat: cannot read .gitleaks.toml: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
    }
    // Each folder's .moat.yaml and packs (trusted only); the first folder's secrets settings apply, as its .gitleaks.toml does.
    const configs = this.trusted ? await WorkspaceConfigs.load(this.folders.map((f) => uriToPath(f.uri)).filter((f): f is string => f !== undefined)) : WorkspaceConfigs.none;
    if (configs.first) gitleaks = configs.first.secretsSource(gitleaks).source;
    const state = await this.rules.load({ bundled: first.bundledRules ? this.env.bundledPacks : undefined, workspace, gitleaks, configs });
    this.publishRuleProblems(state);
    if (!this.trusted && this.folders.length) {
      this.connection.window.showInformationMessage('Moat: this workspace is not trusted, so only the bundled rules run; rule files from the workspace are not loaded.');
    }
    this.status(state, 'idle');
    for (const d of this.documents.all()) {
      if (d.result?.generation === state.generation && !settingsChanged) continue;
      d.result = undefined;
      this.schedule(d, 0);
    }
  }

  private publishRuleProblems(state: LoadedRuleState): void {
    const next = new Set<string>();
    for (const [file, problems] of state.problemsByFile) {
      const uri = pathToFileURL(file).toString();
      if (problems.length === 0 && !this.ruleFilesWithDiagnostics.has(uri)) continue;
      if (problems.length) next.add(uri);
      if (!this.documents.get(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: problems.map(problemToDiagnostic) });
    }
    for (const uri of this.ruleFilesWithDiagnostics) if (!next.has(uri) && !this.documents.get(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.ruleFilesWithDiagnostics = next;
  }

  status(state: LoadedRuleState | undefined, kind: StatusParams['state']): void {
    const ruleErrors = state?.problemCount ?? 0;
    const rulesLoaded = state?.rules.infos.length ?? 0;
    const params: StatusParams = {
      state: ruleErrors > 0 && kind === 'idle' ? 'error' : kind,
      ruleErrors,
      rulesLoaded,
      message: kind === 'checking' ? 'Moat: checking…' : `Moat: ${rulesLoaded} rules${ruleErrors ? `, ${ruleErrors} rule errors` : ''}`,
    };
    void this.connection.sendNotification(STATUS_NOTIFICATION, params);
  }

  private async afterChange(d: OpenDocument): Promise<void> {
    const settings = await this.settingsFor(d.uri);
    const large = d.insertedSinceCheck >= settings.largeChangeChars;
    if (this.pullDiagnostics) return;
    this.schedule(d, large ? 0 : settings.debounceMs);
  }

  /** (Re)starts the debounce timer of a document (push mode), or asks the client to pull. */
  private schedule(d: OpenDocument, delay: number): void {
    if (this.pullDiagnostics) {
      void this.connection.languages.diagnostics.refresh();
      return;
    }
    d.cancelScheduled?.();
    const version = d.version;
    const run = () => {
      d.cancelScheduled = undefined;
      void this.checkNow(d).then((diagnostics) => {
        if (!diagnostics || this.documents.get(d.uri) !== d || d.version !== version) return;
        if (d.published === d.result) return;
        d.published = d.result;
        void this.connection.sendDiagnostics({ uri: d.uri, version, diagnostics });
      });
    };
    // Timers have a 1 ms floor: a check without delay (a large insertion, debounce 0) runs on the next turn.
    if (delay > 0) {
      const timer = setTimeout(run, delay);
      d.cancelScheduled = () => clearTimeout(timer);
    } else {
      const immediate = setImmediate(run);
      d.cancelScheduled = () => clearImmediate(immediate);
    }
  }

  /** Checks a document's current version (or returns the cached result); undefined if it went stale. */
  async checkNow(d: OpenDocument): Promise<Diagnostic[] | undefined> {
    const version = d.version;
    if (d.result?.version === version) return d.result.diagnostics;
    const generation = (await this.rules.state).generation;
    const [settings, state] = await Promise.all([this.settingsFor(d.uri), this.rules.state]);
    if (d.version !== version || this.documents.get(d.uri) !== d) return undefined;
    const file = uriToPath(d.uri);
    const configSchema = file ? schemaForDocument(file, '') : undefined;
    if (file && (configSchema === 'config' || configSchema === 'pack')) {
      const diagnostics = configDiagnostics(d.doc, file, configSchema, state.problemsByFile.get(file) ?? []);
      d.result = { version, generation: state.generation, findings: new Map(), diagnostics };
      return diagnostics;
    }
    // A Falco rules file (a YAML list of rule/macro/list items): its own checks, live.
    if (settings.enable && (d.doc.languageId === 'yaml' || /\.ya?ml$/i.test(file ?? '')) && looksLikeFalcoRules(d.doc.getText())) {
      const diagnostics = checkFalcoFile(d.doc.getText(), file ?? d.uri).map((p) => locatedToDiagnostic(d.doc, p));
      d.result = { version, generation: state.generation, findings: new Map(), diagnostics };
      return diagnostics;
    }
    if (file && isRuleFileName(path.basename(file)) && this.isRuleFile(file, state)) return this.validateRuleFile(d);
    if (!settings.enable || this.excluded(d.uri, settings) || (file !== undefined && state.configs.excluded(file)) || d.doc.getText().length > settings.maxFileSize) {
      d.result = { version, generation, findings: new Map(), diagnostics: [] };
      return [];
    }
    const dependencies = file && settings.dependencies && DependencyChecker.applies(file) ? await this.checkDependencies(d, file, settings) : { findings: [], problems: [] };
    if (d.version !== version || this.documents.get(d.uri) !== d) return undefined;
    const findings = state.configs.applyToFindings(file, [...this.scan(d, state), ...dependencies.findings]);
    const visible = findings.filter((f) => !f.suppressed && levelRank(f.level) >= levelRank(settings.severityThreshold));
    const byKey = new Map<string, Finding>();
    const diagnostics = visible.map((f, i) => {
      const key = `${f.ruleId}:${f.range.start}:${f.range.end}:${i}`;
      byKey.set(key, f);
      const data: DiagnosticData = { ruleId: f.ruleId, version, key };
      return toDiagnostic(f, state.infoById.get(f.ruleId) ?? this.dependencies.info(f.ruleId), data);
    });
    // What a manifest reader could not read (a broken line, an unreadable include), where it is.
    diagnostics.push(...dependencies.problems.filter((p) => p.file === undefined || p.file === file).map(problemToDiagnostic));
    d.insertedSinceCheck = 0;
    d.result = { version, generation: state.generation, findings: byKey, diagnostics };
    return diagnostics;
  }

  private scan(d: OpenDocument, state: LoadedRuleState): Finding[] {
    const rel = this.relativePath(d.uri);
    const spec = languageForPath(rel) ?? languageForPath(`x.${d.doc.languageId}`);
    const langRules = spec ? state.rules.forLanguage(spec.id) : undefined;
    const text = d.doc.getText();
    try {
      const document = langRules ? d.parsedFor(langRules.lang) : undefined;
      const result = scanWith(langRules, state.rules.textOnly, text, { path: rel, document, detectors: state.rules.detectors });
      for (const p of result.problems) this.connection.console.warn(`${rel}: ${p.message}`);
      return result.findings;
    } catch (e) {
      this.connection.console.error(`Moat failed to check ${rel}: ${e instanceof Error ? e.message : String(e)}`);
      return [];
    }
  }

  /** Vulnerable dependencies of a manifest, and what in it could not be read; a failure is logged and leaves the other findings. */
  private async checkDependencies(d: OpenDocument, file: string, settings: MoatSettings): Promise<{ findings: Finding[]; problems: Problem[] }> {
    try {
      const openText = (sibling: string) => this.documents.get(pathToFileURL(sibling).toString())?.doc.getText();
      return await this.dependencies.check(file, d.doc.getText(), settings, openText);
    } catch (e) {
      this.connection.console.error(`Moat could not check the dependencies of ${this.relativePath(d.uri)}: ${e instanceof Error ? e.message : String(e)}`);
      return { findings: [], problems: [] };
    }
  }

  private isRuleFile(file: string, state: LoadedRuleState | undefined): boolean {
    return RuleStore.affects(state, file) || /(^|\/)(rules|\.moat)\//.test(file.split(path.sep).join('/'));
  }

  /** Live validation of an open rule file: its problems as diagnostics. */
  private validateRuleFile(d: OpenDocument): Diagnostic[] {
    const text = d.doc.getText();
    if (!/^\s*rules\s*:/m.test(text)) return [];
    const parsed = parseRuleFile(text, uriToPath(d.uri) ?? d.uri, { defaultSeverity: packDefaultSeverity(uriToPath(d.uri)) });
    const diagnostics = parsed.problems.map(problemToDiagnostic);
    d.result = { version: d.version, generation: -1, findings: new Map(), diagnostics };
    return diagnostics;
  }

  private excluded(uri: string, settings: MoatSettings): boolean {
    if (settings.exclude.length === 0) return false;
    const rel = this.relativePath(uri);
    return !rel.startsWith('..') && ignore().add([...settings.exclude]).ignores(rel);
  }

  private codeActions(p: CodeActionParams): CodeAction[] {
    const d = this.documents.get(p.textDocument.uri);
    if (!d?.result || d.result.version !== d.version) return [];
    return buildCodeActions(d.doc, d.result, p);
  }

  private hover(p: HoverParams): Promise<Hover | null> {
    const d = this.documents.get(p.textDocument.uri);
    const schema = d && schemaForDocument(uriToPath(d.uri) ?? d.uri, d.doc.getText());
    if (d && schema) return Promise.resolve(configHover(d.doc, schema, p.position));
    if (!d?.result || d.result.version !== d.version) return Promise.resolve(null);
    return this.rules.state.then((state) => hoverFor(d.doc, d.result!, p.position, { get: (id: string) => state.infoById.get(id) ?? this.dependencies.info(id) }));
  }

  textOf(uri: string): TextDocument | undefined {
    return this.documents.get(uri)?.doc;
  }
}
