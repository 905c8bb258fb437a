// The never-lose-a-secret flow: store the secret in Vault (check-and-set, never overwriting a
// different value), read it back and compare, and only then let the caller replace the literal in
// the file. If Vault fails at any step `apply` is not called, so the secret stays where it was.
// No message ever contains the secret value.

import type { Kv2Writer, VaultErrorKind, WriteStatus } from './vault-kv2-client';

export interface MoveSecretInput {
  client: Kv2Writer;
  mount: string;
  path: string;
  key: string;
  value: string;
  /** Replaces the literal in the file; called only once Vault holds the verified value. Return false if it did not apply. */
  apply: () => Promise<boolean>;
}

export type MoveStage = 'write' | 'verify' | 'apply';

export type MoveSecretResult =
  | {
      ok: true;
      /** `written` = new version created; `unchanged` = Vault already held this exact value. */
      vault: WriteStatus;
      version: number;
      ref: { mount: string; path: string; key: string };
      message: string;
    }
  | {
      ok: false;
      stage: MoveStage;
      kind: VaultErrorKind | 'apply-failed';
      /** Whether the file was changed; always false when ok is false (apply never ran or did not apply). */
      applied: false;
      /** Whether Vault holds the verified value (true only when stage is 'apply'). */
      storedInVault: boolean;
      message: string;
    };

function redact(text: string, value: string): string {
  return value.length > 0 ? text.split(value).join('[REDACTED]') : text;
}

export async function moveSecretToVault(input: MoveSecretInput): Promise<MoveSecretResult> {
  const { client, mount, path, key, value, apply } = input;
  const where = `${mount}/${path}#${key}`;
  const untouched = 'The file was not changed.';

  const written = await client.writeIfAbsentOrSame(mount, path, key, value);
  if (!written.ok) {
    return {
      ok: false,
      stage: 'write',
      kind: written.kind,
      applied: false,
      storedInVault: false,
      message: redact(`Could not store the secret in Vault at ${where}: ${written.message}. ${untouched}`, value),
    };
  }

  const verified = await client.verify(mount, path, key, value);
  if (!verified.ok) {
    return {
      ok: false,
      stage: 'verify',
      kind: verified.kind,
      applied: false,
      storedInVault: false,
      message: redact(`Wrote ${where} but could not confirm it by reading it back: ${verified.message}. ${untouched}`, value),
    };
  }

  let applied = false;
  let why = 'the edit was not applied';
  try {
    applied = await apply();
  } catch (e) {
    why = `the edit failed (${e instanceof Error ? e.name : 'error'})`;
  }
  if (!applied) {
    return {
      ok: false,
      stage: 'apply',
      kind: 'apply-failed',
      applied: false,
      storedInVault: true,
      message: redact(`The secret is stored and verified in Vault at ${where} (version ${verified.version}), but ${why}; the literal is still in the file.`, value),
    };
  }

  return {
    ok: true,
    vault: written.status,
    version: verified.version,
    ref: { mount, path, key },
    message: redact(
      `${written.status === 'written' ? 'Stored' : 'Found the same value already'} in Vault at ${where} (version ${verified.version}), verified by read-back; replaced the literal in the file.`,
      value,
    ),
  };
}
