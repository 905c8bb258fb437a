/**
 * Structural check of an OSV record read from a file or an API answer: the fields Moat reads must
 * have the types the OSV schema gives them. A record that fails is reported with the field path
 * (`affected[0].ranges[1].events`) and skipped, never trusted.
 */
import type { OsvRecord } from '../types';

export type OsvRecordCheck = { readonly record: OsvRecord } | { readonly error: string };

export function checkOsvRecord(value: unknown): OsvRecordCheck {
  if (!isObject(value)) return { error: 'not a JSON object' };
  if (typeof value.id !== 'string' || value.id === '') return { error: '`id`: expected a non-empty string' };
  const problem =
    optionalString(value, 'modified') ??
    optionalString(value, 'published') ??
    optionalString(value, 'withdrawn') ??
    optionalString(value, 'summary') ??
    optionalString(value, 'details') ??
    arrayOf(value, 'aliases', (item, at) => (typeof item === 'string' ? undefined : `${at}: expected a string`)) ??
    arrayOf(value, 'severity', (item, at) => (isObject(item) && typeof item.type === 'string' && typeof item.score === 'string' ? undefined : `${at}: expected {type, score} strings`)) ??
    arrayOf(value, 'references', (item, at) => (isObject(item) && typeof item.url === 'string' ? undefined : `${at}.url: expected a string`)) ??
    optionalObject(value, 'database_specific', '') ??
    arrayOf(value, 'affected', checkAffected);
  return problem ? { error: `${value.id}: ${problem}` } : { record: value as unknown as OsvRecord };
}

function checkAffected(item: unknown, at: string): string | undefined {
  if (!isObject(item)) return `${at}: expected an object`;
  if (item.package !== undefined && !(isObject(item.package) && typeof item.package.ecosystem === 'string' && typeof item.package.name === 'string')) {
    return `${at}.package: expected {ecosystem, name} strings`;
  }
  return (
    arrayOf(item, 'versions', (v, vAt) => (typeof v === 'string' ? undefined : `${vAt}: expected a string`), `${at}.`) ??
    optionalObject(item, 'database_specific', `${at}.`) ??
    optionalObject(item, 'ecosystem_specific', `${at}.`) ??
    arrayOf(
      item,
      'ranges',
      (range, rAt) => {
        if (!isObject(range) || typeof range.type !== 'string') return `${rAt}.type: expected a string`;
        return arrayOf(range, 'events', (event, eAt) => checkEvent(event, eAt), `${rAt}.`, true);
      },
      `${at}.`,
    )
  );
}

function checkEvent(event: unknown, at: string): string | undefined {
  if (!isObject(event)) return `${at}: expected an object`;
  for (const key of ['introduced', 'fixed', 'last_affected', 'limit']) {
    if (event[key] !== undefined && typeof event[key] !== 'string') return `${at}.${key}: expected a string`;
  }
  return undefined;
}

function arrayOf(
  owner: Record<string, unknown>,
  key: string,
  check: (item: unknown, at: string) => string | undefined,
  prefix = '',
  required = false,
): string | undefined {
  const value = owner[key];
  if (value === undefined && !required) return undefined;
  if (!Array.isArray(value)) return `${prefix}${key}: expected an array`;
  for (let i = 0; i < value.length; i++) {
    const problem = check(value[i], `${prefix}${key}[${i}]`);
    if (problem) return problem;
  }
  return undefined;
}

function optionalString(owner: Record<string, unknown>, key: string): string | undefined {
  return owner[key] === undefined || typeof owner[key] === 'string' ? undefined : `${key}: expected a string`;
}

function optionalObject(owner: Record<string, unknown>, key: string, prefix: string): string | undefined {
  return owner[key] === undefined || isObject(owner[key]) ? undefined : `${prefix}${key}: expected an object`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
