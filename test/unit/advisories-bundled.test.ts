// Validates the bundled offline advisory snapshot in advisories/bundled/<Ecosystem>/<ID>.json:
// every record is well-formed OSV with ordered, valid version events, and the snapshot as a whole
// is big enough, covers npm and PyPI, and is weighted towards GenAI packages.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as semver from 'semver';
import * as pep440 from '@renovatebot/pep440';

const BUNDLED = path.join(__dirname, '..', '..', '..', 'advisories', 'bundled');
const ECOSYSTEM_FOLDERS = ['npm', 'PyPI'] as const;
type Folder = (typeof ECOSYSTEM_FOLDERS)[number];

/** GenAI packages: LLM SDKs, agent frameworks, model loaders and ML frameworks, serving stacks, vector stores. */
const GENAI_PACKAGES: Record<Folder, readonly string[]> = {
  PyPI: [
    'langchain', 'langchain-community', 'langchain-core', 'langchain-experimental',
    'llama-index', 'llama-index-core', 'llama-index-llms-rungpt', 'llama-cpp-python', 'haystack-ai',
    'transformers', 'huggingface-hub', 'diffusers', 'torch', 'tensorflow', 'keras', 'onnx', 'paddlepaddle',
    'pytorch-lightning', 'lightning', 'gradio', 'mlflow', 'vllm', 'ray', 'bentoml', 'litellm',
    'openai', 'anthropic', 'chromadb', 'qdrant-client',
  ],
  npm: ['langchain', '@langchain/core', '@langchain/community', 'openai', '@anthropic-ai/sdk'],
};

const SOURCES: Record<string, RegExp> = {
  'github/advisory-database': /^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/,
  'pypa/advisory-database': /^PYSEC-\d{4}-\d+$/,
};
const ALIAS = /^(CVE-\d{4}-\d{4,}|GHSA(-[23456789cfghjmpqrvwx]{4}){3}|PYSEC-\d{4}-\d+)$/;
const REFERENCE_TYPES = new Set(['ADVISORY', 'ARTICLE', 'DETECTION', 'DISCUSSION', 'REPORT', 'FIX', 'INTRODUCED', 'PACKAGE', 'EVIDENCE', 'WEB']);
const CVSS_PREFIX: Record<string, RegExp> = { CVSS_V2: /^AV:[LAN]\//, CVSS_V3: /^CVSS:3\.[01]\//, CVSS_V4: /^CVSS:4\.0\// };
const SEVERITY_LABELS = new Set(['LOW', 'MODERATE', 'HIGH', 'CRITICAL']);

/** PyPI names compare per PEP 503; npm names as written. */
function packageKey(folder: Folder, name: string): string {
  return folder === 'PyPI' ? name.toLowerCase().replace(/[-_.]+/g, '-') : name;
}

function validVersion(folder: Folder, version: string): boolean {
  return folder === 'npm' ? semver.valid(version) !== null : pep440.valid(version) !== null;
}

/** Orders two versions of one ecosystem; "0" (the OSV "from the beginning" marker) sorts first. */
function compareVersions(folder: Folder, a: string, b: string): number {
  if (a === '0' || b === '0') return a === b ? 0 : a === '0' ? -1 : 1;
  if (folder === 'PyPI') return pep440.compare(a, b);
  const left = semver.valid(a) ?? semver.coerce(a)?.version;
  const right = semver.valid(b) ?? semver.coerce(b)?.version;
  if (!left || !right) throw new Error(`cannot order npm versions ${a} and ${b}`);
  return semver.compare(left, right);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value) && !Number.isNaN(Date.parse(value));
}

