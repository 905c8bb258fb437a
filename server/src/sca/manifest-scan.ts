/**
 * The dependency part of `moat scan`: finds the manifests and lockfiles under the scan targets
 * (same walk and ignores as the rule scan; node_modules is never entered), checks them all with
 * one advisory lookup, and returns report-ready findings per file with the advisories' rule infos,
 * located problems for unreadable manifests, and a warning per failing advisory source.
 */
import { readFileSync, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Problem, RuleInfo } from '../engine/finding';
import type { FileFindings, SkippedFile } from '../report/report';
import { walkFiles } from '../scan/file-walk';
import { AdvisoryLookup, ManifestInput, checkManifests } from './dependency-check';
import { isManifestFile } from './manifests';

/** Lockfiles of large projects exceed the source-file size limit; this one is for manifests only. */
export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

export interface ManifestScanOptions {
  readonly targets: readonly string[];
  /** Paths in the results are relative to this folder. */
  readonly root: string;
  readonly respectGitignore: boolean;
  readonly extraIgnores?: readonly string[];
  /** Absolute paths the workspace config excludes. */
  readonly excludePath?: (file: string) => boolean;
}

export interface ManifestScanResult {
  readonly files: FileFindings[];
  readonly infos: RuleInfo[];
  readonly problems: Problem[];
  readonly manifests: number;
  readonly dependencies: number;
}

/** Reads a file next to `file`, or undefined when there is none (or it is too large to be a lockfile). */
export function siblingReader(file: string): (name: string) => string | undefined {
  const dir = path.dirname(file);
  return (name) => {
    if (name.includes('\0')) return undefined;
    const target = path.resolve(dir, name);
    try {
      const text = readFileSync(target, 'utf8');
      return text.length <= MAX_MANIFEST_BYTES ? text : undefined;
    } catch {
      return undefined;
    }
  };
}

export async function scanManifests(options: ManifestScanOptions, advisories: AdvisoryLookup, signal?: AbortSignal): Promise<ManifestScanResult> {
  const skipped: SkippedFile[] = [];
  const walked = await walkFiles(options.targets, { maxFileBytes: MAX_MANIFEST_BYTES, respectGitignore: options.respectGitignore, extraIgnores: options.extraIgnores }, (s) => skipped.push(s));
  const problems: Problem[] = [];
  const inputs: ManifestInput[] = [];
  for (const file of walked) {
    if (!isManifestFile(path.basename(file.path)) || options.excludePath?.(file.path)) continue;
    const shown = path.relative(options.root, file.path).split(path.sep).join('/') || path.basename(file.path);
    try {
      const stat = await fs.stat(file.path);
      if (stat.size > MAX_MANIFEST_BYTES) {
        problems.push({ severity: 'warning', file: shown, message: `not checked for vulnerable dependencies: larger than ${MAX_MANIFEST_BYTES} bytes` });
        continue;
      }
      inputs.push({ file: shown, text: await fs.readFile(file.path, 'utf8'), readSibling: siblingReader(file.path) });
    } catch (e) {
      problems.push({ severity: 'warning', file: shown, message: `cannot read this manifest: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
    }
  }
  const checked = await checkManifests(inputs, advisories, signal);
  const texts = new Map(inputs.map((i) => [i.file, i.text]));
  const files: FileFindings[] = [];
  let dependencies = 0;
  for (const f of checked.files) {
    dependencies += f.dependencies;
    problems.push(...f.problems.map((p) => ({ ...p, file: p.file ?? f.file })));
    if (f.findings.length) files.push({ path: f.file, findings: f.findings, lines: texts.get(f.file)?.split('\n') });
  }
  for (const w of checked.warnings) problems.push({ severity: 'warning', message: `advisory source failed, its results are missing: ${w}` });
  return { files, infos: checked.infos, problems, manifests: inputs.length, dependencies };
}
