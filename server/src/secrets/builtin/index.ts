/**
 * The built-in secrets ruleset: every detector (in the order that breaks ties between overlapping
 * findings: provider-specific first, key material and generic last), the global allowlist of
 * files that never hold secrets worth reporting (lockfiles, binaries), and the compiled ruleset.
 */
import { compileSecretRuleset, type CompileResult, type SecretRuleset } from '../compile';
import type { BuiltinSecretRule, SecretAllowlist } from '../rule-model';
import { AI_DETECTORS } from './ai';
import { CLOUD_DETECTORS } from './cloud';
import { CODE_DETECTORS } from './code';
import { KEY_DETECTORS } from './keys';
import { SAAS_DETECTORS } from './saas';

/** Built-in detectors look at the keyword's own line unless they say otherwise. */
export const BUILTIN_SECRET_RULES: readonly BuiltinSecretRule[] = [...AI_DETECTORS, ...CLOUD_DETECTORS, ...CODE_DETECTORS, ...SAAS_DETECTORS, ...KEY_DETECTORS].map(
  (rule) => ({ ...rule, context: rule.context ?? 0 }),
);

export const BUILTIN_SECRET_ALLOWLISTS: readonly SecretAllowlist[] = [
  {
    description: 'lockfiles and checksums (integrity hashes, not secrets)',
    paths: [
      '(?:^|/)(?:package-lock\\.json|npm-shrinkwrap\\.json|yarn\\.lock|pnpm-lock\\.yaml|bun\\.lockb?|deno\\.lock|Cargo\\.lock|poetry\\.lock|Pipfile\\.lock|uv\\.lock|composer\\.lock|Gemfile\\.lock|go\\.sum|go\\.work\\.sum|gradle\\.lockfile|packages\\.lock\\.json|flake\\.lock)$',
    ],
  },
  {
    description: 'binary and media files, installed dependencies',
    paths: [
      '(?i)\\.(?:png|jpe?g|gif|bmp|ico|webp|tiff?|woff2?|ttf|otf|eot|pdf|zip|gz|tgz|bz2|xz|7z|jar|war|class|exe|dll|so|dylib|bin|wasm|pyc|mp[34]|mov|avi)$',
      '(?:^|/)node_modules/',
      '(?:^|/)\\.git/',
    ],
  },
];

/** Finds a built-in detector by its id, its id without `moat.secrets.`, or a gitleaks alias. */
export function findBuiltinRule(id: string): BuiltinSecretRule | undefined {
  return BUILTIN_SECRET_RULES.find((r) => r.id === id || r.id === `moat.secrets.${id}` || (r.aliases ?? []).includes(id));
}

const SOURCE = 'moat/secrets (built-in)';
let cached: CompileResult | undefined;

/**
 * The compiled built-in ruleset (compiled once): regexes run on V8's engine where they translate,
 * and re2js compiles the others on first use.
 */
export function builtinSecretRuleset(): SecretRuleset {
  cached ??= compileSecretRuleset(BUILTIN_SECRET_RULES, BUILTIN_SECRET_ALLOWLISTS, SOURCE, { builtin: true });
  return cached.ruleset;
}

/** Problems compiling the built-ins with every regex checked by RE2 up front (always empty; a test keeps it so). */
export function builtinSecretProblems(): CompileResult['problems'] {
  return compileSecretRuleset(BUILTIN_SECRET_RULES, BUILTIN_SECRET_ALLOWLISTS, SOURCE).problems;
}
