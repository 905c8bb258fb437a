/**
 * Vault lookup quick fix for Java: not supported yet.
 */
import { LookupFixInput, LookupFixResult, fail } from './vault-types';

export function javaEdits(input: LookupFixInput): LookupFixResult {
  void input;
  return fail('the Vault lookup fix for Java is not supported yet');
}
