/**
 * pnpm-lock.yaml, lockfile v5 (`/name/1.0.0` keys), v6 (`/name@1.0.0(peer@x)`) and v9
 * (`name@1.0.0`, with `importers` and `snapshots`). Packages come from the `packages` map, located
 * by their keys through yaml's node ranges; direct ones are those an importer lists.
 */
import { type Document, isMap, isScalar, parseDocument } from 'yaml';
import * as semver from 'semver';
import type { Dependency, ManifestResult } from '../types';
import type { Problem } from '../../engine/finding';
import { LocatedText } from './located-text';
import { newDependency } from './new-dependency';

const IMPORTER_SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies'];

interface NameVersion {
  readonly name: string;
  readonly version: string;
}

/** Splits a package key or an aliased importer version; drops peer suffixes `(…)` and v5 `_…`. */
function parsePackageKey(key: string, slashForm: boolean): NameVersion | undefined {
  let k = key.startsWith('/') ? key.slice(1) : key;
  const paren = k.indexOf('(');
  if (paren > 0) k = k.slice(0, paren);
  if (slashForm && !/^(@[^/@]+\/)?[^/@]+@/.test(k)) {
    const slash = k.lastIndexOf('/');
    if (slash <= 0) return undefined;
    return { name: k.slice(0, slash), version: stripPeers(k.slice(slash + 1)) };
  }
  const at = k.lastIndexOf('@');
  if (at <= 0) return undefined;
  return { name: k.slice(0, at), version: stripPeers(k.slice(at + 1)) };
}

function stripPeers(version: string): string {
  const cut = version.search(/[_(]/);
  return cut > 0 ? version.slice(0, cut) : version;
}

function scalarText(node: unknown): string | undefined {
  return isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : undefined;
}

/** An importer's dependencies: name → installed version (`1.0.0`, or `name@1.0.0` for an alias). */
function importerVersions(importer: unknown, slashForm: boolean): Map<string, NameVersion> {
  const out = new Map<string, NameVersion>();
  if (!isMap(importer)) return out;
  for (const section of IMPORTER_SECTIONS) {
    const deps = importer.get(section, true);
    if (!isMap(deps)) continue;
    for (const item of deps.items) {
      const name = scalarText(item.key);
      if (name === undefined) continue;
      const value = isMap(item.value) ? scalarText(item.value.get('version', true)) : scalarText(item.value);
      if (value === undefined || value.startsWith('link:') || value.startsWith('file:')) continue;
      const beforePeers = value.split(slashForm ? /[(_]/ : '(')[0];
      const aliased = value.startsWith('/') || beforePeers.indexOf('@', 1) > 0 ? parsePackageKey(value, slashForm) : undefined;
      out.set(name, aliased ?? { name, version: stripPeers(value) });
    }
  }
  return out;
}

function importers(doc: Document, slashForm: boolean): Map<string, NameVersion>[] {
  const node = doc.get('importers', true);
  if (isMap(node)) return node.items.map((item) => importerVersions(item.value, slashForm));
  return [importerVersions(doc.contents, slashForm)];
}

function isSlashForm(doc: Document): boolean {
  const version = parseFloat(String(doc.get('lockfileVersion') ?? ''));
  return Number.isFinite(version) && version < 6;
}

function yamlProblems(lt: LocatedText, doc: Document): Problem[] {
  return doc.errors.map((e) => {
    const message = `YAML syntax error: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`;
    const pos = e.linePos?.[0];
    return pos ? lt.problemAt(pos.line, pos.col, message) : lt.problem(e.pos[0], message);
  });
}

export function readPnpmLock(file: string, text: string): ManifestResult {
  const lt = new LocatedText(file, text, 'pnpm-lock.yaml');
  const doc = parseDocument(text, { uniqueKeys: false });
  const problems = yamlProblems(lt, doc);
  const slashForm = isSlashForm(doc);
  const direct = new Set<string>();
  for (const importer of importers(doc, slashForm)) for (const nv of importer.values()) direct.add(`${nv.name}@${nv.version}`);

  const dependencies: Dependency[] = [];
  const seen = new Set<string>();
  const packages = doc.get('packages', true);
  if (isMap(packages)) {
    for (const item of packages.items) {
      const key = scalarText(item.key);
      const nv = key === undefined ? undefined : parsePackageKey(key, slashForm);
      if (!nv || !isScalar(item.key) || !item.key.range) continue;
      const id = `${nv.name}@${nv.version}`;
      if (seen.has(id)) continue; // the same package with other peers
      seen.add(id);
      dependencies.push(
        newDependency({
          ecosystem: 'npm',
          name: nv.name,
          version: semver.valid(nv.version) ?? undefined,
          direct: direct.has(id),
          file,
          range: lt.range(item.key.range[0], item.key.range[1]),
        }),
      );
    }
  } else if (problems.length === 0 && doc.contents !== null) {
    problems.push(lt.problem(0, 'no "packages" map found', 'warning'));
  }
  return { dependencies, problems };
}

/** The version pnpm-lock.yaml installs for a dependency the root importer (`.`) names `key`. */
export function pnpmLockVersions(text: string): (key: string) => string | undefined {
  const doc = parseDocument(text, { uniqueKeys: false });
  const slashForm = isSlashForm(doc);
  const node = doc.get('importers', true);
  const root = importerVersions(isMap(node) ? node.get('.', true) : doc.contents, slashForm);
  return (key) => {
    const version = root.get(key)?.version;
    return version ? (semver.valid(version) ?? undefined) : undefined;
  };
}
