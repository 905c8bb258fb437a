// Maven version scheme: the POM reference's version order (qualifiers, separators, padding, null
// trimming) and version requirements (soft, exact, ranges, unions).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VersionError, versionScheme } from '../../server/src/sca/versions';

const maven = versionScheme('Maven');

// [a, b, sign of compare(a, b)]; the first block are the POM reference's own examples.
const COMPARE: ReadonlyArray<readonly [string, string, -1 | 0 | 1]> = [
  ['1', '1.1', -1], // number padding
  ['1-snapshot', '1', -1], // qualifier padding
  ['1', '1-sp', -1],
  ['1-foo2', '1-foo10', -1], // digits after letters compare as numbers
  ['1.foo', '1-foo', 0],
  ['1-foo', '1-1', -1],
  ['1-1', '1.1', -1],
  ['1.ga', '1', 0],
  ['1-ga', '1', 0],
  ['1-0', '1', 0],
  ['1_0', '1', 0],
  ['1.0', '1', 0],
  ['1.0.0', '1', 0],
  ['1-sp', '1-ga', 1],
  ['1-sp.1', '1-ga.1', 1],
  ['1-sp-1', '1-ga-1', -1], // nulls trimmed before each hyphen: 1-ga-1 = 1-1
  ['1-a1', '1-alpha-1', 0],
  ['1.0-alpha1', '1.0-ALPHA1', 0], // case-insensitive
  ['1.7', '1.K', 1],
  ['5.zebra', '5.aardvark', 1],
  ['1.α', '1.b', 1],
  // Qualifier order alpha < beta < milestone < rc = cr < snapshot < "" = final = ga = release < sp < others.
  ['1.0-alpha1', '1.0-beta1', -1],
  ['1.0-beta1', '1.0-milestone1', -1],
  ['1.0-m1', '1.0-rc1', -1],
  ['1.0-rc1', '1.0-cr1', 0],
  ['1.0-rc1', '1.0-SNAPSHOT', -1],
  ['1.0-SNAPSHOT', '1.0', -1],
  ['1.0.RELEASE', '1.0', 0],
  ['1.0-final', '1.0', 0],
  ['1.0', '1.0-sp', -1],
  ['1.0-sp', '1.0-abc', -1], // unknown qualifiers after the known ones
  ['1.0-abc', '1.0-def', -1], // and lexically among themselves
  ['1.0-alpha', '1.0-a1', -1], // alpha < a1 < beta
  ['1.0-a1', '1.0-beta', -1],
  ['1.0a1-SNAPSHOT', '1.0-alpha1', -1],
  ['1.0-beta3.SNAPSHOT', '1.0-beta3', -1],
  ['1.0-whatever', '1.0.z', -1],
  ['1.0.z', '1.0.1', -1],
  ['1.0.1', '1.0.1.0.0.0.0.0.0.0.0.0.0.0.1', -1],
  ['2.0-1', '2.0.1', -1], // -number < .number
  ['2.0.1', '2.0.1-xyz', -1],
  ['2.0.1-xyz', '2.0.1-123', -1],
  ['1.0-alpha-1-SNAPSHOT', '1.0-alpha-1', -1],
  ['NotAVersionString', '1.0a1-SNAPSHOT', -1],
  ['r09', 'r10', -1], // old Guava style
  ['1.2.3.20210101120000', '1.2.3.20210101120001', -1], // numbers beyond 32 bits
  ['2.14.1', '2.15.0', -1],
  ['2.0-beta9', '2.0', -1],
  ['2.0-rc1', '2.0', -1],
];

for (const [a, b, sign] of COMPARE) {
  test(`Maven compare ${a} vs ${b} = ${sign}`, () => {
    assert.equal(Math.sign(maven.compare(a, b)), sign);
    assert.equal(Math.sign(maven.compare(b, a)), -sign || 0);
  });
}

// Ascending lists from Maven's own ComparableVersion tests: every pair must be ordered.
const ASCENDING: ReadonlyArray<readonly string[]> = [
  ['1-alpha2snapshot', '1-alpha2', '1-alpha-123', '1-beta-2', '1-beta123', '1-m2', '1-m11', '1-rc', '1-cr2', '1-rc123', '1-SNAPSHOT', '1', '1-sp', '1-sp2', '1-sp123', '1-abc', '1-def', '1-pom-1', '1-1-snapshot', '1-1', '1-2', '1-123'],
  ['2.0', '2-1', '2.0.a', '2.0.0.a', '2.0.2', '2.0.123', '2.1.0', '2.1-a', '2.1b', '2.1-c', '2.1-1', '2.1.0.1', '2.2', '2.123', '11.a2', '11.a11', '11.b2', '11.b11', '11.m2', '11.m11', '11', '11.a', '11b', '11c', '11m'],
];

