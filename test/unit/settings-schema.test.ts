/**
 * The settings VS Code shows (package.json `contributes.configuration`) are exactly the server's
 * settings schema, and every schema default equals the server's default — they cannot drift.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_SETTINGS, SETTINGS_SCHEMA, settingsFrom } from '../../server/src/protocol/settings';

const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));

test('package.json settings equal the server schema', () => {
  assert.deepEqual(manifest.contributes.configuration.properties, JSON.parse(JSON.stringify(SETTINGS_SCHEMA)));
});

test('schema defaults are the server defaults', () => {
  for (const [key, prop] of Object.entries(SETTINGS_SCHEMA)) {
    const name = key.slice('moat.'.length) as keyof typeof DEFAULT_SETTINGS;
    assert.deepEqual(prop.default, DEFAULT_SETTINGS[name], key);
  }
});

test('bad setting values fall back to defaults', () => {
  const s = settingsFrom({ enable: 'yes', debounceMs: -5, severityThreshold: 'extreme', rulePaths: ['a', 3], exclude: 'x' });
  assert.equal(s.enable, true);
  assert.equal(s.debounceMs, DEFAULT_SETTINGS.debounceMs);
  assert.equal(s.severityThreshold, 'info');
  assert.deepEqual(s.rulePaths, ['a']);
  assert.deepEqual(s.exclude, []);
});

test('the server never reads secrets from settings: no setting looks like a credential', () => {
  for (const key of Object.keys(SETTINGS_SCHEMA)) assert.doesNotMatch(key, /token|secret|password|key$/i);
});
