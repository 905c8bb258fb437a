/**
 * Metrics and ECS events for `moat lsp` without touching the server's logic: wraps the server's
 * `checkNow` (every diagnostics computation, pushed or pulled goes through it) to time each fresh
 * check and count what it found, and keeps the rules-loaded gauge current. Cached answers (same
 * document version) are not counted twice. Secret values are scrubbed from messages before logging.
 */
import type { Finding, RuleInfo } from '../engine/finding';
import { scrubSecretValues } from '../agent/secret-masking';
import { languageForPath } from '../engine/languages';
import type { EventLog } from './ecs-log';
import { setRulesLoaded } from './metrics';
import { observeScan } from './scan-events';

export interface ObservedDocument {
  readonly uri: string;
  readonly version: number;
  readonly doc: { readonly languageId: string; getText(): string };
  readonly result?: { readonly version: number; readonly findings: ReadonlyMap<string, Finding> };
}

export interface ObservableLanguageServer<D extends ObservedDocument> {
  checkNow(d: D): Promise<unknown[] | undefined>;
  relativePath(uri: string): string;
  readonly rules: { readonly state: Promise<{ readonly rules: { readonly infos: readonly RuleInfo[] }; readonly infoById: ReadonlyMap<string, RuleInfo> }> };
}

export function observeLanguageServer<D extends ObservedDocument>(server: ObservableLanguageServer<D>, log: EventLog): void {
  const check = server.checkNow.bind(server);
  server.checkNow = async (d: D) => {
    const fresh = d.result?.version !== d.version;
    const started = performance.now();
    const diagnostics = await check(d);
    const result = d.result;
    if (fresh && diagnostics !== undefined && result?.version === d.version) {
      const durationMs = performance.now() - started;
      const state = await server.rules.state;
      setRulesLoaded('lsp', state.rules.infos.length);
      const rel = server.relativePath(d.uri);
      observeScan(log, {
        surface: 'lsp',
        path: rel,
        language: languageForPath(rel)?.id ?? d.doc.languageId,
        durationMs,
        findings: scrubSecretValues(d.doc.getText(), [...result.findings.values()]),
        ruleInfo: (id) => state.infoById.get(id),
      });
    }
    return diagnostics;
  };
}
