/**
 * End to end through the built CLI: hardcoded secrets in any text file are reported by default,
 * suppressible like any finding, and the raw value appears in no output format — not in messages,
 * not in snippets (masked), not in SARIF regions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expandSample } from '../../server/src/secrets/sample-tokens';

const MOAT = path.join(__dirname, '..', '..', '..', 'dist', 'moat.js');

/** Format-valid fake tokens built at run time (never real credentials). */
function fake(length: number, seed: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out += alphabet[x % alphabet.length];
  }
  return out;
}

test('secrets are found in any text file, suppressible, and never printed', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'moat-secrets-'));
  const openai = `sk-proj-${fake(74, 1)}T3BlbkFJ${fake(30, 2)}`;
  const github = expandSample('{github:ghp}', 'secrets-output'); // checksummed like a real token
  const anthropic = `sk-ant-api03-${fake(93, 4)}AA`;
  try {
    writeFileSync(path.join(dir, '.env'), `OPENAI_API_KEY=${openai}\nPASSWORD=changeme\n`);
    writeFileSync(path.join(dir, 'app.py'), `key = "${github}"  # moat-ignore: moat.secrets.github-pat fixture for a test\nclient = make(api_key="${anthropic}")\n`);
    for (const format of ['text', 'json', 'sarif']) {
      const run = spawnSync(process.execPath, [MOAT, 'scan', dir, '--format', format, '--no-color'], { encoding: 'utf8' });
      assert.equal(run.status, 1, `${format}: findings → exit 1; stderr: ${run.stderr}`);
      const out = run.stdout + run.stderr;
      for (const raw of [openai, github, anthropic]) {
        assert.ok(!out.includes(raw), `${format} output must not contain a secret`);
        assert.ok(!out.includes(raw.slice(6, 30)), `${format} output must not contain part of a secret`);
      }
      assert.match(out, /openai-project-key/);
      assert.match(out, /anthropic-api-key/);
    }
    const json = JSON.parse(spawnSync(process.execPath, [MOAT, 'scan', dir, '--format', 'json'], { encoding: 'utf8' }).stdout);
    const github_ = json.results.find((r: { ruleId: string }) => r.ruleId === 'moat.secrets.github-pat');
    assert.equal(github_?.suppressed?.kind, 'moat-ignore');
    const quiet = spawnSync(process.execPath, [MOAT, 'scan', dir, '--no-secrets'], { encoding: 'utf8' });
    assert.doesNotMatch(quiet.stdout, /moat\.secrets\./);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a .gitleaks.toml configures the secrets detectors (its own rules; [extend] useDefault keeps the built-ins)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'moat-gitleaks-'));
  const internal = `ACME-${fake(32, 9)}`;
  const openai = `sk-proj-${fake(74, 5)}T3BlbkFJ${fake(30, 6)}`;
  try {
    writeFileSync(path.join(dir, 'conf.py'), `ACME_TOKEN = "${internal}"\nOPENAI = "${openai}"\n`);
    const rule = `[[rules]]\nid = "acme-internal-token"\ndescription = "ACME internal token"\nregex = '''(?i)\\b(ACME-[A-Za-z0-9]{32})\\b'''\nsecretGroup = 1\nkeywords = ["acme-"]\n`;
    writeFileSync(path.join(dir, '.gitleaks.toml'), rule);
    const own = spawnSync(process.execPath, [MOAT, 'scan', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    const ids = JSON.parse(own.stdout).results.map((r: { ruleId: string }) => r.ruleId);
    assert.deepEqual(ids, ['acme-internal-token']);
    assert.ok(!own.stdout.includes(internal));
    writeFileSync(path.join(dir, '.gitleaks.toml'), `[extend]\nuseDefault = true\n\n${rule}`);
    const both = spawnSync(process.execPath, [MOAT, 'scan', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    const ids2 = JSON.parse(both.stdout).results.map((r: { ruleId: string }) => r.ruleId).sort();
    assert.deepEqual(ids2, ['acme-internal-token', 'moat.secrets.openai-project-key']);
    writeFileSync(path.join(dir, '.gitleaks.toml'), `[[rules]]\nid = "broken"\nregex = "a(b"\n`);
    const broken = spawnSync(process.execPath, [MOAT, 'scan', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    assert.equal(broken.status, 2);
    assert.ok(JSON.parse(broken.stdout).errors.some((e: { file?: string; message: string }) => (e.file ?? '').endsWith('.gitleaks.toml')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
