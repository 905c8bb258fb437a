/**
 * npm manifests and lockfiles: package.json (sections, aliases, non-registry specs, versions from
 * package-lock.json / yarn.lock / pnpm-lock.yaml), package-lock v1/v2/v3, yarn classic and berry,
 * pnpm v5/v6/v9; direct vs transitive, exact text locations, broken files, a 2,000-package lockfile.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readManifest } from '../../server/src/sca/manifests/index';
import type { ManifestResult } from '../../server/src/sca/types';
import { readFixture, byName, slice, summary } from '../helpers/manifest-fixtures';

/** Reads a fixture the way the scanner does, with its folder's files as siblings. */

test('package.json with package-lock.json: every section, exact versions from the lockfile', () => {
  const { result, text } = readFixture('npm-app/package.json');
  assert.deepEqual(result.problems, []);
  const deps = result.dependencies;
  assert.deepEqual(summary(deps), [
    'D @langchain/openai@0.3.11',
    'D ai@3.4.33',
    'D express@4.19.2',
    'D langchain@0.3.5',
    'D next@14.2.3',
    'D openai@4.67.3',
    'D string-width@4.2.3',
    'D chat-ui@-',
    'D prompt-kit@-',
    'D typescript@5.4.5',
    'D @types/express@4.17.21',
    'D fsevents@2.3.3',
    'D react@18.3.1',
  ]);
  const express = byName(deps, 'express');
  assert.equal(express.spec, '^4.19.2');
  assert.equal(express.lockfile, 'package-lock.json');
  assert.equal(express.purl, 'pkg:npm/express@4.19.2');
  assert.equal(express.file, 'npm-app/package.json');
  assert.equal(slice(text, express.range), '"express": "^4.19.2"');
  assert.equal(slice(text, express.specRange), '^4.19.2');
  assert.deepEqual(express.range.startPos, { line: 11, column: 4 });
  assert.equal(byName(deps, '@langchain/openai').purl, 'pkg:npm/%40langchain/openai@0.3.11');
});

test('package.json: npm: aliases name the real package; file:/git specs are kept without a version', () => {
  const { result, text } = readFixture('npm-app/package.json');
  const alias = byName(result.dependencies, 'string-width');
  assert.equal(alias.spec, '^4.2.0');
  assert.equal(slice(text, alias.range), '"string-width-cjs": "npm:string-width@^4.2.0"');
  // Replacing the spec range keeps the alias valid.
  assert.equal(slice(text, alias.specRange), '^4.2.0');
  const local = byName(result.dependencies, 'chat-ui');
  assert.equal(local.version, undefined);
  assert.equal(local.spec, 'file:../chat-ui');
  assert.equal(local.lockfile, undefined);
  assert.equal(local.purl, 'pkg:npm/chat-ui');
  const git = byName(result.dependencies, 'prompt-kit');
  assert.equal(git.version, undefined, 'the lockfile version of a git dependency is not a registry release');
  assert.equal(git.spec, 'github:acme/prompt-kit#v1.2.0');
});

test('package.json without a lockfile: only pinned specs give a version', () => {
  const { result } = readFixture('npm-app/package.json', false);
  const versions = Object.fromEntries(result.dependencies.map((d) => [d.name, d.version]));
  assert.equal(versions.ai, '3.4.33');
  assert.equal(versions.next, '14.2.3');
  assert.equal(versions['@types/express'], '4.17.21');
  assert.equal(versions.express, undefined);
  assert.equal(versions.react, undefined);
  assert.ok(result.dependencies.every((d) => d.lockfile === undefined));
});

test('package.json: workspace: specs, escaped strings and non-string values', () => {
  const text = '{\n  "dependencies": {\n    "@acme/ui": "workspace:*",\n    "odd": "\\u005e1.0.0",\n    "bad": 3\n  }\n}\n';
  const result = readManifest('package.json', text);
  assert.equal(result.dependencies.length, 2);
  const ws = byName(result.dependencies, '@acme/ui');
  assert.equal(ws.version, undefined);
  assert.equal(ws.spec, 'workspace:*');
  const odd = byName(result.dependencies, 'odd');
  assert.equal(odd.spec, '^1.0.0');
  assert.equal(odd.specRange, undefined, 'an escaped spec cannot be edited by offsets');
  assert.equal(result.problems.length, 1);
  assert.match(result.problems[0].message, /dependencies\.bad.*version string/);
  assert.equal(result.problems[0].line, 5);
});

