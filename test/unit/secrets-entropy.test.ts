/**
 * Shannon entropy (bits per character) and the placeholder heuristics every secrets rule applies.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shannonEntropy } from '../../server/src/secrets/entropy';
import { isPlaceholder, placeholderReason } from '../../server/src/secrets/placeholders';
import { expandSample } from '../../server/src/secrets/sample-tokens';

const close = (actual: number, expected: number, message = `${actual} ≠ ${expected}`) => assert.ok(Math.abs(actual - expected) < 1e-9, message);

test('entropy: exact values', () => {
  close(shannonEntropy(''), 0);
  close(shannonEntropy('aaaaaaaa'), 0);
  close(shannonEntropy('ab'), 1);
  close(shannonEntropy('abab'), 1);
  close(shannonEntropy('abcd'), 2);
  close(shannonEntropy('0123456789abcdef'), 4);
  close(shannonEntropy('aab'), -(2 / 3) * Math.log2(2 / 3) - (1 / 3) * Math.log2(1 / 3));
});

test('entropy: counts UTF-16 code units and is order-independent', () => {
  close(shannonEntropy('😀'), 1, 'a surrogate pair is two distinct code units');
  close(shannonEntropy('abcabc'), shannonEntropy('cbacba'));
});

test('entropy: random keys score high, words and hex lower', () => {
  const b64 = expandSample('{b64:64}', 1);
  const hex = expandSample('{hex:64}', 1);
  assert.ok(shannonEntropy(b64) > 5, `base64 ${shannonEntropy(b64)}`);
  assert.ok(shannonEntropy(hex) > 3.5 && shannonEntropy(hex) <= 4, `hex ${shannonEntropy(hex)}`);
  assert.ok(shannonEntropy('passwordpassword') < 3);
});

test('placeholders: template references, environment lookups and filler are placeholders', () => {
  const cases = [
    'your-api-key', 'YOUR_API_KEY_HERE', '<TOKEN>', '<your token>', '${VAR}', '${{ secrets.TOKEN }}', '{{ var }}', '{{api_key}}', '$API_KEY', '%API_KEY%',
    '{password}', '{0}', 'process.env.X', 'os.environ["X"]', 'os.environ.get("X")', 'os.getenv("X")', 'import.meta.env.VITE_KEY', 'ENV["KEY"]',
    'example', 'sk-example-key-123', 'dummy', 'dummy-token-123', 'changeme', 'CHANGEME-before-deploy', 'placeholder', 'redacted', 'fake-key-123',
    'password', 'secret', 'postgres', 'guest', 'test', 'null', 'undefined',
  ];
  for (const c of cases) assert.ok(isPlaceholder(c), `${c} should be a placeholder`);
});

test('placeholders: masks, repeats, sequences and published examples are placeholders', () => {
  const cases = [
    'xxxxxxxxxxxxxxxx', 'sk-proj-xxxxxxxxxxxxxxxxxxxxxxxx', 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', '****', 'sk-****abcd', 'ghp_••••••', 'sk-...',
    'abc…xyz', '########', 'aaaaaaaaaaaaaaaaaaaa', '0000000000000000', '00000000-0000-0000-0000-000000000000', 'abababababababab',
    'abcdefghijklmnopqrstuvwxyz', 'sk-abcdefghijklmnop', '1234567890123456', 'zyxwvutsrqp', 'abcabcabcabcabc', '12341234123412341234',
    'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  ];
  for (const c of cases) assert.ok(isPlaceholder(c), `${c} should be a placeholder (${placeholderReason(c)})`);
});

test('placeholders: random keys of every alphabet are not placeholders', () => {
  for (const kind of ['alnum', 'hex', 'HEX', 'b64', 'b64url', 'lowernum', 'uppernum', 'lbase32', 'base32', 'digits']) {
    for (let seed = 0; seed < 200; seed++) {
      const value = expandSample(`{${kind}:32}`, `${kind}-${seed}`);
      assert.equal(placeholderReason(value), undefined, `${kind} #${seed}: ${value}`);
    }
  }
  assert.equal(placeholderReason(expandSample('sk-proj-{b64url:74}T3BlbkFJ{b64url:74}', 3)), undefined);
  assert.equal(placeholderReason(expandSample('{jwt}', 3)), undefined);
});
