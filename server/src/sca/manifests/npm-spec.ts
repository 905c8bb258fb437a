/**
 * What an npm dependency spec (the value in package.json) means: a registry range or tag, an
 * `npm:` alias to another package, or a non-registry source (`workspace:`, `file:`, git, URL…)
 * that has no registry version.
 */
import * as semver from 'semver';

export interface NpmSpec {
  /** The package actually installed (the alias target for `npm:name@range`). */
  readonly name: string;
  /** The range or tag part (`^1.2.3` of `npm:x@^1.2.3`), or the whole spec for other sources. */
  readonly spec: string;
  /** Where `spec` starts inside the written value. */
  readonly specOffset: number;
  /** False for workspace/file/link/git/URL specs: they get no version. */
  readonly registry: boolean;
  /** The exact version when the spec pins one (`1.2.3`, `=1.2.3`). */
  readonly exact?: string;
}

const NON_REGISTRY = /^(workspace:|file:|link:|portal:|patch:|exec:|catalog:|git\+|git:|github:|gitlab:|bitbucket:|gist:|https?:|ssh:|\.{0,2}\/|~\/)/;

export function parseNpmSpec(key: string, value: string): NpmSpec {
  if (value.startsWith('npm:')) {
    const rest = value.slice(4);
    const at = rest.indexOf('@', 1);
    if (at < 0) return { name: rest || key, spec: value, specOffset: 0, registry: true };
    const range = rest.slice(at + 1);
    return { name: rest.slice(0, at), spec: range, specOffset: 4 + at + 1, registry: true, ...exact(range) };
  }
  // `user/repo` and `user/repo#ref` are GitHub shorthands; ranges never contain a slash.
  if (NON_REGISTRY.test(value) || (value.includes('/') && !value.includes(' '))) {
    return { name: key, spec: value, specOffset: 0, registry: false };
  }
  return { name: key, spec: value, specOffset: 0, registry: true, ...exact(value) };
}

function exact(range: string): { exact?: string } {
  const version = semver.valid(range.trim());
  return version ? { exact: version } : {};
}
