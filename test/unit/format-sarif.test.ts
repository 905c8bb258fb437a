// Tests for the SARIF 2.1.0 report: schema validity (checked with ajv against the SARIF schema),
// rules and their GitHub properties, results, regions, snippets, fixes, suppressions and
// notifications, and that nothing beyond the finding's lines is written.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import type { Finding, Level, RuleInfo, SourceRange } from '../../server/src/engine/finding';
import type { FileFindings, ScanReport } from '../../server/src/report/report';
import { formatSarif } from '../../server/src/report/format-sarif';

// ---------------------------------------------------------------------------------------------
// The validator

/**
 * The schema is draft-04, which ajv 8 does not speak: its only draft-04-specific keyword is the
 * top-level `id`, renamed `$id`. It also declares `required` names its `anyOf` branches do not
 * define (strictRequired off) and a pattern that is invalid under the `u` flag (unicodeRegExp off).
 */
function sarifValidator(): ValidateFunction {
  const path = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const { $schema: _draft, id, ...schema } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  assert.equal(typeof id, 'string');
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, unicodeRegExp: false });
  ajv.addFormat('uri', (text: string) => isUri(text));
  ajv.addFormat('uri-reference', (text: string) => isUri(text, 'file:///base/'));
  ajv.addFormat('date-time', (text: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(text));
  return ajv.compile({ ...schema, $id: id as string });
}

function isUri(text: string, base?: string): boolean {
  try {
    new URL(text, base);
    return !/\s/.test(text);
  } catch {
    return false;
  }
}

const validate = sarifValidator();

function assertValid(document: unknown): void {
  const ok = validate(document);
  assert.ok(ok, JSON.stringify(validate.errors, null, 2));
}

// ---------------------------------------------------------------------------------------------
// Fixtures

interface Sarif {
  $schema: string;
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: Array<Record<string, unknown> & { id: string }> } };
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<Record<string, unknown>> }>;
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: string;
    results: Array<Record<string, unknown> & { ruleId: string; ruleIndex: number; locations: Array<{ physicalLocation: Record<string, unknown> }> }>;
  }>;
}

function range(lines: readonly string[], from: [number, number], to: [number, number]): SourceRange {
  const offset = ([line, column]: [number, number]): number =>
    lines.slice(0, line).reduce((sum, text) => sum + text.length + 1, 0) + column;
  return { start: offset(from), end: offset(to), startPos: { line: from[0], column: from[1] }, endPos: { line: to[0], column: to[1] } };
}

function rule(id: string, level: Level, metadata: Record<string, unknown> = {}): RuleInfo {
  return { id, level, severity: level.toUpperCase(), message: `Rule ${id}: do not do $X.`, languages: ['python'], metadata };
}

function finding(ruleId: string, level: Level, r: SourceRange, extra: Partial<Finding> = {}): Finding {
  return { ruleId, level, severity: level.toUpperCase(), message: `${ruleId} found`, range: r, ...extra };
}

const SECRET = 'AKIAABCDEFGHIJKLMNOP';
const PY = ['import os', 'os.system(cmd)  # 😀 x', `KEY = "${SECRET}"`, 'print(1)'];

function sampleReport(): ScanReport {
  const call = range(PY, [1, 0], [1, 14]);
  const afterEmoji = range(PY, [1, 21], [1, 22]);
  const files: FileFindings[] = [
    {
      path: 'src/app.py',
      lines: PY,
      findings: [
        finding('py.os-system', 'critical', call, { fix: { start: call.start, end: call.end, text: 'subprocess.run(cmd)' } }),
        finding('py.emoji', 'info', afterEmoji, {
          suppressed: { kind: 'moat-ignore', reason: 'fine here', line: 1 },
        }),
      ],
    },
    { path: 'dir with space/b.py', findings: [finding('orphan-rule', 'medium', range(PY, [0, 0], [0, 6]))] },
  ];
  return {
    root: '/repo/project',
    files,
    rules: [
      rule('py.os-system', 'critical', {
        cwe: ['CWE-78: OS Command Injection'],
        owasp: 'A03:2021 - Injection',
        category: 'security',
        source: 'https://example.com/rules/py.os-system',
      }),
      rule('py.emoji', 'info', { references: ['not a url', 'https://example.com/second'] }),
      rule('py.unused', 'medium', { references: ['https://example.com/ref'] }),
    ],
    problems: [
      { severity: 'error', message: 'unknown key', file: 'rules/bad.yaml', line: 3, column: 2, ruleId: 'py.unused', key: 'pattern-insde' },
      { severity: 'warning', message: 'could not parse', file: '/abs/elsewhere.py' },
    ],
    skipped: [],
    stats: { filesScanned: 2, durationMs: 10 },
  };
}

