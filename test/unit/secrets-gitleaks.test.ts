/**
 * gitleaks configuration import: rules with Go RE2 syntax (`(?i)`, `(?P<name>…)`, `\z`, POSIX
 * classes), rule and global allowlists in both formats, `[extend]` (useDefault with Moat's
 * built-ins, path through the caller's reader, disabledRules, overrides), and problems with file,
 * line and key for every error, a bad rule being dropped while the others are kept.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGitleaksConfig } from '../../server/src/secrets/gitleaks-config';
import { compileSecretRuleset } from '../../server/src/secrets/compile';
import { scanSecrets } from '../../server/src/secrets/scan';
import { expandSample } from '../../server/src/secrets/sample-tokens';
import { BUILTIN_SECRET_RULES } from '../../server/src/secrets/builtin/index';

function load(toml: string, options = {}) {
  const imported = parseGitleaksConfig(toml, '.gitleaks.toml', options);
  const compiled = compileSecretRuleset(imported.rules, imported.allowlists, '.gitleaks.toml');
  return { ...imported, ruleset: compiled.ruleset, compileProblems: compiled.problems };
}

const scanIds = (ruleset: ReturnType<typeof load>['ruleset'], text: string, path = 'app.py') => scanSecrets(text, path, ruleset).map((f) => f.ruleId);

test('rules: id, description, regex with (?i), (?P<name>), \\z and POSIX classes, secretGroup, entropy, keywords, tags', () => {
  const toml = String.raw`
title = "team config"

[[rules]]
id = "acme-api-key"
description = "ACME API key"
regex = '''(?i)acme[_-]?key\s*[:=]\s*["']?(?P<key>[[:alnum:]]{24})["']?\s*\z'''
secretGroup = 1
entropy = 3.5
keywords = ["ACME"]
tags = ["acme", "internal"]
`;
  const { rules, problems, ruleset } = load(toml);
  assert.deepEqual(problems, []);
  assert.equal(rules.length, 1);
  assert.deepEqual(rules[0].keywords, ['acme'], 'keywords are lowercased');
  assert.deepEqual(rules[0].tags, ['acme', 'internal']);
  assert.equal(rules[0].description, 'ACME API key');
  const key = expandSample('{alnum:24}', 'acme');
  const findings = scanSecrets(`x = 1\nAcMe_KeY = "${key}"\n`, 'a.py', ruleset);
  assert.equal(findings.length, 1, '(?i) and \\z (end of text, after trailing space)');
  assert.equal(findings[0].description, 'ACME API key');
  assert.deepEqual(scanIds(ruleset, `ACME_KEY = "${key}"\nmore = 1\n`), [], '\\z is the end of the text, not of the line');
  assert.deepEqual(scanIds(ruleset, `ACME_KEY = "aaaabbbbaaaabbbbaaaabbbb"`), [], 'entropy threshold');
});

test('rules: a rule with an error is dropped with a problem naming file, line and key; the others are kept', () => {
  const toml = `
[[rules]]
id = "good"
regex = '''good_[a-z0-9]{16}'''

[[rules]]
id = "lookbehind"
description = "Go RE2 rejects this too"
regex = '''(?<=key=)[a-z]{8}'''

[[rules]]
id = "bad-group"
regex = '''bad_([a-z]{8})'''
secretGroup = 3

[[rules]]
id = "bad-types"
regex = 42
entropy = "high"

[[rules]]
description = "no id"
regex = '''x'''
`;
  const { rules, problems } = load(toml);
  assert.deepEqual(rules.map((r) => r.id), ['good']);
  const byKey = (key: string, ruleId?: string) => problems.find((p) => p.key === key && p.ruleId === ruleId);
  assert.equal(byKey('regex', 'lookbehind')?.line, 9);
  assert.equal(byKey('regex', 'lookbehind')?.file, '.gitleaks.toml');
  assert.match(byKey('regex', 'lookbehind')!.message, /RE2/);
  assert.equal(byKey('secretGroup', 'bad-group')?.line, 14);
  assert.equal(byKey('regex', 'bad-types')?.line, 18);
  assert.equal(byKey('entropy', 'bad-types')?.line, 19);
  assert.equal(byKey('id')?.line, 21);
  assert.ok(problems.every((p) => p.severity === 'error'));
});

test('invalid TOML is one problem with its line and column', () => {
  const { rules, problems } = load('[[rules]]\nid = "x"\nregex = [\n');
  assert.deepEqual(rules, []);
  assert.equal(problems.length, 1);
  assert.equal(problems[0].severity, 'error');
  assert.equal(problems[0].line, 4);
  assert.match(problems[0].message, /invalid TOML/);
});

test('rule allowlists: [[rules.allowlists]] and the older [rules.allowlist], not both', () => {
  const toml = `
[[rules]]
id = "tok"
regex = '''tok_([a-z0-9]{20})'''
keywords = ["tok_"]
[[rules.allowlists]]
regexTarget = "line"
regexes = ['''# fixture''']
[[rules.allowlists]]
condition = "AND"
paths = ['''^test/''']
stopwords = ["aaaa"]

[[rules]]
id = "old"
regex = '''old_([a-z0-9]{20})'''
[rules.allowlist]
paths = ['''\\.md$''']

[[rules]]
id = "both"
regex = '''both_([a-z0-9]{20})'''
[rules.allowlist]
paths = ['''x''']
[[rules.allowlists]]
paths = ['''y''']
`;
  const { rules, problems, ruleset } = load(toml);
  assert.deepEqual(rules.map((r) => r.id), ['tok', 'old']);
  assert.equal(rules[0].allowlists.length, 2);
  assert.equal(rules[0].allowlists[1].condition, 'and');
  assert.equal(problems.length, 1);
  assert.equal(problems[0].ruleId, 'both');
  assert.equal(problems[0].key, 'allowlist');
  const tok = expandSample('tok_{lowernum:20}', 1);
  assert.deepEqual(scanIds(ruleset, `t = "${tok}"`), ['tok']);
  assert.deepEqual(scanIds(ruleset, `t = "${tok}"  # fixture`), []);
  const old = expandSample('old_{lowernum:20}', 1);
  assert.deepEqual(scanIds(ruleset, old, 'README.md'), []);
  assert.deepEqual(scanIds(ruleset, old, 'main.go'), ['old']);
});

test('global allowlists: [allowlist] and [[allowlists]] with targetRules; commits are ignored with a warning', () => {
  const toml = `
[[rules]]
id = "tok"
regex = '''tok_([a-z0-9]{20})'''

[[rules]]
id = "other"
regex = '''oth_([a-z0-9]{20})'''

[allowlist]
description = "global"
paths = ['''^vendor/''']
regexes = ['''^tok_0''']
stopwords = ["zzzz"]
commits = ["deadbeef"]

[[allowlists]]
targetRules = ["other"]
regexTarget = "line"
regexes = ['''nosecret''']
`;
  const { problems, ruleset, compileProblems } = load(toml);
  assert.deepEqual(problems.map((p) => [p.severity, p.key, p.line]), [
    ['error', 'allowlist', 10],
    ['warning', 'allowlist.commits', 15],
  ]);
  assert.deepEqual(compileProblems, []);
  const tok = expandSample('tok_1{lowernum:19}', 2);
  const oth = expandSample('oth_{lowernum:20}', 2);
  assert.deepEqual(scanIds(ruleset, tok, 'vendor/x.py'), []);
  assert.deepEqual(scanIds(ruleset, tok), ['tok']);
  assert.deepEqual(scanIds(ruleset, 'tok_0abcdefghij123456789'), []);
  assert.deepEqual(scanIds(ruleset, `${oth} # nosecret`), []);
  assert.deepEqual(scanIds(ruleset, `${tok} # nosecret`), ['tok']);
});

test('[extend] useDefault: Moat built-ins merged in; overrides by gitleaks id; disabledRules', () => {
  const toml = `
[extend]
useDefault = true
disabledRules = ["generic-api-key", "moat.secrets.jwt", "no-such-rule"]

[[rules]]
id = "github-pat"
description = "GitHub token (team wording)"
[[rules.allowlists]]
paths = ['''^docs/''']

[[rules]]
id = "acme"
regex = '''acme_[a-z0-9]{20}'''
`;
  const { rules, problems, ruleset } = load(toml);
  assert.deepEqual(problems.map((p) => [p.severity, p.key, p.line]), [['warning', 'extend.disabledRules', 4]]);
  assert.equal(rules.length, BUILTIN_SECRET_RULES.length - 2 + 1);
  assert.equal(rules[0].id, 'acme', "the config's own rules come first");
  assert.ok(!rules.some((r) => r.id === 'moat.secrets.generic-api-key' || r.id === 'moat.secrets.jwt'));
  const pat = rules.find((r) => r.id === 'moat.secrets.github-pat')!;
  assert.equal(pat.description, 'GitHub token (team wording)');
  assert.equal(pat.regex, BUILTIN_SECRET_RULES.find((r) => r.id === pat.id)!.regex, 'the regex is kept from the base rule');
  assert.equal(pat.allowlists.length, 1);
  const token = expandSample('{github:ghp}', 3);
  assert.deepEqual(scanIds(ruleset, `GITHUB_TOKEN=${token}`), ['moat.secrets.github-pat']);
  assert.deepEqual(scanIds(ruleset, `GITHUB_TOKEN=${token}`, 'docs/setup.md'), []);
  assert.deepEqual(scanIds(ruleset, `Authorization: Bearer ${expandSample('{jwt}', 1)}`), [], 'jwt disabled');
});

test('[extend] path: read through the caller, merged, at most two levels deep; errors when unreadable', () => {
  const files: Record<string, string> = {
    'base.toml': `
[extend]
path = "root.toml"
[[rules]]
id = "base-rule"
regex = '''base_[a-z0-9]{20}'''
[allowlist]
paths = ['''^generated/''']
`,
    'root.toml': `
[extend]
path = "too-deep.toml"
[[rules]]
id = "root-rule"
regex = '''root_[a-z0-9]{20}'''
`,
  };
  const reads: Array<[string, string]> = [];
  const readExtended = (p: string, from: string) => {
    reads.push([p, from]);
    return files[p];
  };
  const { rules, allowlists, problems } = load(`[extend]\npath = "base.toml"\n[[rules]]\nid = "mine"\nregex = '''mine_[a-z]{8}'''\n`, { readExtended });
  assert.deepEqual(rules.map((r) => r.id), ['mine', 'base-rule', 'root-rule']);
  assert.deepEqual(reads, [['base.toml', '.gitleaks.toml'], ['root.toml', 'base.toml']]);
  assert.equal(allowlists.length, 1);
  assert.deepEqual(problems.map((p) => [p.file, p.key, p.severity]), [['root.toml', 'extend.path', 'warning']]);

  const missing = load(`[extend]\npath = "nowhere.toml"\n`);
  assert.deepEqual(missing.problems.map((p) => [p.key, p.line, p.severity]), [['extend.path', 2, 'error']]);
  const both = load(`[extend]\nuseDefault = true\npath = "x.toml"\n`);
  assert.equal(both.problems[0].key, 'extend.path');
  assert.equal(both.rules.length, BUILTIN_SECRET_RULES.length, 'useDefault wins');
});

test('overrides without a base rule, and path-only rules', () => {
  const { rules, problems } = load(`
[[rules]]
id = "orphan"
description = "overrides nothing"

[[rules]]
id = "pkcs12-file"
path = '''(?i)\\.p(?:12|fx)$'''
`);
  assert.deepEqual(rules.map((r) => r.id), ['pkcs12-file']);
  assert.equal(problems.length, 1);
  assert.equal(problems[0].ruleId, 'orphan');
  assert.equal(problems[0].line, 2);
});

test('options: imported rules may look near their keywords instead of the whole file', () => {
  const toml = `[[rules]]\nid = "hex"\nregex = '''\\b([0-9a-f]{32})\\b'''\nkeywords = ["acme"]\n`;
  const text = `# acme settings\n\nvalue = "${expandSample('{hex:32}', 4)}"\n`;
  assert.equal(scanIds(load(toml).ruleset, text).length, 1, 'gitleaks semantics: the keyword anywhere in the file');
  assert.equal(scanIds(load(toml, { context: 0 }).ruleset, text).length, 0);
  assert.equal(scanIds(load(toml, { context: 2 }).ruleset, text).length, 1);
});

test('unknown keys are warnings; severity may be given (a Moat extension)', () => {
  const { rules, problems } = load(`
colour = "blue"
[[rules]]
id = "x"
regex = '''x_[a-z]{10}'''
severity = "CRITICAL"
flavour = "vanilla"
`);
  assert.equal(rules[0].severity, 'critical');
  assert.deepEqual(problems.map((p) => [p.severity, p.key, p.line]), [['warning', 'colour', 2], ['warning', 'flavour', 7]]);
});

test('the gitleaks default rule shapes compile and run on RE2', () => {
  // Representative rules in the shape of gitleaks' own default configuration.
  const toml = String.raw`
[[rules]]
id = "adafruit-api-key"
regex = '''(?i)[\w.-]{0,50}?(?:adafruit)(?:[ \t\w.-]{0,20})[\s'"]{0,3}(?:=|>|:{1,3}=|\|\||:|=>|\?=|,)[\x60'"\s=]{0,5}([a-z0-9_-]{32})(?:[\x60'"\s;]|\\[nr]|$)'''
keywords = ["adafruit"]

[[rules]]
id = "jwt-base64"
regex = '''\bZXlK(?:(?P<alg>aGJHY2lPaU)|(?P<apu>aGNIVWlPaU))[a-zA-Z0-9\/\\_+\-\r\n]{40,}={0,2}'''
entropy = 2
keywords = ["zxlk"]

[[rules]]
id = "openshift-user-token"
regex = '''\b(sha256~[\w-]{43})(?:[^\w-]|\z)'''
entropy = 3.5
keywords = ["sha256~"]

[[rules]]
id = "cisco-meraki-api-key"
regex = '''[\w.-]{0,50}?(?i:[\w.-]{0,50}?(?:(?-i:[Mm]eraki|MERAKI))(?:[ \t\w.-]{0,20})[\s'"]{0,3})(?:=|>|:{1,3}=|\|\||:|=>|\?=|,)[\x60'"\s=]{0,5}([0-9a-f]{40})(?:[\x60'"\s;]|\\[nr]|$)'''
entropy = 3
keywords = ["meraki"]
`;
  const { rules, problems, ruleset, compileProblems } = load(toml);
  assert.deepEqual([problems, compileProblems], [[], []]);
  assert.equal(rules.length, 4);
  assert.deepEqual(scanIds(ruleset, `ADAFRUIT_IO_KEY = "${expandSample('{lowernum:32}', 1)}"`), ['adafruit-api-key']);
  assert.deepEqual(scanIds(ruleset, `oc login --token=sha256~${expandSample('{b64url:43}', 1)}`), ['openshift-user-token']);
  assert.deepEqual(scanIds(ruleset, `MERAKI_KEY=${expandSample('{hex:40}', 1)}`), ['cisco-meraki-api-key']);
  assert.deepEqual(scanIds(ruleset, `MERAKI_KEY=${expandSample('{hex:40}', 1)}`.toLowerCase()), ['cisco-meraki-api-key']);
  assert.deepEqual(scanIds(ruleset, `meraki_key=${expandSample('{hex:40}', 1)}`.replace('meraki', 'mERAKI')), [], '(?-i:…) inside (?i:…)');
});
