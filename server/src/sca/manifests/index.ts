/**
 * Manifest and lockfile readers: which files they are (by base name) and one entry point that
 * turns a file's text into located Dependencies and Problems, never throwing.
 */
import type { ManifestResult } from '../types';
import { readGoMod } from './go-mod';
import { LocatedText } from './located-text';
import { readPackageJson } from './package-json';
import { readPackageLock } from './package-lock';
import { pipfileNames, readPipfileLock } from './pipfile-lock';
import { readPnpmLock } from './pnpm-lock';
import { readPoetryLock } from './poetry-lock';
import { readPomXml } from './pom-xml';
import { pyprojectNames, readPyproject } from './pyproject-toml';
import { readRequirements } from './requirements-txt';
import { readUvLock } from './uv-lock';
import { readYarnLock } from './yarn-lock';

export { normalizePypiName, purlFor } from './package-url';

type ReadSibling = (name: string) => string | undefined;
type Reader = (file: string, text: string, readSibling?: ReadSibling) => ManifestResult;

function namesFrom(readSibling: ReadSibling | undefined, name: string, read: (text: string) => Set<string> | undefined) {
  const text = readSibling?.(name);
  return text === undefined ? undefined : read(text);
}

const READERS: Readonly<Record<string, Reader>> = {
  'package.json': readPackageJson,
  'package-lock.json': readPackageLock,
  'npm-shrinkwrap.json': readPackageLock,
  'yarn.lock': readYarnLock,
  'pnpm-lock.yaml': readPnpmLock,
  'pyproject.toml': readPyproject,
  'poetry.lock': (file, text, rs) => readPoetryLock(file, text, namesFrom(rs, 'pyproject.toml', pyprojectNames)),
  'uv.lock': (file, text, rs) => readUvLock(file, text, namesFrom(rs, 'pyproject.toml', pyprojectNames)),
  'Pipfile.lock': (file, text, rs) => readPipfileLock(file, text, namesFrom(rs, 'Pipfile', pipfileNames)),
  'go.mod': readGoMod,
  'pom.xml': readPomXml,
};

/** `requirements.txt`, `requirements-dev.txt`, `dev-requirements.txt`, `requirements.in`… */
const REQUIREMENTS = /^(?:.*[-_.])?requirements(?:[-_.].*)?\.(?:txt|in)$/i;

function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

function readerFor(fileName: string): Reader | undefined {
  const base = baseName(fileName);
  if (Object.prototype.hasOwnProperty.call(READERS, base)) return READERS[base];
  return REQUIREMENTS.test(base) ? readRequirements : undefined;
}

/** Is this file name one of the manifests/lockfiles we read? (basename match: requirements*.txt etc.) */
export function isManifestFile(fileName: string): boolean {
  return readerFor(fileName) !== undefined;
}

/**
 * Reads one manifest. `readSibling(name)` returns the text of a file in the same folder (or
 * undefined): package.json takes exact versions from package-lock.json, yarn.lock or
 * pnpm-lock.yaml (that file name goes in Dependency.lockfile); pyproject.toml from poetry.lock or
 * uv.lock; requirements files read their -r includes (whose dependencies keep their own file name
 * and ranges); lockfiles without a root list ask their manifest which dependencies are direct.
 */
export function readManifest(file: string, text: string, readSibling?: ReadSibling): ManifestResult {
  const reader = readerFor(file);
  if (!reader) {
    return { dependencies: [], problems: [{ severity: 'warning', file, message: `${baseName(file)} is not a known manifest or lockfile` }] };
  }
  // A byte-order mark is not part of any format; blanking it keeps every offset.
  const body = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  // A sibling that cannot be read is treated as absent.
  const safeSibling: ReadSibling | undefined = readSibling
    ? (name) => {
        try {
          return readSibling(name);
        } catch {
          return undefined;
        }
      }
    : undefined;
  try {
    return reader(file, body, safeSibling);
  } catch (err) {
    const lt = new LocatedText(file, body, baseName(file));
    return { dependencies: [], problems: [lt.problem(0, `could not be read: ${(err as Error).message ?? String(err)}`)] };
  }
}
