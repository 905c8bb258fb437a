/**
 * Semgrep's rule-test annotations: comments `ruleid:`, `ok:`, `todoruleid:`, `todook:` followed
 * by one or more comma-separated rule ids. A comment alone on its line annotates the next line
 * that is not itself an annotation; a comment after code annotates its own line. Any comment
 * syntax works (`#`, `//`, `/*`, `<!--`, `--`). A JSX comment (`{` + block comment + `}`) alone on
 * its line counts as alone too: the braces around it are not code.
 */

export type AnnotationKind = 'ruleid' | 'ok' | 'todoruleid' | 'todook';

export interface Annotation {
  readonly kind: AnnotationKind;
  readonly ruleId: string;
  /** 1-based line the annotation is about. */
  readonly line: number;
  /** 1-based line the comment is on. */
  readonly commentLine: number;
}

const ANNOTATION = /(?:#|\/\/|\/\*|<!--|--|;)\s*(todoruleid|todook|ruleid|ok)\s*:\s*([\w.\-/]+(?:\s*,\s*[\w.\-/]+)*)/;

export function parseAnnotations(text: string): Annotation[] {
  const lines = text.split(/\r?\n/);
  const out: Annotation[] = [];
  let pending: Array<{ kind: AnnotationKind; ids: string[]; commentLine: number }> = [];
  lines.forEach((lineText, i) => {
    const m = ANNOTATION.exec(lineText);
    if (m) {
      const kind = m[1] as AnnotationKind;
      const ids = m[2].split(',').map((s) => s.trim()).filter(Boolean);
      const alone = lineText.slice(0, m.index).trim() === '' || isJsxCommentLine(lineText, m.index);
      if (alone) {
        pending.push({ kind, ids, commentLine: i + 1 });
        return;
      }
      for (const id of ids) out.push({ kind, ruleId: id, line: i + 1, commentLine: i + 1 });
    }
    if (pending.length && lineText.trim() !== '') {
      for (const p of pending) for (const id of p.ids) out.push({ kind: p.kind, ruleId: id, line: i + 1, commentLine: p.commentLine });
      pending = [];
    }
  });
  return out;
}

/** Is the block comment at `at` alone in a JSX expression container, braces only around it? */
function isJsxCommentLine(lineText: string, at: number): boolean {
  if (lineText.slice(0, at).trim() !== '{' || !lineText.startsWith('/*', at)) return false;
  const close = lineText.indexOf('*/', at + 2);
  return close >= 0 && lineText.slice(close + 2).trim() === '}';
}

export interface RuleTestOutcome {
  readonly ruleId: string;
  readonly passed: boolean;
  /** Lines annotated `ruleid:` (or `todook:`) with no finding. */
  readonly missing: number[];
  /** Lines with a finding that no `ruleid:`/`todook:` annotation expects. */
  readonly unexpected: number[];
  readonly expected: number[];
  readonly reported: number[];
}

/** Compares the lines a rule reported with the annotations for it. */
export function compareRule(ruleId: string, annotations: readonly Annotation[], reportedLines: readonly number[]): RuleTestOutcome {
  const mine = annotations.filter((a) => a.ruleId === ruleId || ruleId.endsWith('.' + a.ruleId));
  const expected = unique(mine.filter((a) => a.kind === 'ruleid' || a.kind === 'todook').map((a) => a.line));
  const reported = unique(reportedLines);
  const missing = expected.filter((l) => !reported.includes(l));
  const unexpected = reported.filter((l) => !expected.includes(l));
  return { ruleId, passed: missing.length === 0 && unexpected.length === 0, missing, unexpected, expected, reported };
}

function unique(xs: readonly number[]): number[] {
  return [...new Set(xs)].sort((a, b) => a - b);
}
