// OSV record → Advisory: title, level (database severity, CVSS v3, v4), fixed versions, ranges,
// references, CWEs, aliases; PEP 503 names; withdrawn records; the structural record check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkOsvRecord } from '../../server/src/sca/sources/osv-record-check';
import { affectedText, osvRecordToAdvisory, recordAffects } from '../../server/src/sca/sources/osv-record-advisory';
import type { OsvRecord } from '../../server/src/sca/types';

const DB = path.join(__dirname, '../../../test/fixtures/sca-sources/offline-db');
const load = (file: string): OsvRecord => JSON.parse(readFileSync(path.join(DB, file), 'utf8')) as OsvRecord;
const GHSA = load('PyPI/GHSA-lc01-test-0001.json');
const PYSEC = load('PyPI/PYSEC-2024-9001.json');
const WITHDRAWN = load('PyPI/GHSA-wd01-withdrawn.json');
const NPM = load('npm/nested/GHSA-np01-test-0002.json');

test('a GitHub record: database severity wins, CVSS kept with its computed score, PEP 503 names match', () => {
  const dep = { ecosystem: 'PyPI' as const, name: 'langchain-core', version: '0.1.30' };
  assert.equal(recordAffects(GHSA, dep), true);
  const advisory = osvRecordToAdvisory(GHSA, dep, 'osv-offline');
  assert.deepEqual(advisory, {
    id: 'GHSA-lc01-test-0001',
    aliases: ['CVE-2024-10001'],
    title: 'Code injection in langchain-core prompt templates',
    details: 'Prompt templates evaluated attacker-controlled input.',
    level: 'high',
    cvss: { type: 'CVSS_V3', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N', score: 9.1 },
    affected: '<0.1.35',
    fixed: ['0.1.35'],
    references: ['https://nvd.nist.gov/vuln/detail/CVE-2024-10001', 'https://github.com/langchain-ai/langchain'],
    cwes: ['CWE-94'],
    published: '2024-05-20T00:00:00Z',
    sources: ['osv-offline'],
  });
});

test('a version at or past the fix, another ecosystem, or a withdrawn record does not match', () => {
  assert.equal(recordAffects(GHSA, { ecosystem: 'PyPI', name: 'langchain-core', version: '0.1.35' }), false);
  assert.equal(recordAffects(GHSA, { ecosystem: 'npm', name: 'langchain-core', version: '0.1.30' }), false);
  assert.equal(recordAffects(GHSA, { ecosystem: 'PyPI', name: 'langchain-core' }), false);
  assert.equal(recordAffects(WITHDRAWN, { ecosystem: 'PyPI', name: 'langchain-core', version: '0.1.30' }), false);
});

test('without a summary the title is the first line of the details; without a database severity the CVSS v3 score decides', () => {
  const advisory = osvRecordToAdvisory(PYSEC, { ecosystem: 'PyPI', name: 'langchain-core', version: '0.1.30' }, 'osv');
  assert.equal(advisory.title, 'Prompt template code injection');
  assert.equal(advisory.level, 'critical');
  assert.equal(advisory.cvss?.score, 9.8);
  assert.deepEqual(advisory.aliases, ['CVE-2024-10001', 'GHSA-lc01-test-0001']);
  assert.deepEqual(advisory.cwes, []);
});

test('several ranges read as text; MODERATE is medium; CVSS v4 is kept without a score', () => {
  const dep = { ecosystem: 'npm' as const, name: '@langchain/core', version: '0.2.1' };
  assert.equal(recordAffects(NPM, dep), true);
  assert.equal(recordAffects(NPM, { ...dep, version: '0.1.10' }), false);
  const advisory = osvRecordToAdvisory(NPM, dep, 'bundled');
  assert.equal(advisory.affected, '>=0.1.0, <0.1.10; >=0.2.0, <0.2.5');
  assert.equal(advisory.level, 'medium');
  assert.deepEqual(advisory.cvss, { type: 'CVSS_V4', vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N' });
  assert.deepEqual(advisory.fixed, ['0.2.5']);
  assert.deepEqual(advisory.cwes, ['CWE-1321']);
});

test('CVSS v4 only uses the database severity, and with neither the level is medium', () => {
  const v4 = { ...NPM, database_specific: { severity: 'LOW' } };
  assert.equal(osvRecordToAdvisory(v4, { ecosystem: 'npm', name: '@langchain/core', version: '0.2.1' }, 'osv').level, 'low');
  const bare: OsvRecord = { id: 'GO-2024-0001', modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'Go', name: 'example.com/m' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }] }] };
  const advisory = osvRecordToAdvisory(bare, { ecosystem: 'Go', name: 'example.com/m', version: '1.0.0' }, 'osv');
  assert.equal(advisory.level, 'medium');
  assert.equal(advisory.title, 'GO-2024-0001');
  assert.equal(advisory.affected, 'all versions');
  assert.deepEqual(advisory.fixed, []);
});

test('affected text: last_affected, open ranges, GIT ranges skipped, enumerated versions', () => {
  assert.equal(affectedText([{ ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '1.0' }, { last_affected: '1.4' }] }] }]), '>=1.0, <=1.4');
  assert.equal(affectedText([{ ranges: [{ type: 'SEMVER', events: [{ introduced: '2.0.0' }] }] }]), '>=2.0.0');
  assert.equal(affectedText([{ ranges: [{ type: 'GIT', events: [{ introduced: 'abc' }, { fixed: 'def' }] }], versions: ['1.0', '1.1'] }]), '1.0, 1.1');
});

test('long titles are cut to 200 characters', () => {
  const advisory = osvRecordToAdvisory({ ...GHSA, summary: 'x'.repeat(500) }, { ecosystem: 'PyPI', name: 'langchain-core', version: '0.1.30' }, 'osv');
  assert.equal(advisory.title.length, 200);
  assert.ok(advisory.title.endsWith('…'));
});

test('the record check names the bad field', () => {
  assert.ok('record' in checkOsvRecord(GHSA));
  assert.deepEqual(checkOsvRecord([]), { error: 'not a JSON object' });
  assert.deepEqual(checkOsvRecord({ modified: 'x' }), { error: '`id`: expected a non-empty string' });
  assert.deepEqual(checkOsvRecord({ id: 'A', affected: {} }), { error: 'A: affected: expected an array' });
  assert.deepEqual(checkOsvRecord({ id: 'A', affected: [{ ranges: [{ type: 'SEMVER', events: [{ fixed: 1 }] }] }] }), {
    error: 'A: affected[0].ranges[0].events[0].fixed: expected a string',
  });
  assert.deepEqual(checkOsvRecord({ id: 'A', affected: [{ ranges: [{ type: 'SEMVER' }] }] }), { error: 'A: affected[0].ranges[0].events: expected an array' });
  assert.deepEqual(checkOsvRecord({ id: 'A', aliases: ['CVE-1', 2] }), { error: 'A: aliases[1]: expected a string' });
});