test('package-lock.json v3: nested node_modules, links, aliases, direct from the root package', () => {
  const { result, text } = readFixture('npm-app/package-lock.json');
  assert.deepEqual(result.problems, []);
  const deps = result.dependencies;
  assert.ok(!deps.some((d) => d.name === 'chat-ui'), 'a link is the project, not a dependency');
  const nested = deps.find((d) => d.name === 'openai' && d.version === '4.68.4');
  assert.ok(nested);
  assert.equal(nested.direct, false);
  assert.equal(slice(text, nested.range), '"node_modules/@langchain/openai/node_modules/openai"');
  assert.equal(deps.find((d) => d.name === 'openai' && d.version === '4.67.3')?.direct, true);
  assert.equal(byName(deps, 'body-parser').direct, false);
  assert.equal(byName(deps, '@langchain/core').direct, false);
  assert.equal(byName(deps, 'typescript').direct, true, 'devDependencies are direct');
  assert.equal(byName(deps, 'string-width').version, '4.2.3');
  assert.equal(byName(deps, 'prompt-kit').version, undefined);
  assert.ok(deps.every((d) => d.spec === undefined && d.specRange === undefined && d.file === 'npm-app/package-lock.json'));
});

test('package-lock.json: workspaces declare direct dependencies, hoisted or nested', () => {
  const lock = JSON.stringify(
    {
      lockfileVersion: 3,
      packages: {
        '': { name: 'mono', workspaces: ['packages/*'], devDependencies: { typescript: '^5.0.0' } },
        'packages/api': { name: 'api', dependencies: { openai: '^4.0.0', express: '^4.0.0' } },
        'packages/api/node_modules/express': { version: '4.21.0' },
        'node_modules/api': { resolved: 'packages/api', link: true },
        'node_modules/openai': { version: '4.70.0' },
        'node_modules/typescript': { version: '5.6.3', dev: true },
        'node_modules/express': { version: '5.0.0' },
        'node_modules/express/node_modules/debug': { version: '4.3.7' },
      },
    },
    null,
    2,
  );
  const deps = readManifest('package-lock.json', lock).dependencies;
  assert.deepEqual(summary(deps), ['D express@4.21.0', 'D openai@4.70.0', 'D typescript@5.6.3', 't express@5.0.0', 't debug@4.3.7']);
});

test('package-lock.json: a key written with escapes is still located (through the tolerant tree)', () => {
  const text = '{"lockfileVersion":3,"packages":{"":{"dependencies":{"openai":"^4.0.0"}},"node_modules\\/openai":{"version":"4.70.0"}}}';
  const result = readManifest('package-lock.json', text);
  assert.deepEqual(result.problems, []);
  assert.deepEqual(summary(result.dependencies), ['D openai@4.70.0']);
  assert.equal(slice(text, result.dependencies[0].range), '"node_modules\\/openai"');
});

test('package-lock.json v1: the nested dependencies tree; direct from package.json, else not required by others', () => {
  const lock = JSON.stringify(
    {
      lockfileVersion: 1,
      dependencies: {
        express: { version: '4.17.1', requires: { 'body-parser': '1.19.0' }, dependencies: { debug: { version: '2.6.9' } } },
        'body-parser': { version: '1.19.0' },
        'wrap-ansi-cjs': { version: 'npm:wrap-ansi@7.0.0' },
        tool: { version: 'git+https://github.com/acme/tool.git#abc' },
      },
    },
    null,
    2,
  );
  const alone = readManifest('package-lock.json', lock).dependencies;
  assert.deepEqual(summary(alone), ['D express@4.17.1', 't debug@2.6.9', 't body-parser@1.19.0', 'D wrap-ansi@7.0.0', 'D tool@-']);
  const pkg = '{ "dependencies": { "express": "^4.17.1", "body-parser": "^1.19.0" } }';
  const withPkg = readManifest('package-lock.json', lock, (n) => (n === 'package.json' ? pkg : undefined)).dependencies;
  assert.deepEqual(summary(withPkg), ['D express@4.17.1', 't debug@2.6.9', 'D body-parser@1.19.0', 't wrap-ansi@7.0.0', 't tool@-']);
  assert.equal(readManifest('package.json', pkg, (n) => (n === 'package-lock.json' ? lock : undefined)).dependencies[0].version, '4.17.1');
});

