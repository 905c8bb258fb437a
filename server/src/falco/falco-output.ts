/**
 * Checks a Falco rule's `output` string: every `%` must introduce a field (`%proc.name`,
 * `%proc.aname[2]`, `%evt.arg.flags`, or a transformer such as `%tolower(proc.name)`), and a
 * `name=field.name` pair whose value is a field written without `%` — printed literally by
 * Falco instead of the field's value — is flagged. Offsets are into the output text. Pure.
 */

export interface OutputProblem {
  readonly message: string;
  readonly severity: 'error' | 'warning';
  readonly start: number;
  readonly end: number;
}

const FIELD = /[a-zA-Z][a-zA-Z0-9_]*(?:\.[a-zA-Z][a-zA-Z0-9_]*)+(?:\[[^\]\s]+\])?/y;
const TRANSFORMED = /(?:tolower|toupper|b64|basename|len)\(\s*[a-zA-Z][a-zA-Z0-9_]*(?:\.[a-zA-Z][a-zA-Z0-9_]*)+(?:\[[^\]\s]+\])?\s*\)/y;
/** Field classes of the syscall source, for spotting a field written without `%`. */
const UNMARKED_FIELD = /(?<![%\w.])[A-Za-z_][\w.-]*=((?:evt|proc|thread|fd|fdlist|container|k8s|user|group)\.[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*)(?![\w(])/g;

export function checkFalcoOutput(output: string): OutputProblem[] {
  const problems: OutputProblem[] = [];
  if (output.trim() === '') return [{ message: 'the output is empty: say what happened and print fields such as %proc.name', severity: 'error', start: 0, end: Math.max(1, output.length) }];
  for (let i = output.indexOf('%'); i >= 0; i = output.indexOf('%', i + 1)) {
    if (output[i + 1] === '%') {
      i++;
      continue;
    }
    const end = matchAt(TRANSFORMED, output, i + 1) ?? matchAt(FIELD, output, i + 1);
    if (end !== undefined) {
      i = end - 1;
      continue;
    }
    const word = /[^\s)]*/y;
    word.lastIndex = i + 1;
    const shown = word.exec(output)?.[0] ?? '';
    problems.push({
      message: `\`%${shown}\` is not a field: \`%\` must be followed by a field name with a dot, like %proc.name or %fd.name`,
      severity: 'error',
      start: i,
      end: i + 1 + shown.length,
    });
  }
  for (const m of output.matchAll(UNMARKED_FIELD)) {
    const fieldStart = m.index! + m[0].length - m[1].length;
    problems.push({
      message: `\`${m[1]}\` is printed as plain text: write \`%${m[1]}\` to print the field's value`,
      severity: 'warning',
      start: fieldStart,
      end: fieldStart + m[1].length,
    });
  }
  return problems.sort((a, b) => a.start - b.start);
}

function matchAt(re: RegExp, text: string, at: number): number | undefined {
  re.lastIndex = at;
  const m = re.exec(text);
  return m ? at + m[0].length : undefined;
}
