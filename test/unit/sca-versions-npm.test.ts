// npm version scheme: semver order (pre-releases, `v`/loose forms), npm range matching with npm's
// pre-release rule, pinned versions and style-keeping spec upgrades.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as semver from 'semver';
import { VersionError, versionScheme } from '../../server/src/sca/versions';

const npm = versionScheme('npm');

// [a, b, sign of compare(a, b)]
const COMPARE: ReadonlyArray<readonly [string, string, -1 | 0 | 1]> = [
  ['1.0.0-alpha', '1.0.0-alpha.1', -1],
  ['1.0.0-alpha.1', '1.0.0-alpha.beta', -1],
  ['1.0.0-alpha.beta', '1.0.0-beta', -1],
  ['1.0.0-beta', '1.0.0-beta.2', -1],
  ['1.0.0-beta.2', '1.0.0-beta.11', -1], // numeric identifiers compare as numbers
  ['1.0.0-beta.11', '1.0.0-rc.1', -1],
  ['1.0.0-rc.1', '1.0.0', -1],
  ['1.0.0-0', '1.0.0-alpha', -1], // numeric < alphanumeric
  ['1.0.0', '2.0.0', -1],
  ['2.0.0', '2.1.0', -1],
  ['2.1.0', '2.1.1', -1],
  ['1.2.3', '1.10.0', -1],
  ['10.0.0', '9.9.9', 1],
  ['v1.2.3', '1.2.3', 0], // npm tolerates a `v`
  ['=1.2.3', '1.2.3', 0],
  [' 1.2.3 ', '1.2.3', 0],
  ['1.2.3+build.1', '1.2.3+build.2', 0], // build metadata has no precedence
  ['1.2.3-beta', '1.2.3-BETA', 1], // semver identifiers are case-sensitive (ASCII order)
];

for (const [a, b, sign] of COMPARE) {
  test(`npm compare ${a} vs ${b} = ${sign}`, () => {
    assert.equal(Math.sign(npm.compare(a, b)), sign);
    assert.equal(Math.sign(npm.compare(b, a)), -sign || 0);
  });
}

// [version, spec, admitted]
const SATISFIES: ReadonlyArray<readonly [string, string, boolean]> = [
  ['1.2.3', '^1.2.0', true],
  ['2.0.0', '^1.2.0', false],
  ['0.2.5', '^0.2.3', true],
  ['0.3.0', '^0.2.3', false], // caret on 0.x locks the minor
  ['0.0.4', '^0.0.3', false], // and on 0.0.x the patch
  ['1.2.9', '~1.2.3', true],
  ['1.3.0', '~1.2.3', false],
  ['1.5.0', '1.x', true],
  ['2.0.0', '1.x', false],
  ['1.2.7', '1.2.x', true],
  ['3.0.0', '*', true],
  ['3.0.0', '', true],
  ['1.5.0', '1.0.0 - 2.0.0', true],
  ['2.0.1', '1.0.0 - 2.0.0', false],
  ['2.9.0', '1.0.0 - 2', true], // partial upper of a hyphen range: <3.0.0
  ['3.1.0', '^1.0.0 || ^3.0.0', true],
  ['2.1.0', '^1.0.0 || ^3.0.0', false],
  ['1.3.0-beta.1', '^1.2.0', false], // npm: a pre-release needs a comparator naming one on 1.3.0
  ['1.2.0-beta.2', '>=1.2.0-beta.1 <2.0.0', true],
  ['1.0.0-rc.1', '<1.0.0', false],
  ['1.2.3', '=1.2.3', true],
  ['1.2.3', 'v1.2.3', true],
  ['1.2.4', '>1.2.3 <=1.2.4', true],
  ['1.2.3', '>= 1.2.3', true], // a space after the operator
  ['v1.2.3', '^1.0.0', true],
];

for (const [version, spec, expected] of SATISFIES) {
  test(`npm ${version} ${expected ? 'satisfies' : 'does not satisfy'} "${spec}"`, () => {
    assert.equal(npm.satisfies(version, spec), expected);
  });
}

const EXACT: ReadonlyArray<readonly [string, string | undefined]> = [
  ['1.2.3', '1.2.3'],
  ['=1.2.3', '1.2.3'],
  ['v1.2.3', '1.2.3'],
  [' 1.2.3 ', '1.2.3'],
  ['1.2.3-rc.1', '1.2.3-rc.1'],
  ['^1.2.3', undefined],
  ['1.2', undefined],
  ['1.2.3 - 1.2.4', undefined],
  ['>=1.2.3', undefined],
  ['latest', undefined],
];