test('yarn.lock classic: descriptors, aliases, direct from package.json; package.json takes its versions', () => {
  const { result, text } = readFixture('yarn-classic/yarn.lock');
  assert.deepEqual(result.problems, []);
  assert.deepEqual(summary(result.dependencies), [
    'D @pinecone-database/pinecone@3.0.3',
    't body-parser@1.20.1',
    't encoding@0.1.13',
    'D express@4.18.2',
    'D jest@29.7.0',
    'D openai@4.28.0',
    'D wrap-ansi@7.0.0',
  ]);
  const openai = byName(result.dependencies, 'openai');
  assert.equal(slice(text, openai.range), 'openai@^4.20.0, openai@^4.26.0');
  assert.equal(openai.range.startPos.line, 30);
  // Without package.json, a classic lockfile cannot tell what is direct.
  assert.ok(readFixture('yarn-classic/yarn.lock', false).result.dependencies.every((d) => !d.direct));

  const pkg = readFixture('yarn-classic/package.json').result.dependencies;
  assert.deepEqual(summary(pkg), [
    'D @pinecone-database/pinecone@3.0.3',
    'D express@4.18.2',
    'D openai@4.28.0',
    'D wrap-ansi@7.0.0',
    'D jest@29.7.0',
  ]);
  assert.ok(pkg.every((d) => d.lockfile === 'yarn.lock'));
});

test('yarn.lock berry: __metadata, npm: descriptors, resolution names, workspace and patch entries left out', () => {
  const { result, text } = readFixture('yarn-berry/yarn.lock');
  assert.deepEqual(result.problems, []);
  assert.deepEqual(summary(result.dependencies), [
    'D @anthropic-ai/sdk@0.27.3',
    'D fastify@4.26.2',
    't node-fetch@2.7.0',
    'D vitest@1.6.0',
    'D zod@3.23.8',
  ]);
  assert.equal(slice(text, byName(result.dependencies, 'zod').range), '"zod@npm:3.23.8"');
  const pkg = readFixture('yarn-berry/package.json').result.dependencies;
  assert.deepEqual(summary(pkg), ['D @anthropic-ai/sdk@0.27.3', 'D fastify@4.26.2', 'D zod@3.23.8', 'D vitest@1.6.0']);
});

test('pnpm-lock.yaml v6: /name@version keys, peer suffixes, root dependencies are direct', () => {
  const { result, text } = readFixture('pnpm-v6/pnpm-lock.yaml');
  assert.deepEqual(result.problems, []);
  assert.deepEqual(summary(result.dependencies), [
    'D @huggingface/inference@2.6.4',
    't loose-envify@1.4.0',
    'D openai@4.28.0',
    'D react-dom@18.2.0',
    't react@18.2.0',
    'D typescript@5.3.3',
  ]);
  assert.equal(slice(text, byName(result.dependencies, 'react-dom').range), '/react-dom@18.2.0(react@18.2.0)');
});

test('pnpm-lock.yaml v9: importers (all of them) decide what is direct; package.json reads aliases through it', () => {
  const { result, text } = readFixture('pnpm-v9/pnpm-lock.yaml');
  assert.deepEqual(result.problems, []);
  assert.deepEqual(summary(result.dependencies), [
    'D @langchain/community@0.3.3',
    'D @xenova/transformers@2.17.2',
    'D hono@4.6.3',
    't openai@4.67.1',
    'D react@18.3.1',
    'D tsx@4.19.1',
  ]);
  assert.equal(slice(text, byName(result.dependencies, '@xenova/transformers').range), "'@xenova/transformers@2.17.2'");
  const pkg = readFixture('pnpm-v9/package.json').result.dependencies;
  assert.deepEqual(summary(pkg), ['D @langchain/community@0.3.3', 'D hono@4.6.3', 'D @xenova/transformers@2.17.2', 'D tsx@4.19.1']);
  assert.ok(pkg.every((d) => d.lockfile === 'pnpm-lock.yaml'));
});

test('pnpm-lock.yaml v5: /name/version keys with _peer suffixes', () => {
  const lock = [
    'lockfileVersion: 5.4',
    'specifiers:',
    '  react-dom: ^18.2.0',
    '  openai: ^3.3.0',
    'dependencies:',
    '  openai: 3.3.0',
    '  react-dom: 18.2.0_react@18.2.0',
    'packages:',
    '  /openai/3.3.0:',
    '    resolution: {integrity: sha512-x}',
    '  /react-dom/18.2.0_react@18.2.0:',
    '    resolution: {integrity: sha512-y}',
    '  /@babel/runtime/7.24.0:',
    '    resolution: {integrity: sha512-z}',
    '',
  ].join('\n');
  const result = readManifest('pnpm-lock.yaml', lock);
  assert.deepEqual(result.problems, []);
  assert.deepEqual(summary(result.dependencies), ['D openai@3.3.0', 'D react-dom@18.2.0', 't @babel/runtime@7.24.0']);
  const pkg = readManifest('package.json', '{"dependencies":{"react-dom":"^18.2.0"}}', (n) => (n === 'pnpm-lock.yaml' ? lock : undefined));
  assert.equal(pkg.dependencies[0].version, '18.2.0');
});

