/**
 * A pack's manifest, `moat-pack.yaml`: read, validated against schemas/moat-pack.schema.json
 * (every error located at its key) and checked beyond the schema — the version is semver, the
 * `moat:` range is valid and admits this Moat, and every path stays inside the pack. Pure: the
 * caller reads the file.
 */
import path from 'node:path';
import semver from 'semver';
import { checkAllowlistRegexes, SecretsAllowlistSpec } from '../config/secrets-config';
import { checkYamlAgainstSchema, LocatedProblem } from '../config/yaml-schema-check';

export const PACK_MANIFEST = 'moat-pack.yaml';

/** The version of an unbundled development build (tests from out/): it accepts every pack. */
const DEV_VERSION = '0.0.0-dev';

/** The rule globs of a pack that does not list any. */
export const DEFAULT_RULE_GLOBS: readonly string[] = ['**/*.yaml', '**/*.yml'];

export interface PackManifest {
  readonly name: string;
  readonly version: string;
  readonly description?: string;
  /** Globs relative to the pack folder (gitignore syntax). */
  readonly rules: readonly string[];
  readonly secrets?: {
    /** Absolute path of the pack's gitleaks TOML. */
    readonly gitleaks?: string;
    readonly allowlist?: SecretsAllowlistSpec;
  };
  readonly defaultSeverity?: string;
  /** Rule id or glob → severity, for the pack's own rules. */
  readonly severity: Readonly<Record<string, string>>;
  /** The Moat versions the pack accepts (a semver range). */
  readonly moat?: string;
  /** The pack folder, absolute. */
  readonly dir: string;
  /** The manifest file, absolute. */
  readonly file: string;
}

export interface ParsedManifest {
  readonly manifest: PackManifest | undefined;
  readonly problems: LocatedProblem[];
}

interface RawManifest {
  name: string;
  version: string;
  description?: string;
  rules?: string[];
  secrets?: { gitleaks?: string; allowlist?: SecretsAllowlistSpec };
  'default-severity'?: string;
  severity?: Record<string, string>;
  moat?: string;
}

/** Parses `moat-pack.yaml` text (`file`: its absolute path; `shown`: its name in problems) for a Moat of version `moatVersion`. */
export function parsePackManifest(text: string, file: string, moatVersion: string, shown: string = file): ParsedManifest {
  const check = checkYamlAgainstSchema(text, shown, 'pack');
  if (check.problems.length > 0 || check.data === undefined) return { manifest: undefined, problems: check.problems };
  const raw = check.data as RawManifest;
  const problems: LocatedProblem[] = [];
  if (!semver.valid(raw.version)) problems.push(check.locate(['version'], 'value', `\`${raw.version}\` is not a semantic version (like 1.2.0)`));
  if (raw.moat !== undefined) {
    if (!semver.validRange(raw.moat)) problems.push(check.locate(['moat'], 'value', `\`${raw.moat}\` is not a semver range (like >=0.1.0)`));
    else if (moatVersion !== DEV_VERSION && !semver.satisfies(moatVersion, raw.moat, { includePrerelease: true })) {
      problems.push(check.locate(['moat'], 'value', `pack ${raw.name} needs Moat ${raw.moat}; this is Moat ${moatVersion}`));
    }
  }
  checkAllowlistRegexes(raw.secrets?.allowlist, ['secrets', 'allowlist'], check.locate, problems);
  const dir = path.dirname(path.resolve(file));
  (raw.rules ?? []).forEach((glob, i) => {
    if (escapes(glob)) problems.push(check.locate(['rules', i], 'value', `\`${glob}\` must stay inside the pack (relative, no \`..\`)`));
  });
  let gitleaks: string | undefined;
  if (raw.secrets?.gitleaks !== undefined) {
    if (escapes(raw.secrets.gitleaks)) problems.push(check.locate(['secrets', 'gitleaks'], 'value', `\`${raw.secrets.gitleaks}\` must stay inside the pack (relative, no \`..\`)`));
    else gitleaks = path.join(dir, raw.secrets.gitleaks);
  }
  if (problems.length > 0) return { manifest: undefined, problems };
  return {
    manifest: {
      name: raw.name,
      version: raw.version,
      description: raw.description,
      rules: raw.rules ?? DEFAULT_RULE_GLOBS,
      secrets: raw.secrets ? { gitleaks, allowlist: raw.secrets.allowlist } : undefined,
      defaultSeverity: raw['default-severity']?.toUpperCase(),
      severity: raw.severity ?? {},
      moat: raw.moat,
      dir,
      file: path.resolve(file),
    },
    problems: [],
  };
}

/** An absolute path, a `..` segment or a drive letter: outside the pack. */
function escapes(p: string): boolean {
  const posix = p.replace(/\\/g, '/');
  return posix.startsWith('/') || /^[A-Za-z]:/.test(posix) || posix.split('/').includes('..');
}
