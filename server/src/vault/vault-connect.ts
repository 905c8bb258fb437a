/**
 * One place that turns credentials into a KV v2 client: a token when there is one, otherwise an
 * AppRole login (role ID + secret ID). Used by the CLI (environment) and the extension
 * (settings, environment and SecretStorage). Messages never carry a credential.
 */
import { VaultKv2Client, VaultResult } from './vault-kv2-client';

export interface VaultCredentials {
  readonly endpoint: string;
  readonly namespace?: string;
  readonly token?: string;
  readonly roleId?: string;
  readonly secretId?: string;
}

export async function connectVault(c: VaultCredentials): Promise<VaultResult<{ client: VaultKv2Client }> | { ok: false; kind: 'no-credentials'; message: string }> {
  const base = { endpoint: c.endpoint, namespace: c.namespace || undefined };
  if (c.token) return { ok: true, client: new VaultKv2Client({ ...base, token: c.token }) };
  if (c.roleId && c.secretId) return VaultKv2Client.withAppRole({ ...base, roleId: c.roleId, secretId: c.secretId });
  return { ok: false, kind: 'no-credentials', message: 'no Vault credentials: set a token (VAULT_TOKEN) or an AppRole (VAULT_ROLE_ID and VAULT_SECRET_ID)' };
}
