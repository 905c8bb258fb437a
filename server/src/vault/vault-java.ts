/**
 * Vault lookup quick fix for Java: a `private static String vaultSecret(mount, path, key)` helper
 * (io.github.jopenlibs.vault driver, KV v2) added once to the enclosing top-level class, its three
 * imports added once, and the literal replaced by `vaultSecret("mount", "path", "key")`. Constant
 * contexts (annotations, case labels, constants used there, interfaces, text blocks) are refused.
 */
import { Token, enclosingOpens, lineEndOf, lineStartOf, literalIndex, matchBrackets, tokenize } from './code-tokens';
import { LookupFixInput, LookupFixResult, TextEdit, fail, quoted } from './vault-types';

const PKG = 'io.github.jopenlibs.vault';
const CLASSES = ['Vault', 'VaultConfig', 'VaultException'];

export function javaEdits(input: LookupFixInput): LookupFixResult {
  const { text, ref } = input;
  let tokens: Token[];
  try {
    tokens = tokenize(text, 'java');
  } catch (e) {
    return fail(`cannot read the file as Java: ${(e as Error).message}`);
  }
  const at = literalIndex(tokens, input.secretStart, input.secretEnd);
  if (at < 0) return fail('the secret is not inside a Java string literal');
  const lit = tokens[at];
  if (lit.special === 'textblock') return fail('the secret is in a text block; move it to its own string literal first');
  if (lit.text.startsWith("'")) return fail('the secret is a char literal');
  const prev = tokens[at - 1];
  const next = tokens[at + 1];
  if (prev?.text === '+' || next?.text === '+') return fail('the secret is part of a string concatenation; move it to its own string literal first');
  const pairs = matchBrackets(tokens);
  if (inAnnotation(tokens, pairs, at)) return fail('the secret is an annotation argument, which must be a compile-time constant');
  if (inCaseLabel(tokens, at)) return fail('the secret is a case label, which must be a compile-time constant');

  const opens = enclosingOpens(tokens, pairs, at);
  const braces = opens.filter((o) => tokens[o].text === '{');
  if (braces.length === 0) return fail('the secret is not inside a class');
  const top = braces[0];
  const topHeader = header(tokens, top);
  if (topHeader.includes('interface') || topHeader.includes('@interface')) return fail('the secret is in an interface, whose fields are implicitly constants');
  if (topHeader.includes('enum')) return fail('the secret is in an enum; move it to a class first');
  if (!topHeader.includes('class') && !topHeader.includes('record')) return fail('the secret is not inside a class');
  for (const b of braces.slice(1)) {
    const h = header(tokens, b);
    if (h.includes('interface') || h.includes('@interface')) return fail('the secret is in an interface, whose fields are implicitly constants');
  }

  // A `final` variable initialised with the literal is a constant variable: refuse when it is used
  // where a constant is required (annotation arguments, case labels).
  const decl = declarationOf(tokens, pairs, at);
  if (decl && decl.modifiers.has('final')) {
    const uses = tokens.some((t, i) => i !== decl.nameIndex && t.kind === 'id' && t.text === decl.name && (inAnnotation(tokens, pairs, i) || inCaseLabel(tokens, i)));
    if (uses) return fail(`${decl.name} is a constant used in an annotation or case label; a Vault lookup is not a compile-time constant`);
  }

  // Another class named Vault / VaultConfig / VaultException already imported.
  for (const c of CLASSES) {
    const m = new RegExp(`^\\s*import\\s+([\\w.]+)\\.${c}\\s*;`, 'm').exec(text);
    if (m && m[1] !== PKG) return fail(`${m[1]}.${c} is already imported; the helper needs ${PKG}.${c}`);
  }

  const edits: TextEdit[] = [];
  edits.push({ start: lit.start, end: lit.end, text: `vaultSecret(${quoted(ref.mount)}, ${quoted(ref.path)}, ${quoted(ref.key)})` });

  // Imports: after the last import, else after the package line, else at the top.
  const wildcard = new RegExp(`^\\s*import\\s+${PKG.replace(/\./g, '\\.')}\\.\\*\\s*;`, 'm').test(text);
  const missing = wildcard ? [] : CLASSES.filter((c) => !new RegExp(`^\\s*import\\s+${PKG.replace(/\./g, '\\.')}\\.${c}\\s*;`, 'm').test(text));
  if (missing.length) {
    const lines = missing.map((c) => `import ${PKG}.${c};`);
    let lastImport = -1;
    let pkgEnd = -1;
    for (let i = 0; i < tokens.length && tokens[i].start < tokens[top].start; i++) {
      const t = tokens[i];
      if ((t.text === 'import' || t.text === 'package') && (i === 0 || tokens[i - 1].text === ';')) {
        let j = i;
        while (j < tokens.length && tokens[j].text !== ';') j++;
        if (j >= tokens.length) return fail('unterminated import or package declaration');
        if (t.text === 'import') lastImport = lineEndOf(text, tokens[j].end);
        else pkgEnd = lineEndOf(text, tokens[j].end);
      }
    }
    if (lastImport >= 0) edits.push({ start: lastImport, end: lastImport, text: lines.map((l) => '\n' + l).join('') });
    else if (pkgEnd >= 0) edits.push({ start: pkgEnd, end: pkgEnd, text: '\n\n' + lines.join('\n') });
    else edits.push({ start: 0, end: 0, text: lines.join('\n') + '\n\n' });
  }

  // The helper, once, at the end of the top-level class.
  if (!/\bString\s+vaultSecret\s*\(\s*String\b/.test(text)) {
    const close = pairs.get(top);
    if (close === undefined) return fail('unbalanced braces in the class');
    const closeTok = tokens[close];
    const ls = lineStartOf(text, closeTok.start);
    const ownLine = /^[ \t]*$/.test(text.slice(ls, closeTok.start));
    const closeIndent = ownLine ? text.slice(ls, closeTok.start) : '';
    const openLineEnd = lineEndOf(text, tokens[top].end);
    const firstMember = /\n([ \t]*)\S/.exec(text.slice(openLineEnd, closeTok.start));
    let member = firstMember && firstMember[1].length > closeIndent.length ? firstMember[1] : closeIndent + '    ';
    if (!member.startsWith(closeIndent)) member = closeIndent + '    ';
    const unit = member.slice(closeIndent.length) || '    ';
    const m = member;
    const helper = [
      `${m}/** Reads key from the KV v2 secret at mount/path in HashiCorp Vault (VAULT_ADDR, VAULT_TOKEN). */`,
      `${m}private static String vaultSecret(String mount, String path, String key) {`,
      `${m}${unit}try {`,
      `${m}${unit}${unit}VaultConfig config = new VaultConfig()`,
      `${m}${unit}${unit}${unit}${unit}.address(System.getenv("VAULT_ADDR"))`,
      `${m}${unit}${unit}${unit}${unit}.token(System.getenv("VAULT_TOKEN"))`,
      `${m}${unit}${unit}${unit}${unit}.engineVersion(2)`,
      `${m}${unit}${unit}${unit}${unit}.build();`,
      `${m}${unit}${unit}return new Vault(config).logical().read(mount + "/" + path).getData().get(key);`,
      `${m}${unit}} catch (VaultException e) {`,
      `${m}${unit}${unit}throw new IllegalStateException("vault: cannot read " + mount + "/" + path, e);`,
      `${m}${unit}}`,
      `${m}}`,
    ].join('\n');
    if (ownLine) edits.push({ start: ls, end: ls, text: '\n' + helper + '\n' });
    else edits.push({ start: closeTok.start, end: closeTok.start, text: '\n' + helper + '\n' });
  }
  return { ok: true, edits, note: `Reads the KV v2 secret with the ${PKG} driver (VAULT_ADDR, VAULT_TOKEN); add the io.github.jopenlibs:vault-java-driver dependency.` };
}

/** Whether token `i` is inside the arguments of an annotation (`@Name(...)`, `@a.b.Name(...)`). */
function inAnnotation(tokens: readonly Token[], pairs: ReadonlyMap<number, number>, i: number): boolean {
  if (tokens[i].kind === 'id' && tokens[i].text.startsWith('@')) return false;
  for (const o of enclosingOpens(tokens, pairs, i)) {
    if (tokens[o].text !== '(') continue;
    let k = o - 1;
    while (k >= 0 && tokens[k].kind === 'id' && !tokens[k].text.startsWith('@') && tokens[k - 1]?.text === '.') k -= 2;
    if (k >= 0 && tokens[k].kind === 'id' && tokens[k].text.startsWith('@') && tokens[k].text !== '@interface') return true;
  }
  return false;
}

/** Whether token `i` is part of a `case` label (`case X:` / `case X, Y ->`). */
function inCaseLabel(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const t = tokens[k];
    if (t.kind === 'id' && t.text === 'case') return true;
    if (t.kind === 'punct' && (t.text === ';' || t.text === '{' || t.text === '}' || t.text === ':' || t.text === '(' || t.text === '=')) return false;
    if (t.text === '>' && tokens[k - 1]?.text === '-' && tokens[k - 1].end === t.start) return false;
  }
  return false;
}

