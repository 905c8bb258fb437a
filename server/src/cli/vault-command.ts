/**
 * `moat vault move FILE:LINE`: the editor's "Move secret to Vault" for agents and scripts. Finds
 * the hardcoded secret on that line, proposes mount/path/key (flags override), writes it to Vault
 * KV v2 with check-and-set, reads it back, and only then rewrites the file with the language's
 * lookup (atomically, and only if the file did not change meanwhile). On any failure the file is
 * byte-identical. Address, namespace and token come from flags or VAULT_ADDR / VAULT_NAMESPACE /
 * VAULT_TOKEN; the value and the token are never printed.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { languageForPath } from '../engine/languages';
import { secretsDetector } from '../secrets/secrets-detector';
import { moveSecretToVault } from '../vault/move-secret';
import { connectVault } from '../vault/vault-connect';
import { applyTextEdits, literalValue, lookupLanguageFor, proposeVaultRef, vaultLookupEdits } from '../vault/vault-lookup-fix';

const HELP = `Usage: moat vault move FILE:LINE [--mount M] [--path P] [--key K] [--addr URL] [--namespace NS]

Moves the hardcoded secret on FILE:LINE to HashiCorp Vault KV v2 and replaces it with a lookup.
Credentials come from the environment, never from flags: VAULT_TOKEN, or an AppRole
(VAULT_ROLE_ID and VAULT_SECRET_ID). The address comes from --addr or VAULT_ADDR.
Exit codes: 0 moved, 1 Vault refused or failed (the file is unchanged), 2 usage or no secret there.
`;

function fail(message: string, code = 2): number {
  process.stderr.write(`moat vault: ${message}\n`);
  return code;
}

export async function runVaultCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'move') {
    process.stdout.write(HELP);
    return sub === '--help' || sub === '-h' ? 0 : 2;
  }
  let args;
  try {
    args = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { mount: { type: 'string' }, path: { type: 'string' }, key: { type: 'string' }, addr: { type: 'string' }, namespace: { type: 'string' } },
    });
  } catch (e) {
    return fail((e as Error).message);
  }
  const target = /^(.*):(\d+)$/.exec(args.positionals[0] ?? '');
  if (!target) return fail('give the secret as FILE:LINE');
  const outcome = await moveSecretAtLine({ file: target[1], line: Number(target[2]), ...args.values });
  if (outcome.moved !== undefined) {
    process.stdout.write(`${outcome.message}\n`);
    return outcome.code;
  }
  return fail(outcome.message, outcome.code);
}

export interface SecretMoveRequest {
  /** As given (relative to the current folder, or absolute). */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly mount?: string;
  readonly path?: string;
  readonly key?: string;
  /** Vault address; default VAULT_ADDR. Credentials always come from the environment. */
  readonly addr?: string;
  readonly namespace?: string;
}

export interface SecretMoveOutcome {
  /** 0 moved, 1 Vault refused or failed (the file is unchanged), 2 nothing to move there or not safely. */
  readonly code: 0 | 1 | 2;
  /** Never holds the secret value or the token. */
  readonly message: string;
  /** Set once the move was attempted: whether the file now reads the secret from Vault. */
  readonly moved?: boolean;
  readonly ref?: { readonly mount: string; readonly path: string; readonly key: string };
}

/** The whole `moat vault move` flow for one FILE:LINE, for the CLI and the MCP tool. */
export async function moveSecretAtLine(request: SecretMoveRequest): Promise<SecretMoveOutcome> {
  const refuse = (message: string, code: 1 | 2 = 2): SecretMoveOutcome => ({ code, message });
  const where = `${request.file}:${request.line}`;
  const file = path.resolve(request.file);
  const line = request.line - 1;
  const spec = languageForPath(file);
  const languageId = spec ? lookupLanguageFor(spec.id) : undefined;
  if (!languageId) return refuse(`no Vault lookup is known for ${path.basename(file)}`);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    return refuse(`cannot read ${request.file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const relative = path.relative(process.cwd(), file).split(path.sep).join('/');
  const secret = secretsDetector()
    .detect(text, relative)
    .find((f) => f.range.startPos.line === line);
  if (!secret) return refuse(`no hardcoded secret found on ${where}`);
  const proposed = proposeVaultRef(text, secret.range.start, secret.range.end, relative);
  const ref = { mount: request.mount ?? proposed.mount, path: request.path ?? proposed.path, key: request.key ?? proposed.key };
  const lookup = vaultLookupEdits({ languageId, text, secretStart: secret.range.start, secretEnd: secret.range.end, ref });
  if (!lookup.ok) return refuse(`the file would not be changed safely (${lookup.reason}); nothing was written to Vault`);
  const endpoint = request.addr ?? process.env.VAULT_ADDR;
  if (!endpoint) return refuse('set VAULT_ADDR or --addr');
  const connected = await connectVault({
    endpoint,
    namespace: request.namespace ?? process.env.VAULT_NAMESPACE,
    token: process.env.VAULT_TOKEN,
    roleId: process.env.VAULT_ROLE_ID,
    secretId: process.env.VAULT_SECRET_ID,
  });
  if (!connected.ok) return refuse(`${connected.message}; nothing was changed`, connected.kind === 'no-credentials' ? 2 : 1);
  const client = connected.client;
  const literal = text.slice(secret.range.start, secret.range.end);
  const value = literalValue(literal);
  const result = await moveSecretToVault({
    client,
    ...ref,
    value,
    apply: async () => {
      if ((await fs.readFile(file, 'utf8')) !== text) return false;
      const temp = `${file}.moat-${process.pid}.tmp`;
      await fs.writeFile(temp, applyTextEdits(text, lookup.edits));
      await fs.rename(temp, file);
      return true;
    },
  });
  const message = `${result.message}${result.ok && lookup.note ? ` ${lookup.note}` : ''}`;
  return { code: result.ok ? 0 : 1, message, moved: result.ok, ...(result.ok ? { ref: result.ref } : {}) };
}
