/**
 * Shared types of the Vault lookup quick fix (kept apart from vault-lookup-fix.ts so the per-language
 * modules can use them without an import cycle).
 */

export interface VaultRef { readonly mount: string; readonly path: string; readonly key: string }

export interface LookupFixInput {
  readonly languageId: 'python' | 'javascript' | 'typescript' | 'tsx' | 'go' | 'java' | 'hcl' | 'yaml';
  readonly text: string;
  readonly secretStart: number;
  readonly secretEnd: number;
  readonly ref: VaultRef;
}

/** Replace text[start, end) with `text`; offsets are UTF-16 offsets into the original text. */
export interface TextEdit { readonly start: number; readonly end: number; readonly text: string }

export type LookupFixResult = { ok: true; edits: TextEdit[]; note?: string } | { ok: false; reason: string };

export function fail(reason: string): LookupFixResult {
  return { ok: false, reason };
}

/** A double-quoted string literal valid in Python, JS, Go, Java and HCL (ref parts are plain path text). */
export function quoted(s: string): string {
  return JSON.stringify(s);
}
