/**
 * The manifest readers' entry points and the rules every format keeps: which files are manifests,
 * purls and PyPI names, spec ranges that round-trip and can be edited in place, positions that match
 * offsets, and no throw on any input (truncated fixtures, garbage, a failing sibling reader).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isManifestFile, normalizePypiName, purlFor, readManifest } from '../../server/src/sca/manifests/index';
import type { Dependency } from '../../server/src/sca/types';
import type { Position } from '../../server/src/engine/finding';
import { fixtureText, FIXTURES } from '../helpers/manifest-fixtures';

function fixtureFiles(dir = FIXTURES, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...fixtureFiles(full, `${prefix}${name}/`));
    else if (isManifestFile(name)) out.push(`${prefix}${name}`);
  }
  return out;
}

function siblingsOf(rel: string): (name: string) => string | undefined {
  const folder = rel.slice(0, rel.lastIndexOf('/') + 1);
  return (name) => {
    try {
      return fixtureText(folder + name);
    } catch {
      return undefined;
    }
  };
}

/** 0-based line/column of an offset, counted independently of the readers. */
function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, column: before[before.length - 1].length };
}

test('isManifestFile: base names of every supported format, with either path separator', () => {
  const yes = [
    'package.json',
    'web/package-lock.json',
    'C:\\proj\\yarn.lock',
    'pnpm-lock.yaml',
    'npm-shrinkwrap.json',
    'requirements.txt',
    'requirements-dev.txt',
    'requirements_test.txt',
    'dev-requirements.txt',
    'requirements.in',
    '/srv/app/pyproject.toml',
    'poetry.lock',
    'Pipfile.lock',
    'uv.lock',
    'go.mod',
    'pom.xml',
  ];
  const no = ['package.jsonc', 'Pipfile', 'go.sum', 'requirements.md', 'myrequirements.txt', 'base.txt', 'pom.xml.bak', 'yarn.lock/x', ''];
  for (const f of yes) assert.equal(isManifestFile(f), true, f);
  for (const f of no) assert.equal(isManifestFile(f), false, f);
});

test('purlFor and normalizePypiName', () => {
  assert.equal(purlFor('npm', '@langchain/openai', '0.3.11'), 'pkg:npm/%40langchain/openai@0.3.11');
  assert.equal(purlFor('npm', 'next'), 'pkg:npm/next');
  assert.equal(purlFor('PyPI', 'Pydantic_Settings', '2.2.1'), 'pkg:pypi/pydantic-settings@2.2.1');
  assert.equal(purlFor('PyPI', 'torch', '2.3.0+cu121'), 'pkg:pypi/torch@2.3.0%2Bcu121');
  assert.equal(purlFor('Go', 'github.com/sashabaranov/go-openai', 'v1.24.1'), 'pkg:golang/github.com/sashabaranov/go-openai@v1.24.1');
  assert.equal(purlFor('Maven', 'dev.langchain4j:langchain4j', '0.31.0'), 'pkg:maven/dev.langchain4j/langchain4j@0.31.0');
  assert.equal(normalizePypiName('Flask_SQLAlchemy'), 'flask-sqlalchemy');
  assert.equal(normalizePypiName('zope.interface'), 'zope-interface');
  assert.equal(normalizePypiName('a-_.-b'), 'a-b');
});

test('every fixture: spec ranges round-trip, ranges hold them, positions match offsets', () => {
  const files = fixtureFiles();
  assert.ok(files.length >= 25, `found ${files.length} fixtures`);
  let checked = 0;
  for (const rel of files) {
    const result = readManifest(rel, fixtureText(rel), siblingsOf(rel));
    for (const problem of result.problems) {
      assert.equal(problem.file, rel);
      assert.ok((problem.line ?? 0) >= 1 && (problem.column ?? 0) >= 1, `${rel}: ${problem.message}`);
    }
    for (const dep of result.dependencies) {
      const text = dep.file === rel ? fixtureText(rel) : fixtureText(dep.file);
      const where = `${rel}: ${dep.name}`;
      assert.ok(dep.purl.startsWith(`pkg:${dep.ecosystem === 'PyPI' ? 'pypi' : dep.ecosystem === 'Go' ? 'golang' : dep.ecosystem.toLowerCase()}/`), where);
      assert.ok(dep.range.start < dep.range.end && dep.range.end <= text.length, where);
      assert.deepEqual(dep.range.startPos, positionOf(text, dep.range.start), where);
      assert.deepEqual(dep.range.endPos, positionOf(text, dep.range.end), where);
      if (dep.specRange) {
        assert.equal(text.slice(dep.specRange.start, dep.specRange.end), dep.spec, where);
        assert.ok(dep.range.start <= dep.specRange.start && dep.specRange.end <= dep.range.end, where);
        assert.deepEqual(dep.specRange.startPos, positionOf(text, dep.specRange.start), where);
        checked++;
      }
      if (dep.ecosystem === 'PyPI') assert.equal(dep.name, normalizePypiName(dep.name), where);
    }
  }
  assert.ok(checked >= 60, `${checked} spec ranges checked`);
});