function sarif(report: ScanReport = sampleReport()): Sarif {
  return JSON.parse(formatSarif(report, { toolVersion: '0.1.0' })) as Sarif;
}

type SarifResult = Sarif['runs'][number]['results'][number];

function resultsFor(log: Sarif, ...ruleIds: string[]): SarifResult[] {
  return ruleIds.map((id) => {
    const result = log.runs[0].results.find((r) => r.ruleId === id);
    assert.ok(result !== undefined, `no result for ${id}`);
    return result;
  });
}

// ---------------------------------------------------------------------------------------------

test('the document is valid SARIF 2.1.0', () => {
  const log = sarif();
  assertValid(log);
  assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
  assert.equal(log.runs[0].tool.driver.name, 'Moat');
  assert.equal(log.runs[0].tool.driver.version, '0.1.0');
});

test('an empty report is valid SARIF too', () => {
  assertValid(sarif({ root: '/', files: [], rules: [], problems: [], skipped: [], stats: { filesScanned: 0, durationMs: 0 } }));
});

test('the validator rejects invalid documents', () => {
  const log = sarif();
  const broken: Array<(doc: Sarif) => void> = [
    (doc) => Object.assign(doc.runs[0].results[0], { level: 'fatal' }),
    (doc) => Object.assign(doc.runs[0].results[0].locations[0].physicalLocation, { region: { startLine: 0 } }),
    (doc) => Object.assign(doc, { version: '2.0.0' }),
    (doc) => Object.assign(doc.runs[0], { tool: {} }),
    (doc) => Object.assign(doc.runs[0], { columnKind: 'bytes' }),
  ];
  for (const mutate of broken) {
    const copy = structuredClone(log);
    mutate(copy);
    assert.equal(validate(copy), false, `accepted: ${mutate.toString()}`);
  }
});

test('rules: ids as written, levels, security-severity, tags and helpUri', () => {
  const rules = sarif().runs[0].tool.driver.rules;
  assert.deepEqual(
    rules.map((r) => r.id),
    ['py.os-system', 'py.emoji', 'py.unused', 'orphan-rule'],
  );
  const [system, emoji, unused, orphan] = rules;
  assert.deepEqual(system.defaultConfiguration, { level: 'error' });
  assert.deepEqual(system.shortDescription, { text: 'Rule py.os-system: do not do $X.' });
  assert.deepEqual(system.fullDescription, { text: 'Rule py.os-system: do not do $X.' });
  assert.equal(system.helpUri, 'https://example.com/rules/py.os-system');
  assert.deepEqual(system.properties, {
    tags: ['security', 'CWE-78: OS Command Injection', 'A03:2021 - Injection'],
    'security-severity': '9.5',
  });
  assert.deepEqual(emoji.defaultConfiguration, { level: 'note' });
  assert.equal(emoji.helpUri, undefined, 'references[0] is not a URL');
  assert.equal((emoji.properties as Record<string, unknown>)['security-severity'], '1.0');
  assert.equal(unused.helpUri, 'https://example.com/ref');
  assert.deepEqual(unused.defaultConfiguration, { level: 'warning' });
  assert.equal((unused.properties as Record<string, unknown>)['security-severity'], '5.5');
  assert.deepEqual(orphan.fullDescription, { text: 'orphan-rule found' });
});

