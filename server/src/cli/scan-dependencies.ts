/**
 * The dependency half of `moat scan`: builds the advisory service from the flags (and
 * `.moat.yaml` defaults), checks every manifest and lockfile under the targets, and merges the
 * findings into the rule scan's report (same file → one entry). Source failures and unreadable
 * manifests become warnings: they never hide other findings or change the exit code to 2.
 */
import type { Problem, RuleInfo } from '../engine/finding';
import type { FileFindings } from '../report/report';
import { createAdvisoryService } from '../sca/advisory-setup';
import { scanManifests } from '../sca/manifest-scan';
import { AdvisoryDefaults, DependencyFlags, dependencySetup } from './dependency-options';

export interface DependencyScan {
  readonly files: FileFindings[];
  readonly infos: RuleInfo[];
  readonly problems: Problem[];
}

export interface DependencyScanTarget {
  readonly targets: readonly string[];
  readonly root: string;
  readonly respectGitignore: boolean;
  readonly extraIgnores?: readonly string[];
  readonly excludePath?: (file: string) => boolean;
}

export async function scanDependencies(flags: DependencyFlags, defaults: AdvisoryDefaults | undefined, target: DependencyScanTarget): Promise<DependencyScan | { error: string }> {
  const setup = dependencySetup(flags, defaults);
  if ('error' in setup) return setup;
  if (!setup.enabled) return { files: [], infos: [], problems: [] };
  const { service, notes } = createAdvisoryService(setup.setup);
  const result = await scanManifests(target, service);
  return {
    files: result.files,
    infos: result.infos,
    // A broken manifest is reported, but it is not a broken rule or argument (exit 2).
    problems: [...notes.map((n) => ({ severity: 'warning' as const, message: `advisory source left out: ${n}` })), ...result.problems.map((p) => ({ ...p, severity: 'warning' as const }))],
  };
}

/** The rule scan's files plus the dependency findings, one entry per path. */
export function mergeFileFindings(a: readonly FileFindings[], b: readonly FileFindings[]): FileFindings[] {
  const byPath = new Map<string, FileFindings>(a.map((f) => [f.path, f]));
  for (const f of b) {
    const existing = byPath.get(f.path);
    byPath.set(f.path, existing ? { ...existing, findings: [...existing.findings, ...f.findings], lines: existing.lines ?? f.lines } : f);
  }
  return [...byPath.values()];
}
