// Retry-After parsing (seconds or HTTP-date) and the concurrency limiter the online sources use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { retryAfterMs } from '../../server/src/sca/sources/retry-after';
import { runLimited } from '../../server/src/sca/sources/run-limited';

test('Retry-After as seconds or an HTTP-date; unreadable or absent is undefined', () => {
  const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
  assert.equal(retryAfterMs('120', now), 120_000);
  assert.equal(retryAfterMs(' 0 ', now), 0);
  assert.equal(retryAfterMs('Wed, 21 Oct 2015 07:28:30 GMT', now), 30_000);
  assert.equal(retryAfterMs('Wed, 21 Oct 2015 07:27:00 GMT', now), 0, 'a past date means now');
  assert.equal(retryAfterMs('soon', now), undefined);
  assert.equal(retryAfterMs('-5', now), undefined);
  assert.equal(retryAfterMs(null, now), undefined);
});

test('runLimited keeps order, never exceeds the limit, and stops on the first failure', async () => {
  let running = 0;
  let peak = 0;
  const results = await runLimited([5, 1, 4, 2, 3], 2, async (ms, i) => {
    peak = Math.max(peak, ++running);
    await new Promise((r) => setTimeout(r, ms));
    running--;
    return `${i}:${ms}`;
  });
  assert.deepEqual(results, ['0:5', '1:1', '2:4', '3:2', '4:3']);
  assert.equal(peak, 2);
  const started: number[] = [];
  await assert.rejects(
    runLimited([1, 2, 3, 4, 5, 6], 1, async (n) => {
      started.push(n);
      if (n === 2) throw new Error('stop');
      return n;
    }),
    /stop/,
  );
  assert.deepEqual(started, [1, 2]);
  assert.deepEqual(await runLimited([], 4, async () => 1), []);
});