test('results: rule id and index, level, message, location with 1-based UTF-16 region and snippet', () => {
  const log = sarif();
  const [system, emoji] = resultsFor(log, 'py.os-system', 'py.emoji');
  assert.equal(system.ruleId, 'py.os-system');
  assert.equal(system.ruleIndex, 0);
  assert.equal(system.level, 'error');
  assert.deepEqual(system.message, { text: 'py.os-system found' });
  assert.deepEqual(system.locations[0].physicalLocation, {
    artifactLocation: { uri: 'src/app.py', uriBaseId: '%SRCROOT%' },
    region: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 15, snippet: { text: 'os.system(cmd)  # 😀 x' } },
  });
  // The emoji is two UTF-16 code units: 'x' is at code unit 21, so column 22.
  assert.deepEqual(emoji.locations[0].physicalLocation.region, {
    startLine: 2,
    startColumn: 22,
    endLine: 2,
    endColumn: 23,
    snippet: { text: 'os.system(cmd)  # 😀 x' },
  });
  assert.equal(emoji.ruleIndex, 1);
  assert.equal(log.runs[0].results.find((r) => r.ruleId === 'orphan-rule')?.ruleIndex, 3);
  assert.equal(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri, 'file:///repo/project/');
});

test('paths are percent-encoded URI references', () => {
  const orphan = sarif().runs[0].results.find((r) => r.ruleId === 'orphan-rule');
  assert.deepEqual(orphan?.locations[0].physicalLocation.artifactLocation, { uri: 'dir%20with%20space/b.py', uriBaseId: '%SRCROOT%' });
  assert.equal(orphan?.locations[0].physicalLocation.region !== undefined, true);
  assert.ok(!('snippet' in (orphan?.locations[0].physicalLocation.region as object)), 'no snippet without lines');
});

test('fixes become replacements, suppressed findings carry an inSource suppression', () => {
  const [system, emoji] = resultsFor(sarif(), 'py.os-system', 'py.emoji');
  assert.deepEqual(system.fixes, [
    {
      description: { text: 'Apply the fix suggested by py.os-system' },
      artifactChanges: [
        {
          artifactLocation: { uri: 'src/app.py', uriBaseId: '%SRCROOT%' },
          replacements: [
            {
              deletedRegion: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 15, charOffset: 10, charLength: 14 },
              insertedContent: { text: 'subprocess.run(cmd)' },
            },
          ],
        },
      ],
    },
  ]);
  assert.equal(system.suppressions, undefined);
  assert.deepEqual(emoji.suppressions, [
    {
      kind: 'inSource',
      justification: 'fine here',
      location: { physicalLocation: { artifactLocation: { uri: 'src/app.py', uriBaseId: '%SRCROOT%' }, region: { startLine: 2 } } },
      properties: { kind: 'moat-ignore' },
    },
  ]);
});

test('problems become tool execution notifications', () => {
  const invocation = sarif().runs[0].invocations[0];
  assert.equal(invocation.executionSuccessful, false);
  assert.deepEqual(invocation.toolExecutionNotifications, [
    {
      level: 'error',
      message: { text: 'unknown key' },
      locations: [
        { physicalLocation: { artifactLocation: { uri: 'rules/bad.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 2 } } },
      ],
      associatedRule: { id: 'py.unused', index: 2 },
      properties: { key: 'pattern-insde' },
    },
    {
      level: 'warning',
      message: { text: 'could not parse' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'file:///abs/elsewhere.py' } } }],
    },
  ]);
  const clean = sarif({ ...sampleReport(), problems: [{ severity: 'warning', message: 'minor' }] });
  assert.equal(clean.runs[0].invocations[0].executionSuccessful, true);
});

test('only the finding lines are written: other source lines (a secret) never are', () => {
  const text = formatSarif(sampleReport(), { toolVersion: '0.1.0' });
  assert.ok(!text.includes(SECRET), 'the secret on another line leaks into the SARIF');
  assert.ok(!text.includes('print(1)'));
});
