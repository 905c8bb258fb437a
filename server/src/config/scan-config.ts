/**
 * Which `.moat.yaml` a `moat scan` uses, and loading it: `--moat-config FILE` when given (it must
 * exist), else `.moat.yaml` in the current folder, else in the one folder being scanned. No file:
 * the empty config (nothing changes). Packs come from the network only for pinned https sources
 * not yet in the cache; `MOAT_OFFLINE=1` turns downloads off.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { EffectiveConfig, emptyEffectiveConfig, findWorkspaceConfig, loadWorkspaceConfig } from './config-load';

export interface ScanConfigOptions {
  /** `--moat-config FILE`. */
  readonly explicit?: string;
  /** The folder paths are shown relative to (the current folder). */
  readonly root: string;
  readonly targets: readonly string[];
  /** Load `packs:` (false when `--config` chose the rules). */
  readonly packs: boolean;
  readonly moatVersion: string;
}

export async function scanWorkspaceConfig(options: ScanConfigOptions): Promise<EffectiveConfig | { error: string }> {
  let file: string | undefined;
  if (options.explicit !== undefined) {
    file = path.resolve(options.root, options.explicit);
    if (!isFile(file)) return { error: `no such config file: ${options.explicit}` };
  } else {
    file = findWorkspaceConfig(options.root);
    if (!file && options.targets.length === 1 && isDir(options.targets[0])) file = findWorkspaceConfig(path.resolve(options.root, options.targets[0]));
  }
  if (!file) return emptyEffectiveConfig();
  return loadWorkspaceConfig(file, {
    moatVersion: options.moatVersion,
    displayBase: options.root,
    packs: options.packs,
    offline: process.env.MOAT_OFFLINE === '1',
  });
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
