/**
 * A secrets detector configured by a gitleaks `.gitleaks.toml` (its `[extend] useDefault` keeps
 * Moat's built-ins; without it, only the file's rules run, as with gitleaks). Pure: the caller
 * passes the text and a reader for `[extend] path` files.
 */
import type { Problem } from '../engine/finding';
import type { TextDetector } from '../engine/text-detector';
import { compileSecretRuleset } from './compile';
import { parseGitleaksConfig } from './gitleaks-config';
import { secretsDetector } from './secrets-detector';

export interface GitleaksSource {
  readonly text: string;
  /** Shown in problems. */
  readonly file: string;
}

export function gitleaksDetector(
  source: GitleaksSource,
  readExtended: (path: string, fromFile: string) => string | undefined,
): { detector: TextDetector | undefined; problems: Problem[] } {
  const imported = parseGitleaksConfig(source.text, source.file, { readExtended });
  const compiled = compileSecretRuleset(imported.rules, imported.allowlists, source.file);
  const problems = [...imported.problems, ...compiled.problems];
  if (compiled.ruleset.rules.length === 0) return { detector: undefined, problems };
  return { detector: secretsDetector(compiled.ruleset), problems };
}
