// OSV affected[] evaluation: versions lists, SEMVER/ECOSYSTEM ranges with introduced/fixed/
// last_affected/limit events, GIT ranges ignored, unreadable ranges skipped; fixed versions of the
// including ranges; the nearest upgrade fixing every advisory; a real-world-shaped record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Ecosystem, OsvAffected, OsvRecord } from '../../server/src/sca/types';
import { VersionError, fixedVersionsFor, isAffected, nearestFix } from '../../server/src/sca/versions';

const semverRange = (...events: object[]): OsvAffected => ({ ranges: [{ type: 'SEMVER', events }] });
const ecoRange = (...events: object[]): OsvAffected => ({ ranges: [{ type: 'ECOSYSTEM', events }] });

// [ecosystem, version, affected entry, affected?]
const CASES: ReadonlyArray<readonly [Ecosystem, string, OsvAffected, boolean]> = [
  // introduced "0" sorts before everything; SEMVER compares by precedence, not range syntax.
  ['npm', '1.0.0-rc.1', semverRange({ introduced: '0' }, { fixed: '1.0.0' }), true],
  ['npm', '0.0.0-alpha', semverRange({ introduced: '0' }, { fixed: '1.0.0' }), true],
  ['npm', '1.0.0', semverRange({ introduced: '0' }, { fixed: '1.0.0' }), false],
  ['npm', '1.0.1', semverRange({ introduced: '1.0.0' }, { fixed: '1.0.2' }, { introduced: '3.0.0' }, { fixed: '3.2.5' }), true],
  ['npm', '1.0.2', semverRange({ introduced: '1.0.0' }, { fixed: '1.0.2' }, { introduced: '3.0.0' }, { fixed: '3.2.5' }), false],
  ['npm', '2.0.0', semverRange({ introduced: '1.0.0' }, { fixed: '1.0.2' }, { introduced: '3.0.0' }, { fixed: '3.2.5' }), false],
  ['npm', '3.2.4', semverRange({ introduced: '1.0.0' }, { fixed: '1.0.2' }, { introduced: '3.0.0' }, { fixed: '3.2.5' }), true],
  ['npm', '3.2.4', semverRange({ fixed: '3.2.5' }, { introduced: '3.0.0' }), true], // events need not be sorted
  ['npm', '2.1.214', semverRange({ introduced: '0' }, { last_affected: '2.1.214' }), true],
  ['npm', '2.1.215', semverRange({ introduced: '0' }, { last_affected: '2.1.214' }), false],
  ['npm', '1.5.0', semverRange({ introduced: '1.0.0' }, { limit: '2.0.0' }), true],
  ['npm', '2.0.0', semverRange({ introduced: '1.0.0' }, { limit: '2.0.0' }), false],
  ['npm', '9.0.0', semverRange({ introduced: '1.0.0' }, { limit: '*' }), true],
  ['npm', '1.0.0', semverRange({ introduced: '1.0.0' }, { fixed: '1.0.0' }), false], // empty range
  ['npm', 'v1.2.3', { versions: ['1.2.3'] }, true],
  ['npm', '1.2.4', { versions: ['1.2.3'] }, false],
  ['npm', '1.0.0', { ranges: [{ type: 'GIT', events: [{ introduced: '0' }, { fixed: 'a'.repeat(40) }] }] }, false],
  ['npm', '1.0.0', semverRange({ introduced: 'not-a-version' }, { fixed: '2.0.0' }), false], // skipped, not thrown
  [
    'npm',
    '1.0.0',
    { ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: 'garbage' }] }, { type: 'SEMVER', events: [{ introduced: '0.5.0' }, { fixed: '1.1.0' }] }] },
    true,
  ],
  // Go: OSV writes versions without v; pseudo-versions sort before the release.
  ['Go', 'v1.2.3', semverRange({ introduced: '0' }, { fixed: '1.2.4' }), true],
  ['Go', 'v1.2.4', semverRange({ introduced: '0' }, { fixed: '1.2.4' }), false],
  ['Go', 'v1.2.4-0.20210101000000-abcdef123456', semverRange({ introduced: '0' }, { fixed: '1.2.4' }), true],
  ['Go', 'v2.0.0+incompatible', semverRange({ introduced: '2.0.0' }, { fixed: '2.0.1' }), true],
  // PyPI ECOSYSTEM: PEP 440 order.
  ['PyPI', '1.0rc1', ecoRange({ introduced: '0' }, { fixed: '1.0' }), true],
  ['PyPI', '1.0.post1', ecoRange({ introduced: '0' }, { fixed: '1.0' }), false],
  ['PyPI', '1!0.5', ecoRange({ introduced: '0' }, { fixed: '1.0' }), false], // a later epoch
  ['PyPI', '1.0', semverRange({ introduced: '0' }, { fixed: '2.0.0' }), false], // not semver: SEMVER range skipped
  ['PyPI', '1.0', ecoRange({ introduced: '0.9' }, { fixed: 'not a version' }), false],
  // Maven ECOSYSTEM: the POM order (log4j-core's CVE-2021-44228 bounds).
  ['Maven', '2.14.1', ecoRange({ introduced: '2.0-beta9' }, { fixed: '2.15.0' }), true],
  ['Maven', '2.0', ecoRange({ introduced: '2.0-beta9' }, { fixed: '2.15.0' }), true],
  ['Maven', '2.0-beta8', ecoRange({ introduced: '2.0-beta9' }, { fixed: '2.15.0' }), false],
  ['Maven', '2.15.0', ecoRange({ introduced: '2.0-beta9' }, { fixed: '2.15.0' }), false],
];

