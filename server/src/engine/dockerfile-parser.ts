/**
 * A small Dockerfile parser (no tree-sitter grammar for Dockerfiles is installable): splits a
 * Dockerfile into logical instructions the way BuildKit reads it — parser directives at the top
 * (`# syntax=`, `# escape=`), comments, line continuations with the escape character (comment and
 * blank lines inside a continuation are dropped), heredocs (`<<EOF`, `<<-EOF`, quoted
 * delimiters) on RUN/COPY/ADD, JSON exec form, `--flags`, and `FROM … AS name` stages. Every
 * character of an instruction's logical text keeps the offset it came from, so matches on the
 * logical text map back to the original file. The parser never throws: odd input becomes an
 * instruction or a comment, an unterminated heredoc runs to the end of the file.
 */

export interface DockerfileHeredoc {
  /** The delimiter word (`EOF`). */
  readonly delimiter: string;
  /** `<<-`: leading tabs of the body and of the terminator are stripped. */
  readonly stripTabs: boolean;
  /** The body lines as Docker sees them (tabs stripped for `<<-`), without the terminator. */
  readonly lines: readonly string[];
  /** Original offsets: the body's first character and the end of the terminator line (or of the file). */
  readonly start: number;
  readonly end: number;
  readonly terminated: boolean;
}

export interface DockerfileInstruction {
  /** Upper-case keyword (`RUN`, `FROM`, …), as written otherwise. */
  readonly keyword: string;
  /** The logical instruction in one line: keyword, arguments with continuations joined, then any heredoc bodies, each line after `; `. */
  readonly text: string;
  /** Original offset of each character of `text` (inserted separators take the offset of the line break they stand for). */
  readonly offsets: Int32Array;
  /** The arguments after the keyword (continuations joined, heredoc bodies excluded), trimmed. */
  readonly args: string;
  /** Leading `--name=value` / `--name` options of the arguments, in order. */
  readonly flags: ReadonlyArray<{ readonly name: string; readonly value: string | undefined }>;
  /** JSON exec form (`CMD ["python", "app.py"]`), when the arguments are a JSON array of strings. */
  readonly exec: readonly string[] | undefined;
  readonly heredocs: readonly DockerfileHeredoc[];
  /** Original range: from the keyword to the end of the last line (heredoc terminator included), exclusive. */
  readonly start: number;
  readonly end: number;
  /** 0-based first and last original line. */
  readonly line: number;
  readonly endLine: number;
  /** Index of the stage (FROM) the instruction belongs to; -1 before the first FROM (global ARGs). */
  readonly stage: number;
}

export interface DockerfileStage {
  readonly index: number;
  /** The image reference of `FROM` (flags and `AS name` removed). */
  readonly image: string;
  readonly name: string | undefined;
  readonly platform: string | undefined;
  /** Indices into `instructions`: the FROM and the last instruction of the stage. */
  readonly first: number;
  readonly last: number;
}

export interface DockerfileComment {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

export interface Dockerfile {
  /** Parser directives, keys lower-cased (`syntax`, `escape`, `check`). */
  readonly directives: ReadonlyMap<string, string>;
  /** The escape character: `\` unless `# escape=\`` says otherwise. */
  readonly escape: string;
  readonly instructions: readonly DockerfileInstruction[];
  readonly stages: readonly DockerfileStage[];
  readonly comments: readonly DockerfileComment[];
}

interface PhysicalLine {
  readonly text: string;
  readonly start: number;
  /** Offset just after the line's text (before `\r\n`/`\n`). */
  readonly end: number;
}

const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
const EXEC_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME', 'HEALTHCHECK']);
const DIRECTIVE = /^#[ \t]*([A-Za-z][A-Za-z0-9_-]*)[ \t]*=[ \t]*(.*?)[ \t]*$/;
const HEREDOC_MARK = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\2/g;

export function parseDockerfile(source: string): Dockerfile {
  const lines = physicalLines(source);
  const directives = new Map<string, string>();
  let i = 0;
  for (; i < lines.length; i++) {
    const m = DIRECTIVE.exec(lines[i].text.trim());
    if (!m || directives.has(m[1].toLowerCase())) break;
    directives.set(m[1].toLowerCase(), m[2]);
  }
  const escapeValue = directives.get('escape');
  const escape = escapeValue === '`' ? '`' : '\\';
  const continuation = new RegExp(`${escape === '`' ? '`' : '\\\\'}[ \\t]*$`);

  const instructions: DockerfileInstruction[] = [];
  const comments: DockerfileComment[] = [];
  const builder = new InstructionBuilder();
  let stage = -1;
  while (i < lines.length) {
    const line = lines[i];
    const trimmed = line.text.trimStart();
    if (trimmed === '') {
      i++;
      continue;
    }
    if (trimmed.startsWith('#')) {
      comments.push(commentOf(line, i));
      i++;
      continue;
    }
    // A logical line: this physical line plus continuation lines.
    const firstLine = i;
    const lead = line.text.length - trimmed.length;
    builder.reset();
    let current: PhysicalLine = line;
    let from = lead;
    let lastLine = i;
    for (;;) {
      const body = current.text.slice(from);
      const cont = continuation.exec(body);
      const kept = cont ? body.slice(0, cont.index) : body;
      builder.append(kept, current.start + from);
      i++;
      if (!cont) break;
      // Skip blank and comment lines inside the continuation, as BuildKit does.
      while (i < lines.length && (lines[i].text.trim() === '' || lines[i].text.trimStart().startsWith('#'))) {
        if (lines[i].text.trim() !== '') comments.push(commentOf(lines[i], i));
        i++;
      }
      if (i >= lines.length) break;
      current = lines[i];
      from = 0;
      lastLine = i;
    }
    const logical = builder.text;
    const kwMatch = /^(\S+)/.exec(logical);
    const keyword = (kwMatch ? kwMatch[1] : logical).toUpperCase();
    const args = logical.slice(kwMatch ? kwMatch[1].length : logical.length).trim();
    let end = lines[lastLine].end;
    const heredocs: DockerfileHeredoc[] = [];
    if (HEREDOC_KEYWORDS.has(keyword)) {
      for (const mark of args.matchAll(HEREDOC_MARK)) {
        const stripTabs = mark[1] === '-';
        const delimiter = mark[3];
        const bodyLines: string[] = [];
        const start = i < lines.length ? lines[i].start : source.length;
        let terminated = false;
        builder.separate(end, ' ');
        let first = true;
        while (i < lines.length) {
          const raw = lines[i].text;
          const content = stripTabs ? raw.replace(/^\t+/, '') : raw;
          if (content === delimiter) {
            terminated = true;
            end = lines[i].end;
            lastLine = i;
            i++;
            break;
          }
          if (!first) builder.separate(lines[i].start - 1, '; ');
          first = false;
          builder.append(content, lines[i].start + (raw.length - content.length));
          bodyLines.push(content);
          end = lines[i].end;
          lastLine = i;
          i++;
        }
        heredocs.push({ delimiter, stripTabs, lines: bodyLines, start, end, terminated });
      }
    }
    if (keyword === 'FROM') stage++;
    const start = line.start + lead;
    instructions.push({
      keyword,
      text: builder.text,
      offsets: builder.offsets(),
      args,
      flags: flagsOf(args),
      exec: EXEC_KEYWORDS.has(keyword) ? execForm(stripFlags(args)) : undefined,
      heredocs,
      start,
      end,
      line: firstLine,
      endLine: lastLine,
      stage,
    });
  }
  return { directives, escape, instructions, stages: stagesOf(instructions), comments };
}

/** Builds a logical line together with the original offset of each of its characters. */
class InstructionBuilder {
  private parts: string[] = [];
  private offs: number[] = [];

