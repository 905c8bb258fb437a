/**
 * Quick fix "read this secret from HashiCorp Vault": replaces a hardcoded secret literal with a KV v2
 * lookup written the way each language's users write it, adding the client setup/import once per file.
 * Text-level only (no parser needed); unsupported spots return `{ ok: false, reason }`, never a broken file.
 */
import { LookupFixInput, LookupFixResult, TextEdit, VaultRef, fail } from './vault-types';
import { pythonEdits } from './vault-python';
import { jsEdits } from './vault-js';
import { goEdits } from './vault-go';
import { terraformEdits } from './vault-terraform';
import { kubernetesEdits } from './vault-kubernetes';
import { javaEdits } from './vault-java';

export type { LookupFixInput, TextEdit, VaultRef } from './vault-types';

export function vaultLookupEdits(input: LookupFixInput): { ok: true; edits: TextEdit[]; note?: string } | { ok: false; reason: string } {
  const { text, secretStart, secretEnd } = input;
  if (!(secretStart >= 0 && secretStart < secretEnd && secretEnd <= text.length)) return fail('the secret range is outside the file');
  const result = dispatch(input);
  if (result.ok) result.edits.sort((a, b) => a.start - b.start || a.end - b.end);
  return result;
}

function dispatch(input: LookupFixInput): LookupFixResult {
  switch (input.languageId) {
    case 'python': return pythonEdits(input);
    case 'javascript': case 'typescript': case 'tsx': return jsEdits(input);
    case 'go': return goEdits(input);
    case 'hcl': return terraformEdits(input);
    case 'yaml': return kubernetesEdits(input);
    case 'java': return javaEdits(input);
    default: return fail(`no Vault lookup fix for ${String(input.languageId)}`);
  }
}

/** Applies non-overlapping edits (offsets into `text`). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/**
 * A suggested Vault location: mount "secret", path "<parent dir>/<file stem>", key from the name the
 * literal is assigned to (snake_case), e.g. `OPENAI_API_KEY = "sk-..."` → key "openai_api_key".
 */
export function proposeVaultRef(text: string, secretStart: number, secretEnd: number, fileName: string): VaultRef {
  void secretEnd;
  const parts = fileName.replace(/\\/g, '/').split('/').filter((p) => p && p !== '.' && p !== '..');
  const base = parts[parts.length - 1] ?? 'secrets';
  const stem = sanitizePath(base.replace(/^\./, '').replace(/\.[^.]*$/, '')) || 'secrets';
  const dir = parts.length > 1 ? sanitizePath(parts[parts.length - 2]) : '';
  return { mount: 'secret', path: dir ? `${dir}/${stem}` : stem, key: keyNameBefore(text, secretStart) };
}

function sanitizePath(s: string): string {
  return s.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '');
}

/** The variable/attribute/argument name a literal starting near `at` is assigned to, snake_cased; "secret" if none. */
function keyNameBefore(text: string, at: number): string {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  // Back up over a string prefix and opening quote when the range is only the content.
  const before = text.slice(lineStart, at).replace(/(?:[rRbBuUfF]{0,2}["'`]|"""|''')$/, '');
  const assign = /([A-Za-z_$][\w$.-]*)["']?\s*(?::=|=|:)\s*(?:\(|\[)?\s*$/.exec(before);
  let name = assign?.[1];
  if (name) name = name.split('.').pop();
  if (name && /^(value|default)$/i.test(name)) {
    // YAML env entry `- name: FOO` / `value: "..."` or HCL `default` of `variable "foo"`.
    const back = text.slice(Math.max(0, lineStart - 400), lineStart);
    const env = /name:\s*["']?([A-Za-z_][\w.-]*)["']?\s*\n[^\n]*$/.exec(back);
    const tfVar = /variable\s+"([^"]+)"\s*\{[^{}]*$/.exec(back);
    name = env?.[1] ?? tfVar?.[1] ?? name;
  }
  if (!name) {
    const call = /([A-Za-z_$][\w$]*)\s*\(\s*$/.exec(before);
    name = call?.[1]?.replace(/^set(?=[A-Z])/, '');
  }
  return name ? snakeCase(name) || 'secret' : 'secret';
}

function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}

/** The lookup language for a VS Code / LSP language id (undefined: no lookup is written for it). */
export function lookupLanguageFor(editorLanguageId: string): LookupFixInput['languageId'] | undefined {
  return EDITOR_LANGUAGES[editorLanguageId];
}

const EDITOR_LANGUAGES: Record<string, LookupFixInput['languageId']> = {
  python: 'python',
  javascript: 'javascript',
  javascriptreact: 'javascript',
  typescript: 'typescript',
  typescriptreact: 'tsx',
  tsx: 'tsx',
  go: 'go',
  java: 'java',
  terraform: 'hcl',
  hcl: 'hcl',
  yaml: 'yaml',
};

/** The secret's value from the text of its range, which may include the literal's quotes. */
export function literalValue(literal: string): string {
  return /^(['"`]).*\1$/s.test(literal) ? literal.slice(1, -1) : literal;
}
