/**
 * Moat's own YAML files in the editor — `.moat.yaml`, `moat-pack.yaml` and rule files — and the
 * diagnostics of the first two: schema errors located at their key or value (exact ranges), the
 * checks beyond the schema, and for a saved `.moat.yaml` the problems loading its packs gave.
 * Rule files keep their own validator (rules/rule-yaml.ts); the schema serves them completion
 * and hover.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Problem } from '../engine/finding';
import type { SchemaName } from '../config/schemas';
import type { LocatedProblem } from '../config/yaml-schema-check';
import { parseWorkspaceConfig, WORKSPACE_CONFIG_NAMES } from '../config/workspace-config';
import { parsePackManifest } from '../packs/pack-manifest';
import { isRuleFileName } from '../rules/rule-loader';
import { MOAT_VERSION } from '../cli/version';
import { problemToDiagnostic } from './to-proto';

/** Which schema describes a document, by its file name (and for rule files, a top-level `rules:`). */
export function schemaForDocument(file: string, text: string): SchemaName | undefined {
  const name = path.basename(file);
  if (WORKSPACE_CONFIG_NAMES.includes(name)) return 'config';
  if (name === 'moat-pack.yaml' || name === 'moat-pack.yml') return 'pack';
  if (isRuleFileName(name) && /^rules\s*:/m.test(text)) return 'rule';
  return undefined;
}

export function locatedToDiagnostic(doc: TextDocument, p: LocatedProblem): Diagnostic {
  return {
    range: { start: doc.positionAt(p.start), end: doc.positionAt(p.end) },
    severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: 'moat',
    message: p.key ? `${p.key}: ${p.message}` : p.message,
  };
}

/**
 * Diagnostics of an open `.moat.yaml` or `moat-pack.yaml`. `loadProblems`: what loading the saved
 * file gave (packs that did not resolve…), shown while the text has no schema errors.
 */
export function configDiagnostics(doc: TextDocument, file: string, schema: 'config' | 'pack', loadProblems: readonly Problem[]): Diagnostic[] {
  const text = doc.getText();
  const problems = schema === 'config' ? parseWorkspaceConfig(text, file).problems : parsePackManifest(text, file, MOAT_VERSION).problems;
  const own = problems.map((p) => locatedToDiagnostic(doc, p));
  if (own.length > 0) return own;
  return loadProblems.map((p) => ('start' in p ? locatedToDiagnostic(doc, p as LocatedProblem) : problemToDiagnostic(p)));
}

/** The `default-severity` of the pack holding a rule file (the nearest `moat-pack.yaml` above it), if any. */
export function packDefaultSeverity(file: string | undefined): string | undefined {
  if (!file) return undefined;
  for (let dir = path.dirname(file), depth = 0; depth < 12; depth++) {
    const manifest = path.join(dir, 'moat-pack.yaml');
    if (existsSync(manifest)) {
      try {
        return parsePackManifest(readFileSync(manifest, 'utf8'), manifest, MOAT_VERSION).manifest?.defaultSeverity;
      } catch {
        return undefined;
      }
    }
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
  return undefined;
}
