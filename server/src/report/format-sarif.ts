/**
 * The SARIF 2.1.0 report, for GitHub code scanning and SARIF viewers: one run with the rules that
 * ran, every finding (suppressed ones carry `suppressions`), fixes as replacements and problems as
 * tool notifications. Columns are UTF-16 code units + 1. Only rule messages, the finding's message,
 * ranges and source-line snippets are written: no metavariable bindings or other scan internals.
 */

import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Level, Problem, RuleInfo, Suppression, TextEdit } from '../engine/finding';
import { coveredLines, orderedFiles, type FileFindings, type ScanReport } from './report';

export interface SarifOptions {
  readonly toolVersion: string;
  /** Where to read about the tool; defaults to MOAT_INFORMATION_URI. */
  readonly informationUri?: string;
}

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const MOAT_INFORMATION_URI = 'https://github.com/moat-security/moat';
export const SRCROOT = '%SRCROOT%';

export type SarifLevel = 'error' | 'warning' | 'note';

/** GitHub's `security-severity` scores (a CVSS-like 0–10 value, written as a string). */
export const SECURITY_SEVERITY: Readonly<Record<Level, string>> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '1.0',
};

export function sarifLevel(level: Level): SarifLevel {
  switch (level) {
    case 'critical':
    case 'high':
      return 'error';
    case 'medium':
      return 'warning';
    case 'low':
    case 'info':
      return 'note';
  }
}

// ---------------------------------------------------------------------------------------------
// The subset of SARIF written here

interface Text {
  readonly text: string;
}

interface ArtifactLocation {
  readonly uri: string;
  readonly uriBaseId?: string;
}

interface Region {
  readonly startLine?: number;
  readonly startColumn?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly charOffset?: number;
  readonly charLength?: number;
  readonly snippet?: Text;
}

interface Location {
  readonly physicalLocation: { readonly artifactLocation: ArtifactLocation; readonly region?: Region };
}

interface ReportingDescriptor {
  readonly id: string;
  readonly shortDescription: Text;
  readonly fullDescription: Text;
  readonly defaultConfiguration: { readonly level: SarifLevel };
  readonly helpUri?: string;
  readonly properties: { readonly tags: readonly string[]; readonly 'security-severity': string };
}

interface SarifFix {
  readonly description: Text;
  readonly artifactChanges: readonly {
    readonly artifactLocation: ArtifactLocation;
    readonly replacements: readonly { readonly deletedRegion: Region; readonly insertedContent: Text }[];
  }[];
}

interface SarifSuppression {
  readonly kind: 'inSource';
  readonly justification?: string;
  readonly location: Location;
  readonly properties: { readonly kind: Suppression['kind'] };
}

interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: SarifLevel;
  readonly message: Text;
  readonly locations: readonly Location[];
  readonly fixes?: readonly SarifFix[];
  readonly suppressions?: readonly SarifSuppression[];
}

interface Notification {
  readonly level: 'error' | 'warning';
  readonly message: Text;
  readonly locations?: readonly Location[];
  readonly associatedRule?: { readonly id: string; readonly index?: number };
  readonly properties?: { readonly key: string };
}

export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly [
    {
      readonly tool: {
        readonly driver: {
          readonly name: 'Moat';
          readonly informationUri: string;
          readonly version: string;
          readonly rules: readonly ReportingDescriptor[];
        };
      };
      readonly invocations: readonly [
        { readonly executionSuccessful: boolean; readonly toolExecutionNotifications: readonly Notification[] },
      ];
      readonly originalUriBaseIds: { readonly [SRCROOT]: { readonly uri: string } };
      readonly columnKind: 'utf16CodeUnits';
      readonly results: readonly SarifResult[];
      readonly properties: { readonly filesScanned: number; readonly durationMs: number };
    },
  ];
}

// ---------------------------------------------------------------------------------------------

export function formatSarif(report: ScanReport, options: SarifOptions): string {
  return JSON.stringify(toSarifLog(report, options), null, 2) + '\n';
}

