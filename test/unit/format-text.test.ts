// Tests for the human-readable text report: layout, snippets and carets, suppressed counts,
// problems, skipped files, the summary line, colors and terminal-safe output.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding, Level, SourceRange } from '../../server/src/engine/finding';
import type { FileFindings, ScanReport } from '../../server/src/report/report';
import { formatText } from '../../server/src/report/format-text';

/** A range over `lines` (joined with '\n') from 0-based (line, column) to (line, column). */
function range(lines: readonly string[], from: [number, number], to: [number, number]): SourceRange {
  const offset = ([line, column]: [number, number]): number =>
    lines.slice(0, line).reduce((sum, text) => sum + text.length + 1, 0) + column;
  return {
    start: offset(from),
    end: offset(to),
    startPos: { line: from[0], column: from[1] },
    endPos: { line: to[0], column: to[1] },
  };
}

function finding(ruleId: string, level: Level, r: SourceRange, extra: Partial<Finding> = {}): Finding {
  return { ruleId, level, severity: level.toUpperCase(), message: `${ruleId} message`, range: r, ...extra };
}

function report(files: FileFindings[], extra: Partial<ScanReport> = {}): ScanReport {
  return {
    root: '/repo',
    files,
    rules: [],
    problems: [],
    skipped: [],
    stats: { filesScanned: 40, durationMs: 12 },
    ...extra,
  };
}

const APP = ['const a = 1;', 'const b = eval(input);', 'done();'];

test('a finding shows path:line:col (1-based), severity, rule id, indented message and an underlined snippet', () => {
  const f = finding('js-eval', 'high', range(APP, [1, 10], [1, 21]), { message: 'Do not eval.\nUse JSON.parse.' });
  const out = formatText(report([{ path: 'src/app.ts', findings: [f], lines: APP }]), { color: false });
  const lines = out.split('\n');
  const head = lines.findIndex((line) => line.startsWith('src/app.ts:2:11'));
  assert.notEqual(head, -1, out);
  assert.equal(lines[head], 'src/app.ts:2:11  HIGH  js-eval');
  assert.equal(lines[head + 1], '    Do not eval.');
  assert.equal(lines[head + 2], '    Use JSON.parse.');
  const source = lines.find((line) => line.includes('| const b = eval(input);'));
  assert.equal(source, '    2 | const b = eval(input);');
  const carets = lines[lines.indexOf(source!) + 1];
  assert.equal(carets, '      |           ^^^^^^^^^^^');
  assert.ok(!out.includes('fix available'));
});

test('a fix is hinted, and without source lines there is no snippet', () => {
  const r = range(APP, [0, 6], [0, 7]);
  const f = finding('rename', 'low', r, { fix: { start: r.start, end: r.end, text: 'x' } });
  const out = formatText(report([{ path: 'a.js', findings: [f] }]), { color: false });
  assert.match(out, /^a\.js:1:7 {2}LOW {2}rename$/m);
  assert.match(out, /^ {4}fix available$/m);
  assert.ok(!out.includes(' | '), out);
});

test('suppressed findings are not listed but counted per kind', () => {
  const r = range(APP, [0, 0], [0, 5]);
  const files: FileFindings[] = [
    {
      path: 'a.ts',
      lines: APP,
      findings: [
        finding('shown-rule', 'medium', r),
        finding('hidden-one', 'high', r, { suppressed: { kind: 'moat-ignore', reason: 'test data', line: 0 } }),
        finding('hidden-two', 'high', r, { suppressed: { kind: 'moat-ignore', reason: '', line: 0 } }),
      ],
    },
  ];
  const out = formatText(report(files), { color: false });
  assert.ok(out.includes('shown-rule'));
  assert.ok(!out.includes('hidden-one') && !out.includes('hidden-two'), out);
  assert.match(out, /2 suppressed \(moat-ignore\)/);

  const mixed = formatText(
    report([
      {
        path: 'a.ts',
        findings: [
          finding('x', 'high', r, { suppressed: { kind: 'moat-ignore', reason: '', line: 0 } }),
          finding('y', 'high', r, { suppressed: { kind: 'nosemgrep', reason: '', line: 0 } }),
        ],
      },
    ]),
    { color: false },
  );
  assert.match(mixed, /2 suppressed \(1 moat-ignore, 1 nosemgrep\)/);
  assert.match(mixed, /^0 findings in 40 files/m);
});

