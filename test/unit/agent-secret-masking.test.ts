/**
 * Secret values kept out of agent results and logs: maskText stars out secret ranges without moving
 * offsets or lines; scrubSecretValues removes a secret repeated by another rule's message (a
 * message interpolating a metavariable) and drops a fix that would write it back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../server/src/engine/finding';
import { maskText, scrubSecretValues } from '../../server/src/agent/secret-masking';

const SECRET = 'abcdefghij0123456789';
const TEXT = `key = "${SECRET}"\nother = 1\n`;
const start = TEXT.indexOf(SECRET);
const range = { start, end: start + SECRET.length, startPos: { line: 0, column: start }, endPos: { line: 0, column: start + SECRET.length } };
const secretFinding: Finding = { ruleId: 'moat.secrets.x', message: 'Secret (abcd…(20 chars))', level: 'critical', severity: 'CRITICAL', range, secret: true };
const chatty: Finding = {
  ruleId: 'custom.assign',
  message: `assignment of "${SECRET}" to key`,
  level: 'low',
  severity: 'LOW',
  range: { ...range, start: 0, startPos: { line: 0, column: 0 } },
  fix: { start: 0, end: range.end + 1, text: `KEY = "${SECRET}"` },
};

test('maskText stars out the secret and keeps every offset and line', () => {
  const masked = maskText(TEXT, [secretFinding, chatty]);
  assert.equal(masked.length, TEXT.length);
  assert.equal(masked, `key = "${'*'.repeat(SECRET.length)}"\nother = 1\n`);
  const pem = 'a\n-----BEGIN-----\nXYZ\n-----END-----\nb';
  const pemRange = { start: 2, end: pem.length - 2, startPos: { line: 1, column: 0 }, endPos: { line: 3, column: 13 } };
  assert.equal(maskText(pem, [{ ...secretFinding, range: pemRange }]).split('\n').length, pem.split('\n').length, 'line breaks kept');
});

test('scrubSecretValues redacts the value in other messages and drops a fix that repeats it', () => {
  const [s, c] = scrubSecretValues(TEXT, [secretFinding, chatty]);
  assert.equal(s, secretFinding);
  assert.equal(c.message, 'assignment of "abcd…(20 chars)" to key');
  assert.equal(c.fix, undefined);
  assert.ok(!JSON.stringify([s, c]).includes(SECRET));
  const untouched = scrubSecretValues(TEXT, [{ ...chatty, message: 'plain', fix: { start: 0, end: 1, text: 'K' } }]);
  assert.equal(untouched[0].fix?.text, 'K', 'no secret finding: nothing changes');
});