export function toSarifLog(report: ScanReport, options: SarifOptions): SarifLog {
  const files = orderedFiles(report);
  const rules = ruleTable(report.rules, files);
  const results = files.flatMap((file) => file.findings.map((finding) => toResult(file, finding, rules)));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Moat',
            informationUri: options.informationUri ?? MOAT_INFORMATION_URI,
            version: options.toolVersion,
            rules: rules.descriptors,
          },
        },
        invocations: [
          {
            executionSuccessful: !report.problems.some((problem) => problem.severity === 'error'),
            toolExecutionNotifications: report.problems.map((problem) => toNotification(problem, rules)),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri(report.root) } },
        columnKind: 'utf16CodeUnits',
        results,
        properties: { filesScanned: report.stats.filesScanned, durationMs: Math.round(report.stats.durationMs) },
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Rules

interface RuleTable {
  readonly descriptors: ReportingDescriptor[];
  readonly index: ReadonlyMap<string, number>;
}

/** The report's rules (first of each id), then any rule a finding names that the report lacks. */
function ruleTable(rules: readonly RuleInfo[], files: readonly FileFindings[]): RuleTable {
  const descriptors: ReportingDescriptor[] = [];
  const index = new Map<string, number>();
  const add = (id: string, make: () => ReportingDescriptor): void => {
    if (index.has(id)) return;
    index.set(id, descriptors.length);
    descriptors.push(make());
  };
  for (const rule of rules) add(rule.id, () => toDescriptor(rule));
  for (const finding of files.flatMap((file) => file.findings)) {
    const { ruleId, message, level, severity } = finding;
    add(ruleId, () => toDescriptor({ id: ruleId, message, level, severity, languages: [], metadata: {} }));
  }
  return { descriptors, index };
}

function toDescriptor(rule: RuleInfo): ReportingDescriptor {
  const full = rule.message.trim() === '' ? rule.id : rule.message.trim();
  const helpUri = ruleHelpUri(rule.metadata);
  return {
    id: rule.id,
    shortDescription: { text: shortText(full) },
    fullDescription: { text: full },
    defaultConfiguration: { level: sarifLevel(rule.level) },
    ...(helpUri === undefined ? {} : { helpUri }),
    properties: { tags: ruleTags(rule.metadata), 'security-severity': SECURITY_SEVERITY[rule.level] },
  };
}

const SHORT_DESCRIPTION_MAX = 120;