for (const [spec, expected] of EXACT) {
  test(`npm exactVersion("${spec}") = ${expected}`, () => assert.equal(npm.exactVersion(spec), expected));
}

// [spec, target, rewritten]
const UPGRADE: ReadonlyArray<readonly [string, string, string]> = [
  ['^1.2.3', '1.4.0', '^1.4.0'],
  ['~1.2.3', '1.4.0', '~1.4.0'],
  ['1.2.3', '1.4.0', '1.4.0'],
  ['=1.2.3', '1.4.0', '=1.4.0'],
  ['v1.2.3', '1.4.0', 'v1.4.0'],
  ['>=1.0.0', '1.4.0', '>=1.4.0'],
  ['>1.0.0', '1.4.0', '>=1.4.0'],
  ['>=1.0.0 <2.0.0', '1.4.0', '>=1.4.0 <2.0.0'], // upper bound still admits the target: kept
  ['>=1.0.0 <1.3.0', '1.4.0', '>=1.4.0'], // it would exclude the target: dropped
  ['<2.0.0', '1.4.0', '>=1.4.0 <2.0.0'],
  ['1.x', '1.4.0', '^1.4.0'],
  ['1.2.x', '1.2.9', '~1.2.9'],
  ['*', '1.4.0', '>=1.4.0'],
  ['^1.2.0 || ^2.0.0', '1.4.0', '^1.4.0 || ^2.0.0'], // the newer branch stays
  ['^1.2.0 || ^2.0.0', '2.1.0', '^2.1.0'],
  ['1.0.0 - 2.0.0', '1.4.0', '1.4.0 - 2.0.0'],
  ['1.0.0 - 1.2.0', '1.4.0', '>=1.4.0'],
  ['^0.2.3', '0.3.1', '^0.3.1'],
  ['^1.2.3', '2.0.0-rc.1', '^2.0.0-rc.1'],
  [' ^1.2.3 ', '1.4.0', ' ^1.4.0 '], // surrounding whitespace kept
  ['>= 1.0.0', '1.4.0', '>= 1.4.0'],
];

for (const [spec, target, expected] of UPGRADE) {
  test(`npm upgradeSpec("${spec}", ${target}) = "${expected}"`, () => {
    const result = npm.upgradeSpec(spec, target);
    assert.equal(result, expected);
    assert.equal(npm.satisfies(target, result), true, 'the rewritten spec admits the target');
  });
}

/** A release just below `target` (1.4.0 → 1.3.99, 2.0.0-rc.1 → 1.99.99). */
function justBelow(target: string): string {
  const v = semver.parse(target)!;
  if (v.patch > 0 && v.prerelease.length === 0) return `${v.major}.${v.minor}.${v.patch - 1}`;
  if (v.minor > 0) return `${v.major}.${v.minor - 1}.99`;
  return `${v.major - 1}.99.99`;
}

test('npm: a rewritten range admits nothing just below the target', () => {
  for (const [spec, target] of UPGRADE) {
    const result = npm.upgradeSpec(spec, target);
    assert.equal(npm.satisfies(justBelow(target), result), false, `${result} admits ${justBelow(target)}`);
  }
});

test('npm: valid() accepts what npm accepts and nothing else', () => {
  for (const v of ['1.2.3', 'v1.2.3', '=1.2.3', '1.2.3-rc.1+build', ' 1.2.3 ']) assert.equal(npm.valid(v), true, v);
  for (const v of ['1.2', 'latest', '', '^1.2.3', 'github:a/b']) assert.equal(npm.valid(v), false, v);
});

test('npm: unreadable input throws VersionError carrying the text', () => {
  assert.throws(() => npm.compare('1.2', '1.2.3'), (e: unknown) => e instanceof VersionError && e.text === '1.2');
  assert.throws(() => npm.satisfies('1.2.3', 'latest'), (e: unknown) => e instanceof VersionError && e.text === 'latest');
  assert.throws(() => npm.upgradeSpec('github:a/b', '1.0.0'), VersionError);
  assert.throws(() => npm.upgradeSpec('^1.0.0', 'next'), VersionError);
});