for (const list of ASCENDING) {
  test(`Maven orders ${list[0]} … ${list[list.length - 1]} ascending`, () => {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) assert.equal(Math.sign(maven.compare(list[i], list[j])), -1, `${list[i]} < ${list[j]}`);
    }
  });
}

// [version, requirement, admitted]
const SATISFIES: ReadonlyArray<readonly [string, string, boolean]> = [
  ['1.0', '1.0', true], // a soft requirement names one version
  ['1.0.0', '1.0', true],
  ['1.1', '1.0', false],
  ['1.2', '[1.2]', true],
  ['1.2.1', '[1.2]', false],
  ['1.5', '[1.0,2.0)', true],
  ['1.0', '[1.0,2.0)', true],
  ['2.0', '[1.0,2.0)', false],
  ['2.0-rc1', '[1.0,2.0)', true], // as the POM reference warns
  ['1.0', '(1.0,2.0)', false],
  ['0.5', '(,1.0]', true],
  ['1.0.0', '(,1.0]', true],
  ['1.1', '(,1.0]', false],
  ['1.5', '[1.5,)', true],
  ['1.4', '[1.5,)', false],
  ['1.5', '[1,2),[3,4)', true],
  ['2.5', '[1,2),[3,4)', false],
  ['3', '[1,2),[3,4)', true],
  ['1.1', '(,1.1),(1.1,)', false],
  ['1.2', '(,1.1),(1.1,)', true],
  ['1.5', ' [ 1.0 , 2.0 ) ', true],
];

for (const [version, spec, expected] of SATISFIES) {
  test(`Maven ${version} ${expected ? 'satisfies' : 'does not satisfy'} "${spec}"`, () => assert.equal(maven.satisfies(version, spec), expected));
}

test('Maven: malformed requirements throw VersionError carrying the text', () => {
  for (const spec of ['[1.0,2.0', '[2.0,1.0]', '(1.0)', '[1.0,1.0)', '[1.0,2.0,3.0]', '${project.version}', '[1.0,2.0)x', '']) {
    assert.throws(() => maven.satisfies('1.5', spec), (e: unknown) => e instanceof VersionError && e.text === spec, spec);
  }
  assert.throws(() => maven.compare('1.0', '${v}'), VersionError);
});

const EXACT: ReadonlyArray<readonly [string, string | undefined]> = [
  ['1.2.3', '1.2.3'],
  [' 1.2.3 ', '1.2.3'],
  ['[1.2.3]', '1.2.3'],
  ['[1.0,2.0)', undefined],
  ['[1.0],[2.0]', undefined],
  ['${lib.version}', undefined],
];

for (const [spec, expected] of EXACT) {
  test(`Maven exactVersion("${spec}") = ${expected}`, () => assert.equal(maven.exactVersion(spec), expected));
}

const UPGRADE: ReadonlyArray<readonly [string, string, string]> = [
  ['1.0', '1.4', '1.4'],
  [' 1.0 ', '1.4', ' 1.4 '],
  ['[1.0]', '1.4', '[1.4]'],
  ['[1.0,2.0)', '1.4', '[1.4,2.0)'],
  ['[1.0, 2.0)', '1.4', '[1.4, 2.0)'],
  ['[1.0,1.2)', '1.4', '[1.4,)'], // the upper bound would exclude the target
  ['(,1.0]', '1.4', '[1.4,)'],
  ['[1.0,)', '1.4', '[1.4,)'],
  ['[1,2),[3,4)', '1.5', '[1.5,2),[3,4)'],
  ['[1,2),[3,4)', '2.5', '[2.5,4)'],
  ['(,1.1),(1.1,)', '1.1.1', '[1.1.1,)'],
  ['2.14.1', '2.15.0', '2.15.0'],
];

for (const [spec, target, expected] of UPGRADE) {
  test(`Maven upgradeSpec("${spec}", ${target}) = "${expected}"`, () => {
    const result = maven.upgradeSpec(spec, target);
    assert.equal(result, expected);
    assert.equal(maven.satisfies(target, result), true);
  });
}
