/**
 * Checks dependency manifests and lockfiles against the advisory sources: reads each file into
 * Dependencies, asks the sources once for all of them (de-duplicated), and returns findings per
 * file, the advisories' rule infos, located problems for files that could not be read, and a
 * warning per failing source. Used by `moat scan`, the language server and the agent tools.
 */
import type { Finding, Problem, RuleInfo } from '../engine/finding';
import { dependencyFindings } from './advisory-findings';
import { isManifestFile, readManifest } from './manifests';
import { Advisory, Dependency, uniqueVersioned } from './types';

export interface ManifestInput {
  /** The path findings and problems are reported under. */
  readonly file: string;
  readonly text: string;
  /** Text of another file in the same folder (lockfiles, `-r` includes), if readable. */
  readonly readSibling?: (name: string) => string | undefined;
}

export interface ManifestCheck {
  /** The input's file, or a file it includes (requirements `-r`) that is not a manifest by name. */
  readonly file: string;
  readonly findings: Finding[];
  readonly problems: Problem[];
  readonly dependencies: number;
}

export interface DependencyCheckResult {
  readonly files: ManifestCheck[];
  readonly infos: RuleInfo[];
  /** One per advisory source that failed (its name and why); the others' results still count. */
  readonly warnings: string[];
  /** Names of the sources that failed. */
  readonly failedSources: string[];
}

/** What the check needs of the advisory service. */
export interface AdvisoryLookup {
  lookup(dependencies: readonly Dependency[], signal?: AbortSignal): Promise<{ byDependency: Map<string, Advisory[]>; warnings: string[]; failedSources?: string[] }>;
}

export async function checkManifests(inputs: readonly ManifestInput[], advisories: AdvisoryLookup, signal?: AbortSignal): Promise<DependencyCheckResult> {
  const read = inputs.map((input) => ({ input, result: readManifest(input.file, input.text, input.readSibling) }));
  const unique = uniqueVersioned(read.flatMap(({ result }) => result.dependencies));
  const { byDependency, warnings, failedSources = [] } = unique.size
    ? await advisories.lookup([...unique.values()], signal)
    : { byDependency: new Map<string, Advisory[]>(), warnings: [], failedSources: [] };
  const infos = new Map<string, RuleInfo>();
  const files: ManifestCheck[] = [];
  for (const { input, result } of read) {
    // Dependencies from a `-r` include carry that file's name and ranges: reported under it, unless
    // it is a manifest in its own right (then it is checked, and reported, on its own).
    const byFile = new Map<string, Dependency[]>([[input.file, []]]);
    for (const dep of result.dependencies) {
      if (dep.file !== input.file && isManifestFile(baseName(dep.file))) continue;
      const list = byFile.get(dep.file) ?? [];
      list.push(dep);
      byFile.set(dep.file, list);
    }
    for (const [file, deps] of byFile) {
      const found = dependencyFindings(deps, byDependency);
      for (const info of found.infos) infos.set(info.id, info);
      const problems = result.problems.filter((p) => (p.file ?? input.file) === file);
      if (file === input.file || found.findings.length || problems.length) files.push({ file, findings: found.findings, problems, dependencies: deps.length });
    }
  }
  return { files, infos: [...infos.values()], warnings, failedSources };
}

function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}
