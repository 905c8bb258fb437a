/**
 * A scan of files and folders for the CLI (and later the editor's workspace scan): list files,
 * scan them in-process or on worker threads (each with its own parser and compiled rules), and
 * assemble a ScanReport. Findings are sorted by path and position so output is stable.
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { existsSync, statSync } from 'node:fs';
import type { Problem } from '../engine/finding';
import type { RuleDto } from '../engine/rule-model';
import type { RuleSet } from '../engine/rule-set';
import { CancellationToken, throwIfCancelled } from '../engine/cancellation';
import { comparePaths, FileFindings, ScanReport, SkippedFile } from '../report/report';
import { DEFAULT_MAX_FILE_BYTES, walkFiles, WalkedFile } from './file-walk';
import { grammarDir } from './install-paths';
import { FileOutcome, ruleTargets, scanOneFile } from './scan-one-file';
import { ruleInfo } from '../engine/rule-compile';
import type { GitleaksSource } from '../secrets/gitleaks-detector';
import { secretsDetectors } from './secrets-setup';
import type { WorkerInit, WorkerReply } from './scan-worker';

export interface WorkspaceScanOptions {
  readonly targets: readonly string[];
  /** Paths in the report are relative to this folder. */
  readonly root: string;
  readonly maxFileBytes?: number;
  readonly respectGitignore?: boolean;
  /** Worker threads; 0 or 1 scans in this thread. Default: CPU count, for 64 files and 4 MiB or more. */
  readonly jobs?: number;
  readonly cancel?: CancellationToken;
  readonly onProgress?: (done: number, total: number) => void;
  /** Run the secrets detectors on every text file. */
  readonly secrets?: boolean;
  /** A gitleaks config that replaces or extends the built-in detectors. */
  readonly gitleaks?: GitleaksSource;
  /** Files not to scan (absolute path), on top of the ignore files: `.moat.yaml` `exclude:`. */
  readonly excludePath?: (file: string) => boolean;
}

const BATCH = 16;
/** Files above this size are scanned by the first worker only. */
const LARGE_FILE_BYTES = 256 * 1024;

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
const MIN_FILES_FOR_WORKERS = 64;
/**
 * Below this much text, one thread finishes before workers would have loaded their grammars and
 * compiled their rules (a few hundred ms each): the default uses workers only above it.
 */
const MIN_BYTES_FOR_WORKERS = 4 * 1024 * 1024;

function totalBytes(files: readonly { path: string }[], atLeast: number): number {
  let total = 0;
  for (const f of files) {
    total += sizeOf(f.path);
    if (total >= atLeast) break;
  }
  return total;
}

/**
 * Scans `targets` with the rules in `dtos`. In this thread the rules are compiled by `compile`;
 * on workers each worker compiles its own copy (this thread then loads no grammar at all) and the
 * first worker reports the compile problems.
 */
export async function scanWorkspace(dtos: readonly RuleDto[], compile: () => Promise<RuleSet>, options: WorkspaceScanOptions): Promise<ScanReport> {
  const started = Date.now();
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const skipped: SkippedFile[] = [];
  const targets = ruleTargets(dtos, options.secrets === true);
  const listing = walkFiles(options.targets, { maxFileBytes, respectGitignore: options.respectGitignore ?? true }, (s) => skipped.push(s)).then((walked) =>
    walked.map((f) => ({ path: f.path, relative: toPosix(path.relative(options.root, f.path)) || f.relative })).filter((f) => targets.applies(f.relative) && !options.excludePath?.(f.path)),
  );
  // With --jobs given, workers start (load grammars, compile rules) while the files are listed.
  const early = options.jobs !== undefined && options.jobs > 1 && workerBundle() ? scanOnWorkers(dtos, listing, maxFileBytes, options.jobs, options) : undefined;
  const files = await listing;
  const jobs = options.jobs ?? (files.length >= MIN_FILES_FOR_WORKERS && totalBytes(files, MIN_BYTES_FOR_WORKERS) >= MIN_BYTES_FOR_WORKERS ? os.availableParallelism() : 1);
  const problems: Problem[] = [];
  let outcomes: FileOutcome[];
  if (early || (jobs > 1 && files.length > BATCH && workerBundle())) {
    const run = await (early ?? scanOnWorkers(dtos, listing, maxFileBytes, jobs, options));
    outcomes = run.outcomes;
    problems.push(...run.compileProblems);
  } else {
    const rules = await compile();
    problems.push(...rules.problems);
    outcomes = scanHere(rules, files, maxFileBytes, options);
  }
  const found: FileFindings[] = [];
  let scanned = 0;
  for (const o of outcomes) {
    if (o.kind === 'skipped') skipped.push(o.skipped);
    if (o.kind !== 'scanned') continue;
    scanned++;
    problems.push(...o.problems);
    if (o.file.findings.length) found.push(o.file);
  }
  found.sort((a, b) => comparePaths(a.path, b.path));
  const secrets = options.secrets ? secretsDetectors(options.gitleaks) : { detectors: [], problems: [] };
  problems.push(...secrets.problems);
  const infos = [...dtos.map(ruleInfo), ...secrets.detectors.flatMap((d) => d.infos)];
  return { root: options.root, files: found, rules: infos, problems, skipped, stats: { filesScanned: scanned, durationMs: Date.now() - started } };
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function scanHere(rules: RuleSet, files: WalkedFile[], maxFileBytes: number, options: WorkspaceScanOptions): FileOutcome[] {
  const out: FileOutcome[] = [];
  for (const file of files) {
    throwIfCancelled(options.cancel);
    out.push(scanOneFile(rules, file, maxFileBytes));
    options.onProgress?.(out.length, files.length);
  }
  return out;
}

function workerBundle(): string | undefined {
  const file = path.join(__dirname, 'scan-worker.js');
  return existsSync(file) ? file : undefined;
}

/** Worker threads keep a smaller V8 heap: the work per file is small and RSS is a product bar. */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8 };

