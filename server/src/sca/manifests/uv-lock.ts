/**
 * uv.lock: `[[package]]` tables (name, version, `source = { registry | git | path | editable |
 * virtual }`). The project and workspace members (editable/virtual sources) are not dependencies;
 * the packages they list are the direct ones.
 */
import type { Dependency, ManifestResult } from '../types';
import { LocatedText } from './located-text';
import { newDependency } from './new-dependency';
import { normalizePypiName } from './package-url';
import { type TomlTable, type TomlValue, parseTomlLocated, tomlString, tomlTable } from './toml-located';

const PROJECT_SOURCES = ['editable', 'virtual'];
const LOCAL_SOURCES = ['path', 'directory', ...PROJECT_SOURCES];

function packageTables(root: TomlTable): TomlTable[] {
  const value = root.entries.get('package')?.value;
  return value?.kind === 'tables' ? value.tables : [];
}

function sourceKind(pkg: TomlTable): string | undefined {
  const source = tomlTable(pkg.entries.get('source')?.value);
  return source ? [...source.entries.keys()][0] : undefined;
}

/** Names in a `dependencies = [{ name = "x" }, …]` array. */
function listedNames(value: TomlValue | undefined, into: Set<string>): void {
  if (value?.kind !== 'array') return;
  for (const item of value.items) {
    const name = item.kind === 'table' ? tomlString(item, 'name') : undefined;
    if (name) into.add(normalizePypiName(name));
  }
}

function projectDependencies(packages: TomlTable[]): Set<string> {
  const names = new Set<string>();
  for (const pkg of packages) {
    if (!PROJECT_SOURCES.includes(sourceKind(pkg) ?? '')) continue;
    listedNames(pkg.entries.get('dependencies')?.value, names);
    for (const key of ['optional-dependencies', 'dev-dependencies']) {
      for (const group of tomlTable(pkg.entries.get(key)?.value)?.entries.values() ?? []) listedNames(group.value, names);
    }
  }
  return names;
}

export function readUvLock(file: string, text: string, fallbackDirectNames?: ReadonlySet<string>): ManifestResult {
  const lt = new LocatedText(file, text, 'uv.lock');
  const { root, problems } = parseTomlLocated(lt);
  const packages = packageTables(root);
  const fromProject = projectDependencies(packages);
  const direct = fromProject.size > 0 || !fallbackDirectNames ? fromProject : fallbackDirectNames;
  const dependencies: Dependency[] = [];
  for (const pkg of packages) {
    const rawName = tomlString(pkg, 'name');
    if (rawName === undefined) {
      problems.push(lt.problem(pkg.start, '[[package]] without a name', 'warning'));
      continue;
    }
    const source = sourceKind(pkg);
    if (PROJECT_SOURCES.includes(source ?? '')) continue;
    const name = normalizePypiName(rawName);
    dependencies.push(
      newDependency({
        ecosystem: 'PyPI',
        name,
        version: LOCAL_SOURCES.includes(source ?? '') ? undefined : tomlString(pkg, 'version'),
        direct: direct.has(name),
        file,
        range: lt.range(pkg.start, pkg.headerEnd),
      }),
    );
  }
  return { dependencies, problems };
}

/** Normalized name → locked version, for pyproject.toml. */
export function uvLockVersions(text: string): Map<string, string> {
  const { root } = parseTomlLocated(new LocatedText('uv.lock', text, 'uv.lock'));
  const versions = new Map<string, string>();
  for (const pkg of packageTables(root)) {
    const name = tomlString(pkg, 'name');
    const version = tomlString(pkg, 'version');
    if (name && version && !LOCAL_SOURCES.includes(sourceKind(pkg) ?? '')) versions.set(normalizePypiName(name), version);
  }
  return versions;
}
