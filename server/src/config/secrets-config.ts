/**
 * Secrets settings from `.moat.yaml` and packs, given to the secrets detectors as one gitleaks
 * configuration: a generated TOML whose `[extend]` keeps the detectors in effect (Moat's built-in
 * ones, or the gitleaks file already chosen, or a pack's) and whose `[[allowlists]]` carry the
 * workspace's and packs' allowlists. Allowlist regexes are checked with RE2 where they are written.
 */
import { readFileSync } from 'node:fs';
import { stringify } from 'smol-toml';
import { compileSecretRegex } from '../secrets/allowlist';
import type { GitleaksSource } from '../secrets/gitleaks-detector';
import type { LocatedProblem, YamlPath, YamlSchemaCheck } from './yaml-schema-check';

export interface SecretsAllowlistSpec {
  /** RE2 regexes on file paths. */
  readonly paths?: readonly string[];
  /** RE2 regexes on the secret. */
  readonly regexes?: readonly string[];
  /** Substrings: a secret containing one is allowed. */
  readonly stopwords?: readonly string[];
}

export interface SecretsContribution {
  /** Who it comes from, for the allowlist's description (`.moat.yaml`, `pack acme/payments`). */
  readonly from: string;
  readonly allowlist?: SecretsAllowlistSpec;
  /** A gitleaks TOML file (absolute), from a pack. */
  readonly gitleaks?: string;
}

/** Allowlist regexes run on RE2 like every secrets regex: one RE2 cannot run is an error where it is written. */
export function checkAllowlistRegexes(list: SecretsAllowlistSpec | undefined, at: YamlPath, locate: YamlSchemaCheck['locate'], problems: LocatedProblem[]): void {
  for (const key of ['paths', 'regexes'] as const) {
    (list?.[key] ?? []).forEach((source, i) => {
      const r = compileSecretRegex(source);
      if (!r.ok) problems.push(locate([...at, key, i], 'value', `not a regex Moat can run (RE2): ${r.message}`));
    });
  }
}

/**
 * The gitleaks source the detectors should use: `base` (a `--gitleaks-config` or `.gitleaks.toml`,
 * or none for the built-ins) extended with the contributions. `base` wins over a pack's gitleaks
 * file; of several packs' files the first is used and the others are reported in `ignored`.
 * `file` names the generated source in problems.
 */
export function combinedSecretsSource(
  base: GitleaksSource | undefined,
  contributions: readonly SecretsContribution[],
  file: string,
): { source: GitleaksSource | undefined; ignored: string[] } {
  const withToml = contributions.filter((c) => c.gitleaks);
  const ignored: string[] = [];
  let extendPath = base?.file;
  for (const c of withToml) {
    if (extendPath === undefined) extendPath = c.gitleaks;
    else ignored.push(`${c.from}: its gitleaks file ${c.gitleaks} is not used (${extendPath} is already in effect)`);
  }
  const allowlists = contributions
    .filter((c) => c.allowlist && ((c.allowlist.paths?.length ?? 0) + (c.allowlist.regexes?.length ?? 0) + (c.allowlist.stopwords?.length ?? 0) > 0))
    .map((c) => ({
      description: `allowlist of ${c.from}`,
      ...(c.allowlist!.paths?.length ? { paths: [...c.allowlist!.paths] } : {}),
      ...(c.allowlist!.regexes?.length ? { regexes: [...c.allowlist!.regexes] } : {}),
      ...(c.allowlist!.stopwords?.length ? { stopwords: [...c.allowlist!.stopwords] } : {}),
    }));
  if (allowlists.length === 0 && extendPath === base?.file) return { source: base, ignored };
  if (allowlists.length === 0 && extendPath !== undefined && base === undefined) {
    return { source: { text: readFileSync(extendPath, 'utf8'), file: extendPath }, ignored };
  }
  const toml = stringify({
    title: 'Moat: secrets settings from .moat.yaml and rule packs',
    extend: extendPath === undefined ? { useDefault: true } : { path: extendPath },
    ...(allowlists.length ? { allowlists } : {}),
  });
  return { source: { text: toml, file }, ignored };
}
