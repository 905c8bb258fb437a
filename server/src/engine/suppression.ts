/**
 * Inline suppressions: `moat-ignore` (and Semgrep's `nosemgrep`) in a comment, optionally followed
 * by `: id1, id2` and a reason, on the finding's line or alone on the line before. Ids match the
 * rule id exactly or as a dotted suffix (`nosemgrep: python.lang.x` suppresses rule `x`, as
 * Semgrep's qualified ids do). The reason is kept for reports.
 */
import type { Suppression } from './finding';

const MARKER = /(?:#|\/\/|\/\*|<!--|--|;|\*)\s*(moat-ignore|nosemgrep)\b(.*)$/;

export interface SuppressionComment {
  readonly kind: Suppression['kind'];
  /** Empty: every rule. */
  readonly ids: readonly string[];
  readonly reason: string;
  /** The comment is the only thing on its line. */
  readonly alone: boolean;
}

/** Parses the suppression comment on a line, if any. */
export function parseSuppression(lineText: string): SuppressionComment | undefined {
  const m = MARKER.exec(lineText);
  if (!m) return undefined;
  const kind = m[1] as Suppression['kind'];
  let rest = m[2].replace(/\s*(\*\/|-->)\s*$/, '');
  const ids: string[] = [];
  const list = /^\s*:\s*([\w.\-/]+(?:\s*,\s*[\w.\-/]+)*)/.exec(rest);
  if (list) {
    ids.push(...list[1].split(',').map((s) => s.trim()).filter(Boolean));
    rest = rest.slice(list[0].length);
  } else {
    rest = rest.replace(/^\s*:/, '');
  }
  const reason = rest.replace(/^\s*(--|-|:)?\s*/, '').trim();
  const alone = lineText.slice(0, m.index).trim() === '';
  return { kind, ids, reason, alone };
}

function appliesTo(comment: SuppressionComment, ruleId: string): boolean {
  if (comment.ids.length === 0) return true;
  return comment.ids.some((id) => id === ruleId || id.endsWith('.' + ruleId) || ruleId.endsWith('.' + id));
}

/** The suppression for a finding of `ruleId` starting on 0-based `line`, if any. */
export function findSuppression(lines: readonly string[], line: number, ruleId: string): Suppression | undefined {
  const same = line < lines.length ? parseSuppression(lines[line]) : undefined;
  if (same && appliesTo(same, ruleId)) return { kind: same.kind, reason: same.reason, line };
  if (line > 0) {
    const before = parseSuppression(lines[line - 1]);
    if (before && before.alone && appliesTo(before, ruleId)) return { kind: before.kind, reason: before.reason, line: line - 1 };
  }
  return undefined;
}
