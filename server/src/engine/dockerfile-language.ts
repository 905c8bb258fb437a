/**
 * Dockerfile as a rule language: the names a rule's `languages:` may use for it and which files
 * are Dockerfiles (`Dockerfile`, `Dockerfile.*`, `*.Dockerfile`, `Containerfile`, `Containerfile.*`,
 * `*.Containerfile`, any letter case). Dockerfile rules are compiled by dockerfile-compile.ts and
 * run only on these files.
 */
import type { RuleDto } from './rule-model';

export const DOCKERFILE_LANGUAGE_NAMES: readonly string[] = ['dockerfile', 'docker'];

/** Suffixes that make `Dockerfile.<suffix>` a document or data file rather than a Dockerfile. */
const NOT_DOCKERFILE_SUFFIX = /\.(md|markdown|txt|rst|adoc|json|ya?ml|toml|orig|bak|swp|dockerignore)$/;

export function isDockerfileLanguageName(name: string): boolean {
  return DOCKERFILE_LANGUAGE_NAMES.includes(name.toLowerCase());
}

/** A rule written for Dockerfiles (`languages: [dockerfile]`). */
export function isDockerfileRule(dto: RuleDto): boolean {
  return dto.languages.some(isDockerfileLanguageName);
}

/** Is the file at `filePath` (any separators) a Dockerfile by its name? */
export function isDockerfilePath(filePath: string): boolean {
  const slash = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'));
  const base = filePath.slice(slash + 1).toLowerCase();
  if (base === 'dockerfile' || base === 'containerfile') return true;
  if (base.endsWith('.dockerfile') || base.endsWith('.containerfile')) return true;
  return (base.startsWith('dockerfile.') || base.startsWith('containerfile.')) && !NOT_DOCKERFILE_SUFFIX.test(base);
}
