/**
 * Every built-in secrets detector, driven by the fixtures beside it: each positive sample is
 * reported by the detector, each near miss is not, and the masked variant of each positive
 * (`sk-proj-xxxx…`) is reported by no detector at all. Fixtures are templates expanded into fake
 * tokens at run time, so the repository holds no token-shaped literal (checked at the end).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_SECRET_RULES, builtinSecretProblems, builtinSecretRuleset, findBuiltinRule } from '../../server/src/secrets/builtin/index';
import { scanSecrets } from '../../server/src/secrets/scan';
import { expandSample, placeholderVariant } from '../../server/src/secrets/sample-tokens';
import { isPlaceholder } from '../../server/src/secrets/placeholders';

const ruleset = builtinSecretRuleset();

test('built-ins: at least 150 detectors, unique moat.secrets.<provider>-<kind> ids, complete metadata', () => {
  assert.ok(BUILTIN_SECRET_RULES.length >= 150, `only ${BUILTIN_SECRET_RULES.length} detectors`);
  const ids = new Set<string>();
  for (const r of BUILTIN_SECRET_RULES) {
    assert.match(r.id, /^moat\.secrets\.[a-z0-9]+(?:-[a-z0-9]+)*$/, r.id);
    assert.ok(!ids.has(r.id), `duplicate id ${r.id}`);
    ids.add(r.id);
    assert.ok(r.description.length > 5, `${r.id}: description`);
    assert.ok(r.regex, `${r.id}: regex`);
    assert.ok(r.keywords.length > 0, `${r.id}: built-ins must have keywords (the prefilter)`);
    for (const k of r.keywords) assert.equal(k, k.toLowerCase(), `${r.id}: keyword ${k} must be lowercase`);
    assert.ok(r.samples.positive.length >= 1, `${r.id}: needs a positive sample`);
    assert.ok(r.samples.negative.length >= 1, `${r.id}: needs a near-miss sample`);
  }
  assert.deepEqual(builtinSecretProblems(), []);
  assert.equal(ruleset.rules.length, BUILTIN_SECRET_RULES.length);
  assert.deepEqual(ruleset.alwaysRun, [], 'every built-in is keyword-gated');
});

test('built-ins: the required providers are covered', () => {
  const required = [
    'openai-project-key', 'openai-service-account-key', 'openai-admin-key', 'anthropic-api-key', 'anthropic-admin-key', 'huggingface-user-token',
    'huggingface-org-token', 'cohere-api-key', 'mistral-api-key', 'groq-api-key', 'replicate-api-token', 'google-api-key', 'azure-openai-api-key',
    'perplexity-api-key', 'xai-api-key', 'deepseek-api-key', 'together-api-key', 'fireworks-api-key', 'openrouter-api-key', 'pinecone-api-key',
    'weaviate-api-key', 'qdrant-api-key', 'langsmith-personal-token', 'langsmith-service-key', 'langfuse-secret-key', 'langfuse-public-key',
    'wandb-api-key', 'aws-access-key-id', 'aws-secret-access-key', 'gcp-service-account-key', 'azure-storage-connection-string', 'github-pat',
    'github-oauth-token', 'github-user-to-server-token', 'github-server-to-server-token', 'github-refresh-token', 'github-fine-grained-pat',
    'gitlab-pat', 'gitlab-deploy-token', 'gitlab-runner-token', 'slack-bot-token', 'slack-user-token', 'slack-app-token', 'slack-webhook-url',
    'stripe-secret-key', 'stripe-restricted-key', 'stripe-webhook-secret', 'twilio-api-key', 'twilio-auth-token', 'sendgrid-api-key',
    'npm-access-token', 'pypi-upload-token', 'private-key-rsa', 'private-key-ec', 'private-key-openssh', 'private-key-pgp', 'private-key-dsa',
    'private-key-pkcs8', 'jwt', 'postgres-url', 'mysql-url', 'mongodb-url', 'redis-url', 'amqp-url', 'generic-api-key', 'generic-password',
    'datadog-api-key', 'sentry-user-token', 'shopify-access-token', 'mailgun-api-key', 'mailchimp-api-key', 'heroku-api-key', 'digitalocean-pat',
    'doppler-personal-token', 'vault-service-token', 'terraform-cloud-token', 'atlassian-api-token', 'linear-api-key', 'notion-api-token',
    'postman-api-key', 'discord-bot-token', 'telegram-bot-token', 'dropbox-access-token', 'okta-api-token', 'cloudflare-api-token',
    'databricks-api-token', 'snowflake-password', 'supabase-secret-key', 'vercel-token', 'netlify-token', 'algolia-admin-key',
    'mapbox-secret-token', 'firebase-cloud-messaging-server-key',
  ];
  for (const id of required) assert.ok(findBuiltinRule(id), `missing detector ${id}`);
  assert.equal(findBuiltinRule('openai-api-key')?.id, 'moat.secrets.openai-project-key', 'gitleaks ids resolve through aliases');
});

for (const rule of BUILTIN_SECRET_RULES) {
  test(`detector ${rule.id}`, () => {
    rule.samples.positive.forEach((template, i) => {
      const seed = `${rule.id}:p${i}`;
      const text = expandSample(template, seed);
      const findings = scanSecrets(text, 'src/settings.py', ruleset);
      const mine = findings.find((f) => f.ruleId === rule.id);
      assert.ok(mine, `${rule.id} must report positive #${i}; got ${findings.map((f) => f.ruleId).join(', ') || 'nothing'}`);
      const secret = text.slice(mine.secretRange.start, mine.secretRange.end);
      assert.ok(secret.length > 0 && !isPlaceholder(secret));
      assert.ok(mine.range.start <= mine.secretRange.start && mine.secretRange.end <= mine.range.end, 'the secret lies inside the match');
      assert.equal(mine.redacted.endsWith(`(${secret.length} chars)`), true);

      const masked = placeholderVariant(template, seed);
      const maskedFindings = scanSecrets(masked, 'src/settings.py', ruleset);
      assert.deepEqual(maskedFindings.map((f) => f.ruleId), [], `masked positive #${i} must not be reported: ${JSON.stringify(masked.slice(0, 120))}`);
    });
    rule.samples.negative.forEach((template, i) => {
      const text = expandSample(template, `${rule.id}:n${i}`);
      const findings = scanSecrets(text, 'src/settings.py', ruleset).filter((f) => f.ruleId === rule.id);
      assert.deepEqual(findings.map((f) => f.ruleId), [], `near miss #${i} must not be reported: ${JSON.stringify(text.slice(0, 120))}`);
    });
  });
}

test('fixtures: the same template and seed give the same text; seeds differ', () => {
  assert.equal(expandSample('k={alnum:20}', 's1'), expandSample('k={alnum:20}', 's1'));
  assert.notEqual(expandSample('k={alnum:20}', 's1'), expandSample('k={alnum:20}', 's2'));
  assert.match(expandSample('{uuid}', 1), /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  assert.equal(placeholderVariant('ghp_{alnum:4}/{github:gho}', 1), 'ghp_xxxx/gho_' + 'x'.repeat(36));
});

test('fixtures: all positives together in one file are each reported, and nothing else appears', () => {
  const parts: string[] = [];
  for (const r of BUILTIN_SECRET_RULES) r.samples.positive.forEach((t, i) => parts.push(expandSample(t, `${r.id}:p${i}`)));
  const text = parts.join('\n\n');
  const found = new Set(scanSecrets(text, 'all.txt', ruleset, { maxFindingsPerRule: 1000 }).map((f) => f.ruleId));
  for (const r of BUILTIN_SECRET_RULES) assert.ok(found.has(r.id), `${r.id} not reported in the combined file`);
});

test('the repository holds no token-shaped literal: Moat scanning its own secrets sources and tests finds nothing', () => {
  const root = join(__dirname, '..', '..', '..');
  const files = [
    ...readdirSync(join(root, 'server/src/secrets')).filter((f) => f.endsWith('.ts')).map((f) => join(root, 'server/src/secrets', f)),
    ...readdirSync(join(root, 'server/src/secrets/builtin')).map((f) => join(root, 'server/src/secrets/builtin', f)),
    ...readdirSync(join(root, 'test/unit')).filter((f) => f.startsWith('secrets-')).map((f) => join(root, 'test/unit', f)),
  ];
  assert.ok(files.length > 10);
  for (const file of files) {
    const findings = scanSecrets(readFileSync(file, 'utf8'), file, ruleset);
    assert.deepEqual(findings.map((f) => `${f.ruleId}@${f.secretRange.startPos.line + 1}`), [], file);
  }
});
