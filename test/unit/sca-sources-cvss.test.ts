// CVSS 3.x base scores against published scores of well-known vectors (NVD / FIRST examples).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cvssRoundUp, cvssScoreLevel, cvssV3BaseScore } from '../../server/src/sca/sources/cvss-v3-score';

const KNOWN: [string, number][] = [
  ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
  ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10.0], // Log4Shell, CVE-2021-44228
  ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L', 5.3],
  ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1],
  ['CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 7.8],
  ['CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', 7.5],
  ['CVSS:3.0/AV:L/AC:H/PR:L/UI:N/S:C/C:H/I:N/A:N', 5.6], // Meltdown, CVE-2017-5754
  ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H', 9.9],
  ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N', 5.9],
  ['CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H', 7.2],
  ['CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N', 1.6],
  ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', 0],
];

test('base scores of known vectors match the published scores', () => {
  for (const [vector, score] of KNOWN) assert.equal(cvssV3BaseScore(vector), score, vector);
});

test('temporal and environmental metrics do not change the base score; order does not matter', () => {
  assert.equal(cvssV3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C/CR:H'), 9.8);
  assert.equal(cvssV3BaseScore('CVSS:3.1/S:U/C:H/I:H/A:H/AV:N/AC:L/PR:N/UI:N'), 9.8);
});

test('invalid vectors give undefined', () => {
  for (const vector of [
    'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', // no prefix
    'CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P',
    'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
    'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H', // A missing
    'CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    'CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:X/C:H/I:H/A:H',
    '',
  ]) {
    assert.equal(cvssV3BaseScore(vector), undefined, vector);
  }
});

test('Roundup works in integers (CVSS 3.1 Appendix A)', () => {
  assert.equal(cvssRoundUp(4.000000000000001), 4.0);
  assert.equal(cvssRoundUp(4.02), 4.1);
  assert.equal(cvssRoundUp(4.0), 4.0);
});

test('scores map to the qualitative ratings', () => {
  assert.deepEqual([0, 0.1, 3.9, 4, 6.9, 7, 8.9, 9, 10].map(cvssScoreLevel), ['info', 'low', 'low', 'medium', 'medium', 'high', 'high', 'critical', 'critical']);
});
