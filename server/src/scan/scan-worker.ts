/**
 * Worker-thread entry for multi-file scans: builds its own grammars and RuleSet from the rule DTOs
 * it is sent (plain data), then scans the batches of files it is given and posts outcomes back.
 * Bundled to dist/scan-worker.js.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Grammars } from '../engine/grammars';
import { RuleSet } from '../engine/rule-set';
import type { RuleDto } from '../engine/rule-model';
import type { Problem } from '../engine/finding';
import { wasmFromDir } from './install-paths';
import type { GitleaksSource } from '../secrets/gitleaks-detector';
import { secretsDetectors } from './secrets-setup';
import { scanOneFile, FileOutcome } from './scan-one-file';
import type { WalkedFile } from './file-walk';

export interface WorkerInit {
  readonly rules: RuleDto[];
  readonly grammarDir: string;
  readonly maxFileBytes: number;
  readonly secrets: boolean;
  readonly gitleaks: GitleaksSource | undefined;
}

export type WorkerRequest = { readonly batch: WalkedFile[] };
export type WorkerReply = { readonly outcomes: FileOutcome[] } | { readonly problems: Problem[] } | { readonly error: string };

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const init = workerData as WorkerInit;
  const grammars = await Grammars.create(wasmFromDir(init.grammarDir));
  const rules = await RuleSet.create(init.rules, grammars, init.secrets ? secretsDetectors(init.gitleaks).detectors : []);
  port.on('message', async (req: WorkerRequest) => {
    try {
      const outcomes: FileOutcome[] = [];
      for (const file of req.batch) outcomes.push(scanOneFile(rules, file, init.maxFileBytes));
      port.postMessage({ outcomes } satisfies WorkerReply);
    } catch (e) {
      port.postMessage({ error: e instanceof Error ? e.message : String(e) } satisfies WorkerReply);
    }
  });
  port.postMessage({ problems: rules.problems } satisfies WorkerReply);
}

void main().catch((e) => parentPort?.postMessage({ error: e instanceof Error ? e.message : String(e) }));
