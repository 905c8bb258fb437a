/**
 * pyproject.toml: PEP 621 `[project] dependencies` and `optional-dependencies`, PEP 735
 * `[dependency-groups]`, and Poetry's `[tool.poetry.dependencies]`, `dev-dependencies` and
 * `group.<name>.dependencies` (string or table form; `python` is not a dependency). Exact versions
 * come from the sibling poetry.lock or uv.lock, else from a spec that pins one.
 */
import { valid as validVersion } from '@renovatebot/pep440';
import type { Problem } from '../../engine/finding';
import type { Dependency, ManifestResult } from '../types';
import { LocatedText } from './located-text';
import { newDependency } from './new-dependency';
import { normalizePypiName } from './package-url';
import { isRequirementError, parseRequirement, pinnedVersion } from './pep508';
import { poetryLockVersions } from './poetry-lock';
import { type TomlEntry, type TomlString, type TomlTable, type TomlValue, parseTomlLocated, tomlGet, tomlTable } from './toml-located';
import { uvLockVersions } from './uv-lock';

const LOCKFILES: readonly { name: string; read: (text: string) => Map<string, string> }[] = [
  { name: 'poetry.lock', read: poetryLockVersions },
  { name: 'uv.lock', read: uvLockVersions },
];

interface Declared {
  readonly name: string;
  readonly spec?: string;
  readonly range: [number, number];
  readonly specRange?: [number, number];
  /** Exact version written in the manifest. */
  readonly pinned?: string;
  /** A path, git or URL dependency: no registry version applies. */
  readonly local?: boolean;
}

/** PEP 508 strings in a TOML array. */
function readRequirementArray(lt: LocatedText, value: TomlValue | undefined, out: Declared[], problems: Problem[]): void {
  if (value?.kind !== 'array') return;
  for (const item of value.items) {
    if (item.kind !== 'string') continue;
    const req = parseRequirement(item.value);
    // Offsets into the string map onto the file only when it is written without escapes.
    const base = item.verbatim ? item.innerStart : undefined;
    if (isRequirementError(req)) {
      problems.push(lt.problem(base !== undefined ? base + req.at : item.start, `${req.error} in "${item.value.slice(0, 80)}"`));
      continue;
    }
    out.push({
      name: req.name,
      spec: req.spec,
      range: base !== undefined ? [base + req.start, base + req.end] : [item.start, item.end],
      specRange: base !== undefined && req.spec !== undefined ? [base + req.specStart, base + req.specEnd] : undefined,
      pinned: pinnedVersion(req.spec),
      local: req.url !== undefined,
    });
  }
}

/** A Poetry version constraint that is one exact version (`1.2.3`, `==1.2.3`). */
function poetryPinned(spec: string): string | undefined {
  const v = spec.trim().replace(/^==?\s*/, '');
  return /^\d/.test(v) && validVersion(v) ? v : undefined;
}

function poetryEntry(entry: TomlEntry, out: Declared[]): void {
  const range: [number, number] = [Math.min(entry.keyStart, entry.value.start), Math.max(entry.keyEnd, entry.value.end)];
  const add = (spec: TomlString | undefined, local: boolean): void => {
    out.push({
      name: entry.key,
      spec: spec?.value,
      range,
      specRange: spec?.verbatim ? [spec.innerStart, spec.innerEnd] : undefined,
      pinned: spec && !local ? poetryPinned(spec.value) : undefined,
      local,
    });
  };
  const fromTable = (table: TomlTable): void => {
    const version = table.entries.get('version')?.value;
    const local = ['git', 'path', 'url'].some((k) => table.entries.has(k));
    add(version?.kind === 'string' ? version : undefined, local);
  };
  const value = entry.value;
  if (value.kind === 'string') add(value, false);
  else if (value.kind === 'table') fromTable(value);
  else if (value.kind === 'array') for (const item of value.items) if (item.kind === 'table') fromTable(item);
}

/** `skip`: names already declared under [project] (Poetry 2 uses its own table only to add details to them). */
function poetryTable(table: TomlTable | undefined, out: Declared[], skip: ReadonlySet<string> = new Set()): void {
  for (const entry of table?.entries.values() ?? []) {
    if (entry.key.toLowerCase() !== 'python' && !skip.has(normalizePypiName(entry.key))) poetryEntry(entry, out);
  }
}

/** Everything pyproject.toml declares, located. */
export function declaredInPyproject(lt: LocatedText): { declared: Declared[]; problems: Problem[] } {
  const { root, problems } = parseTomlLocated(lt);
  const declared: Declared[] = [];
  readRequirementArray(lt, tomlGet(root, 'project', 'dependencies'), declared, problems);
  for (const entry of tomlTable(tomlGet(root, 'project', 'optional-dependencies'))?.entries.values() ?? []) {
    readRequirementArray(lt, entry.value, declared, problems);
  }
  for (const entry of tomlTable(tomlGet(root, 'dependency-groups'))?.entries.values() ?? []) {
    readRequirementArray(lt, entry.value, declared, problems);
  }
  const fromProject = new Set(declared.map((d) => normalizePypiName(d.name)));
  const poetry = tomlTable(tomlGet(root, 'tool', 'poetry'));
  poetryTable(tomlTable(tomlGet(poetry, 'dependencies')), declared, fromProject);
  poetryTable(tomlTable(tomlGet(poetry, 'dev-dependencies')), declared);
  for (const group of tomlTable(tomlGet(poetry, 'group'))?.entries.values() ?? []) {
    poetryTable(tomlTable(tomlGet(tomlTable(group.value), 'dependencies')), declared);
  }
  return { declared, problems };
}

/** The normalized names pyproject.toml declares (for lockfiles deciding what is direct). */
export function pyprojectNames(text: string): Set<string> {
  const { declared } = declaredInPyproject(new LocatedText('pyproject.toml', text, 'pyproject.toml'));
  return new Set(declared.map((d) => normalizePypiName(d.name)));
}

export function readPyproject(file: string, text: string, readSibling?: (name: string) => string | undefined): ManifestResult {
  const lt = new LocatedText(file, text, 'pyproject.toml');
  const { declared, problems } = declaredInPyproject(lt);
  let lock: { name: string; versions: Map<string, string> } | undefined;
  for (const candidate of readSibling ? LOCKFILES : []) {
    const lockText = readSibling?.(candidate.name);
    if (lockText === undefined) continue;
    lock = { name: candidate.name, versions: candidate.read(lockText) };
    break;
  }
  const dependencies: Dependency[] = declared.map((d) => {
    const name = normalizePypiName(d.name);
    const locked = d.local ? undefined : lock?.versions.get(name);
    return newDependency({
      ecosystem: 'PyPI',
      name,
      version: locked ?? (d.local ? undefined : d.pinned),
      spec: d.spec,
      direct: true,
      file,
      range: lt.range(d.range[0], d.range[1]),
      specRange: d.specRange ? lt.range(d.specRange[0], d.specRange[1]) : undefined,
      lockfile: locked !== undefined ? lock?.name : undefined,
    });
  });
  return { dependencies, problems };
}
