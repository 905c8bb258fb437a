/**
 * No output of the secrets scan holds a secret: every SecretFinding, its engine Finding and every
 * problem is serialized and searched for the raw secret (and for any 8-character run of it).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUILTIN_SECRET_RULES, builtinSecretRuleset } from '../../server/src/secrets/builtin/index';
import { scanSecrets } from '../../server/src/secrets/scan';
import { secretRuleInfos, toFinding } from '../../server/src/secrets/secret-finding';
import { expandSample } from '../../server/src/secrets/sample-tokens';
import { parseGitleaksConfig } from '../../server/src/secrets/gitleaks-config';
import { compileSecretRuleset } from '../../server/src/secrets/compile';

/** The secret and every 8-character run of it (other than runs of `known`, the rule's own words): none may appear in `output`. */
function assertAbsent(output: string, secret: string, what: string, known = ''): void {
  assert.ok(!output.includes(secret), `${what}: the raw secret appears in the output`);
  for (let i = 0; i + 8 <= secret.length; i++) {
    const run = secret.slice(i, i + 8);
    // Runs shared with the text around every secret (PEM armour, URL schemes) say nothing.
    if (/^[-A-Z ]+$/.test(run) || /^[a-z]+$/.test(run) || /\s/.test(run) || known.toLowerCase().includes(run.toLowerCase())) continue;
    assert.ok(!output.includes(run), `${what}: ${JSON.stringify(run)} (part of the secret) appears in the output`);
  }
}

test('redaction: findings of every detector, their engine Findings and rule infos never hold the secret', () => {
  const ruleset = builtinSecretRuleset();
  const infos = JSON.stringify(secretRuleInfos(ruleset));
  let checked = 0;
  for (const rule of BUILTIN_SECRET_RULES) {
    rule.samples.positive.forEach((template, i) => {
      const text = expandSample(template, `${rule.id}:p${i}`);
      const lines = text.split('\n');
      for (const f of scanSecrets(text, 'src/app.py', ruleset)) {
        const secret = text.slice(f.secretRange.start, f.secretRange.end);
        const output = JSON.stringify(f) + JSON.stringify(toFinding(f)) + JSON.stringify(toFinding(f, lines)) + toFinding(f).message;
        const known = `${f.ruleId} ${f.description}`;
        assertAbsent(output, secret, `${f.ruleId} on ${rule.id} #${i}`, known);
        assert.ok(!infos.includes(secret), `rule infos vs ${rule.id}`);
        assert.ok(secret.startsWith(f.redacted.slice(0, f.redacted.indexOf('…'))), 'the preview is the secret\'s start');
        checked++;
      }
    });
  }
  assert.ok(checked >= BUILTIN_SECRET_RULES.length);
});

test('redaction: short secrets of imported rules show at most a third of their characters', () => {
  const { rules } = parseGitleaksConfig(`[[rules]]\nid = "pin"\nregex = '''pin=([0-9]{6})'''\n`, 'g.toml');
  const { ruleset } = compileSecretRuleset(rules);
  const [f] = scanSecrets('pin=583920', 'x', ruleset);
  assert.equal(f.redacted, '58…(6 chars)');
  assertAbsent(JSON.stringify(f) + JSON.stringify(toFinding(f)), '583920', 'pin');
});

test('redaction: problems about rules never quote the scanned text', () => {
  const secret = expandSample('{alnum:32}', 'problem');
  const { rules, problems } = parseGitleaksConfig(`[[rules]]\nid = "broken"\nregex = '''(?=x)'''\n[[rules]]\nid = "ok"\nregex = '''ok_([A-Za-z0-9]{32})'''\n`, 'g.toml');
  const { ruleset } = compileSecretRuleset(rules);
  const findings = scanSecrets(`ok_${secret}`, 'x', ruleset);
  assert.equal(findings.length, 1);
  assertAbsent(JSON.stringify(problems) + JSON.stringify(findings), secret, 'problems');
});
