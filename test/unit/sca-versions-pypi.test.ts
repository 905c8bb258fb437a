// PyPI version scheme: PEP 440 order (epochs, pre/post/dev, local versions, normalization) and
// specifier matching. Each row also records whether @renovatebot/pep440 5.0.1 gives the same
// answer on its own, so the places where our wrapper corrects it stay visible and checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as pep440 from '@renovatebot/pep440';
import { VersionError, versionScheme } from '../../server/src/sca/versions';

const pypi = versionScheme('PyPI');

// [a, b, sign of compare(a, b)] — the library agrees on every ordering row.
const COMPARE: ReadonlyArray<readonly [string, string, -1 | 0 | 1]> = [
  ['1.0.dev1', '1.0a1', -1],
  ['1.0a1', '1.0b2', -1],
  ['1.0b2', '1.0rc1', -1],
  ['1.0rc1', '1.0', -1],
  ['1.0', '1.0.post1', -1],
  ['1.0a1.dev1', '1.0a1', -1],
  ['1.0a1', '1.0a1.post1', -1],
  ['1.0a1.post1', '1.0b1', -1],
  ['1.0.post1.dev1', '1.0.post1', -1],
  ['1.0+local', '1.0.post1', -1],
  ['1!1.0', '2.0', 1], // epoch first
  ['1.0.0', '1.0', 0], // trailing zeros
  ['1.0-RC1', '1.0rc1', 0], // normalization: separators and case
  ['1.0+cpu', '1.0', 1], // a local version sorts after its public version
  ['1.0+abc', '1.0+1', -1], // alphanumeric local segments before numeric ones
  ['1.0+abc.5', '1.0+abc.10', -1],
  ['1.0+ABC', '1.0+abc', 0],
  ['1.0-1', '1.0.post1', 0], // implicit post release
  ['1.0.post', '1.0.post0', 0],
  ['1.0-dev', '1.0.dev0', 0],
  ['v1.0', '1.0', 0],
  ['1.0alpha1', '1.0a1', 0],
  ['1.0c1', '1.0rc1', 0],
  ['1.01', '1.1', 0],
  [' 1.0 ', '1.0', 0], // PEP 440 allows surrounding whitespace
  ['1.9', '1.10', -1],
];

for (const [a, b, sign] of COMPARE) {
  test(`PyPI compare ${a} vs ${b} = ${sign}`, () => {
    assert.equal(Math.sign(pypi.compare(a, b)), sign);
    assert.equal(Math.sign(pypi.compare(b, a)), -sign || 0);
    assert.equal(Math.sign(pep440.compare(a.trim(), b.trim())), sign, 'library order');
  });
}

// [version, spec, admitted, does the library alone say the same?]
const SATISFIES: ReadonlyArray<readonly [string, string, boolean, boolean]> = [
  ['1.0+cpu', '==1.0', true, true], // == ignores the candidate's local label
  ['1.0', '==1.0+cpu', false, true],
  ['1.0+cpu', '==1.0+cpu', true, true],
  ['1.5', '~=1.4', true, true],
  ['2.0', '~=1.4', false, true],
  ['1.4.5', '~=1.4.2', true, true],
  ['1.5', '~=1.4.2', false, true],
  ['1.0.post1', '~=1.0', true, true],
  ['1.0', '===1.0', true, true],
  ['1.0.0', '===1.0', false, true], // arbitrary equality is string equality
  ['1.5', '!=1.*', false, true],
  ['2.0', '!=1.*', true, true],
  ['1!1.0', '==1.*', false, true], // epochs must match
  ['1.0+cpu', '>1.0', false, true], // >V excludes local versions of V
  ['1.0.post1', '>1.0', false, true], // and post-releases of V
  ['1.1.post1', '>1.0', true, true],
  ['1.0rc1', '<1.0', false, true], // <V excludes pre-releases of V
  ['1.0+cpu', '<=1.0', true, true],
  ['1.5b1', '>=1.0', false, true], // pre-releases only when a specifier names one
  ['1.5', ' >=1.0 , <2.0 ', true, true],
  ['1.0.dev1', '==1.0.dev1', true, true],
  // Where @renovatebot/pep440 5.0.1 is wrong per PEP 440 and our wrapper corrects it:
  ['1', '==1.0.*', true, false], // prefix match zero-pads the candidate
  ['1.0', '>1.0a1', true, false], // 1.0 is a later version than 1.0a1
  ['1.0', '<1.0.post1', true, false],
  ['1.0.post2', '>1.0.post1', true, false], // V is itself a post-release
  ['1.0rc1', '<1.0rc2', true, false], // V is itself a pre-release
  ['2!1.0', '>1.0', true, false], // a later epoch
  ['1.5b1', '>=1.0a1,<2.0', true, false], // pre-releases are admitted per set, not per specifier
];