/** Hands batches of files to `jobs` workers as each finishes its previous batch. */
async function scanOnWorkers(
  dtos: readonly RuleDto[],
  listing: Promise<WalkedFile[]>,
  maxFileBytes: number,
  jobs: number,
  options: WorkspaceScanOptions,
): Promise<{ outcomes: FileOutcome[]; compileProblems: Problem[] }> {
  const init: WorkerInit = { rules: [...dtos], grammarDir: grammarDir(), maxFileBytes, secrets: options.secrets === true, gitleaks: options.gitleaks };
  // Large files go to the first worker only: a parse grows a worker's WASM memory for good, so
  // letting every worker meet a large file would multiply the peak RSS.
  const batches: WalkedFile[][] = [];
  const large: number[] = [];
  const ready = listing.then((files) => {
    const small: WalkedFile[] = [];
    const big: WalkedFile[] = [];
    for (const f of files) (sizeOf(f.path) > LARGE_FILE_BYTES ? big : small).push(f);
    for (let i = 0; i < big.length; i += BATCH) large.push(batches.push(big.slice(i, i + BATCH)) - 1);
    for (let i = 0; i < small.length; i += BATCH) batches.push(small.slice(i, i + BATCH));
    return files.length;
  });
  const taken = new Set<number>();
  /** The next batch for worker `w`: the first worker takes the large files first; others skip them. */
  const nextBatch = (w: number): number | undefined => {
    const order = w === 0 ? [...large, ...batches.keys()] : [...batches.keys()].filter((b) => !large.includes(b));
    const b = order.find((i) => !taken.has(i));
    if (b !== undefined) taken.add(b);
    return b;
  };
  const results: FileOutcome[][] = [];
  let compileProblems: Problem[] | undefined;
  let done = 0;
  const runWorker = (w: number) =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(workerBundle()!, { workerData: init, resourceLimits: WORKER_LIMITS });
      let current = -1;
      const finish = (error?: Error) => {
        void worker.terminate();
        if (error) reject(error);
        else resolve();
      };
      worker.on('message', async (reply: WorkerReply) => {
        if ('error' in reply) return finish(new Error(`scan worker failed: ${reply.error}`));
        const total = await ready;
        if ('problems' in reply) compileProblems ??= reply.problems;
        else if (current >= 0) {
          results[current] = reply.outcomes;
          done += reply.outcomes.length;
          options.onProgress?.(done, total);
        }
        const b = options.cancel?.isCancellationRequested ? undefined : nextBatch(w);
        if (b === undefined) return finish();
        current = b;
        worker.postMessage({ batch: batches[current] });
      });
      worker.on('error', (e) => finish(e));
    });
  await Promise.all(Array.from({ length: jobs }, (_, w) => runWorker(w)));
  throwIfCancelled(options.cancel);
  return { outcomes: results.flat(), compileProblems: compileProblems ?? [] };
}
