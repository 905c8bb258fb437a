/**
 * Shared by the manifest-reader tests: the fixture projects under test/fixtures/sca, reading one
 * with its siblings (lockfiles, includes), and small views of the dependencies read.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest } from '../../server/src/sca/manifests/index';
import type { Dependency, ManifestResult } from '../../server/src/sca/types';

export const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'sca');

export function fixtureText(rel: string): string {
  return readFileSync(join(FIXTURES, rel), 'utf8');
}

/** Reads a fixture manifest; `asked` lists the sibling files the reader asked for. */
export function readFixture(rel: string, withSiblings = true): { result: ManifestResult; text: string; asked: string[] } {
  const text = fixtureText(rel);
  const folder = rel.slice(0, rel.lastIndexOf('/') + 1);
  const asked: string[] = [];
  const sibling = (name: string): string | undefined => {
    asked.push(name);
    try {
      return fixtureText(folder + name);
    } catch {
      return undefined;
    }
  };
  return { result: readManifest(rel, text, withSiblings ? sibling : undefined), text, asked };
}

export function byName(deps: Dependency[], name: string): Dependency {
  const dep = deps.find((d) => d.name === name);
  assert.ok(dep, `no dependency ${name} in ${deps.map((d) => d.name).join(', ')}`);
  return dep;
}

export function slice(text: string, r: { start: number; end: number } | undefined): string | undefined {
  return r ? text.slice(r.start, r.end) : undefined;
}

/** `D name@version` for direct, `t name@version` for transitive dependencies. */
export function summary(deps: Dependency[]): string[] {
  return deps.map((d) => `${d.direct ? 'D' : 't'} ${d.name}@${d.version ?? '-'}`);
}
