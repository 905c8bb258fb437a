// Go version scheme: module versions with and without `v` (OSV drops it), pre-releases,
// pseudo-versions and +incompatible; go.mod specs are exact versions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VersionError, versionScheme } from '../../server/src/sca/versions';

const go = versionScheme('Go');
const PSEUDO_BASE = 'v0.0.0-20210101000000-abcdef123456';
const PSEUDO_AFTER_123 = 'v1.2.4-0.20210101000000-abcdef123456';

// [a, b, sign of compare(a, b)]
const COMPARE: ReadonlyArray<readonly [string, string, -1 | 0 | 1]> = [
  ['v1.2.3', '1.2.3', 0], // OSV's form without v
  ['v1.2.3', 'v1.2.4', -1],
  ['v1.10.0', 'v1.9.0', 1],
  ['1.0.0', 'v0.9.0', 1],
  ['v1.2.3-rc.1', 'v1.2.3', -1],
  ['v1.2.3-alpha', 'v1.2.3-beta', -1],
  ['v1.2.3-beta.2', 'v1.2.3-beta.11', -1],
  ['v2.0.0+incompatible', 'v2.0.0', 0], // build metadata is not part of the order
  ['v2.0.0+incompatible', '2.0.0', 0],
  ['v2.0.1+incompatible', 'v2.0.0+incompatible', 1],
  ['v3.0.0+incompatible', 'v2.9.9', 1],
  [PSEUDO_BASE, 'v0.0.0', -1], // a pseudo-version is a pre-release of v0.0.0
  [PSEUDO_BASE, 'v0.0.0-20220101000000-123456abcdef', -1], // ordered by timestamp
  [PSEUDO_BASE, 'v0.0.1', -1],
  [PSEUDO_AFTER_123, 'v1.2.4', -1], // after v1.2.3, before v1.2.4
  [PSEUDO_AFTER_123, 'v1.2.3', 1],
  [PSEUDO_AFTER_123, 'v1.2.4-alpha', -1],
  ['v1.2.3-pre.0.20210101000000-abcdef123456', 'v1.2.3-pre', 1], // pseudo-version after a pre-release
  ['v1.2.3-pre.0.20210101000000-abcdef123456', 'v1.2.3', -1],
  ['v0.0.0-20210101000000-abcdef123456', '0.0.0-20210101000000-abcdef123456', 0],
];

for (const [a, b, sign] of COMPARE) {
  test(`Go compare ${a} vs ${b} = ${sign}`, () => {
    assert.equal(Math.sign(go.compare(a, b)), sign);
    assert.equal(Math.sign(go.compare(b, a)), -sign || 0);
  });
}

const VALID: ReadonlyArray<readonly [string, boolean]> = [
  ['v1.2.3', true],
  ['1.2.3', true],
  [' v1.2.3 ', true],
  ['v1.2.3+incompatible', true],
  [PSEUDO_BASE, true],
  [PSEUDO_AFTER_123, true],
  ['v1.2', false], // module versions are complete
  ['v01.2.3', false], // no leading zeros
  ['v1.2.3-01', false],
  ['V1.2.3', false],
  ['latest', false],
  ['', false],
];

for (const [version, expected] of VALID) {
  test(`Go valid("${version}") = ${expected}`, () => assert.equal(go.valid(version), expected));
}

const SATISFIES: ReadonlyArray<readonly [string, string, boolean]> = [
  ['v1.2.3', 'v1.2.3', true],
  ['1.2.3', 'v1.2.3', true],
  ['v1.2.4', 'v1.2.3', false],
  ['v2.0.0', 'v2.0.0+incompatible', true],
  [PSEUDO_AFTER_123, 'v1.2.4', false],
];

for (const [version, spec, expected] of SATISFIES) {
  test(`Go ${version} ${expected ? 'satisfies' : 'does not satisfy'} ${spec}`, () => assert.equal(go.satisfies(version, spec), expected));
}

test('Go exactVersion: the spec is the version', () => {
  assert.equal(go.exactVersion('v1.2.3'), 'v1.2.3');
  assert.equal(go.exactVersion(' v1.2.3 '), 'v1.2.3');
  assert.equal(go.exactVersion('1.2.3'), '1.2.3');
  assert.equal(go.exactVersion(PSEUDO_BASE), PSEUDO_BASE);
  assert.equal(go.exactVersion('v1.2'), undefined);
  assert.equal(go.exactVersion('>=v1.2.3'), undefined);
});

const UPGRADE: ReadonlyArray<readonly [string, string, string]> = [
  ['v0.1.0', '0.2.0', 'v0.2.0'], // OSV's fixed version, go.mod's style
  ['v0.1.0', 'v0.2.0', 'v0.2.0'],
  ['0.1.0', 'v0.2.0', '0.2.0'],
  [' v0.1.0', '0.2.0', ' v0.2.0'],
  [PSEUDO_BASE, '0.1.0', 'v0.1.0'],
  ['v1.5.0+incompatible', '2.1.0', 'v2.1.0+incompatible'], // stays on the path without /v2
  ['v2.0.0+incompatible', 'v2.0.1+incompatible', 'v2.0.1+incompatible'],
  ['v1.2.3', '1.2.4-rc.1', 'v1.2.4-rc.1'],
];

for (const [spec, target, expected] of UPGRADE) {
  test(`Go upgradeSpec("${spec}", ${target}) = "${expected}"`, () => {
    const result = go.upgradeSpec(spec, target);
    assert.equal(result, expected);
    assert.equal(go.satisfies(target, result), true);
  });
}

test('Go: unreadable input throws VersionError carrying the text', () => {
  assert.throws(() => go.compare('v1.2', 'v1.2.3'), (e: unknown) => e instanceof VersionError && e.text === 'v1.2');
  assert.throws(() => go.satisfies('v1.2.3', 'latest'), VersionError);
  assert.throws(() => go.upgradeSpec('latest', 'v1.0.0'), VersionError);
  assert.throws(() => go.upgradeSpec('v1.0.0', 'master'), VersionError);
});
