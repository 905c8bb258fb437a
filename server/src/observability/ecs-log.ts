/**
 * Structured event log (`--log-format ecs`): one JSON object per line on stderr, with Elastic
 * Common Schema field names, ready for Filebeat's ndjson input and ELK. As in Elastic's ecs-logging
 * libraries, `@timestamp`, `log.level`, `message` and `ecs.version` are top-level dotted keys and
 * the other fields are nested objects (`event.action` is `{"event":{"action":…}}`).
 * Events carry rule ids, rule names, messages and file paths — never source text: a secret finding's
 * message holds only its redacted preview.
 */

export const ECS_VERSION = '8.11.0';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** One event, in ECS terms. `duration` is in nanoseconds, as ECS defines `event.duration`. */
export interface LogEvent {
  readonly level: LogLevel;
  readonly message: string;
  readonly event: {
    readonly kind: 'event' | 'alert' | 'metric' | 'state';
    readonly category: readonly string[];
    readonly type: readonly string[];
    readonly action: string;
    readonly outcome?: 'success' | 'failure' | 'unknown';
    readonly duration?: number;
    readonly severity?: number;
  };
  readonly rule?: { readonly id: string; readonly name?: string; readonly category?: string; readonly reference?: string };
  readonly file?: { readonly path: string };
  readonly error?: { readonly message: string };
  /** Extra ECS `labels` (flat keyword values). */
  readonly labels?: Readonly<Record<string, string | number | boolean>>;
}

export interface EventLog {
  readonly enabled: boolean;
  emit(event: LogEvent): void;
}

/** The default: no structured events (human messages keep going to stderr as before). */
export const SILENT_LOG: EventLog = { enabled: false, emit: () => undefined };

export interface EcsService {
  readonly name: string;
  readonly version: string;
  /** `check`, `mcp` or `lsp`. */
  readonly type: string;
}

/** Logs each event as one ECS JSON line through `write` (stderr by default). */
export function ecsLog(service: EcsService, write: (line: string) => void = (line) => process.stderr.write(line)): EventLog {
  return {
    enabled: true,
    emit(event: LogEvent): void {
      write(JSON.stringify(ecsDocument(event, service)) + '\n');
    },
  };
}

export function ecsDocument(event: LogEvent, service: EcsService, now: Date = new Date()): Record<string, unknown> {
  return {
    '@timestamp': now.toISOString(),
    'log.level': event.level,
    message: event.message,
    'ecs.version': ECS_VERSION,
    event: { ...event.event, category: [...event.event.category], type: [...event.event.type], module: 'moat', dataset: `moat.${service.type}` },
    service: { name: service.name, version: service.version, type: service.type },
    process: { pid: process.pid },
    ...(event.rule ? { rule: event.rule } : {}),
    ...(event.file ? { file: event.file } : {}),
    ...(event.error ? { error: event.error } : {}),
    ...(event.labels ? { labels: event.labels } : {}),
  };
}
