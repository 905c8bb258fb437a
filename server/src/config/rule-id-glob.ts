/**
 * Rule-id globs as `.moat.yaml` and pack manifests write them: `*` any run of characters
 * (dots included), `?` one character, anything else literal. `moat.secrets.*` names every
 * built-in secrets detector; a glob without wildcards is an exact id.
 */

export interface RuleIdGlob {
  readonly glob: string;
  /** Literal characters in the glob: more is more specific. */
  readonly specificity: number;
  matches(id: string): boolean;
}

export function ruleIdGlob(glob: string): RuleIdGlob {
  if (!/[*?]/.test(glob)) return { glob, specificity: glob.length, matches: (id) => id === glob };
  const source = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  const re = new RegExp(`^${source}$`);
  return { glob, specificity: glob.replace(/[*?]/g, '').length, matches: (id) => re.test(id) };
}
