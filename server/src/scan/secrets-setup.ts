/**
 * Which secrets detector a scan uses (I/O side): the built-in one, or the one a gitleaks config
 * describes — `--gitleaks-config PATH`, or `.gitleaks.toml` in the scan's root folder, read as
 * gitleaks does. Extended configs are read relative to the config file.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../engine/finding';
import type { TextDetector } from '../engine/text-detector';
import { gitleaksDetector, GitleaksSource } from '../secrets/gitleaks-detector';
import { secretsDetector } from '../secrets/secrets-detector';

/** The gitleaks config to use, read from disk: the explicit one, else `.gitleaks.toml` in `root`. */
export function findGitleaksConfig(explicit: string | undefined, root: string): GitleaksSource | undefined {
  const file = explicit ?? path.join(root, '.gitleaks.toml');
  if (!explicit && !existsSync(file)) return undefined;
  return { text: readFileSync(file, 'utf8'), file: path.resolve(file) };
}

function readRelative(p: string, fromFile: string): string | undefined {
  try {
    return readFileSync(path.resolve(path.dirname(fromFile), p), 'utf8');
  } catch {
    return undefined;
  }
}

/** The detectors for a scan with secrets on, and the problems reading a gitleaks config gave. */
export function secretsDetectors(config: GitleaksSource | undefined): { detectors: TextDetector[]; problems: Problem[] } {
  if (!config) return { detectors: [secretsDetector()], problems: [] };
  const { detector, problems } = gitleaksDetector(config, readRelative);
  return { detectors: detector ? [detector] : [], problems };
}
