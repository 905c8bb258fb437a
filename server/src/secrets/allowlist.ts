/**
 * Allowlists, compiled and applied: path regexes, regexes on the secret / whole match / line
 * (`regexTarget`), stopwords, combined with OR (any criterion) or AND (every criterion set), as
 * gitleaks defines them. Used per rule and globally.
 */
import { compileRegex, type SafeRegex } from '../engine/safe-regex';
import { nativeMatcher } from './native-regex';
import type { RegexTarget, SecretAllowlist } from './rule-model';
import { lazyRe2Matcher } from './secret-matcher';

/** A compiled allowlist regex: RE2 (re2js), or for the built-in allowlists V8's engine where the regex translates. */
export interface AllowRegex {
  test(text: string): boolean;
}

export interface CompiledAllowlist {
  readonly description?: string;
  readonly and: boolean;
  readonly paths: readonly AllowRegex[];
  readonly regexes: readonly AllowRegex[];
  readonly regexTarget: RegexTarget;
  readonly stopwords: readonly string[];
  readonly hasCommits: boolean;
  /** Global allowlists restricted to some rules; undefined: every rule. */
  readonly targetRules?: ReadonlySet<string>;
  /** The last path tested against `paths` and the answer (a scan tests one path for many candidates). */
  readonly lastPath: { path?: string; allowed: boolean };
}

/** What a candidate finding offers to allowlists (`line` may be a getter: it is read only for `regexTarget: line`). */
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

/**
 * Compiles every regex with RE2; a regex RE2 cannot run is an error (Go's gitleaks rejects it too).
 * `builtin`: Moat's own allowlists, whose regexes run on V8's engine where they translate.
 */
export function compileAllowlist(list: SecretAllowlist, errors: AllowlistError[], options: { readonly builtin?: boolean } = {}): CompiledAllowlist {
  const compileAll = (key: string, sources: readonly string[] | undefined): AllowRegex[] => {
    const out: AllowRegex[] = [];
    for (const source of sources ?? []) {
      if (options.builtin) {
        out.push(lazyBuiltinRegex(source));
        continue;
      }
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
    lastPath: { allowed: false },
  };
}

/** A built-in allowlist regex, compiled on first use: on V8's engine where it translates, else on re2js. */
function lazyBuiltinRegex(source: string): AllowRegex {
  let compiled: AllowRegex | undefined;
  return {
    test(text) {
      compiled ??= nativeMatcher(source) ?? lazyRe2Matcher(source);
      return compiled.test(text);
    },
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
  const memo = list.lastPath;
  if (memo.path !== path) {
    memo.allowed = list.paths.some((p) => p.test(path));
    memo.path = path;
  }
  return memo.allowed;
}

/**
 * Does the allowlist cover this candidate? With `or`, the first criterion that holds decides;
 * with `and`, the first that fails does (a commit criterion never holds on files).
 */
export function allows(list: CompiledAllowlist, c: AllowCandidate): boolean {
  if (list.hasCommits && list.and) return false;
  let criteria = list.hasCommits ? 1 : 0;
  if (list.paths.length > 0) {
    criteria++;
    const held = pathAllowed(list, c.path);
    if (held !== list.and) return held;
  }
  if (list.regexes.length > 0) {
    criteria++;
    const target = list.regexTarget === 'match' ? c.match : list.regexTarget === 'line' ? c.line : c.secret;
    const held = list.regexes.some((r) => r.test(target));
    if (held !== list.and) return held;
  }
  if (list.stopwords.length > 0) {
    criteria++;
    const secret = c.secret.toLowerCase();
    const held = list.stopwords.some((w) => secret.includes(w));
    if (held !== list.and) return held;
  }
  // Every criterion held (`and`) or none did (`or`).
  return criteria > 0 && list.and;
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
