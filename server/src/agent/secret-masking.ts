/**
 * Keeping secret values out of what agents and logs get: a text with each secret finding's range
 * starred out (same offsets, line breaks kept), and findings whose messages no longer repeat a
 * secret value found in the same text (a rule message interpolating a metavariable could).
 */
import type { Finding } from '../engine/finding';
import { redact } from '../secrets/secret-finding';

/**
 * Replaces each secret value found in the text wherever it appears in a finding's message (a rule
 * whose message interpolates a metavariable could otherwise repeat it) with its redacted preview,
 * and drops a fix whose replacement text would repeat one.
 */
export function scrubSecretValues(text: string, findings: readonly Finding[]): Finding[] {
  const values = findings.filter((f) => f.secret).map((f) => text.slice(f.range.start, f.range.end)).filter((v) => v.length >= 6);
  if (values.length === 0) return [...findings];
  return findings.map((f) => {
    let message = f.message;
    for (const v of values) if (message.includes(v)) message = message.split(v).join(redact(v));
    const leakyFix = f.fix !== undefined && values.some((v) => f.fix!.text.includes(v));
    if (message === f.message && !leakyFix) return f;
    const { fix, ...rest } = f;
    return { ...rest, message, ...(fix && !leakyFix ? { fix } : {}) };
  });
}

/** `text` with each secret finding's range (suppressed ones too) starred out, line breaks kept. */
export function maskText(text: string, findings: readonly Finding[]): string {
  const ranges = findings.filter((f) => f.secret).map((f) => f.range).sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const r of ranges) {
    if (r.end <= at) continue;
    const from = Math.max(r.start, at);
    out += text.slice(at, from) + text.slice(from, r.end).replace(/[^\r\n]/g, '*');
    at = r.end;
  }
  return out + text.slice(at);
}
