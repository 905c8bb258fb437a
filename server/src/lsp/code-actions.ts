/**
 * Code actions from the findings cached with the diagnostics: the rule's fix (quickfix,
 * preferred), "Suppress with moat-ignore" (a comment above the finding in the file's comment
 * syntax, with a placeholder for the reason), and `source.fixAll.moat` (every non-overlapping fix).
 */
import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/finding';
import { languageForPath } from '../engine/languages';
import { CLIENT_COMMANDS, DiagnosticData } from '../protocol/messages';
import { lookupLanguageFor, proposeVaultRef, vaultLookupEdits } from '../vault/vault-lookup-fix';
import type { CheckResult } from './document-store';
import { toTextEdit } from './to-proto';

export const FIX_ALL_KIND = CodeActionKind.SourceFixAll + '.moat';
export const REASON_PLACEHOLDER = 'explain why this is safe';

function commentPrefix(doc: TextDocument): string {
  const spec = languageForPath(doc.uri) ?? languageForPath(`x.${doc.languageId}`);
  return spec?.lineComments[0] ?? '#';
}

export function suppressionEdit(doc: TextDocument, f: Finding): TextEdit {
  const line = f.range.startPos.line;
  const lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${commentPrefix(doc)} moat-ignore: ${f.ruleId} -- ${REASON_PLACEHOLDER}\n` };
}

/**
 * For a hardcoded secret: "Move to Vault…" (the client writes it to Vault, verifies, then edits)
 * and "Replace with a Vault lookup" (the edit only, for a secret already in Vault).
 */
function vaultActions(doc: TextDocument, f: Finding, diagnostic: Diagnostic): CodeAction[] {
  const languageId = lookupLanguageFor(doc.languageId);
  if (!languageId) return [];
  const text = doc.getText();
  const ref = proposeVaultRef(text, f.range.start, f.range.end, doc.uri.replace(/^.*\//, ''));
  const lookup = vaultLookupEdits({ languageId, text, secretStart: f.range.start, secretEnd: f.range.end, ref });
  if (!lookup.ok) return [];
  return [
    {
      title: `Move secret to Vault (${ref.mount}/${ref.path}#${ref.key})…`,
      kind: CodeActionKind.QuickFix,
      isPreferred: true,
      diagnostics: [diagnostic],
      command: { title: 'Move secret to Vault', command: CLIENT_COMMANDS.moveSecretToVault, arguments: [doc.uri, f.range.start, f.range.end] },
    },
    {
      title: `Replace with a Vault lookup of ${ref.mount}/${ref.path}#${ref.key}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [doc.uri]: lookup.edits.map((e) => toTextEdit(doc, e)) } },
    },
  ];
}

/** Says what the edit does: `Replace with "trust_remote_code=False" (genai.trust-remote-code)`. */
export function fixTitle(f: Finding): string {
  if (f.fixTitle) return `${f.fixTitle} (${f.ruleId})`;
  const text = f.fix!.text.replace(/\s+/g, ' ').trim();
  const shown = text.length > 60 ? text.slice(0, 57) + '…' : text;
  return text === '' ? `Remove the flagged code (${f.ruleId})` : `Replace with \`${shown}\` (${f.ruleId})`;
}

function wants(p: CodeActionParams, kind: string): boolean {
  const only = p.context.only;
  return !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
}

export function buildCodeActions(doc: TextDocument, result: CheckResult, p: CodeActionParams): CodeAction[] {
  const actions: CodeAction[] = [];
  const uri = doc.uri;
  if (wants(p, CodeActionKind.QuickFix)) {
    for (const diagnostic of p.context.diagnostics) {
      const f = findingOf(result, diagnostic);
      if (!f) continue;
      if (f.fix) {
        actions.push({
          title: fixTitle(f),
          kind: CodeActionKind.QuickFix,
          isPreferred: true,
          diagnostics: [diagnostic],
          edit: { changes: { [uri]: [toTextEdit(doc, f.fix)] } },
        });
      }
      if (f.secret) actions.push(...vaultActions(doc, f, diagnostic));
      actions.push({
        title: `Suppress ${f.ruleId} with moat-ignore`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [uri]: [suppressionEdit(doc, f)] } },
      });
    }
  }
  if (p.context.only && wants(p, FIX_ALL_KIND)) {
    const edits = fixAllEdits(doc, [...result.findings.values()]);
    if (edits.length) actions.push({ title: 'Fix all Moat findings', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
  }
  return actions;
}

function findingOf(result: CheckResult, diagnostic: Diagnostic): Finding | undefined {
  const data = diagnostic.data as DiagnosticData | undefined;
  if (diagnostic.source !== 'moat' || !data?.key || data.version !== result.version) return undefined;
  return result.findings.get(data.key);
}

/** Every fix that does not overlap an earlier one. */
export function fixAllEdits(doc: TextDocument, findings: readonly Finding[]): TextEdit[] {
  const fixes = findings.filter((f) => f.fix).map((f) => f.fix!).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextEdit[] = [];
  let last = -1;
  for (const fix of fixes) {
    if (fix.start < last) continue;
    out.push(toTextEdit(doc, fix));
    last = fix.end;
  }
  return out;
}