for (const [version, spec, expected, libraryAgrees] of SATISFIES) {
  test(`PyPI ${version} ${expected ? 'satisfies' : 'does not satisfy'} "${spec}"${libraryAgrees ? '' : ' (library corrected)'}`, () => {
    assert.equal(pypi.satisfies(version, spec), expected);
    assert.equal(pep440.satisfies(version, spec) === expected, libraryAgrees, 'recorded library behaviour');
  });
}

test('PyPI: === matches a version that is not PEP 440; other operators refuse it', () => {
  assert.equal(pypi.satisfies('foobar', '===foobar'), true);
  assert.equal(pypi.satisfies('foobar', '===FooBar'), true);
  assert.throws(() => pypi.satisfies('foobar', '>=1.0'), (e: unknown) => e instanceof VersionError && e.text === 'foobar');
});

test('PyPI: specifiers PEP 440 does not allow throw VersionError', () => {
  for (const spec of ['~=1', '>=1.0+local', '>=1.*', '==1.0a1.*', 'foo', '^1.2', '>=1.0;python_version<"3"']) {
    assert.throws(() => pypi.satisfies('1.5', spec), (e: unknown) => e instanceof VersionError && e.text === spec, spec);
  }
  assert.throws(() => pypi.compare('not.a.version', '1.0'), VersionError);
});

const EXACT: ReadonlyArray<readonly [string, string | undefined]> = [
  ['==1.2.3', '1.2.3'],
  [' == 1.2.3 ', '1.2.3'],
  ['==1.0+cpu', '1.0+cpu'],
  ['===1.0-foo', '1.0-foo'],
  ['==1.*', undefined],
  ['>=1.0', undefined],
  ['==1.0,<2', undefined],
  ['1.2.3', undefined], // a bare version is not a specifier
  ['~=1', undefined],
];

for (const [spec, expected] of EXACT) {
  test(`PyPI exactVersion("${spec}") = ${expected}`, () => assert.equal(pypi.exactVersion(spec), expected));
}

// [spec, target, rewritten]
const UPGRADE: ReadonlyArray<readonly [string, string, string]> = [
  ['==0.1.5', '0.2.0', '==0.2.0'],
  ['~=0.1.5', '0.2.0', '~=0.2.0'],
  ['>=0.1,<0.2', '0.2.0', '>=0.2.0'], // the upper bound would exclude the target: dropped
  ['>=0.1, <1.0', '0.2.0', '>=0.2.0, <1.0'], // it does not: kept, with the separator style
  ['>=1.0', '1.4', '>=1.4'],
  ['>1.0', '1.4', '>=1.4'],
  ['~=1.0', '2', '~=2.0'], // ~= needs two release numbers
  ['<2', '1.4', '>=1.4, <2'],
  ['', '1.4', '>=1.4'],
  ['>=1.0,!=1.4', '1.4', '>=1.4'], // an exclusion of the target goes
  ['>=1.0,!=1.5', '1.4', '>=1.4,!=1.5'],
  [' >= 1.0 ', '1.4', ' >= 1.4 '], // whitespace kept
  ['===1.0', '1.4', '===1.4'],
  ['==1.*', '1.4', '>=1.4, ==1.*'],
  ['==1.*', '2.1', '>=2.1'],
  ['>=1.0,<2.0', '2.0rc1', '>=2.0rc1'], // <2.0 does not admit 2.0rc1
  ['~=1.0', '1.0.post1', '~=1.0.post1'],
];

for (const [spec, target, expected] of UPGRADE) {
  test(`PyPI upgradeSpec("${spec}", ${target}) = "${expected}"`, () => {
    const result = pypi.upgradeSpec(spec, target);
    assert.equal(result, expected);
    assert.equal(pypi.satisfies(target, result), true, 'the rewritten spec admits the target');
    assert.equal(pep440.validRange(result.trim()), true, 'the library can read the result too');
  });
}

test('PyPI: valid() follows PEP 440', () => {
  for (const v of ['1.0', '1!2.0', '1.0.post1', '1.0+cpu', 'v1.0', ' 1.0 ', '2012.10', '1.0.dev0']) assert.equal(pypi.valid(v), true, v);
  for (const v of ['', 'latest', '1.0+', '1.0-foo', '==1.0']) assert.equal(pypi.valid(v), false, v);
});

test('upgradeSpec: Poetry constraints in pyproject.toml keep their style', () => {
  const py = versionScheme('PyPI');
  assert.equal(py.upgradeSpec('^0.0.300', '0.1.11'), '^0.1.11');
  assert.equal(py.upgradeSpec('~4.30', '4.38.0'), '~4.38.0');
  assert.equal(py.upgradeSpec('0.0.300', '0.1.11'), '0.1.11');
  assert.equal(py.upgradeSpec('~=4.30', '4.38.0'), '~=4.38.0', 'PEP 440 ~= is not Poetry ~');
  assert.equal(py.upgradeSpec('>=0.0.300,<0.2', '0.1.11'), '>=0.1.11,<0.2');
});
