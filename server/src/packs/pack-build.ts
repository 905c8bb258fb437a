/**
 * `moat pack build`: the pack's files (everything but hidden files, `node_modules`, symlinks and
 * earlier build outputs) into a deterministic `NAME-VERSION.tgz` (scope and name joined by `-`),
 * with its sha256 — the value `.moat.yaml` pins. Refuses a pack whose manifest or rules have
 * errors, so a broken pack is never published.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../engine/finding';
import { sha256Hex } from './pack-cache';
import type { PackManifest } from './pack-manifest';
import { loadPackRules } from './pack-rules';
import { TarInput, writeTarGz } from './tar-write';

export interface BuiltPack {
  readonly tarball: Uint8Array;
  readonly fileName: string;
  readonly sha256: string;
  readonly files: readonly string[];
}

export function tarballName(manifest: PackManifest): string {
  return `${manifest.name.replace('/', '-')}-${manifest.version}.tgz`;
}

const BUILD_OUTPUT = /\.tgz(\.sha256)?$/;

/** The pack's files, relative with forward slashes, sorted. */
export async function packFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (abs: string, rel: string) => {
    for (const e of await fs.readdir(abs, { withFileTypes: true })) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const relative = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await visit(path.join(abs, e.name), relative);
      else if (e.isFile() && !BUILD_OUTPUT.test(e.name)) out.push(relative);
    }
  };
  await visit(dir, '');
  return out.sort();
}

/** Builds the tarball in memory; `problems` (with errors) instead when the rules do not load. */
export async function buildPack(manifest: PackManifest): Promise<{ built: BuiltPack } | { problems: Problem[] }> {
  const rules = await loadPackRules(manifest);
  const errors = rules.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { problems: errors };
  if (rules.rules.length === 0) return { problems: [{ severity: 'error', message: `pack ${manifest.name} has no rules (rules: ${manifest.rules.join(', ')})`, file: manifest.file, key: 'rules' }] };
  const files = await packFiles(manifest.dir);
  const inputs: TarInput[] = [];
  for (const f of files) inputs.push({ path: f, data: await fs.readFile(path.join(manifest.dir, ...f.split('/'))) });
  const tarball = writeTarGz(inputs);
  return { built: { tarball, fileName: tarballName(manifest), sha256: sha256Hex(tarball), files } };
}
