/**
 * What the agent surfaces (check, MCP, language server) report about their work, recorded once in
 * both sinks: Prometheus metrics and the ECS event log. One `scan` event per file or snippet and
 * one `finding` alert per unsuppressed finding; one `agent-write-blocked` event per blocked write.
 */
import type { Finding, Level, RuleInfo } from '../engine/finding';
import type { EventLog, LogLevel } from './ecs-log';
import { recordBlockedWrite, recordScan, Surface } from './metrics';

export interface ScanObservation {
  readonly surface: Surface;
  /** The file's path as the user gave it (relative when it can be); never its content. */
  readonly path: string;
  readonly language: string;
  readonly durationMs: number;
  readonly findings: readonly Finding[];
  readonly ruleInfo: (ruleId: string) => RuleInfo | undefined;
}

/** ECS `event.severity`: a number, higher is worse. */
const SEVERITY_NUMBER: Readonly<Record<Level, number>> = { info: 1, low: 2, medium: 3, high: 4, critical: 5 };
const LOG_LEVEL: Readonly<Record<Level, LogLevel>> = { info: 'info', low: 'info', medium: 'warn', high: 'warn', critical: 'error' };

export function observeScan(log: EventLog, o: ScanObservation): void {
  recordScan(o);
  if (!log.enabled) return;
  const active = o.findings.filter((f) => f.suppressed === undefined);
  log.emit({
    level: 'info',
    message: `scanned ${o.path}: ${active.length} finding${active.length === 1 ? '' : 's'}`,
    event: { kind: 'event', category: ['file'], type: ['info'], action: 'scan', outcome: 'success', duration: Math.round(o.durationMs * 1e6) },
    file: { path: o.path },
    labels: { surface: o.surface, language: o.language, findings: active.length },
  });
  for (const f of active) {
    const info = o.ruleInfo(f.ruleId);
    const category = typeof info?.metadata['category'] === 'string' ? (info.metadata['category'] as string) : undefined;
    log.emit({
      level: LOG_LEVEL[f.level],
      message: f.message,
      event: { kind: 'alert', category: ['file'], type: ['info'], action: 'finding', outcome: 'success', severity: SEVERITY_NUMBER[f.level] },
      rule: { id: f.ruleId, ...(info ? { name: ruleName(info) } : {}), ...(category ? { category } : {}) },
      file: { path: o.path },
      labels: { surface: o.surface, severity: f.level, line: f.range.startPos.line + 1 },
    });
  }
}

export interface BlockedWrite {
  readonly hook: string;
  readonly tool: string;
  readonly path: string;
  readonly blocking: number;
}

export function observeBlockedWrite(log: EventLog, b: BlockedWrite): void {
  recordBlockedWrite(b.hook, b.tool);
  log.emit({
    level: 'warn',
    message: `blocked ${b.tool} to ${b.path}: ${b.blocking} finding${b.blocking === 1 ? '' : 's'} at or above the threshold`,
    event: { kind: 'event', category: ['file'], type: ['change'], action: 'agent-write-blocked', outcome: 'failure' },
    file: { path: b.path },
    labels: { hook: b.hook, tool: b.tool, findings: b.blocking },
  });
}

/** The first line of the rule's message template (no interpolated values), cut to 120 characters. */
export function ruleName(info: RuleInfo): string {
  const first = (info.message.split(/\r?\n/)[0] ?? '').trim() || info.id;
  return first.length > 120 ? first.slice(0, 119) + '…' : first;
}
