/**
 * The secrets detector model as plain, serializable data: what a built-in detector or an imported
 * gitleaks `[[rules]]` entry says (regex, secret group, entropy threshold, keywords, path filter,
 * allowlists, severity). compile.ts turns it into the runnable form.
 */
import type { Level } from '../engine/finding';

/** Which text an allowlist's `regexes` are matched against (gitleaks `regexTarget`). */
export type RegexTarget = 'secret' | 'match' | 'line';

/**
 * An allowlist: a finding it covers is not reported. With condition `or` (the default) any one
 * criterion suffices; with `and` every criterion the allowlist sets must hold.
 */
export interface SecretAllowlist {
  readonly description?: string;
  readonly condition?: 'or' | 'and';
  /** Regexes on the file path (forward slashes). */
  readonly paths?: readonly string[];
  /** Regexes on the `regexTarget` text (the secret unless said otherwise). */
  readonly regexes?: readonly string[];
  readonly regexTarget?: RegexTarget;
  /** Lowercase substrings: a secret containing one is allowed. */
  readonly stopwords?: readonly string[];
  /**
   * Git commits (gitleaks). Moat scans files, not history: a commit criterion never holds, so an
   * `or` allowlist falls back on its other criteria and an `and` allowlist with commits never applies.
   */
  readonly commits?: readonly string[];
  /** Global allowlists only: apply to these rule ids instead of to every rule. */
  readonly targetRules?: readonly string[];
}

/**
 * Extra checks a matched secret must pass: a documented checksum or structure (`github-crc32`,
 * `jwt`), or for generic detectors `not-words` (the value must not read as identifier words).
 */
export type SecretValidator = 'github-crc32' | 'jwt' | 'not-words';

export interface SecretRule {
  /** `moat.secrets.<provider>-<kind>` for the built-ins; anything for imported rules. */
  readonly id: string;
  readonly description: string;
  /** RE2 syntax (as Go and gitleaks). Absent only for path-only rules. */
  readonly regex?: string;
  /** The capture group holding the secret; default: the first group that matched non-empty, else the whole match. */
  readonly secretGroup?: number;
  /** Minimum Shannon entropy (bits per character) of the secret; the secret must exceed it. */
  readonly entropy?: number;
  /** Lowercase literals; the rule runs only where one occurs. Empty: the rule always runs. */
  readonly keywords: readonly string[];
  /** Regex on the file path: the rule applies only to matching files. */
  readonly path?: string;
  readonly allowlists: readonly SecretAllowlist[];
  readonly severity: Level;
  readonly tags: readonly string[];
  /**
   * Where the regex runs once a keyword is found: `n` = the keyword's line and n lines either side
   * (the regex sees only those lines), `'file'` (the default, gitleaks semantics) = the whole text.
   */
  readonly context?: number | 'file';
  readonly validate?: SecretValidator;
}

/** A built-in detector: a rule plus the fixtures its tests expand (templates, never real tokens). */
export interface BuiltinSecretRule extends SecretRule {
  /** gitleaks default-config ids this detector stands for (for `disabledRules`, `targetRules`, overrides). */
  readonly aliases?: readonly string[];
  readonly samples: {
    /** Each must be reported by this detector (see sample-tokens.ts for the template syntax). */
    readonly positive: readonly string[];
    /** Near misses and placeholders: none may be reported by any detector. */
    readonly negative: readonly string[];
  };
}
