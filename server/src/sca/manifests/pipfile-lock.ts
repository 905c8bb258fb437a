/**
 * Pipfile.lock: `default` and `develop` maps of name → `{ "version": "==1.2.3", … }` (git and path
 * entries have no version). Direct ones are those the sibling Pipfile lists, when the caller has it.
 */
import { parse as parseToml } from 'smol-toml';
import type { Dependency, ManifestResult } from '../types';
import { LocatedText } from './located-text';
import { parseJsonLocated, propertiesOf, propertyValue, stringValue } from './json-nodes';
import { newDependency } from './new-dependency';
import { normalizePypiName } from './package-url';
import { pinnedVersion } from './pep508';

/** The normalized names a Pipfile declares in `[packages]` and `[dev-packages]` (undefined if unreadable). */
export function pipfileNames(text: string): Set<string> | undefined {
  try {
    const doc = parseToml(text) as Record<string, unknown>;
    const names = new Set<string>();
    for (const section of ['packages', 'dev-packages']) {
      const table = doc[section];
      if (table && typeof table === 'object') for (const name of Object.keys(table)) names.add(normalizePypiName(name));
    }
    return names;
  } catch {
    return undefined;
  }
}

export function readPipfileLock(file: string, text: string, directNames?: ReadonlySet<string>): ManifestResult {
  const lt = new LocatedText(file, text, 'Pipfile.lock');
  const { root, problems } = parseJsonLocated(lt);
  const dependencies: Dependency[] = [];
  for (const section of ['default', 'develop']) {
    for (const p of propertiesOf(propertyValue(root, section))) {
      const name = normalizePypiName(p.key);
      dependencies.push(
        newDependency({
          ecosystem: 'PyPI',
          name,
          version: pinnedVersion(stringValue(p.value, 'version')),
          direct: directNames?.has(name) ?? false,
          file,
          range: lt.range(p.keyNode.offset, p.keyNode.offset + p.keyNode.length),
        }),
      );
    }
  }
  return { dependencies, problems };
}