/** A new spec in the dependency's own syntax. */
function newSpecFor(dep: Dependency): string {
  switch (dep.ecosystem) {
    case 'npm':
      return '^9.9.9';
    case 'Go':
      return 'v9.9.9';
    case 'Maven':
      return '9.9.9';
    case 'PyPI':
      return /^[<>=!~]/.test(dep.spec ?? '') ? '>=9.9.9,<10' : '^9.9.9';
  }
}

test('every manifest fixture: replacing a spec range with a new spec is a valid edit', () => {
  let edits = 0;
  for (const rel of fixtureFiles().filter((f) => !f.startsWith('broken/'))) {
    const text = fixtureText(rel);
    const before = readManifest(rel, text);
    for (const dep of before.dependencies) {
      if (!dep.specRange || dep.file !== rel) continue;
      const spec = newSpecFor(dep);
      const edited = text.slice(0, dep.specRange.start) + spec + text.slice(dep.specRange.end);
      const after = readManifest(rel, edited);
      const where = `${rel}: ${dep.name}`;
      assert.deepEqual(after.problems, before.problems, where);
      assert.equal(after.dependencies.length, before.dependencies.length, where);
      const same = after.dependencies.find((d) => d.range.start === dep.range.start);
      assert.ok(same, where);
      assert.equal(same.name, dep.name, where);
      assert.equal(same.spec, spec, where);
      edits++;
    }
  }
  assert.ok(edits >= 50, `${edits} edits checked`);
});

test('no input throws: every prefix of every fixture, garbage, a failing sibling reader', () => {
  const throwing = (): string => {
    throw new Error('EACCES');
  };
  for (const rel of fixtureFiles()) {
    const text = fixtureText(rel);
    const step = Math.max(1, Math.floor(text.length / 40));
    for (let end = 0; end <= text.length; end += step) {
      const result = readManifest(rel, text.slice(0, end), siblingsOf(rel));
      assert.ok(Array.isArray(result.dependencies) && Array.isArray(result.problems), rel);
    }
    assert.doesNotThrow(() => readManifest(rel, text, throwing), rel);
  }
  const garbage = ['\u0000\u0001\u0002', '{{{{[[[[', '"""\'\'\'', '<<<<>>>>', ']]]]\n[[[', '\ud800', ':\n  - :\n -', 'a'.repeat(5000)];
  const names = ['package.json', 'package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'requirements.txt', 'pyproject.toml', 'poetry.lock', 'Pipfile.lock', 'uv.lock', 'go.mod', 'pom.xml'];
  for (const name of names) for (const g of garbage) assert.doesNotThrow(() => readManifest(name, g, throwing), `${name} ${JSON.stringify(g.slice(0, 10))}`);
  // The package.json reader still reads its dependencies when the lockfile cannot be read.
  const pkg = readManifest('package.json', '{"dependencies":{"openai":"4.67.3"}}', throwing);
  assert.deepEqual(pkg.problems, []);
  assert.equal(pkg.dependencies[0].version, '4.67.3');
});

test('readManifest: an unknown file is a warning; a byte-order mark keeps offsets', () => {
  const unknown = readManifest('notes.txt', 'openai==1.0');
  assert.equal(unknown.dependencies.length, 0);
  assert.equal(unknown.problems[0].severity, 'warning');
  const text = '\ufeff{\n  "dependencies": { "openai": "^4.0.0" }\n}\n';
  const result = readManifest('package.json', text);
  assert.deepEqual(result.problems, []);
  assert.equal(text.slice(result.dependencies[0].specRange!.start, result.dependencies[0].specRange!.end), '^4.0.0');
  const req = readManifest('requirements.txt', '\ufefffastapi==0.110.0\n');
  assert.deepEqual(req.problems, []);
  assert.equal(req.dependencies[0].name, 'fastapi');
});
