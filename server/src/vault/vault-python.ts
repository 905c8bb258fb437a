/**
 * Vault lookup quick fix for Python: hvac KV v2 read through a module-level `_vault` client, with
 * `import hvac` / `import os` added once after the module docstring and `from __future__` imports.
 */
import { Token, enclosingOpens, lineEndOf, literalIndex, matchBrackets, statementEnd, tokenize } from './code-tokens';
import { LookupFixInput, LookupFixResult, TextEdit, fail, quoted } from './vault-types';

export function pythonEdits(input: LookupFixInput): LookupFixResult {
  const { text, ref } = input;
  let tokens: Token[];
  try {
    tokens = tokenize(text, 'python');
  } catch (e) {
    return fail(`cannot read the file as Python: ${(e as Error).message}`);
  }
  const at = literalIndex(tokens, input.secretStart, input.secretEnd);
  if (at < 0) return fail('the secret is not inside a Python string literal');
  const lit = tokens[at];
  if (lit.special === 'interpolated') return fail('the secret is inside an f-string; move it to its own string literal first');
  if (lit.special === 'bytes') return fail('the secret is a bytes literal; a Vault lookup returns str');
  const prev = tokens[at - 1];
  const next = tokens[at + 1];
  if ((prev?.kind === 'str' && !text.slice(prev.end, lit.start).includes('\n')) || next?.kind === 'str') {
    return fail('the secret is part of an implicitly concatenated string');
  }
  if (prev?.kind === 'id' && prev.text === 'case') return fail('the secret is a match/case pattern, which must be a literal');
  const pairs = matchBrackets(tokens);
  const topLevel = enclosingOpens(tokens, pairs, at).length === 0;
  const ownLine = !prev || text.slice(prev.end, lit.start).includes('\n');
  if (topLevel && ownLine && (!prev || (prev.kind === 'punct' && prev.text === ':'))) return fail('the secret is in a docstring');

  const lookup = `_vault.secrets.kv.v2.read_secret_version(path=${quoted(ref.path)}, mount_point=${quoted(ref.mount)})["data"]["data"][${quoted(ref.key)}]`;
  const edits: TextEdit[] = [];

  const hasClient = /^_vault\s*=\s*hvac\.Client\(/m.test(text);
  const needHvac = !/^import\s+(?:[\w.]+\s*,\s*)*hvac\s*(?:,|#|$)/m.test(text);
  const needOs = !/^import\s+(?:[\w.]+\s*,\s*)*os\s*(?:,|#|$)/m.test(text);

  // Where the new imports go: after the docstring and `from __future__` imports.
  let i = 0;
  const leading = text.slice(0, firstCodeOffset(text));
  let importAt = leading.includes('#') ? lineEndOf(text, leading.lastIndexOf('#')) : 0;
  if (tokens[0]?.kind === 'str' && tokens[0].start === firstCodeOffset(text)) {
    const s = statementEnd(text, tokens, 0);
    importAt = s.lineEnd;
    i = s.lastToken + 1;
  }
  while (tokens[i]?.text === 'from' && tokens[i + 1]?.text === '__future__') {
    const s = statementEnd(text, tokens, i);
    importAt = s.lineEnd;
    i = s.lastToken + 1;
  }
  // The client goes after the leading block of import statements.
  let clientAt = importAt;
  while (tokens[i] && (tokens[i].text === 'import' || tokens[i].text === 'from') && atLineStart(text, tokens[i].start)) {
    const s = statementEnd(text, tokens, i);
    clientAt = s.lineEnd;
    i = s.lastToken + 1;
  }
  const imports = (needHvac ? 'import hvac\n' : '') + (needOs ? 'import os\n' : '');
  const client = hasClient ? '' : '_vault = hvac.Client(url=os.environ["VAULT_ADDR"], token=os.environ.get("VAULT_TOKEN"))\n';
  if (!hasClient && lit.start < clientAt) return fail('the secret comes before the module imports, where the Vault client is not yet defined');
  if (hasClient) {
    const m = /^_vault\s*=\s*hvac\.Client\(/m.exec(text)!;
    if (lit.start < m.index) return fail('the secret comes before the module-level _vault client');
  }

  if (imports || client) {
    if (imports && client && importAt === clientAt) {
      edits.push({ start: importAt, end: importAt, text: joinAt(text, importAt, imports + '\n' + client + '\n') });
    } else {
      if (imports) edits.push({ start: importAt, end: importAt, text: joinAt(text, importAt, imports) });
      if (client) edits.push({ start: clientAt, end: clientAt, text: joinAt(text, clientAt, '\n' + client) });
    }
  }
  edits.push({ start: lit.start, end: lit.end, text: lookup });
  return { ok: true, edits, note: 'Reads the KV v2 secret with hvac; set VAULT_ADDR and VAULT_TOKEN (or configure another hvac auth method).' };
}

/** Text to insert at `at` (a line end, or 0): starts on a new line and ends with a newline before following code. */
function joinAt(text: string, at: number, block: string): string {
  if (at === 0) return block;
  return '\n' + block.replace(/\n$/, '');
}

function firstCodeOffset(text: string): number {
  const m = /^(?:\s|#[^\n]*)*/.exec(text);
  return m ? m[0].length : 0;
}

function atLineStart(text: string, offset: number): boolean {
  return offset === 0 || text[offset - 1] === '\n';
}
