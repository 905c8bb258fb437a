/**
 * package-lock.json / npm-shrinkwrap.json: v2/v3 `packages` map (nested `node_modules` paths,
 * workspaces, links) and the v1 `dependencies` tree. Direct dependencies are the ones the root
 * (or a workspace folder) declares; for v1, which has no root list, the sibling package.json
 * decides, or else "not required by another package". Lockfiles are large and machine-written:
 * a valid one is read with JSON.parse and its `packages` keys located by a forward search;
 * jsonc-parser's tree (slower, but tolerant) is the fallback.
 */
import { type Node, getNodeValue } from 'jsonc-parser';
import * as semver from 'semver';
import type { Problem } from '../../engine/finding';
import type { Dependency, ManifestResult } from '../types';
import { LocatedText } from './located-text';
import { keysOf, parseJsonLocated, propertiesOf, propertyValue, stringValue } from './json-nodes';
import { newDependency } from './new-dependency';

const DECLARING_KEYS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];
const NESTING = 'node_modules/';

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(entry: unknown, key: string): string | undefined {
  const value = isPlain(entry) ? entry[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The dependency names a package.json-shaped object declares, in any dependency section. */
function declaredNames(pkg: unknown): Set<string> {
  const names = new Set<string>();
  if (!isPlain(pkg)) return names;
  for (const key of DECLARING_KEYS) {
    const section = pkg[key];
    if (isPlain(section)) for (const name of Object.keys(section)) names.add(name);
  }
  return names;
}

/** A registry version from a lockfile `version` value (`1.2.3`, or `npm:real@1.2.3` for an alias). */
function lockedVersion(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const aliased = value.startsWith('npm:') ? value.slice(value.lastIndexOf('@') + 1) : value;
  return semver.valid(aliased) ?? undefined;
}

function fromRegistry(resolved: string | undefined): boolean {
  return !resolved || !/^(git\+|git:|file:|github:)/.test(resolved);
}

interface LocatedEntry {
  readonly key: string;
  /** The key's quoted text in the file. */
  readonly start: number;
  readonly end: number;
  readonly value: unknown;
}

/**
 * Finds each key of the `packages` object, in order, as `"key":` after the previous one.
 * Undefined when one is not written the way JSON.stringify writes it (escapes): use the tree then.
 */
function locateKeys(text: string, packages: Plain, from: number): LocatedEntry[] | undefined {
  const located: LocatedEntry[] = [];
  let cursor = from;
  for (const key of Object.keys(packages)) {
    const needle = JSON.stringify(key);
    let at = text.indexOf(needle, cursor);
    while (at >= 0 && !/^\s*:/.test(text.slice(at + needle.length, at + needle.length + 16))) at = text.indexOf(needle, at + 1);
    if (at < 0) return undefined;
    located.push({ key, start: at, end: at + needle.length, value: packages[key] });
    cursor = at + needle.length;
  }
  return located;
}

interface LockDocument {
  readonly packages?: LocatedEntry[];
  /** The parsed document, for v1 and for version lookups. */
  readonly value: unknown;
  /** jsonc-parser's tree when the text is not valid JSON (or keys could not be located). */
  readonly tree?: Node;
  readonly problems: Problem[];
}

function parseLock(lt: LocatedText): LockDocument {
  let value: unknown;
  try {
    value = JSON.parse(lt.text);
  } catch {
    value = undefined;
  }
  if (isPlain(value)) {
    const packages = value.packages;
    if (!isPlain(packages)) return { value, problems: [] };
    const located = locateKeys(lt.text, packages, Math.max(0, lt.text.indexOf('"packages"')));
    if (located) return { value, packages: located, problems: [] };
  }
  const { root, problems } = parseJsonLocated(lt);
  const packagesNode = propertyValue(root, 'packages');
  const packages =
    packagesNode?.type === 'object'
      ? propertiesOf(packagesNode).map((p) => ({
          key: p.key,
          start: p.keyNode.offset,
          end: p.keyNode.offset + p.keyNode.length,
          value: p.value ? getNodeValue(p.value) : undefined,
        }))
      : undefined;
  return { value: root ? getNodeValue(root) : undefined, tree: root, packages, problems };
}

export function readPackageLock(
  file: string,
  text: string,
  readSibling?: (name: string) => string | undefined,
): ManifestResult {
  const lt = new LocatedText(file, text, 'package-lock.json');
  const doc = parseLock(lt);
  const problems = [...doc.problems];
  if (doc.packages) return { dependencies: readPackagesMap(lt, doc.packages), problems };
  const tree = doc.tree ?? parseJsonLocated(lt).root;
  const v1 = propertyValue(tree, 'dependencies');
  if (v1?.type === 'object') return { dependencies: readV1(lt, v1, readSibling), problems };
  if (tree && problems.length === 0) problems.push(lt.problem(0, 'neither "packages" nor "dependencies" found', 'warning'));
  return { dependencies: [], problems };
}

function readPackagesMap(lt: LocatedText, entries: LocatedEntry[]): Dependency[] {
  // The root ("") and workspace folders: keys that are not inside node_modules.
  const declaredBy = new Map<string, Set<string>>();
  for (const e of entries) {
    if (!e.key.startsWith(NESTING) && !e.key.includes(`/${NESTING}`)) declaredBy.set(e.key, declaredNames(e.value));
  }
  const keys = new Set(entries.map((e) => e.key));
  // A workspace's dependency is hoisted to the root node_modules unless the workspace has its own copy.
  const hoistedForWorkspace = (name: string): boolean => {
    for (const [folder, names] of declaredBy) {
      if (folder !== '' && names.has(name) && !keys.has(`${folder}/${NESTING}${name}`)) return true;
    }
    return false;
  };

  const deps: Dependency[] = [];
  for (const e of entries) {
    const cut = e.key.lastIndexOf(NESTING);
    if (cut < 0 || (cut > 0 && e.key[cut - 1] !== '/')) continue;
    if (isPlain(e.value) && e.value.link === true) continue;
    const installedAs = e.key.slice(cut + NESTING.length);
    const owner = cut === 0 ? '' : e.key.slice(0, cut - 1);
    const ownerNames = declaredBy.get(owner);
    const direct = ownerNames !== undefined && (ownerNames.has(installedAs) || (owner === '' && hoistedForWorkspace(installedAs)));
    deps.push(
      newDependency({
        ecosystem: 'npm',
        name: str(e.value, 'name') ?? installedAs,
        version: fromRegistry(str(e.value, 'resolved')) ? lockedVersion(str(e.value, 'version')) : undefined,
        direct,
        file: lt.file,
        range: lt.range(e.start, e.end),
      }),
    );
  }
  return deps;
}

function readV1(lt: LocatedText, top: Node, readSibling?: (name: string) => string | undefined): Dependency[] {
  const pkgText = readSibling?.('package.json');
  let rootNames: Set<string> | undefined;
  if (pkgText !== undefined) {
    const pkg = parseJsonLocated(new LocatedText('package.json', pkgText, 'package.json')).root;
    rootNames = declaredNames(pkg ? getNodeValue(pkg) : undefined);
  }
  const required = new Set<string>();
  const collectRequires = (map: Node | undefined): void => {
    for (const e of propertiesOf(map)) {
      for (const r of keysOf(propertyValue(e.value, 'requires'))) required.add(r);
      collectRequires(propertyValue(e.value, 'dependencies'));
    }
  };
  if (!rootNames) collectRequires(top);

  const deps: Dependency[] = [];
  const walk = (map: Node | undefined, topLevel: boolean): void => {
    for (const e of propertiesOf(map)) {
      const written = stringValue(e.value, 'version');
      const alias = written?.startsWith('npm:') ? written.slice(4, written.lastIndexOf('@')) : undefined;
      const direct = topLevel && (rootNames ? rootNames.has(e.key) : !required.has(e.key));
      deps.push(
        newDependency({
          ecosystem: 'npm',
          name: alias || e.key,
          version: fromRegistry(stringValue(e.value, 'resolved')) && fromRegistry(written) ? lockedVersion(written) : undefined,
          direct,
          file: lt.file,
          range: lt.range(e.keyNode.offset, e.keyNode.offset + e.keyNode.length),
        }),
      );
      walk(propertyValue(e.value, 'dependencies'), false);
    }
  };
  walk(top, true);
  return deps;
}

/** The version package-lock.json installs for a dependency the root package.json names `key`. */
export function packageLockVersions(text: string): (key: string) => string | undefined {
  const doc = parseLock(new LocatedText('package-lock.json', text, 'package-lock.json'));
  const entry = (key: string): unknown => {
    if (!isPlain(doc.value)) return undefined;
    const packages = doc.value.packages;
    if (isPlain(packages)) return packages[NESTING + key];
    const v1 = doc.value.dependencies;
    return isPlain(v1) ? v1[key] : undefined;
  };
  return (key) => {
    const e = entry(key);
    if (!isPlain(e) || e.link === true) return undefined;
    const version = str(e, 'version');
    return fromRegistry(str(e, 'resolved')) && fromRegistry(version) ? lockedVersion(version) : undefined;
  };
}