for (const [ecosystem, version, affected, expected] of CASES) {
  test(`OSV ${ecosystem} ${version} is ${expected ? '' : 'not '}affected by ${JSON.stringify(affected)}`, () => {
    assert.equal(isAffected(ecosystem, version, affected), expected);
  });
}

test('OSV: an unreadable queried version throws VersionError; an unreadable record never does', () => {
  assert.throws(() => isAffected('npm', 'latest', semverRange({ introduced: '0' })), VersionError);
  const broken = { ranges: [{ type: 'SEMVER', events: [{ introduced: 7 }, { fixed: null }] }], versions: [3] } as unknown as OsvAffected;
  assert.equal(isAffected('npm', '1.0.0', broken), false);
  assert.deepEqual(fixedVersionsFor('npm', '1.0.0', broken), []);
});

test('fixedVersionsFor: the fixes above the version in the ranges that include it, ascending, once each', () => {
  const entry: OsvAffected = {
    ranges: [
      { type: 'SEMVER', events: [{ introduced: '2.0.0' }, { fixed: '2.3.1' }, { introduced: '1.0.0' }, { fixed: '1.4.2' }] },
      { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.4.2' }] },
      { type: 'SEMVER', events: [{ introduced: '5.0.0' }, { fixed: '5.0.1' }] }, // does not include 1.2.0
    ],
  };
  assert.deepEqual(fixedVersionsFor('npm', '1.2.0', entry), ['1.4.2', '2.3.1']);
  assert.deepEqual(fixedVersionsFor('npm', '2.1.0', entry), ['2.3.1']);
  assert.deepEqual(fixedVersionsFor('npm', '5.0.1', entry), []); // not affected
  assert.deepEqual(fixedVersionsFor('npm', '1.0.0', semverRange({ introduced: '0' }, { last_affected: '1.0.0' })), []); // no fix yet
});

test('nearestFix: per advisory the smallest fix above current, then the largest of those', () => {
  assert.equal(nearestFix('npm', '1.2.0', [['1.2.5', '2.0.1'], ['1.3.0']]), '1.3.0');
  assert.equal(nearestFix('npm', '1.2.0', [['1.1.0', '1.2.5']]), '1.2.5');
  assert.equal(nearestFix('npm', '1.2.0', [['1.2.5'], []]), undefined); // one advisory has no fix
  assert.equal(nearestFix('npm', '1.2.0', [['1.2.5'], ['1.0.0']]), undefined); // nor one above current
  assert.equal(nearestFix('npm', '1.2.0', []), undefined);
  assert.equal(nearestFix('npm', '1.2.0', [['junk', '1.2.7', '1.2.6']]), '1.2.6'); // unreadable entries ignored
  assert.equal(nearestFix('Go', 'v1.2.3', [['1.2.4'], ['v1.2.5']]), 'v1.2.5');
  assert.equal(nearestFix('PyPI', '1.0', [['1.1', '1.0.post1']]), '1.0.post1');
  assert.equal(nearestFix('Maven', '2.14.1', [['2.15.0', '2.12.2'], ['2.16.0', '2.12.3']]), '2.16.0');
  assert.throws(() => nearestFix('Go', 'master', [['1.0.0']]), VersionError);
});

// Shaped like a GitHub-reviewed OSV record: one package, a SEMVER range with two introduced/fixed
// pairs, a second range closed by last_affected, a GIT range, and the expanded versions list
// (which here also names a version the ranges leave out, as records sometimes do).
const RECORD: OsvRecord = {
  id: 'GHSA-xxxx-yyyy-zzzz',
  modified: '2024-05-01T00:00:00Z',
  aliases: ['CVE-2024-00000'],
  affected: [
    {
      package: { ecosystem: 'npm', name: 'example-lib', purl: 'pkg:npm/example-lib' },
      ranges: [
        { type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.4.3' }, { introduced: '2.0.0-beta.1' }, { fixed: '2.1.7' }] },
        { type: 'SEMVER', events: [{ introduced: '3.0.0' }, { last_affected: '3.2.0' }] },
        { type: 'GIT', events: [{ introduced: '0' }, { fixed: 'f'.repeat(40) }] },
      ],
      versions: ['1.4.0', '1.4.1', '1.4.2', '2.0.0-beta.1', '2.0.0', '2.1.6', '3.0.0', '3.2.0', '4.0.0-legacy'],
      database_specific: { source: 'test' },
    },
  ],
};

test('OSV: a real-world-shaped record (several ranges, last_affected, versions list)', () => {
  const entry = RECORD.affected![0];
  const expectations: ReadonlyArray<readonly [string, boolean, readonly string[]]> = [
    ['1.4.2', true, ['1.4.3', '2.1.7']],
    ['1.4.3', false, []],
    ['1.9.9', false, []],
    ['2.0.0-alpha', false, []], // below introduced 2.0.0-beta.1
    ['2.0.0-beta.1', true, ['2.1.7']],
    ['2.1.6', true, ['2.1.7']],
    ['2.1.7', false, []],
    ['3.1.0', true, []], // last_affected: no fix to offer
    ['3.2.0', true, []],
    ['3.2.1', false, []],
    ['4.0.0-legacy', true, []], // only in the versions list
  ];
  for (const [version, affected, fixed] of expectations) {
    assert.equal(isAffected('npm', version, entry), affected, `${version} affected`);
    assert.deepEqual(fixedVersionsFor('npm', version, entry), fixed, `${version} fixed versions`);
  }
  assert.equal(nearestFix('npm', '1.4.2', [fixedVersionsFor('npm', '1.4.2', entry)]), '1.4.3');
});
