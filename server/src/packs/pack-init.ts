/**
 * `moat pack init`: the files of a new pack — a manifest, one example rule and its annotated
 * test file — ready for `moat pack test` and `moat pack build`. Pure: returns the files to write.
 */
import semver from 'semver';
import { PACK_MANIFEST } from './pack-manifest';

export interface ScaffoldFile {
  /** Relative to the pack folder. */
  readonly path: string;
  readonly text: string;
}

/** `acme/payments` from a folder name such as `Payments Rules` (scope `local` unless given). */
export function defaultPackName(folderName: string, scope = 'local'): string {
  const slug = folderName.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-._]+|[-._]+$/g, '') || 'rules';
  return `${scope}/${slug}`;
}

export function packScaffold(name: string, moatVersion: string): ScaffoldFile[] {
  const v = semver.coerce(moatVersion) ?? new semver.SemVer('0.1.0');
  const idPrefix = name.replace('/', '.');
  const ruleId = `${idPrefix}.python-eval-of-input`;
  return [
    {
      path: PACK_MANIFEST,
      text: `# A Moat rule pack: https://github.com/moat-security/moat#rule-packs
name: ${name}
version: 0.1.0
description: Rules of ${name}.
# Rule files, relative to this folder (default: every .yaml file except rule tests).
rules:
  - "rules/**/*.yaml"
# Severity of rules that do not set one, and overrides by rule id or glob.
default-severity: MEDIUM
severity: {}
# The Moat versions this pack works with.
moat: ">=${v.major}.${v.minor}.0"
`,
    },
    {
      path: 'rules/python-eval-of-input.yaml',
      text: `rules:
  - id: ${ruleId}
    message: eval() of user input ($X) runs whatever the user sends
    severity: HIGH
    languages: [python]
    patterns:
      - pattern: eval($X)
      - pattern-not: eval("...")
    metadata:
      cwe: ["CWE-95: Improper Neutralization of Directives in Dynamically Evaluated Code"]
`,
    },
    {
      path: 'rules/python-eval-of-input.py',
      text: `def handler(request):
    # ruleid: ${ruleId}
    result = eval(request.args["expr"])
    # ok: ${ruleId}
    constant = eval("1 + 1")
    return result, constant
`,
    },
  ];
}