/** Checks one range's events: starts with introduced, alternates open/close, versions valid and rising. */
function rangeProblems(folder: Folder, events: unknown, where: string): string[] {
  if (!Array.isArray(events) || events.length === 0) return [`${where}: events must be a non-empty array`];
  const problems: string[] = [];
  let open = false;
  let previous: string | undefined;
  events.forEach((event: unknown, index) => {
    const at = `${where}.events[${index}]`;
    if (!isObject(event) || Object.keys(event).length !== 1) {
      problems.push(`${at}: each event has exactly one of introduced, fixed, last_affected`);
      return;
    }
    const [kind, version] = Object.entries(event)[0] as [string, unknown];
    if (typeof version !== 'string' || version === '') {
      problems.push(`${at}: ${kind} must be a non-empty string`);
      return;
    }
    if (kind === 'introduced') {
      if (open) problems.push(`${at}: introduced follows another introduced without a fixed or last_affected`);
      if (version !== '0' && folder === 'PyPI' && !validVersion(folder, version)) problems.push(`${at}: introduced ${version} is not a valid PEP 440 version`);
      open = true;
    } else if (kind === 'fixed' || kind === 'last_affected') {
      if (!open) problems.push(`${at}: ${kind} without a preceding introduced`);
      if (!validVersion(folder, version)) problems.push(`${at}: ${kind} ${version} is not a valid ${folder === 'npm' ? 'semver' : 'PEP 440'} version`);
      open = false;
    } else {
      problems.push(`${at}: unknown event ${kind}`);
      return;
    }
    if (index === 0 && kind !== 'introduced') problems.push(`${at}: the first event must be introduced`);
    if (previous !== undefined) {
      try {
        const order = compareVersions(folder, previous, version);
        if (order > 0 || (order === 0 && kind === 'fixed')) problems.push(`${at}: ${version} is not after ${previous}`);
      } catch (error) {
        problems.push(`${at}: ${(error as Error).message}`);
      }
    }
    previous = version;
  });
  return problems;
}

/** Every problem with one record, each naming the file and the key. */
function recordProblems(folder: Folder, fileName: string, record: unknown): string[] {
  const file = `${folder}/${fileName}`;
  if (!isObject(record)) return [`${file}: top level must be an object`];
  const problems: string[] = [];
  const id = record.id;
  if (typeof id !== 'string' || `${id}.json` !== fileName) problems.push(`${file}: id ${String(id)} does not match the file name`);
  if (!isIsoDate(record.modified)) problems.push(`${file}: modified must be an RFC 3339 UTC timestamp`);
  if (!isIsoDate(record.published)) problems.push(`${file}: published must be an RFC 3339 UTC timestamp`);
  if (!Array.isArray(record.aliases) || !record.aliases.every((a) => typeof a === 'string' && ALIAS.test(a))) {
    problems.push(`${file}: aliases must be CVE, GHSA or PYSEC ids`);
  }
  if (typeof record.summary !== 'string' || record.summary.trim() === '') problems.push(`${file}: summary is required`);
  else if (record.summary.length > 160) problems.push(`${file}: summary is ${record.summary.length} characters (max 160)`);
  if (typeof record.details !== 'string' || record.details.trim() === '') problems.push(`${file}: details is required`);

  const dbSpecific = record.database_specific;
  if (!isObject(dbSpecific) || typeof dbSpecific.source !== 'string' || !(dbSpecific.source in SOURCES)) {
    problems.push(`${file}: database_specific.source must be one of ${Object.keys(SOURCES).join(', ')}`);
  } else {
    if (typeof id === 'string' && !SOURCES[dbSpecific.source].test(id)) problems.push(`${file}: id ${id} does not belong to ${dbSpecific.source}`);
    if (dbSpecific.severity !== undefined && !SEVERITY_LABELS.has(String(dbSpecific.severity))) problems.push(`${file}: database_specific.severity ${String(dbSpecific.severity)} is unknown`);
    if (dbSpecific.cwe_ids !== undefined && !(Array.isArray(dbSpecific.cwe_ids) && dbSpecific.cwe_ids.every((c) => /^CWE-\d+$/.test(String(c))))) {
      problems.push(`${file}: database_specific.cwe_ids must be CWE ids`);
    }
  }

  if (record.severity !== undefined) {
    if (!Array.isArray(record.severity) || record.severity.length === 0) problems.push(`${file}: severity, when present, must be a non-empty array`);
    else record.severity.forEach((s: unknown, i) => {
      const pattern = isObject(s) ? CVSS_PREFIX[String(s.type)] : undefined;
      if (!isObject(s) || !pattern || typeof s.score !== 'string' || !pattern.test(s.score)) problems.push(`${file}: severity[${i}] is not a CVSS vector of its type`);
    });
  }

  if (!Array.isArray(record.references) || record.references.length === 0) problems.push(`${file}: at least one reference is required`);
  else record.references.forEach((r: unknown, i) => {
    if (!isObject(r) || !REFERENCE_TYPES.has(String(r.type)) || typeof r.url !== 'string' || !/^https?:\/\/\S+$/.test(r.url)) {
      problems.push(`${file}: references[${i}] needs a known type and an http(s) url`);
    }
  });

  if (!Array.isArray(record.affected) || record.affected.length === 0) problems.push(`${file}: affected must be a non-empty array`);
  else record.affected.forEach((affected: unknown, i) => {
    const where = `${file}: affected[${i}]`;
    if (!isObject(affected) || !isObject(affected.package)) {
      problems.push(`${where}: package is required`);
      return;
    }
    if (affected.package.ecosystem !== folder) problems.push(`${where}: ecosystem ${String(affected.package.ecosystem)} does not match folder ${folder}`);
    if (typeof affected.package.name !== 'string' || affected.package.name === '') problems.push(`${where}: package.name is required`);
    if (!Array.isArray(affected.ranges) || affected.ranges.length === 0) {
      problems.push(`${where}: ranges must be a non-empty array`);
      return;
    }
    affected.ranges.forEach((range: unknown, j) => {
      const at = `${where}.ranges[${j}]`;
      if (!isObject(range) || (range.type !== 'ECOSYSTEM' && range.type !== 'SEMVER')) problems.push(`${at}: type must be ECOSYSTEM or SEMVER`);
      else problems.push(...rangeProblems(folder, range.events, at));
    });
    if (affected.versions !== undefined && !(Array.isArray(affected.versions) && affected.versions.every((v) => typeof v === 'string'))) {
      problems.push(`${where}: versions must be strings`);
    }
  });
  return problems;
}

