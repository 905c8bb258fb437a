// Builds Moat: bundles the CLI (and later the server and client) with esbuild and copies the
// pinned grammar .wasm files and web-tree-sitter's runtime next to the bundles (dist/grammars).
// web-tree-sitter is aliased to its CommonJS build: bundling its ESM build as CJS empties
// import.meta and breaks Parser.init() (see ../shared/notes/MACHINE.md).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, 'dist');
const grammarsOut = path.join(dist, 'grammars');
mkdirSync(grammarsOut, { recursive: true });

const manifest = JSON.parse(readFileSync(path.join(root, 'grammars', 'grammars.json'), 'utf8'));
for (const entry of [manifest.runtime, ...manifest.grammars]) {
  const pkgDir = path.join(root, 'node_modules', entry.package);
  const from = path.join(pkgDir, entry.file);
  if (!existsSync(from)) throw new Error(`grammar file missing: ${from} (is ${entry.package} installed?)`);
  copyFileSync(from, path.join(grammarsOut, entry.file));
}

const webTreeSitterCjs = path.join(root, 'node_modules', 'web-tree-sitter', 'web-tree-sitter.cjs');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const common = {
  define: { MOAT_BUILD_VERSION: JSON.stringify(pkg.version) },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // jsonc-parser's "main" is a UMD build whose factory requires './impl/*' at run time, which a bundle cannot resolve: use its ESM build.
  alias: { 'web-tree-sitter': webTreeSitterCjs, 'jsonc-parser': path.join(root, 'node_modules', 'jsonc-parser', 'lib', 'esm', 'main.js') },
  external: ['vscode'],
};

// Commands with heavy dependencies of their own (the MCP SDK and zod, node-vault and axios, the
// language server) are bundled separately and required by dist/moat.js only when run: every
// `moat check` (once per agent edit) and `moat scan` parses a bundle half the size.
const SPLIT_COMMANDS = [
  { module: '../agent/mcp-command', source: 'server/src/agent/mcp-command.ts', outfile: 'moat-mcp.js' },
  { module: './vault-command', source: 'server/src/cli/vault-command.ts', outfile: 'moat-vault.js' },
  { module: './lsp-command', source: 'server/src/cli/lsp-command.ts', outfile: 'moat-lsp.js' },
];
const splitCommands = {
  name: 'split-commands',
  setup(b) {
    for (const c of SPLIT_COMMANDS) {
      const filter = new RegExp(`^${c.module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
      b.onResolve({ filter }, (args) => (args.importer.endsWith(path.join('cli', 'main.ts')) ? { path: `./${c.outfile}`, external: true } : undefined));
    }
  },
};

const entries = [
  { entryPoints: [path.join(root, 'server/src/cli/main.ts')], outfile: path.join(dist, 'moat.js'), banner: { js: '#!/usr/bin/env node' }, plugins: [splitCommands] },
  ...SPLIT_COMMANDS.map((c) => ({ entryPoints: [path.join(root, c.source)], outfile: path.join(dist, c.outfile) })),
  { entryPoints: [path.join(root, 'server/src/scan/scan-worker.ts')], outfile: path.join(dist, 'scan-worker.js') },
  { entryPoints: [path.join(root, 'server/src/lsp/server-main.ts')], outfile: path.join(dist, 'server.js') },
  { entryPoints: [path.join(root, 'client/src/extension.ts')], outfile: path.join(dist, 'client.js') },
].filter((e) => existsSync(e.entryPoints[0]));

await Promise.all(entries.map((e) => build({ ...common, ...e })));

// The bundled advisory snapshot (advisories/bundled/<Ecosystem>/<ID>.json) as one zip the
// offline OSV source reads: fewer files in the extension, same records.
const advisoriesDir = path.join(root, 'advisories', 'bundled');
const records = {};
for (const ecosystem of readdirSync(advisoriesDir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
  for (const file of readdirSync(path.join(advisoriesDir, ecosystem.name)).filter((f) => f.endsWith('.json')).sort()) {
    records[`${ecosystem.name}/${file}`] = [readFileSync(path.join(advisoriesDir, ecosystem.name, file)), { mtime: new Date('2026-01-01T00:00:00Z') }];
  }
}
mkdirSync(path.join(dist, 'advisories'), { recursive: true });
// The prebuilt index of the bundled packs' rules (server/src/rules/rule-index.ts): a cold `moat
// check` or server start reads it instead of parsing every rule YAML. Built by a helper bundle
// that is not shipped.
const indexer = path.join(root, 'out', 'build', 'rule-index-build.js');
await build({ ...common, entryPoints: [path.join(root, 'server/src/rules/rule-index-build.ts')], outfile: indexer, sourcemap: false });
const indexed = spawnSync(process.execPath, [indexer, path.join(root, 'packs'), path.join(dist, 'rules-index.json')], { encoding: 'utf8' });
if (indexed.status !== 0) throw new Error(`rule index: ${indexed.stderr}`);
writeFileSync(path.join(dist, 'advisories', 'bundled.zip'), zipSync(records, { level: 9 }));
console.log(`built ${entries.map((e) => path.relative(root, e.outfile)).join(', ')}, ${manifest.grammars.length} grammars and ${Object.keys(records).length} bundled advisories`);
