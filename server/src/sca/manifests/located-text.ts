/**
 * Locations inside one manifest's text: SourceRanges (UTF-16 offsets, 0-based line/column) for
 * dependencies, and Problems (1-based line/column) for what a reader could not read.
 */
import type { Problem, SourceRange } from '../../engine/finding';
import { lineStarts, positionAt } from '../../engine/syntax-tree';

export class LocatedText {
  private starts: number[] | undefined;

  constructor(
    readonly file: string,
    readonly text: string,
    /** The format named in problem messages (`package.json`, `TOML`, `yarn.lock`…). */
    readonly format: string,
  ) {}

  range(start: number, end: number): SourceRange {
    const starts = this.lineStarts();
    return { start, end, startPos: positionAt(starts, start), endPos: positionAt(starts, end) };
  }

  /** A problem at `offset`, its message prefixed with the format. */
  problem(offset: number, message: string, severity: Problem['severity'] = 'error'): Problem {
    const pos = positionAt(this.lineStarts(), Math.max(0, Math.min(offset, this.text.length)));
    return { severity, message: `${this.format}: ${message}`, file: this.file, line: pos.line + 1, column: pos.column + 1 };
  }

  /** A problem at a 1-based line and column reported by a parser. */
  problemAt(line: number, column: number, message: string, severity: Problem['severity'] = 'error'): Problem {
    return { severity, message: `${this.format}: ${message}`, file: this.file, line, column };
  }

  lineStarts(): number[] {
    if (!this.starts) this.starts = lineStarts(this.text);
    return this.starts;
  }
}