  get text(): string {
    return this.parts.join('');
  }

  reset(): void {
    this.parts = [];
    this.offs = [];
  }

  /** Appends `text` that starts at original offset `at`. */
  append(text: string, at: number): void {
    this.parts.push(text);
    for (let k = 0; k < text.length; k++) this.offs.push(at + k);
  }

  /** Appends an inserted separator standing for the line break at original offset `at`. */
  separate(at: number, sep: string): void {
    this.parts.push(sep);
    for (let k = 0; k < sep.length; k++) this.offs.push(at);
  }

  offsets(): Int32Array {
    return Int32Array.from(this.offs);
  }
}

function physicalLines(source: string): PhysicalLine[] {
  const out: PhysicalLine[] = [];
  let start = 0;
  for (;;) {
    const nl = source.indexOf('\n', start);
    const stop = nl < 0 ? source.length : nl;
    const end = stop > start && source[stop - 1] === '\r' ? stop - 1 : stop;
    out.push({ text: source.slice(start, end), start, end });
    if (nl < 0) break;
    start = nl + 1;
  }
  return out;
}

function commentOf(line: PhysicalLine, index: number): DockerfileComment {
  const lead = line.text.length - line.text.trimStart().length;
  return { text: line.text.slice(lead), start: line.start + lead, end: line.end, line: index };
}

/** Leading `--name[=value]` options of an instruction's arguments. */
function flagsOf(args: string): Array<{ name: string; value: string | undefined }> {
  const out: Array<{ name: string; value: string | undefined }> = [];
  for (const token of args.split(/\s+/)) {
    const m = /^--([A-Za-z][\w-]*)(?:=(.*))?$/.exec(token);
    if (!m) break;
    out.push({ name: m[1], value: m[2] });
  }
  return out;
}

function stripFlags(args: string): string {
  return args.replace(/^(?:--[A-Za-z][\w-]*(?:=\S*)?\s+)*/, '');
}

function execForm(args: string): string[] | undefined {
  if (!args.startsWith('[')) return undefined;
  try {
    const value: unknown = JSON.parse(args);
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
  } catch {
    return undefined;
  }
}

function stagesOf(instructions: readonly DockerfileInstruction[]): DockerfileStage[] {
  const stages: DockerfileStage[] = [];
  instructions.forEach((ins, index) => {
    if (ins.keyword !== 'FROM') return;
    const rest = stripFlags(ins.args);
    const m = /^(\S+)(?:\s+[Aa][Ss]\s+(\S+))?/.exec(rest);
    const platform = ins.flags.find((f) => f.name === 'platform')?.value;
    stages.push({ index: stages.length, image: m ? m[1] : rest, name: m?.[2], platform, first: index, last: index });
  });
  for (let s = 0; s < stages.length; s++) {
    const next = s + 1 < stages.length ? stages[s + 1].first : instructions.length;
    stages[s] = { ...stages[s], last: next - 1 };
  }
  return stages;
}
