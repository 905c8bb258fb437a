/**
 * Vault lookup quick fix for Kubernetes manifests: not supported yet — a secret env value cannot be
 * rewritten safely line-by-line without a YAML model of the pod template.
 */
import { LookupFixInput, LookupFixResult, fail } from './vault-types';

export function kubernetesEdits(input: LookupFixInput): LookupFixResult {
  void input;
  return fail('Vault Agent injector rewrite for Kubernetes manifests is not supported yet');
}