interface Loaded {
  readonly folder: Folder;
  readonly fileName: string;
  readonly record: Record<string, unknown>;
}

function loadAll(): { records: Loaded[]; problems: string[] } {
  const records: Loaded[] = [];
  const problems: string[] = [];
  for (const entry of fs.readdirSync(BUNDLED, { withFileTypes: true })) {
    if (entry.isFile()) {
      if (entry.name !== 'README.md') problems.push(`${entry.name}: unexpected file at the top level`);
      continue;
    }
    if (!(ECOSYSTEM_FOLDERS as readonly string[]).includes(entry.name)) {
      problems.push(`${entry.name}/: unknown ecosystem folder`);
      continue;
    }
    const folder = entry.name as Folder;
    for (const fileName of fs.readdirSync(path.join(BUNDLED, folder)).sort()) {
      if (!fileName.endsWith('.json')) {
        problems.push(`${folder}/${fileName}: only .json records belong here`);
        continue;
      }
      let record: unknown;
      try {
        record = JSON.parse(fs.readFileSync(path.join(BUNDLED, folder, fileName), 'utf8'));
      } catch (error) {
        problems.push(`${folder}/${fileName}: invalid JSON (${(error as Error).message})`);
        continue;
      }
      const found = recordProblems(folder, fileName, record);
      problems.push(...found);
      if (found.length === 0) records.push({ folder, fileName, record: record as Record<string, unknown> });
    }
  }
  return { records, problems };
}

function packageNames(loaded: Loaded): string[] {
  return (loaded.record.affected as { package: { name: string } }[]).map((a) => packageKey(loaded.folder, a.package.name));
}

const snapshot = loadAll();

test('every bundled record is valid OSV with ordered, valid version events', () => {
  assert.deepEqual(snapshot.problems, []);
});

test('the snapshot holds at least 170 records across npm and PyPI', () => {
  const byFolder = new Map<Folder, number>();
  for (const r of snapshot.records) byFolder.set(r.folder, (byFolder.get(r.folder) ?? 0) + 1);
  assert.ok(snapshot.records.length >= 170, `only ${snapshot.records.length} records`);
  assert.ok((byFolder.get('npm') ?? 0) > 0, 'no npm records');
  assert.ok((byFolder.get('PyPI') ?? 0) > 0, 'no PyPI records');
});