test('the summary counts findings per level, most severe first, files and rule errors', () => {
  const r = range(APP, [0, 0], [0, 1]);
  const files: FileFindings[] = [
    { path: 'b.ts', findings: [finding('r1', 'medium', r), finding('r2', 'critical', r)] },
    { path: 'a.ts', findings: [finding('r3', 'high', r), finding('r4', 'high', r), finding('r5', 'info', r)] },
  ];
  const out = formatText(
    report(files, {
      problems: [
        { severity: 'error', message: 'bad pattern', file: 'rules/x.yaml', line: 3, column: 5, ruleId: 'r9', key: 'pattern-inside' },
      ],
    }),
    { color: false },
  );
  const summary = out.trimEnd().split('\n').at(-1);
  assert.equal(summary, '5 findings (1 critical, 2 high, 1 medium, 1 info) in 40 files, 1 rule error');
  // Files in path order.
  assert.ok(out.indexOf('a.ts:1:1') < out.indexOf('b.ts:1:1'));
});

test('problems are listed with file:line:col, severity, rule id and key', () => {
  const out = formatText(
    report([], {
      problems: [
        { severity: 'error', message: 'unknown key', file: 'rules/x.yaml', line: 3, column: 5, ruleId: 'my-rule', key: 'pattern-insde' },
        { severity: 'warning', message: 'could not parse', file: 'src/broken.py', line: 7 },
        { severity: 'error', message: 'no config' },
      ],
    }),
    { color: false },
  );
  assert.match(out, /^Problems:$/m);
  assert.match(out, /^ {2}rules\/x\.yaml:3:5 {2}ERROR {2}my-rule \(pattern-insde\)$/m);
  assert.match(out, /^ {6}unknown key$/m);
  assert.match(out, /^ {2}src\/broken\.py:7 {2}WARNING$/m);
  assert.match(out, /^ {2}<no file> {2}ERROR$/m);
  assert.match(out, /0 findings in 40 files, 1 rule error, 1 error, 1 warning$/m);
});

test('skipped files are counted per reason, and listed when verbose', () => {
  const skipped = [
    { path: 'dist/app.min.js', reason: 'minified', detail: 'app.min.js is named as minified' },
    { path: 'img/logo.png', reason: 'binary' },
    { path: 'vendor/big.js', reason: 'minified' },
  ] as const;
  const quiet = formatText(report([], { skipped }), { color: false });
  assert.match(quiet, /^Skipped 3 files: 2 minified, 1 binary$/m);
  assert.ok(!quiet.includes('img/logo.png'));
  const verbose = formatText(report([], { skipped }), { color: false, verbose: true });
  assert.match(verbose, /^ {2}dist\/app\.min\.js {2}\(minified: app\.min\.js is named as minified\)$/m);
  assert.match(verbose, /^ {2}img\/logo\.png {2}\(binary\)$/m);
});

test('ANSI colors only when color is true', () => {
  const r = range(APP, [1, 10], [1, 21]);
  const input = report([{ path: 'a.ts', findings: [finding('js-eval', 'critical', r)], lines: APP }]);
  const plain = formatText(input, { color: false });
  const colored = formatText(input, { color: true });
  assert.ok(!plain.includes('\u001b['), 'no escapes without color');
  assert.ok(colored.includes('\u001b['), 'escapes with color');
  assert.equal(colored.replace(/\u001b\[[0-9;]*m/g, ''), plain);
});

test('control characters from the source are made visible and tabs keep carets aligned', () => {
  const lines = ['\tx = "\u001b[31mred\u202e";'];
  const r = range(lines, [0, 1], [0, 2]);
  const out = formatText(report([{ path: 'a.py', findings: [finding('tabs', 'low', r, { message: 'bad\u0007' })], lines }]), {
    color: false,
  });
  assert.ok(!out.includes('\u001b'), 'no raw ESC');
  assert.ok(!out.includes('\u202e'), 'no raw bidi override');
  assert.ok(!out.includes('\u0007'), 'no raw BEL');
  assert.ok(out.includes('\u241b[31mred\ufffd'), out);
  const outLines = out.split('\n');
  const source = outLines.findIndex((line) => line.startsWith('    1 | '));
  assert.equal(outLines[source], '    1 |     x = "\u241b[31mred\ufffd";');
  assert.equal(outLines[source + 1], '      |     ^');
});

test('a multi-line range underlines each line, and long ranges are cut', () => {
  const lines = ['call(', '  a,', '  b', ')', 'x', 'y', 'z'];
  const short = formatText(
    report([{ path: 'm.js', findings: [finding('multi', 'medium', range(lines, [0, 0], [3, 1]))], lines }]),
    { color: false },
  );
  assert.match(short, / {4}1 \| call\(\n {6}\| \^{5}\n {4}2 \| {3}a,\n {6}\| {3}\^{2}\n/);
  assert.match(short, / {4}4 \| \)\n {6}\| \^\n/);

  const long = formatText(
    report([{ path: 'm.js', findings: [finding('multi', 'medium', range(lines, [0, 0], [6, 1]))], lines }]),
    { color: false },
  );
  assert.match(long, /5 \| x/);
  assert.ok(!long.includes('6 | y'), long);
  assert.match(long, /… 2 more lines/);
});
