/**
 * Vault lookup quick fix for Terraform: a `data "vault_kv_secret_v2"` block appended once per secret
 * path and the literal replaced by `data.vault_kv_secret_v2.<name>.data["key"]`.
 */
import { Token, enclosingOpens, literalIndex, matchBrackets, tokenize } from './code-tokens';
import { LookupFixInput, LookupFixResult, TextEdit, fail, quoted } from './vault-types';

export function terraformEdits(input: LookupFixInput): LookupFixResult {
  const { text, ref } = input;
  let tokens: Token[];
  try {
    tokens = tokenize(text, 'hcl');
  } catch (e) {
    return fail(`cannot read the file as HCL: ${(e as Error).message}`);
  }
  const at = literalIndex(tokens, input.secretStart, input.secretEnd);
  if (at < 0) return fail('the secret is not inside an HCL string');
  const lit = tokens[at];
  if (lit.special === 'interpolated') return fail('the secret is inside a string template with ${} interpolation');
  if (lit.special === 'heredoc') return fail('the secret is inside a heredoc');
  const pairs = matchBrackets(tokens);
  const opens = enclosingOpens(tokens, pairs, at);
  const outer = opens.find((o) => tokens[o].text === '{');
  if (outer === undefined) return fail('the secret is a top-level attribute (a .tfvars value), which cannot reference a data source');
  let h = outer - 1;
  while (h > 0 && tokens[h - 1].kind !== 'punct' && !text.slice(tokens[h - 1].end, tokens[h].start).includes('\n')) h--;
  const blockType = tokens[h]?.text;
  if (blockType === 'variable' || blockType === 'terraform') return fail(`a ${blockType} block must be constant and cannot reference a data source`);
  const next = tokens[at + 1];
  if (next?.text === '=' || (next?.text === ':' && tokens[opens[opens.length - 1]]?.text === '{' && opens.length > 1)) return fail('the secret is a map key');
  if (tokens[at - 1]?.kind === 'id' && !['=', ':'].includes(tokens[at - 1].text)) return fail('the secret is a block label');

  const name = ref.path.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^(?=\d)/, '_') || 'secret';
  const edits: TextEdit[] = [{ start: lit.start, end: lit.end, text: `data.vault_kv_secret_v2.${name}.data[${quoted(ref.key)}]` }];
  if (!new RegExp(`data\\s+"vault_kv_secret_v2"\\s+"${name}"`).test(text)) {
    const block = `data "vault_kv_secret_v2" "${name}" {\n  mount = ${quoted(ref.mount)}\n  name  = ${quoted(ref.path)}\n}\n`;
    edits.push({ start: text.length, end: text.length, text: (text.endsWith('\n') ? '\n' : '\n\n') + block });
  }
  return { ok: true, edits, note: 'Needs the hashicorp/vault provider; the value is read at plan time and stored in state (mark outputs using it as sensitive).' };
}
