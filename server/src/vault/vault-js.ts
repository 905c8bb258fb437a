/**
 * Vault lookup quick fix for JavaScript/TypeScript with node-vault (promise-based): adds once a client
 * and `async function vaultSecret(mount, path, key)`, and replaces the literal with
 * `await vaultSecret(...)` — only inside an async function, or at the top level of an ES module
 * (top-level await). Anywhere else (CommonJS top level, sync functions, class fields) it declines.
 */
import { Token, enclosingOpens, literalIndex, matchBrackets, statementEnd, tokenize } from './code-tokens';
import { LookupFixInput, LookupFixResult, TextEdit, fail, quoted } from './vault-types';

type Context = 'async' | 'sync' | 'top' | 'params';

export function jsEdits(input: LookupFixInput): LookupFixResult {
  const { text, ref } = input;
  const ts = input.languageId !== 'javascript';
  let tokens: Token[];
  try {
    tokens = tokenize(text, 'js');
  } catch (e) {
    return fail(`cannot read the file: ${(e as Error).message}`);
  }
  const at = literalIndex(tokens, input.secretStart, input.secretEnd);
  if (at < 0) return fail('the secret is not inside a string literal');
  const lit = tokens[at];
  if (lit.special === 'interpolated') return fail('the secret is inside a template literal with ${} substitutions; move it to its own string first');
  if (lit.special === 'bytes') return fail('the secret is inside a regular expression literal');
  if (lit.text.startsWith('`') && tokens[at - 1]?.kind === 'id' && !isKeyword(tokens[at - 1].text)) return fail('the secret is a tagged template argument');
  const prev = tokens[at - 1];
  const next = tokens[at + 1];
  if (next?.text === ':' && (prev?.text === '{' || prev?.text === ',')) return fail('the secret is an object key, which cannot be an await expression');
  if (prev?.text === 'from' || prev?.text === 'import' || (prev?.text === '(' && tokens[at - 2]?.text === 'require')) return fail('the secret is a module specifier');
  if (prev && ['type', 'interface'].includes(prev.text)) return fail('the secret is in a type position');

  const pairs = matchBrackets(tokens);
  const opens = enclosingOpens(tokens, pairs, at);
  const ctx = classify(text, tokens, pairs, opens, at);
  const esm = tokens.some((t, i) => (t.text === 'import' || t.text === 'export') && depthZero(tokens, pairs, i) && tokens[i + 1]?.text !== '(' && tokens[i + 1]?.text !== '.');
  if (ctx === 'params') return fail('the secret is a parameter default; await is not allowed there');
  if (ctx === 'sync') return fail('the secret is inside a non-async function or a class body; node-vault is promise-based, so make the function async (or load secrets at startup) first');
  if (ctx === 'top' && !esm) return fail('the secret is at the top level of a CommonJS file, where await is not allowed; move it into an async function (node-vault is promise-based)');

  const edits: TextEdit[] = [];
  if (!/\bfunction\s+vaultSecret\s*\(/.test(text)) {
    const useImport = esm || (ts && !/\brequire\s*\(/.test(text));
    const importLine = useImport ? "import nodeVault from 'node-vault';" : "const nodeVault = require('node-vault');";
    const sig = ts ? 'async function vaultSecret(mount: string, path: string, key: string): Promise<string>' : 'async function vaultSecret(mount, path, key)';
    const block = [
      ...(/['"]node-vault['"]/.test(text) ? [] : [importLine]),
      '',
      "const vaultClient = nodeVault({ endpoint: process.env.VAULT_ADDR, token: process.env.VAULT_TOKEN });",
      '',
      '/** Reads `key` of the KV v2 secret at `mount`/`path` from HashiCorp Vault. */',
      `${sig} {`,
      '  const res = await vaultClient.read(`${mount}/data/${path}`);',
      '  return res.data.data[key];',
      '}',
    ].join('\n');
    const after = headerEnd(text, tokens, pairs);
    if (after > lit.start) return fail('the secret is in the import header of the file');
    if (/['"]node-vault['"]/.test(text) && !/\bnodeVault\b/.test(text)) return fail('node-vault is already imported under another name; add the vaultSecret helper by hand');
    edits.push({ start: after, end: after, text: after === 0 ? block.replace(/^\n/, '') + '\n\n' : '\n' + block });
  } else {
    const m = /\bvaultClient\s*=/.exec(text);
    if (ctx === 'top' && m && m.index > lit.start) return fail('the secret comes before the Vault client is created');
  }
  const call = `await vaultSecret(${quoted(ref.mount)}, ${quoted(ref.path)}, ${quoted(ref.key)})`;
  const wrap = next && (['.', '[', '(', '?.', '**'].includes(next.text) || (next.kind === 'str' && next.text.startsWith('`')));
  edits.push({ start: lit.start, end: lit.end, text: wrap ? `(${call})` : call });
  const note = ctx === 'top'
    ? 'Uses top-level await: the file must run as an ES module (TypeScript: module es2022/esnext/nodenext). Set VAULT_ADDR and VAULT_TOKEN.'
    : 'Reads the KV v2 secret with node-vault inside the async function; set VAULT_ADDR and VAULT_TOKEN.';
  return { ok: true, edits, note };
}

function isKeyword(w: string): boolean {
  return ['return', 'typeof', 'case', 'await', 'yield', 'in', 'of', 'new', 'void', 'delete', 'throw', 'else', 'do'].includes(w);
}

function depthZero(tokens: readonly Token[], pairs: ReadonlyMap<number, number>, i: number): boolean {
  return enclosingOpens(tokens, pairs, i).length === 0;
}

/** Whether an await is valid at the literal: walks the enclosing brackets from the innermost out. */
function classify(text: string, tokens: readonly Token[], pairs: ReadonlyMap<number, number>, opens: readonly number[], at: number): Context {
  // An expression-bodied arrow around the literal: `async () => "x"` / `x => "x"`.
  const floor = opens.length ? opens[opens.length - 1] : -1;
  for (let r = at - 1; r > floor; r--) {
    const t = tokens[r];
    if (t.text === ')' || t.text === ']' || t.text === '}') { r = pairs.get(r) ?? r; continue; }
    if (t.text === ';') break;
    if (t.text === '=>') {
      let p = r - 1;
      if (tokens[p]?.text === ')') p = pairs.get(p) ?? p;
      return tokens[p - 1]?.text === 'async' ? 'async' : 'sync';
    }
  }
  for (let k = opens.length - 1; k >= 0; k--) {
    const o = opens[k];
    const open = tokens[o];
    const close = pairs.get(o);
    if (open.text === '(') {
      // A parameter list: `(...) =>`, `(...) {`, `(...): T =>`.
      const after = close !== undefined ? tokens[close + 1] : undefined;
      if (after && (after.text === '=>' || after.text === '{' && isCallableHeader(tokens, o))) return 'params';
      if (after?.text === ':' && close !== undefined && arrowFollows(tokens, close + 1)) return 'params';
      continue;
    }
    if (open.text !== '{') continue;
    const kind = braceKind(tokens, pairs, o);
    if (kind === 'async') return 'async';
    if (kind === 'sync') return 'sync';
  }
  // An expression-bodied arrow: `async () => "x"` / `x => "x"`.
  void text;
  return 'top';
}

function arrowFollows(tokens: readonly Token[], from: number): boolean {
  for (let i = from; i < tokens.length && i < from + 40; i++) {
    if (tokens[i].text === '=>') return true;
    if (tokens[i].text === '{' || tokens[i].text === ';') return false;
  }
  return false;
}

/** `name(` / `function name(` / `async name(` before the `(` at o: a callable declaration whose `{` is a body. */
function isCallableHeader(tokens: readonly Token[], o: number): boolean {
  const before = tokens[o - 1];
  if (!before) return false;
  if (before.kind === 'id' && ['if', 'for', 'while', 'switch', 'catch', 'with'].includes(before.text)) return false;
  return before.kind === 'id' || before.text === '>' || before.text === '*';
}

/** 'async' / 'sync' for a function or class body, 'block' for blocks and object literals. */
function braceKind(tokens: readonly Token[], pairs: ReadonlyMap<number, number>, o: number): 'async' | 'sync' | 'block' {
  const prev = tokens[o - 1];
  if (!prev) return 'block';
  if (prev.text === '=>') {
    // Arrow body: find the start of the parameters.
    let p = o - 2;
    const t = tokens[p];
    if (t?.text === ')') p = pairs.get(p) ?? p;
    else if (t && t.kind !== 'id') {
      // `(...): ReturnType =>` — scan back to the `)` that closes the parameters.
      while (p > 0 && tokens[p].text !== ')') p--;
      p = pairs.get(p) ?? p;
    }
    if (tokens[p - 1]?.text === '>') {
      // generic arrow `<T>(x) =>`
      let q = p - 1;
      while (q > 0 && tokens[q].text !== '<') q--;
      p = q;
    }
    return tokens[p - 1]?.text === 'async' ? 'async' : 'sync';
  }
  // Class body.
  let q = o - 1;
  while (q >= 0 && q > o - 30 && tokens[q].kind !== 'punct') q--;
  for (let r = o - 1; r >= 0 && r > o - 30; r--) {
    const t = tokens[r];
    if (t.text === 'class') return 'sync';
    if (t.kind === 'punct' && [';', '{', '}', '=', '(', ')'].includes(t.text)) break;
  }
  // Function / method body: `) {` or `): T {`.
  let close = -1;
  if (prev.text === ')') close = o - 1;
  else {
    for (let r = o - 1; r >= 0 && r > o - 40; r--) {
      const t = tokens[r];
      if (t.text === ')') { close = r; break; }
      if (t.kind === 'punct' && [';', '{', '}', '=', ','].includes(t.text) && !(t.text === ',' && false)) break;
    }
    if (close >= 0 && !tokens.slice(close + 1, o).some((t) => t.text === ':')) close = -1;
  }
  if (close < 0) return 'block';
  const popen = pairs.get(close);
  if (popen === undefined) return 'block';
  let h = popen - 1;
  if (tokens[h]?.text === '>') { while (h > 0 && tokens[h].text !== '<') h--; h--; }
  const name = tokens[h];
  if (!name) return 'block';
  if (name.kind === 'id' && ['if', 'for', 'while', 'switch', 'catch', 'with'].includes(name.text)) return 'block';
  if (name.text === 'function') return tokens[h - 1]?.text === 'async' ? 'async' : 'sync';
  if (name.text === '*') return tokens[h - 1]?.text === 'function' && tokens[h - 2]?.text === 'async' ? 'async' : 'sync';
  if (name.kind === 'id') {
    let m = h - 1;
    if (tokens[m]?.text === 'function') m--;
    if (tokens[m]?.text === '*') m--;
    // method modifiers
    while (tokens[m] && ['static', 'public', 'private', 'protected', 'override', 'readonly'].includes(tokens[m].text)) m--;
    return tokens[m]?.text === 'async' || tokens[h - 1]?.text === 'async' || tokens[h - 2]?.text === 'async' && tokens[h - 1]?.text === 'function' ? 'async' : 'sync';
  }
  return 'block';
}

/** Offset after the leading directives, imports and `require` declarations (0 when there are none). */
function headerEnd(text: string, tokens: readonly Token[], pairs: ReadonlyMap<number, number>): number {
  let i = 0;
  let end = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    const isDirective = t.kind === 'str' && (tokens[i + 1]?.text === ';' || text.slice(t.end, tokens[i + 1]?.start ?? text.length).includes('\n')) && /^['"]use /.test(t.text);
    const isImport = t.text === 'import' && tokens[i + 1]?.text !== '(' && tokens[i + 1]?.text !== '.';
    let isRequire = false;
    if (['const', 'let', 'var'].includes(t.text)) {
      const s = statementEnd(text, tokens, i);
      isRequire = tokens.slice(i, s.lastToken + 1).some((x, k) => x.text === 'require' && tokens[i + k + 1]?.text === '(');
    }
    if (!isDirective && !isImport && !isRequire) break;
    const s = statementEnd(text, tokens, i);
    end = s.lineEnd;
    i = s.lastToken + 1;
    if (tokens[i]?.text === ';') i++;
  }
  void pairs;
  return end;
}