/** The first line of a message, cut at a word boundary when long. */
function shortText(message: string): string {
  const first = message.split(/\r?\n/)[0].trim();
  if (first.length <= SHORT_DESCRIPTION_MAX) return first;
  const cut = first.slice(0, SHORT_DESCRIPTION_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return (space > SHORT_DESCRIPTION_MAX / 2 ? cut.slice(0, space) : cut) + '…';
}

/** `security`, then the metadata's cwe, owasp and category entries (each a string or a list), once each. */
export function ruleTags(metadata: Readonly<Record<string, unknown>>): string[] {
  const tags = ['security', ...['cwe', 'owasp', 'category'].flatMap((key) => strings(metadata[key]))];
  return [...new Set(tags)];
}

/** metadata.source, else metadata.references[0] (or references as one string), when an http(s) URL. */
export function ruleHelpUri(metadata: Readonly<Record<string, unknown>>): string | undefined {
  const candidates = [...strings(metadata['source']).slice(0, 1), ...strings(metadata['references']).slice(0, 1)];
  return candidates.find(isWebUrl);
}

function strings(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((item): item is string => typeof item === 'string').map((item) => item.trim()).filter((item) => item !== '');
}

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Results

function toResult(file: FileFindings, finding: Finding, rules: RuleTable): SarifResult {
  const artifact = artifactLocation(file.path);
  return {
    ruleId: finding.ruleId,
    ruleIndex: rules.index.get(finding.ruleId) ?? 0,
    level: sarifLevel(finding.level),
    message: { text: finding.message.trim() === '' ? finding.ruleId : finding.message },
    locations: [{ physicalLocation: { artifactLocation: artifact, region: findingRegion(file, finding) } }],
    ...(finding.fix === undefined ? {} : { fixes: [toFix(finding, finding.fix, artifact)] }),
    ...(finding.suppressed === undefined ? {} : { suppressions: [toSuppression(finding.suppressed, artifact)] }),
  };
}

function findingRegion(file: FileFindings, finding: Finding): Region {
  const lines = coveredLines(file, finding.range);
  return {
    ...lineColumnRegion(finding),
    ...(lines === undefined ? {} : { snippet: { text: lines.join('\n') } }),
  };
}

function lineColumnRegion(finding: Finding): Region {
  const { startPos, endPos } = finding.range;
  return {
    startLine: startPos.line + 1,
    startColumn: startPos.column + 1,
    endLine: endPos.line + 1,
    endColumn: endPos.column + 1,
  };
}

/** The replaced text by UTF-16 offset and length; with lines and columns too when it is the finding's range. */
function toFix(finding: Finding, edit: TextEdit, artifact: ArtifactLocation): SarifFix {
  const sameRange = edit.start === finding.range.start && edit.end === finding.range.end;
  const deletedRegion: Region = {
    ...(sameRange ? lineColumnRegion(finding) : {}),
    charOffset: edit.start,
    charLength: edit.end - edit.start,
  };
  return {
    description: { text: `Apply the fix suggested by ${finding.ruleId}` },
    artifactChanges: [{ artifactLocation: artifact, replacements: [{ deletedRegion, insertedContent: { text: edit.text } }] }],
  };
}

function toSuppression(suppression: Suppression, artifact: ArtifactLocation): SarifSuppression {
  return {
    kind: 'inSource',
    ...(suppression.reason.trim() === '' ? {} : { justification: suppression.reason }),
    location: { physicalLocation: { artifactLocation: artifact, region: { startLine: suppression.line + 1 } } },
    properties: { kind: suppression.kind },
  };
}

// ---------------------------------------------------------------------------------------------
// Problems

function toNotification(problem: Problem, rules: RuleTable): Notification {
  const ruleIndex = problem.ruleId === undefined ? undefined : rules.index.get(problem.ruleId);
  return {
    level: problem.severity,
    message: { text: problem.message.trim() === '' ? 'Unknown problem' : problem.message },
    ...(problem.file === undefined ? {} : { locations: [problemLocation(problem, problem.file)] }),
    ...(problem.ruleId === undefined
      ? {}
      : { associatedRule: { id: problem.ruleId, ...(ruleIndex === undefined ? {} : { index: ruleIndex }) } }),
    ...(problem.key === undefined ? {} : { properties: { key: problem.key } }),
  };
}

function problemLocation(problem: Problem, file: string): Location {
  const artifact: ArtifactLocation = isAbsolute(file) ? { uri: pathToFileURL(file).href } : artifactLocation(file);
  const line = positive(problem.line);
  const column = line === undefined ? undefined : positive(problem.column);
  const region: Region = {
    ...(line === undefined ? {} : { startLine: line }),
    ...(column === undefined ? {} : { startColumn: column }),
  };
  return { physicalLocation: { artifactLocation: artifact, ...(line === undefined ? {} : { region }) } };
}

function positive(value: number | undefined): number | undefined {
  return value !== undefined && Number.isInteger(value) && value >= 1 ? value : undefined;
}

// ---------------------------------------------------------------------------------------------
// URIs

/** A root-relative path as a URI reference against %SRCROOT%: each segment percent-encoded. */
export function artifactLocation(relative: string): ArtifactLocation {
  const uri = relative
    .replace(/\\/g, '/')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return { uri, uriBaseId: SRCROOT };
}

/** `file:///abs/root/`: a directory URI, so relative URIs resolve inside it. */
export function rootUri(root: string): string {
  const href = pathToFileURL(resolve(root)).href;
  return href.endsWith('/') ? href : href + '/';
}
