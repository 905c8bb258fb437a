/**
 * Where the installed product keeps its data files: the grammar `.wasm` files (dist/grammars,
 * next to the bundles), the bundled rule packs (packs/ at the package root) and the bundled
 * advisory snapshot (dist/advisories). Works from the
 * bundles in dist/ and from the compiled tests in out/. `MOAT_GRAMMARS_DIR` overrides.
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import type { WasmSource } from '../engine/grammars';

/** The package root: the nearest folder above this file holding Moat's package.json. */
export function packageRoot(from = __dirname): string {
  let dir = from;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && existsSync(path.join(dir, 'grammars', 'grammars.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return path.dirname(from);
    dir = up;
  }
}

export function grammarDir(): string {
  const fromEnv = process.env.MOAT_GRAMMARS_DIR;
  if (fromEnv) return fromEnv;
  const beside = path.join(__dirname, 'grammars');
  if (existsSync(path.join(beside, 'web-tree-sitter.wasm'))) return beside;
  return path.join(packageRoot(), 'dist', 'grammars');
}

/** The bundled advisory snapshot: dist/advisories/bundled.zip (built), or advisories/bundled in a checkout. */
export function bundledAdvisoriesLocation(): string | undefined {
  const root = packageRoot();
  const candidates = [path.join(__dirname, 'advisories', 'bundled.zip'), path.join(root, 'dist', 'advisories', 'bundled.zip'), path.join(root, 'advisories', 'bundled')];
  return candidates.find((c) => existsSync(c));
}

export function bundledPacksDir(): string {
  return path.join(packageRoot(), 'packs');
}

/** The build's prebuilt index of the bundled packs (dist/rules-index.json) when `target` is that folder. */
export function bundledRulesIndexFor(target: string): string | undefined {
  if (path.resolve(target) !== path.resolve(bundledPacksDir())) return undefined;
  return [path.join(__dirname, 'rules-index.json'), path.join(packageRoot(), 'dist', 'rules-index.json')].find((c) => existsSync(c));
}

/** Reads wasm files from a folder; a missing file names the folder and the build step. */
export function wasmFromDir(dir: string = grammarDir()): WasmSource {
  return {
    async read(file: string): Promise<Uint8Array> {
      try {
        return await fs.readFile(path.join(dir, file));
      } catch (e) {
        throw new Error(`grammar file ${file} not found in ${dir} (${(e as NodeJS.ErrnoException).code}); run \`npm run build\``);
      }
    },
  };
}
