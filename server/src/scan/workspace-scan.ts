/**
 * A scan of files and folders for the CLI (and later the editor's workspace scan): list files,
 * scan them in-process or on worker threads (each with its own parser and compiled rules), and
 * assemble a ScanReport. Findings are sorted by path and position so output is stable.
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import type { Problem } from '../engine/finding';
import type { RuleDto } from '../engine/rule-model';
import type { RuleSet } from '../engine/rule-set';
import { CancellationToken, throwIfCancelled } from '../engine/cancellation';
import { comparePaths, FileFindings, ScanReport, SkippedFile } from '../report/report';
import { DEFAULT_MAX_FILE_BYTES, walkFiles, WalkedFile } from './file-walk';
import { grammarDir } from './install-paths';
import { FileOutcome, rulesApply, scanOneFile } from './scan-one-file';
import type { WorkerInit, WorkerReply } from './scan-worker';

export interface WorkspaceScanOptions {
  readonly targets: readonly string[];
  /** Paths in the report are relative to this folder. */
  readonly root: string;
  readonly maxFileBytes?: number;
  readonly respectGitignore?: boolean;
  /** Worker threads; 0 or 1 scans in this thread. Default: CPU count, for 64 files or more. */
  readonly jobs?: number;
  readonly cancel?: CancellationToken;
  readonly onProgress?: (done: number, total: number) => void;
}

const BATCH = 16;
const MIN_FILES_FOR_WORKERS = 64;

export async function scanWorkspace(rules: RuleSet, dtos: readonly RuleDto[], options: WorkspaceScanOptions): Promise<ScanReport> {
  const started = Date.now();
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const skipped: SkippedFile[] = [];
  const walked = await walkFiles(options.targets, { maxFileBytes, respectGitignore: options.respectGitignore ?? true }, (s) => skipped.push(s));
  const files = walked
    .map((f) => ({ path: f.path, relative: toPosix(path.relative(options.root, f.path)) || f.relative }))
    .filter((f) => rulesApply(rules, f.relative));
  const jobs = options.jobs ?? (files.length >= MIN_FILES_FOR_WORKERS ? os.availableParallelism() : 1);
  const outcomes = jobs > 1 && files.length > BATCH && workerBundle() ? await scanOnWorkers(dtos, files, maxFileBytes, jobs, options) : await scanHere(rules, files, maxFileBytes, options);

  const found: FileFindings[] = [];
  const problems: Problem[] = [...rules.problems];
  let scanned = 0;
  for (const o of outcomes) {
    if (o.kind === 'skipped') skipped.push(o.skipped);
    if (o.kind !== 'scanned') continue;
    scanned++;
    problems.push(...o.problems);
    if (o.file.findings.length) found.push(o.file);
  }
  found.sort((a, b) => comparePaths(a.path, b.path));
  return { root: options.root, files: found, rules: rules.infos, problems, skipped, stats: { filesScanned: scanned, durationMs: Date.now() - started } };
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

async function scanHere(rules: RuleSet, files: WalkedFile[], maxFileBytes: number, options: WorkspaceScanOptions): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  for (const file of files) {
    throwIfCancelled(options.cancel);
    out.push(await scanOneFile(rules, file, maxFileBytes));
    options.onProgress?.(out.length, files.length);
  }
  return out;
}

function workerBundle(): string | undefined {
  const file = path.join(__dirname, 'scan-worker.js');
  return existsSync(file) ? file : undefined;
}

/** Hands batches of files to `jobs` workers as each finishes its previous batch. */
async function scanOnWorkers(dtos: readonly RuleDto[], files: WalkedFile[], maxFileBytes: number, jobs: number, options: WorkspaceScanOptions): Promise<FileOutcome[]> {
  const init: WorkerInit = { rules: [...dtos], grammarDir: grammarDir(), maxFileBytes };
  const batches: WalkedFile[][] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));
  const results: FileOutcome[][] = new Array(batches.length);
  let next = 0;
  let done = 0;
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(workerBundle()!, { workerData: init });
      let current = -1;
      const finish = (error?: Error) => {
        void worker.terminate();
        if (error) reject(error);
        else resolve();
      };
      worker.on('message', (reply: WorkerReply) => {
        if ('error' in reply) return finish(new Error(`scan worker failed: ${reply.error}`));
        if (current >= 0) {
          results[current] = reply.outcomes;
          done += reply.outcomes.length;
          options.onProgress?.(done, files.length);
        }
        if (options.cancel?.isCancellationRequested || next >= batches.length) return finish();
        current = next++;
        worker.postMessage({ batch: batches[current] });
      });
      worker.on('error', (e) => finish(e));
    });
  await Promise.all(Array.from({ length: Math.min(jobs, batches.length) }, runWorker));
  throwIfCancelled(options.cancel);
  return results.flat();
}