/** Tokens (texts) of the declaration header before the `{` at index `open`. */
function header(tokens: readonly Token[], open: number): string[] {
  const out: string[] = [];
  let depth = 0;
  for (let k = open - 1; k >= 0; k--) {
    const t = tokens[k];
    if (t.text === ')' || t.text === ']') depth++;
    else if (t.text === '(' || t.text === '[') depth--;
    else if (depth === 0 && (t.text === ';' || t.text === '{' || t.text === '}')) break;
    if (depth === 0 && t.kind === 'id') out.push(t.text);
  }
  return out;
}

/** The variable a literal initialises (`mods Type name = <literal>`), with its modifiers. */
function declarationOf(tokens: readonly Token[], pairs: ReadonlyMap<number, number>, at: number): { name: string; nameIndex: number; modifiers: Set<string> } | undefined {
  let k = at - 1;
  // The literal must be the initialiser itself (possibly followed by a method call chain).
  if (tokens[k]?.text !== '=') return undefined;
  const nameIndex = k - 1;
  const name = tokens[nameIndex];
  if (name?.kind !== 'id') return undefined;
  const modifiers = new Set<string>();
  for (k = nameIndex - 1; k >= 0; k--) {
    const t = tokens[k];
    if (t.text === ';' || t.text === '{' || t.text === '}') break;
    if (t.text === ')' || t.text === ']') { const p = pairs.get(k); if (p !== undefined) { k = p; continue; } }
    if (t.text === '(' || t.text === '=') return undefined;
    if (t.kind === 'id') modifiers.add(t.text);
  }
  return { name: name.text, nameIndex, modifiers };
}
