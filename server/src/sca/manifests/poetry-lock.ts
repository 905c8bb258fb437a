/**
 * poetry.lock: one `[[package]]` table per installed package (name, version, optional
 * `[package.source]`). The lockfile has no root list, so which packages are direct comes from
 * pyproject.toml when the caller has it.
 */
import type { Dependency, ManifestResult } from '../types';
import { LocatedText } from './located-text';
import { newDependency } from './new-dependency';
import { normalizePypiName } from './package-url';
import { type TomlTable, parseTomlLocated, tomlGet, tomlString, tomlTable } from './toml-located';

/** Sources that are not a package index: their version is not a published release. */
const LOCAL_SOURCES = new Set(['git', 'directory', 'file', 'url']);

function packageTables(root: TomlTable): TomlTable[] {
  const value = root.entries.get('package')?.value;
  return value?.kind === 'tables' ? value.tables : [];
}

export function readPoetryLock(file: string, text: string, directNames?: ReadonlySet<string>): ManifestResult {
  const lt = new LocatedText(file, text, 'poetry.lock');
  const { root, problems } = parseTomlLocated(lt);
  const dependencies: Dependency[] = [];
  for (const table of packageTables(root)) {
    const rawName = tomlString(table, 'name');
    if (rawName === undefined) {
      problems.push(lt.problem(table.start, '[[package]] without a name', 'warning'));
      continue;
    }
    const name = normalizePypiName(rawName);
    const sourceType = tomlString(tomlTable(tomlGet(table, 'source')), 'type');
    dependencies.push(
      newDependency({
        ecosystem: 'PyPI',
        name,
        version: sourceType && LOCAL_SOURCES.has(sourceType) ? undefined : tomlString(table, 'version'),
        direct: directNames?.has(name) ?? false,
        file,
        range: lt.range(table.start, table.headerEnd),
      }),
    );
  }
  return { dependencies, problems };
}

/** Normalized name → locked version, for pyproject.toml. */
export function poetryLockVersions(text: string): Map<string, string> {
  const { root } = parseTomlLocated(new LocatedText('poetry.lock', text, 'poetry.lock'));
  const versions = new Map<string, string>();
  for (const table of packageTables(root)) {
    const name = tomlString(table, 'name');
    const version = tomlString(table, 'version');
    const sourceType = tomlString(tomlTable(tomlGet(table, 'source')), 'type');
    if (name && version && !(sourceType && LOCAL_SOURCES.has(sourceType))) versions.set(normalizePypiName(name), version);
  }
  return versions;
}
