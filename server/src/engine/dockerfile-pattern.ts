/**
 * Dockerfile rule patterns in instruction syntax, compiled to one RE2 regex per instruction line.
 * A pattern is one or more lines; each line is an instruction (`USER root`, `ADD $URL $DEST`,
 * `RUN ... curl ...`) or `...` (any number of instructions, possibly none). A trailing `...`
 * extends the match to the end of the file, so `FROM $IMAGE` + `...` covers a stage and
 * everything after it. Within a line: the keyword is case-insensitive; `$X` is one
 * whitespace-free word (bound, unified when repeated), `$_` the same unbound, `$...X` any text,
 * a `...` word any words or none; other words compare literally and whole; leading `--flags`
 * of the instruction are skipped unless the pattern names a flag itself. An instruction line
 * must cover the whole logical instruction (continuations joined, heredoc bodies appended).
 */
import { SafeRegex, compileRegex } from './safe-regex';

export type DockerfilePatternItem =
  | {
      readonly kind: 'instruction';
      readonly source: string;
      readonly re: SafeRegex;
      /** Metavariable of each capture group (index 1…); undefined for groups that do not bind. */
      readonly groups: ReadonlyArray<string | undefined>;
    }
  | { readonly kind: 'ellipsis' };

export interface DockerfilePattern {
  readonly source: string;
  readonly items: readonly DockerfilePatternItem[];
}

export type DockerfilePatternResult = { ok: true; pattern: DockerfilePattern } | { ok: false; message: string };

const METAVAR = /\$(\.\.\.)?([A-Z_][A-Z0-9_]*)/g;

export function compileDockerfilePattern(source: string): DockerfilePatternResult {
  const lines = source
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (lines.length === 0) return { ok: false, message: 'empty Dockerfile pattern' };
  if (lines[0] === '...') return { ok: false, message: 'a Dockerfile pattern cannot start with `...`; start it with an instruction' };
  const items: DockerfilePatternItem[] = [];
  for (const line of lines) {
    if (line === '...') {
      if (items[items.length - 1]?.kind !== 'ellipsis') items.push({ kind: 'ellipsis' });
      continue;
    }
    const r = compileInstructionLine(line);
    if (!r.ok) return r;
    items.push(r.item);
  }
  return { ok: true, pattern: { source, items } };
}

function compileInstructionLine(line: string): { ok: true; item: DockerfilePatternItem } | { ok: false; message: string } {
  const words = line.split(/[ \t]+/);
  const keyword = words[0];
  if (!/^[A-Za-z]+$/.test(keyword)) return { ok: false, message: `a Dockerfile pattern line must start with an instruction keyword (FROM, RUN, USER…), not \`${keyword}\`` };
  const groups: Array<string | undefined> = [];
  let re = `^(?i:${keyword})`;
  const args = words.slice(1);
  if (args.length === 0 || !args[0].startsWith('--')) re += '(?:[ \\t]+--\\S+)*';
  args.forEach((word, k) => {
    const last = k === args.length - 1;
    if (word === '...') {
      re += last ? '(?:[ \\t]+.*)?' : '(?:[ \\t]+.*?)?';
      return;
    }
    re += '[ \\t]+' + wordRegex(word, last, groups);
  });
  re += '[ \\t]*$';
  const compiled = compileRegex(re);
  if (!compiled.ok) return { ok: false, message: `Dockerfile pattern line \`${line}\`: ${compiled.message}` };
  return { ok: true, item: { kind: 'instruction', source: line, re: compiled.regex, groups } };
}

/** One word of a pattern line: literals escaped, metavariables as capture groups. */
function wordRegex(word: string, lastWord: boolean, groups: Array<string | undefined>): string {
  let out = '';
  let at = 0;
  for (const m of word.matchAll(METAVAR)) {
    out += escapeRegex(word.slice(at, m.index));
    const atEnd = m.index + m[0].length === word.length;
    const greedy = atEnd && lastWord;
    if (m[1]) {
      out += greedy ? '(.*)' : '(.*?)';
    } else {
      out += atEnd ? '(\\S+)' : '(\\S+?)';
    }
    groups.push(m[2] === '_' ? undefined : '$' + m[2]);
    at = m.index + m[0].length;
  }
  return out + escapeRegex(word.slice(at));
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
