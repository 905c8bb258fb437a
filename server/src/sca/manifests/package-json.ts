/**
 * package.json: `dependencies`, `devDependencies`, `optionalDependencies`, `peerDependencies`.
 * Each entry is located at its `"name": "spec"` pair, the spec range inside the quotes; exact
 * versions come from the sibling lockfile (package-lock.json, npm-shrinkwrap.json, yarn.lock,
 * pnpm-lock.yaml) when there is one, else from a spec that pins one.
 */
import type { Problem } from '../../engine/finding';
import type { Dependency, ManifestResult } from '../types';
import { LocatedText } from './located-text';
import { parseJsonLocated, propertiesOf, propertyValue } from './json-nodes';
import { newDependency } from './new-dependency';
import { parseNpmSpec } from './npm-spec';
import { packageLockVersions } from './package-lock';
import { pnpmLockVersions } from './pnpm-lock';
import { yarnLockVersions } from './yarn-lock';

const SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];

type LockLookup = (key: string, spec: string) => string | undefined;

const LOCKFILES: readonly { name: string; read: (text: string) => LockLookup }[] = [
  { name: 'package-lock.json', read: packageLockVersions },
  { name: 'npm-shrinkwrap.json', read: packageLockVersions },
  { name: 'yarn.lock', read: yarnLockVersions },
  { name: 'pnpm-lock.yaml', read: pnpmLockVersions },
];

function siblingLock(
  readSibling: ((name: string) => string | undefined) | undefined,
  problems: Problem[],
  file: string,
): { name: string; lookup: LockLookup } | undefined {
  if (!readSibling) return undefined;
  for (const lock of LOCKFILES) {
    const text = readSibling(lock.name);
    if (text === undefined) continue;
    try {
      return { name: lock.name, lookup: lock.read(text) };
    } catch (err) {
      problems.push({ severity: 'warning', file, message: `package.json: cannot read ${lock.name}: ${(err as Error).message}` });
    }
  }
  return undefined;
}

export function readPackageJson(
  file: string,
  text: string,
  readSibling?: (name: string) => string | undefined,
): ManifestResult {
  const lt = new LocatedText(file, text, 'package.json');
  const { root, problems } = parseJsonLocated(lt);
  const lock = siblingLock(readSibling, problems, file);
  const dependencies: Dependency[] = [];
  for (const sectionName of SECTIONS) {
    const section = propertyValue(root, sectionName);
    if (!section) continue;
    if (section.type !== 'object') {
      problems.push(lt.problem(section.offset, `"${sectionName}" must be an object`, 'warning'));
      continue;
    }
    for (const p of propertiesOf(section)) {
      const valueNode = p.value;
      if (!valueNode || valueNode.type !== 'string') {
        problems.push(lt.problem(valueNode?.offset ?? p.node.offset, `"${sectionName}.${p.key}" must be a version string`, 'warning'));
        continue;
      }
      const written = String(valueNode.value);
      const spec = parseNpmSpec(p.key, written);
      const inner = valueNode.offset + 1;
      const raw = text.slice(inner, valueNode.offset + valueNode.length - 1);
      const locked = spec.registry ? lock?.lookup(p.key, written) : undefined;
      dependencies.push(
        newDependency({
          ecosystem: 'npm',
          name: spec.name,
          version: locked ?? (spec.registry ? spec.exact : undefined),
          spec: spec.spec,
          direct: true,
          file,
          range: lt.range(p.node.offset, p.node.offset + p.node.length),
          // An escaped string cannot be edited by offsets into its decoded value.
          specRange:
            raw === written ? lt.range(inner + spec.specOffset, inner + spec.specOffset + spec.spec.length) : undefined,
          lockfile: locked !== undefined ? lock?.name : undefined,
        }),
      );
    }
  }
  return { dependencies, problems };
}
