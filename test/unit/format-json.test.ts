// Tests for the JSON report: its documented shape, 1-based positions, fixes, suppressions, errors,
// skipped files, stats and deterministic ordering.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding, Level, SourceRange } from '../../server/src/engine/finding';
import type { FileFindings, ScanReport } from '../../server/src/report/report';
import { formatJson, type JsonReport } from '../../server/src/report/format-json';

function range(start: [number, number, number], end: [number, number, number]): SourceRange {
  return { start: start[2], end: end[2], startPos: { line: start[0], column: start[1] }, endPos: { line: end[0], column: end[1] } };
}

function finding(ruleId: string, level: Level, r: SourceRange, extra: Partial<Finding> = {}): Finding {
  return { ruleId, level, severity: 'ERROR', message: `${ruleId} says hi`, range: r, ...extra };
}

function report(files: FileFindings[], extra: Partial<ScanReport> = {}): ScanReport {
  return { root: '/repo', files, rules: [], problems: [], skipped: [], stats: { filesScanned: 3, durationMs: 41.6 }, ...extra };
}

function parse(text: string): JsonReport {
  return JSON.parse(text) as JsonReport;
}

test('results carry path, rule, severity, level, message and 1-based start/end', () => {
  const out = parse(formatJson(report([{ path: 'src/a.ts', findings: [finding('r1', 'high', range([2, 4, 30], [2, 9, 35]))] }])));
  assert.equal(out.version, 1);
  assert.equal(out.root, '/repo');
  assert.deepEqual(out.results, [
    {
      path: 'src/a.ts',
      ruleId: 'r1',
      severity: 'ERROR',
      level: 'high',
      message: 'r1 says hi',
      start: { line: 3, col: 5, offset: 30 },
      end: { line: 3, col: 10, offset: 35 },
    },
  ]);
  assert.deepEqual(out.stats, { filesScanned: 3, durationMs: 42, findings: 1, suppressed: 0 });
  assert.deepEqual(out.errors, []);
  assert.deepEqual(out.skipped, []);
});

test('fixes and suppressions are included, and counted apart in stats', () => {
  const r = range([0, 0, 0], [0, 3, 3]);
  const out = parse(
    formatJson(
      report([
        {
          path: 'a.py',
          findings: [
            finding('fixable', 'low', r, { fix: { start: 0, end: 3, text: 'safe' } }),
            finding('quiet', 'medium', r, { suppressed: { kind: 'nosemgrep', reason: 'reviewed', line: 0 } }),
          ],
        },
      ]),
    ),
  );
  const fixable = out.results.find((result) => result.ruleId === 'fixable');
  const quiet = out.results.find((result) => result.ruleId === 'quiet');
  assert.deepEqual(fixable?.fix, { text: 'safe', start: 0, end: 3 });
  assert.equal(fixable?.suppressed, undefined);
  assert.ok(fixable !== undefined && !('suppressed' in fixable), 'absent fields are omitted');
  assert.deepEqual(quiet?.suppressed, { kind: 'nosemgrep', reason: 'reviewed' });
  assert.ok(quiet !== undefined && !('fix' in quiet));
  assert.equal(out.stats.findings, 1);
  assert.equal(out.stats.suppressed, 1);
});

test('errors and skipped files keep their fields, omitting absent ones', () => {
  const out = parse(
    formatJson(
      report([], {
        problems: [
          { severity: 'error', message: 'bad key', file: 'rules/r.yaml', line: 4, column: 3, ruleId: 'r', key: 'patterns' },
          { severity: 'warning', message: 'parse failed' },
        ],
        skipped: [
          { path: 'logo.png', reason: 'binary', detail: 'NUL byte at offset 3' },
          { path: 'x.md', reason: 'no-rules' },
        ],
      }),
    ),
  );
  assert.deepEqual(out.errors, [
    { severity: 'error', message: 'bad key', file: 'rules/r.yaml', line: 4, column: 3, ruleId: 'r', key: 'patterns' },
    { severity: 'warning', message: 'parse failed' },
  ]);
  assert.deepEqual(out.skipped, [
    { path: 'logo.png', reason: 'binary', detail: 'NUL byte at offset 3' },
    { path: 'x.md', reason: 'no-rules' },
  ]);
});

test('output is stable: sorted by path then position regardless of input order', () => {
  const early = finding('early', 'low', range([0, 0, 0], [0, 1, 1]));
  const late = finding('late', 'low', range([5, 0, 50], [5, 1, 51]));
  const one = formatJson(report([{ path: 'b.ts', findings: [late, early] }, { path: 'a.ts', findings: [late] }]));
  const two = formatJson(report([{ path: 'a.ts', findings: [late] }, { path: 'b.ts', findings: [early, late] }]));
  assert.equal(one, two);
  const order = parse(one).results.map((result) => `${result.path}:${result.ruleId}`);
  assert.deepEqual(order, ['a.ts:late', 'b.ts:early', 'b.ts:late']);
  assert.ok(one.endsWith('}\n'));
});
