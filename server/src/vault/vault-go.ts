/**
 * Vault lookup quick fix for Go: a `vaultSecret(mount, path, key string) string` helper (vault/api
 * KVv2) appended once, `context` and `vault "github.com/hashicorp/vault/api"` imports merged once, and
 * the literal replaced by `vaultSecret("mount", "path", "key")`; a `const` holding it becomes a `var`.
 */
import { Token, enclosingOpens, lineEndOf, lineStartOf, literalIndex, matchBrackets, tokenize } from './code-tokens';
import { LookupFixInput, LookupFixResult, TextEdit, fail, quoted } from './vault-types';

const API = 'github.com/hashicorp/vault/api';

export function goEdits(input: LookupFixInput): LookupFixResult {
  const { text, ref } = input;
  let tokens: Token[];
  try {
    tokens = tokenize(text, 'go');
  } catch (e) {
    return fail(`cannot read the file as Go: ${(e as Error).message}`);
  }
  const at = literalIndex(tokens, input.secretStart, input.secretEnd);
  if (at < 0) return fail('the secret is not inside a Go string literal');
  const lit = tokens[at];
  if (lit.text.startsWith("'")) return fail('the secret is a rune literal');
  const prev = tokens[at - 1];
  if (prev?.text === 'import' || tokens.slice(Math.max(0, at - 3), at).some((t) => t.text === 'import')) return fail('the secret is an import path');
  const pairs = matchBrackets(tokens);
  const opens = enclosingOpens(tokens, pairs, at);
  if (opens.some((o) => tokens[o - 1]?.text === 'struct')) return fail('the secret is a struct tag');

  const edits: TextEdit[] = [];
  const call = `vaultSecret(${quoted(ref.mount)}, ${quoted(ref.path)}, ${quoted(ref.key)})`;

  // const → var
  const constBlock = opens.length === 1 && tokens[opens[0]].text === '(' && tokens[opens[0] - 1]?.text === 'const' ? opens[0] : -1;
  let stmtStart = at - 1;
  while (stmtStart > 0 && !text.slice(tokens[stmtStart - 1].end, tokens[stmtStart].start).includes('\n') && tokens[stmtStart - 1].text !== '(') stmtStart--;
  if (constBlock >= 0) {
    // Move the spec out of the const block as its own var declaration.
    const ls = lineStartOf(text, lit.start);
    const le = lineEndOf(text, lit.end);
    const line = text.slice(ls, le);
    const m = /^\s*([A-Za-z_]\w*(?:\s+[A-Za-z_][\w.]*)?)\s*=\s*$/.exec(text.slice(ls, lit.start));
    const rest = text.slice(lit.end, le);
    if (!m || !/^\s*(?:\/\/.*)?$/.test(rest) || line.includes('(')) return fail('the secret is in a const block spec that cannot be moved to a var');
    const nextLine = text.slice(le + 1, lineEndOf(text, le + 1));
    if (/^\s*[A-Za-z_]\w*\s*$/.test(nextLine)) return fail('the next constant repeats this one implicitly');
    const close = pairs.get(constBlock)!;
    edits.push({ start: ls, end: Math.min(le + 1, text.length), text: '' });
    edits.push({ start: tokens[close].end, end: tokens[close].end, text: `\n\nvar ${m[1]} = ${call}` });
  } else {
    const first = tokens[stmtStart];
    if (first?.text === 'const') {
      if (opens.length > 0 && tokens.slice(stmtStart, at).some((t) => t.text === 'iota')) return fail('the const uses iota');
      edits.push({ start: first.start, end: first.end, text: 'var' });
    } else if (opens.length === 0 && first?.text !== 'var') {
      return fail('the secret is not in a var, const or function');
    }
    edits.push({ start: lit.start, end: lit.end, text: call });
  }

  // Imports.
  const alias = apiAlias(text);
  const pkg = alias ?? 'vault';
  const needApi = alias === undefined;
  const needContext = !/^\s*(?:import\s+)?(?:\w+\s+)?"context"/m.test(importRegion(text));
  const hasHelper = /\bfunc\s+vaultSecret\s*\(/.test(text);
  const wanted = [...(needContext && !hasHelper ? ['"context"'] : []), ...(needApi && !hasHelper ? [`vault "${API}"`] : [])];
  if (wanted.length) {
    const block = tokens.findIndex((t, i) => t.text === 'import' && tokens[i + 1]?.text === '(');
    if (block >= 0) {
      const close = pairs.get(block + 1);
      if (close === undefined) return fail('unbalanced import block');
      const ls = lineStartOf(text, tokens[close].start);
      const onOwnLine = /^\s*$/.test(text.slice(ls, tokens[close].start));
      const add = wanted.map((w) => `\t${w}\n`).join('');
      if (onOwnLine) edits.push({ start: ls, end: ls, text: add });
      else edits.push({ start: tokens[close].start, end: tokens[close].start, text: '\n' + add });
    } else {
      const pkgIdx = tokens.findIndex((t) => t.text === 'package');
      if (pkgIdx < 0) return fail('no package clause');
      let after = lineEndOf(text, tokens[pkgIdx + 1]?.end ?? tokens[pkgIdx].end);
      for (let i = 0; i < tokens.length; i++) if (tokens[i].text === 'import' && tokens[i + 1]?.kind === 'str') after = lineEndOf(text, tokens[i + 1].end);
      else if (tokens[i].text === 'import' && tokens[i + 2]?.kind === 'str') after = lineEndOf(text, tokens[i + 2].end);
      edits.push({ start: after, end: after, text: `\n\nimport (\n${wanted.map((w) => `\t${w}\n`).join('')})` });
    }
  }
  if (!hasHelper) {
    const helper = [
      '',
      `// vaultSecret reads key from the KV v2 secret at mount/path in HashiCorp Vault (VAULT_ADDR, VAULT_TOKEN).`,
      'func vaultSecret(mount, path, key string) string {',
      `\tclient, err := ${pkg}.NewClient(${pkg}.DefaultConfig())`,
      '\tif err != nil {',
      '\t\tpanic("vault: " + err.Error())',
      '\t}',
      '\tsecret, err := client.KVv2(mount).Get(context.Background(), path)',
      '\tif err != nil {',
      '\t\tpanic("vault: " + err.Error())',
      '\t}',
      '\tvalue, ok := secret.Data[key].(string)',
      '\tif !ok {',
      '\t\tpanic("vault: no string " + key + " in " + mount + "/" + path)',
      '\t}',
      '\treturn value',
      '}',
      '',
    ].join('\n');
    edits.push({ start: text.length, end: text.length, text: (text.endsWith('\n') ? '' : '\n') + helper });
  }
  return { ok: true, edits, note: 'Reads the KV v2 secret with github.com/hashicorp/vault/api (VAULT_ADDR, VAULT_TOKEN); the helper panics when the secret cannot be read.' };
}

function importRegion(text: string): string {
  const m = /^(?:func|type|var|const)\b/m.exec(text);
  return m ? text.slice(0, m.index) : text;
}

/** The package name under which vault/api is already imported, if it is. */
function apiAlias(text: string): string | undefined {
  const m = new RegExp(`^\\s*(?:import\\s+)?(\\w+\\s+)?"${API.replace(/[./]/g, '\\$&')}"`, 'm').exec(importRegion(text));
  if (!m) return undefined;
  return m[1]?.trim() ?? 'api';
}
