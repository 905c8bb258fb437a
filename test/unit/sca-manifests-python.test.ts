/**
 * Python manifests and lockfiles: requirements files (includes with a cycle, constraints, extras,
 * markers, hashes, URLs), pyproject.toml (PEP 621, PEP 735, Poetry) with versions from poetry.lock
 * or uv.lock, poetry.lock, uv.lock and Pipfile.lock; direct vs transitive, locations, broken files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readManifest } from '../../server/src/sca/manifests/index';
import { fixtureText, readFixture, byName, slice, summary } from '../helpers/manifest-fixtures';

test('requirements.txt: specs, extras, markers, hashes, comments, URL and VCS lines', () => {
  const { result, text } = readFixture('pip-app/requirements.txt');
  assert.deepEqual(result.problems, []);
  const own = result.dependencies.filter((d) => d.file === 'pip-app/requirements.txt');
  assert.deepEqual(summary(own), [
    'D fastapi@0.110.0',
    'D uvicorn@-',
    'D openai@-',
    'D transformers@4.41.2',
    'D torch@2.3.0',
    'D langchain-community@-',
    'D pydantic-settings@-',
    'D tiktoken@0.7.0',
    'D peft@-',
    'D acme-guardrails@-',
    'D sentence-transformers@-',
  ]);
  const expectRanges: Record<string, [string, string | undefined]> = {
    fastapi: ['fastapi==0.110.0', '==0.110.0'],
    uvicorn: ['uvicorn[standard]>=0.29.0,<0.30', '>=0.29.0,<0.30'],
    transformers: ['transformers[torch,sentencepiece]==4.41.2 ; python_version < "3.13"', '==4.41.2'],
    torch: ['torch==2.3.0', '==2.3.0'],
    'langchain-community': ['langchain-community (>=0.2.0)', '>=0.2.0'],
    'pydantic-settings': ['Pydantic_Settings~=2.2', '~=2.2'],
    tiktoken: ['tiktoken', undefined],
    peft: ['git+https://github.com/huggingface/peft.git@v0.11.1#egg=peft', undefined],
  };
  for (const [name, [range, spec]] of Object.entries(expectRanges)) {
    const dep = byName(own, name);
    assert.equal(slice(text, dep.range), range, name);
    assert.equal(slice(text, dep.specRange), spec, name);
    assert.equal(dep.spec, spec, name);
  }
  assert.deepEqual(byName(own, 'fastapi').range.startPos, { line: 6, column: 0 });
  assert.equal(byName(own, 'pydantic-settings').purl, 'pkg:pypi/pydantic-settings');
  assert.equal(byName(own, 'torch').purl, 'pkg:pypi/torch@2.3.0');
});

test('requirements.txt: -r includes keep their own file and ranges, a cycle ends, -c pins unpinned requirements', () => {
  const { result, asked } = readFixture('pip-app/requirements.txt');
  const base = result.dependencies.filter((d) => d.file === 'pip-app/base.txt');
  assert.deepEqual(summary(base), ['D numpy@1.26.4', 'D requests@2.32.3']);
  const baseText = fixtureText('pip-app/base.txt');
  assert.equal(slice(baseText, base[0].range), 'numpy==1.26.4');
  assert.deepEqual(base[0].range.startPos, { line: 2, column: 0 });
  // base.txt includes requirements.txt again: read once, no duplicates.
  assert.equal(result.dependencies.filter((d) => d.name === 'fastapi').length, 1);
  assert.deepEqual(asked.sort(), ['base.txt', 'constraints.txt']);
  const requests = byName(result.dependencies, 'requests');
  assert.equal(requests.spec, '>=2.31');
  assert.equal(requests.lockfile, 'constraints.txt');
  assert.equal(byName(result.dependencies, 'tiktoken').lockfile, 'constraints.txt');
  assert.equal(byName(result.dependencies, 'fastapi').lockfile, undefined);
  assert.ok(!result.dependencies.some((d) => d.file.endsWith('constraints.txt')), 'constraints are not dependencies');

  const dev = readFixture('pip-app/requirements-dev.txt').result;
  assert.deepEqual(dev.problems, []);
  assert.equal(dev.dependencies.length, 15);
  assert.deepEqual(
    [...new Set(dev.dependencies.map((d) => d.file))].sort(),
    ['pip-app/base.txt', 'pip-app/requirements-dev.txt', 'pip-app/requirements.txt'],
  );
});

test('requirements: includes in sub-folders resolve against the including file; a missing one is a warning', () => {
  const files: Record<string, string> = {
    'reqs/base.in': '-r ../shared/common.txt\nhttpx==0.27.0\n',
    'shared/common.txt': 'pydantic>=2\n-r ../reqs/base.in\n',
  };
  const asked: string[] = [];
  const result = readManifest('/proj/requirements.txt', '-r reqs/base.in\n-r missing.txt\nrich\n', (n) => {
    asked.push(n);
    return files[n];
  });
  assert.deepEqual(asked, ['reqs/base.in', 'shared/common.txt', 'missing.txt']);
  assert.deepEqual(
    result.dependencies.map((d) => `${d.name} ${d.file}`),
    ['pydantic /proj/shared/common.txt', 'httpx /proj/reqs/base.in', 'rich /proj/requirements.txt'],
  );
  assert.equal(result.problems.length, 1);
  assert.equal(result.problems[0].severity, 'warning');
  assert.match(result.problems[0].message, /missing\.txt/);
  assert.deepEqual([result.problems[0].line, result.problems[0].column], [2, 4]);
});

test('requirements: CRLF line ends, continuation lines and a marker without a space keep exact offsets', () => {
  const text = '# pinned\r\nnumpy==1.26.4 \\\r\n    --hash=sha256:abc\r\nscipy>=1.13;python_version>"3.9"\r\n-rother.txt\r\n';
  const result = readManifest('requirements.txt', text, (n) => (n === 'other.txt' ? 'openai==1.35.0\r\n' : undefined));
  assert.deepEqual(result.problems, []);
  const [numpy, scipy, openai] = result.dependencies;
  assert.equal(slice(text, numpy.range), 'numpy==1.26.4');
  assert.deepEqual(numpy.range.startPos, { line: 1, column: 0 });
  assert.equal(slice(text, scipy.range), 'scipy>=1.13;python_version>"3.9"');
  assert.equal(slice(text, scipy.specRange), '>=1.13');
  assert.deepEqual(scipy.specRange?.startPos, { line: 3, column: 5 });
  assert.equal(openai.file, 'other.txt');
  assert.equal(openai.version, '1.35.0');
});

test('requirements: a bad line is a located problem and the other lines are still read', () => {
  const { result } = readFixture('broken/python/requirements.txt');
  assert.deepEqual(
    result.dependencies.map((d) => d.name),
    ['fastapi', 'torch', 'langchain'],
  );
  assert.equal(result.problems.length, 2);
  assert.deepEqual(
    result.problems.map((p) => [p.line, p.column, p.severity]),
    [
      [2, 8, 'error'],
      [4, 13, 'error'],
    ],
  );
  assert.match(result.problems[0].message, /^requirements file: invalid version specifier ">>= 1\.30"/);
});

test('pyproject.toml (Poetry) with poetry.lock: table forms, groups, python left out, versions from the lock', () => {
  const { result, text, asked } = readFixture('poetry-app/pyproject.toml');
  assert.deepEqual(result.problems, []);
  assert.equal(asked[0], 'poetry.lock');
  assert.deepEqual(summary(result.dependencies), [
    'D langchain@0.2.1',
    'D openai@1.30.1',
    'D transformers@4.41.2',
    'D torch@2.3.0+cpu',
    'D flask-cors@4.0.1',
    'D my-lib@-',
    'D chromadb@0.5.0',
    'D black@24.4.2',
    'D pytest@8.2.1',
  ]);
  const openai = byName(result.dependencies, 'openai');
  assert.equal(slice(text, openai.range), 'openai = { version = "^1.30", extras = ["datalib"] }');
  assert.equal(slice(text, openai.specRange), '^1.30');
  assert.equal(openai.lockfile, 'poetry.lock');
  const flask = byName(result.dependencies, 'flask-cors');
  assert.equal(slice(text, flask.range), '"Flask-Cors" = "4.0.1"');
  const chroma = byName(result.dependencies, 'chromadb');
  assert.equal(slice(text, chroma.range), '[tool.poetry.dependencies.chromadb]\nversion = "0.5.0"');
  assert.equal(slice(text, chroma.specRange), '0.5.0');
  const git = byName(result.dependencies, 'my-lib');
  assert.equal(git.spec, undefined);
  assert.equal(git.lockfile, undefined);
  assert.equal(byName(result.dependencies, 'torch').purl, 'pkg:pypi/torch@2.3.0%2Bcpu');
});

test('pyproject.toml without a lockfile: exact Poetry versions only', () => {
  const { result } = readFixture('poetry-app/pyproject.toml', false);
  const versions = Object.fromEntries(result.dependencies.map((d) => [d.name, d.version]));
  assert.deepEqual(versions, {
    langchain: undefined,
    openai: undefined,
    transformers: '4.41.2',
    torch: undefined,
    'flask-cors': '4.0.1',
    'my-lib': undefined,
    chromadb: '0.5.0',
    black: '24.4.2',
    pytest: undefined,
  });
});

test('pyproject.toml (PEP 621 + PEP 735) with uv.lock', () => {
  const { result, text } = readFixture('uv-app/pyproject.toml');
  assert.deepEqual(result.problems, []);
  assert.deepEqual(summary(result.dependencies), [
    'D anthropic@0.28.1',
    'D fastapi@0.111.0',
    'D llama-index-core@0.10.50',
    'D huggingface-hub@0.23.4',
    'D torch@2.3.1',
    'D pytest@8.2.2',
  ]);
  const llama = byName(result.dependencies, 'llama-index-core');
  assert.equal(slice(text, llama.range), 'llama-index-core>=0.10.40,<0.11');
  assert.equal(slice(text, llama.specRange), '>=0.10.40,<0.11');
  assert.equal(llama.lockfile, 'uv.lock');
  const torch = byName(result.dependencies, 'torch');
  assert.equal(slice(text, torch.range), "torch==2.3.1 ; sys_platform == 'linux'");
  assert.equal(slice(text, byName(result.dependencies, 'huggingface-hub').range), 'huggingface_hub>=0.23');
});

test('pyproject.toml: escaped strings have no spec range; bad requirement strings and TOML errors are located', () => {
  const text = '[project]\ndependencies = [\n  "openai\\u003e=1.0",\n  "fastapi ==",\n  "rich>=13",\n]\n';
  const result = readManifest('pyproject.toml', text);
  assert.deepEqual(
    result.dependencies.map((d) => [d.name, d.spec, d.specRange === undefined]),
    [
      ['openai', '>=1.0', true],
      ['rich', '>=13', false],
    ],
  );
  assert.equal(result.problems.length, 1);
  assert.deepEqual([result.problems[0].line, result.problems[0].column], [4, 12]);

  const broken = readFixture('broken/python/pyproject.toml').result;
  assert.equal(broken.problems.length, 1);
  assert.match(broken.problems[0].message, /^pyproject\.toml: TOML syntax error/);
  assert.equal(broken.problems[0].line, 8);
  assert.deepEqual(
    broken.dependencies.map((d) => d.name),
    ['anthropic', 'fastapi'],
  );
});

test('poetry.lock: packages located at their [[package]] header; direct from pyproject.toml when given', () => {
  const { result, text } = readFixture('poetry-app/poetry.lock');
  assert.deepEqual(result.problems, []);
  assert.deepEqual(summary(result.dependencies), [
    't aiohttp@3.9.5',
    'D black@24.4.2',
    'D chromadb@0.5.0',
    'D flask-cors@4.0.1',
    'D langchain@0.2.1',
    'D my-lib@-',
    'D openai@1.30.1',
    'D pytest@8.2.1',
    'D torch@2.3.0+cpu',
    'D transformers@4.41.2',
    't yarl@1.9.4',
  ]);
  const langchain = byName(result.dependencies, 'langchain');
  assert.equal(slice(text, langchain.range), '[[package]]');
  assert.equal(text.slice(langchain.range.end, langchain.range.end + 20), '\nname = "langchain"\n');
  assert.ok(readFixture('poetry-app/poetry.lock', false).result.dependencies.every((d) => !d.direct));

  const broken = readFixture('broken/python/poetry.lock').result;
  assert.equal(broken.problems.length, 1);
  assert.equal(broken.problems[0].line, 7);
  assert.deepEqual(summary(broken.dependencies), ['t langchain@0.2.1', 't openai@-']);
});

test('uv.lock: the editable project is not a dependency; its lists decide what is direct', () => {
  const { result, text } = readFixture('uv-app/uv.lock');
  assert.deepEqual(result.problems, []);
  assert.deepEqual(summary(result.dependencies), [
    'D anthropic@0.28.1',
    'D fastapi@0.111.0',
    't httpx@0.27.0',
    'D huggingface-hub@0.23.4',
    'D llama-index-core@0.10.50',
    'D pytest@8.2.2',
    'D torch@2.3.1',
    't vendored-tokenizer@-',
  ]);
  assert.equal(byName(result.dependencies, 'httpx').range.startPos.line, text.split('\n').indexOf('name = "httpx"') - 1);
});

test('Pipfile.lock: default and develop, ==versions, git entries without one, direct from the Pipfile', () => {
  const { result, text } = readFixture('pipenv-app/Pipfile.lock');
  assert.deepEqual(result.problems, []);
  assert.deepEqual(summary(result.dependencies), [
    'D gradio@4.36.1',
    'D guardrails@-',
    'D langchain-openai@0.1.8',
    't tiktoken@0.7.0',
    'D pytest@8.2.2',
  ]);
  assert.equal(slice(text, byName(result.dependencies, 'gradio').range), '"gradio"');
  assert.ok(readFixture('pipenv-app/Pipfile.lock', false).result.dependencies.every((d) => !d.direct));
});

test('pyproject.toml (Poetry 2): [project] dependencies are not repeated by [tool.poetry.dependencies] details', () => {
  const text = [
    '[project]',
    'name = "bot"',
    'dependencies = ["requests>=2.32", "openai==1.35.0"]',
    '',
    '[tool.poetry.dependencies]',
    'python = ">=3.11"',
    'requests = { source = "internal" }',
    '',
    '[tool.poetry.group.dev.dependencies]',
    'pytest = "^8.2"',
    '',
  ].join('\n');
  const result = readManifest('pyproject.toml', text);
  assert.deepEqual(result.problems, []);
  assert.deepEqual(
    result.dependencies.map((d) => `${d.name} ${d.spec} ${d.version ?? '-'}`),
    ['requests >=2.32 -', 'openai ==1.35.0 1.35.0', 'pytest ^8.2 -'],
  );
});

test('requirements: PEP 440 specifiers checked clause by clause, wildcards and ===, long hostile specs refused fast', () => {
  const text = 'a==1.*\nb===weird-build\nc!=1.5.*,>=1\nd~=1.4.2\ne==1.0.*.1\nf>=1.0,' + '>=1.0,'.repeat(5000) + '\n';
  const started = Date.now();
  const result = readManifest('requirements.txt', text);
  assert.ok(Date.now() - started < 2000);
  assert.deepEqual(
    result.dependencies.map((d) => `${d.name} ${d.version ?? '-'}`),
    ['a -', 'b weird-build', 'c -', 'd -'],
  );
  assert.deepEqual(
    result.problems.map((p) => p.line),
    [5, 6],
  );
  assert.match(result.problems[1].message, /longer than/);
});