test('broken npm files: located problems naming the format, and what could be read', () => {
  const pkg = readFixture('broken/npm/package.json').result;
  assert.ok(pkg.problems.length >= 1);
  assert.deepEqual(
    { line: pkg.problems[0].line, column: pkg.problems[0].column, file: pkg.problems[0].file },
    { line: 6, column: 5, file: 'broken/npm/package.json' },
  );
  assert.match(pkg.problems[0].message, /^package\.json: JSON syntax error/);
  assert.deepEqual(
    pkg.dependencies.map((d) => d.name),
    ['openai', 'langchain', 'express', 'typescript'],
  );

  const lock = readFixture('broken/npm/package-lock.json').result;
  assert.match(lock.problems[0].message, /^package-lock\.json: JSON syntax error/);
  assert.equal(lock.problems[0].line, 15);
  assert.deepEqual(summary(lock.dependencies), ['D openai@4.67.3', 't langchain@0.3.5']);

  const yarn = readFixture('broken/npm/yarn.lock').result;
  assert.equal(yarn.problems.length, 1);
  assert.match(yarn.problems[0].message, /^yarn\.lock: .*entry header/);
  assert.equal(yarn.problems[0].line, 7);
  assert.deepEqual(
    yarn.dependencies.map((d) => d.name),
    ['openai', 'express'],
  );

  const pnpm = readFixture('broken/npm/pnpm-lock.yaml').result;
  assert.ok(pnpm.problems.length >= 1);
  assert.match(pnpm.problems[0].message, /^pnpm-lock\.yaml: YAML syntax error/);
  assert.ok((pnpm.problems[0].line ?? 0) >= 13);
  assert.ok(pnpm.dependencies.some((d) => d.name === 'openai' && d.direct));
});

test('a 2,000-package package-lock.json is read whole', () => {
  const packages: Record<string, unknown> = { '': { name: 'big', dependencies: {} as Record<string, string> } };
  const rootDeps = (packages[''] as { dependencies: Record<string, string> }).dependencies;
  for (let i = 0; i < 2000; i++) {
    const name = i % 10 === 0 ? `@genai/pkg-${i}` : `pkg-${i}`;
    const key = i % 7 === 0 && i > 0 ? `node_modules/pkg-${i - 1}/node_modules/${name}` : `node_modules/${name}`;
    if (i % 3 === 0) rootDeps[name] = `^1.${i}.0`;
    packages[key] = {
      version: `1.${i}.${i % 5}`,
      resolved: `https://registry.npmjs.org/${name}/-/${name.replace(/^@genai\//, '')}-1.${i}.${i % 5}.tgz`,
      integrity: `sha512-${'A'.repeat(86)}==`,
      dev: i % 4 === 0,
      dependencies: { [`pkg-${(i + 1) % 2000}`]: '^1.0.0' },
    };
  }
  const text = JSON.stringify({ name: 'big', lockfileVersion: 3, requires: true, packages }, null, 2);
  const timed = (): { result: ManifestResult; wall: string; cpu: string } => {
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    const result = readManifest('package-lock.json', text);
    const wall = Number(process.hrtime.bigint() - started) / 1e6;
    const used = process.cpuUsage(cpu);
    return { result, wall: wall.toFixed(1), cpu: ((used.user + used.system) / 1000).toFixed(1) };
  };
  const first = timed();
  const second = timed();
  console.log(
    `# 2,000-package package-lock.json (${(text.length / 1024).toFixed(0)} KiB): first read ${first.wall} ms ` +
      `(${first.cpu} ms CPU), second read ${second.wall} ms (${second.cpu} ms CPU)`,
  );
  const result = first.result;
  assert.deepEqual(second.result, first.result);
  assert.deepEqual(result.problems, []);
  assert.equal(result.dependencies.length, 2000);
  assert.equal(new Set(result.dependencies.map((d) => `${d.name}@${d.version}`)).size, 2000);
  const nested = result.dependencies.find((d) => d.name === 'pkg-21');
  assert.equal(nested?.direct, false, 'declared by the root but installed under another package: transitive');
  assert.equal(result.dependencies.find((d) => d.name === 'pkg-3')?.direct, true);
  assert.equal(result.dependencies.find((d) => d.name === 'pkg-4')?.direct, false);
  for (const dep of result.dependencies) {
    assert.ok(text.slice(dep.range.start, dep.range.end).endsWith(`${dep.name}"`));
  }
});
