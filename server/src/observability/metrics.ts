/**
 * Moat's Prometheus metrics (prom-client), one registry per process: scan latency, findings by
 * rule and severity, agent writes blocked, advisory-source errors and rules loaded. Any layer may
 * record through the functions below; they cost a counter increment when no endpoint serves them.
 * Label values are rule ids, severities, surface and source names only — never file contents,
 * paths or secret values — and are cut to a safe character set and length.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Level } from '../engine/finding';

/** Where a scan ran: the agent hook, the MCP server or the language server. */
export type Surface = 'check' | 'mcp' | 'lsp';

export const metricsRegistry = new Registry();

const scanDuration = new Histogram({
  name: 'moat_scan_duration_seconds',
  help: 'Time to scan one file or snippet, in seconds.',
  labelNames: ['surface', 'language'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

const findingsTotal = new Counter({
  name: 'moat_findings_total',
  help: 'Findings reported (not suppressed), by rule and severity.',
  labelNames: ['surface', 'rule_id', 'severity'] as const,
  registers: [metricsRegistry],
});

const blockedTotal = new Counter({
  name: 'moat_agent_writes_blocked_total',
  help: 'Agent writes blocked or sent back by `moat check` (a finding at or above --fail-on).',
  labelNames: ['hook', 'tool'] as const,
  registers: [metricsRegistry],
});

const advisoryErrors = new Counter({
  name: 'moat_advisory_source_errors_total',
  help: 'Errors fetching or reading a vulnerability advisory source.',
  labelNames: ['source'] as const,
  registers: [metricsRegistry],
});

const rulesLoaded = new Gauge({
  name: 'moat_rules_loaded',
  help: 'Rules (pattern rules and secrets detectors) loaded.',
  labelNames: ['surface'] as const,
  registers: [metricsRegistry],
});

const LABEL_MAX = 96;

/** A label value from a known vocabulary: unsafe characters become `_`, long values are cut. */
export function labelValue(text: string): string {
  const safe = text.replace(/[^A-Za-z0-9_.:\-/]/g, '_');
  return safe.length > LABEL_MAX ? safe.slice(0, LABEL_MAX) : safe || '_';
}

export interface ScanRecord {
  readonly surface: Surface;
  /** The language id, or `text` for files no grammar covers. */
  readonly language: string;
  readonly durationMs: number;
  readonly findings: readonly { readonly ruleId: string; readonly level: Level; readonly suppressed?: unknown }[];
}

export function recordScan(record: ScanRecord): void {
  scanDuration.observe({ surface: record.surface, language: labelValue(record.language) }, record.durationMs / 1000);
  for (const f of record.findings) {
    if (f.suppressed === undefined) findingsTotal.inc({ surface: record.surface, rule_id: labelValue(f.ruleId), severity: f.level });
  }
}

/** An agent's write was blocked (PreToolUse) or sent back (PostToolUse) by `moat check`. */
export function recordBlockedWrite(hook: string, tool: string): void {
  blockedTotal.inc({ hook: labelValue(hook), tool: labelValue(tool) });
}

/** A vulnerability advisory source (OSV, GitHub advisories, a mirror…) failed. For any caller. */
export function recordAdvisorySourceError(source: string): void {
  advisoryErrors.inc({ source: labelValue(source) });
}

export function setRulesLoaded(surface: Surface, count: number): void {
  rulesLoaded.set({ surface }, count);
}

let processMetrics = false;

/** Adds the standard process metrics (CPU, memory, event loop); done once, when an endpoint starts. */
export function enableProcessMetrics(): void {
  if (processMetrics) return;
  processMetrics = true;
  collectDefaultMetrics({ register: metricsRegistry, prefix: 'moat_' });
}

/** The exposition text of every metric. */
export function metricsText(): Promise<string> {
  return metricsRegistry.metrics();
}