test('at least 40% of records concern GenAI packages', () => {
  const genai = snapshot.records.filter((r) => {
    const names = new Set(GENAI_PACKAGES[r.folder].map((n) => packageKey(r.folder, n)));
    return packageNames(r).some((n) => names.has(n));
  });
  const share = genai.length / snapshot.records.length;
  assert.ok(share >= 0.4, `GenAI share is ${(share * 100).toFixed(1)}% (${genai.length}/${snapshot.records.length})`);
});

test('no vulnerability is bundled twice for the same package', () => {
  const seen = new Map<string, string>();
  const duplicates: string[] = [];
  for (const r of snapshot.records) {
    const ids = [r.record.id as string, ...(r.record.aliases as string[])].filter((a) => a.startsWith('CVE-') || a === r.record.id);
    for (const name of new Set(packageNames(r))) {
      for (const id of ids) {
        const key = `${r.folder}|${name}|${id}`;
        const other = seen.get(key);
        if (other && other !== r.fileName) duplicates.push(`${key}: ${other} and ${r.fileName}`);
        seen.set(key, r.fileName);
      }
    }
  }
  assert.deepEqual(duplicates, []);
});

test('the validator reports broken records with file and key', () => {
  const good = {
    id: 'GHSA-2345-6789-cfgh',
    modified: '2024-01-02T00:00:00Z',
    published: '2024-01-01T00:00:00Z',
    aliases: ['CVE-2024-0001'],
    summary: 'A short summary.',
    details: 'Some details.',
    affected: [{ package: { ecosystem: 'npm', name: 'left-pad' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.2.3' }] }] }],
    references: [{ type: 'WEB', url: 'https://example.com/advisory' }],
    database_specific: { source: 'github/advisory-database', severity: 'HIGH', cwe_ids: ['CWE-79'] },
  };
  assert.deepEqual(recordProblems('npm', 'GHSA-2345-6789-cfgh.json', good), []);

  const broken = {
    ...good,
    id: 'GHSA-2345-6789-cfgh',
    summary: 'x'.repeat(161),
    affected: [
      { package: { ecosystem: 'PyPI', name: 'left-pad' }, ranges: [{ type: 'ECOSYSTEM', events: [{ fixed: 'not-a-version' }, { introduced: '2.0.0' }, { fixed: '1.0.0' }] }] },
    ],
    references: [],
  };
  const problems = recordProblems('npm', 'GHSA-9999-6789-cfgh.json', broken);
  const expected = [
    'does not match the file name',
    'summary is 161 characters',
    'at least one reference is required',
    'ecosystem PyPI does not match folder npm',
    'fixed without a preceding introduced',
    'fixed not-a-version is not a valid semver version',
    'the first event must be introduced',
    '1.0.0 is not after 2.0.0',
  ];
  for (const fragment of expected) assert.ok(problems.some((p) => p.includes(fragment)), `missing problem "${fragment}" in ${JSON.stringify(problems)}`);
  assert.ok(problems.every((p) => p.startsWith('npm/GHSA-9999-6789-cfgh.json: ')), 'every problem names the file');

  const pypi = recordProblems('PyPI', 'PYSEC-2024-1.json', {
    ...good,
    id: 'PYSEC-2024-1',
    affected: [{ package: { ecosystem: 'PyPI', name: 'x' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.0.0rc1' }] }] }],
    database_specific: { source: 'pypa/advisory-database' },
  });
  assert.deepEqual(pypi, []);
  const wrongSource = recordProblems('PyPI', 'PYSEC-2024-1.json', { ...good, id: 'PYSEC-2024-1', affected: [], database_specific: { source: 'github/advisory-database' } });
  assert.ok(wrongSource.some((p) => p.includes('does not belong to github/advisory-database')));
  assert.ok(wrongSource.some((p) => p.includes('affected must be a non-empty array')));
});
