/**
 * CVSS 3.0/3.1 base score from a vector string, per the FIRST specification (section 7.1 base
 * equations, Appendix A Roundup). Only the eight base metrics count; temporal and environmental
 * metrics in the vector are accepted and ignored. Used to give OSV records without a database
 * severity a level.
 */
import type { Level } from '../../engine/finding';

const WEIGHTS = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  CIA: { H: 0.56, L: 0.22, N: 0 },
} as const;

const BASE_METRICS = ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'] as const;

/** Appendix A of CVSS 3.1: round up to one decimal, working in integers to avoid float error. */
export function cvssRoundUp(value: number): number {
  const scaled = Math.round(value * 100_000);
  return scaled % 10_000 === 0 ? scaled / 100_000 : (Math.floor(scaled / 10_000) + 1) / 10;
}

/** The base score (0–10) of a `CVSS:3.0/…` or `CVSS:3.1/…` vector, or undefined when it is not a valid one. */
export function cvssV3BaseScore(vector: string): number | undefined {
  const parts = vector.trim().split('/');
  if (!/^CVSS:3\.[01]$/.test(parts[0] ?? '')) return undefined;
  const metrics = new Map<string, string>();
  for (const part of parts.slice(1)) {
    const [key, value, extra] = part.split(':');
    if (!key || !value || extra !== undefined || metrics.has(key)) return undefined;
    metrics.set(key, value);
  }
  if (BASE_METRICS.some((m) => !metrics.has(m))) return undefined;
  const changed = metrics.get('S') === 'C';
  if (!changed && metrics.get('S') !== 'U') return undefined;
  const av = pick(WEIGHTS.AV, metrics.get('AV'));
  const ac = pick(WEIGHTS.AC, metrics.get('AC'));
  const ui = pick(WEIGHTS.UI, metrics.get('UI'));
  const pr = pick(changed ? { N: 0.85, L: 0.68, H: 0.5 } : { N: 0.85, L: 0.62, H: 0.27 }, metrics.get('PR'));
  const c = pick(WEIGHTS.CIA, metrics.get('C'));
  const i = pick(WEIGHTS.CIA, metrics.get('I'));
  const a = pick(WEIGHTS.CIA, metrics.get('A'));
  if (av === undefined || ac === undefined || ui === undefined || pr === undefined || c === undefined || i === undefined || a === undefined) return undefined;
  const iss = 1 - (1 - c) * (1 - i) * (1 - a);
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
  const exploitability = 8.22 * av * ac * pr * ui;
  if (impact <= 0) return 0;
  return changed ? cvssRoundUp(Math.min(1.08 * (impact + exploitability), 10)) : cvssRoundUp(Math.min(impact + exploitability, 10));
}

/** The qualitative rating of a CVSS 3.x/4.0 score (None maps to `info`). */
export function cvssScoreLevel(score: number): Level {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}

function pick<T extends Record<string, number>>(table: T, key: string | undefined): number | undefined {
  return key !== undefined && Object.prototype.hasOwnProperty.call(table, key) ? table[key as keyof T] : undefined;
}
