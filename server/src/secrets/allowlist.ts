/**
 * Allowlists, compiled and applied: path regexes, regexes on the secret / whole match / line
 * (`regexTarget`), stopwords, combined with OR (any criterion) or AND (every criterion set), as
 * gitleaks defines them. Used per rule and globally.
 */
import { compileRegex, type SafeRegex } from '../engine/safe-regex';
import type { RegexTarget, SecretAllowlist } from './rule-model';

export interface CompiledAllowlist {
  readonly description?: string;
  readonly and: boolean;
  readonly paths: readonly SafeRegex[];
  readonly regexes: readonly SafeRegex[];
  readonly regexTarget: RegexTarget;
  readonly stopwords: readonly string[];
  readonly hasCommits: boolean;
  /** Global allowlists restricted to some rules; undefined: every rule. */
  readonly targetRules?: ReadonlySet<string>;
}

/** What a candidate finding offers to allowlists. */
export interface AllowCandidate {
  readonly path: string;
  readonly secret: string;
  readonly match: string;
  readonly line: string;
}

export interface AllowlistError {
  readonly key: string;
  readonly message: string;
}

/** Compiles every regex with RE2; a regex RE2 cannot run is an error (Go's gitleaks rejects it too). */
export function compileAllowlist(list: SecretAllowlist, errors: AllowlistError[]): CompiledAllowlist {
  const compileAll = (key: string, sources: readonly string[] | undefined): SafeRegex[] => {
    const out: SafeRegex[] = [];
    for (const source of sources ?? []) {
      const r = compileSecretRegex(source);
      if (r.ok) out.push(r.regex);
      else errors.push({ key, message: `${key}: ${r.message}` });
    }
    return out;
  };
  return {
    description: list.description,
    and: list.condition === 'and',
    paths: compileAll('paths', list.paths),
    regexes: compileAll('regexes', list.regexes),
    regexTarget: list.regexTarget ?? 'secret',
    stopwords: (list.stopwords ?? []).map((w) => w.toLowerCase()).filter((w) => w.length > 0),
    hasCommits: (list.commits ?? []).length > 0,
    targetRules: list.targetRules && list.targetRules.length > 0 ? new Set(list.targetRules) : undefined,
  };
}

/** RE2 only: the linear-time guarantee holds for every secrets regex. */
export function compileSecretRegex(source: string): { ok: true; regex: SafeRegex } | { ok: false; message: string } {
  const r = compileRegex(source);
  if (!r.ok) return r;
  if (r.regex.engine !== 're2') return { ok: false, message: `regex uses syntax RE2 does not support (lookaround or backreference): ${source}` };
  return r;
}

export function pathAllowed(list: CompiledAllowlist, path: string): boolean {
  return list.paths.some((p) => p.test(path));
}

/** Does the allowlist cover this candidate? */
export function allows(list: CompiledAllowlist, c: AllowCandidate): boolean {
  const target = list.regexTarget === 'match' ? c.match : list.regexTarget === 'line' ? c.line : c.secret;
  const checks: Array<() => boolean> = [];
  // A commit criterion never holds on files.
  if (list.hasCommits) checks.push(() => false);
  if (list.paths.length > 0) checks.push(() => pathAllowed(list, c.path));
  if (list.regexes.length > 0) checks.push(() => list.regexes.some((r) => r.test(target)));
  if (list.stopwords.length > 0) {
    const secret = c.secret.toLowerCase();
    checks.push(() => list.stopwords.some((w) => secret.includes(w)));
  }
  if (checks.length === 0) return false;
  return list.and ? checks.every((f) => f()) : checks.some((f) => f());
}

/**
 * Can the whole file be skipped? Only for an OR allowlist whose paths match (or an AND allowlist
 * with nothing but paths), for every rule.
 */
export function skipsFile(list: CompiledAllowlist, path: string): boolean {
  if (list.targetRules || list.paths.length === 0) return false;
  if (list.and && (list.regexes.length > 0 || list.stopwords.length > 0 || list.hasCommits)) return false;
  return pathAllowed(list, path);
}
