/**
 * Vault lookup quick fix: per language, the rewritten text, a parse check with the real grammar
 * (no new syntax errors), idempotence for a second secret, and refusals for unsupported spots.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testGrammars } from '../helpers/engine';
import { applyTextEdits, proposeVaultRef, vaultLookupEdits, LookupFixInput, VaultRef } from '../../server/src/vault/vault-lookup-fix';
import type { LanguageId } from '../../server/src/engine/languages';

type Lang = LookupFixInput['languageId'];
const REF: VaultRef = { mount: 'secret', path: 'app/config', key: 'api_key' };
const REF2: VaultRef = { mount: 'secret', path: 'app/config', key: 'db_password' };

/** Applies the fix to the first occurrence of `secret` (content only, or with quotes when `whole`). */
function fix(lang: Lang, text: string, secret: string, ref = REF, whole = false) {
  let start = text.indexOf(secret);
  assert.ok(start >= 0, `no ${secret}`);
  let end = start + secret.length;
  if (whole) { start--; end++; }
  return vaultLookupEdits({ languageId: lang, text, secretStart: start, secretEnd: end, ref });
}

function fixed(lang: Lang, text: string, secret: string, ref = REF, whole = false): string {
  const r = fix(lang, text, secret, ref, whole);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return applyTextEdits(text, r.edits);
}

async function hasError(lang: Lang, text: string): Promise<boolean> {
  const { parser } = await (await testGrammars()).load(lang as LanguageId);
  const tree = parser.parse(text);
  assert.ok(tree);
  return tree.rootNode.hasError;
}

interface Case {
  readonly name: string;
  readonly lang: Lang;
  readonly before: string;
  readonly after: string;
  readonly second?: string; // a second secret in `before`, fixed after the first with REF2
}

const PY_CLIENT = '_vault = hvac.Client(url=os.environ["VAULT_ADDR"], token=os.environ.get("VAULT_TOKEN"))';
const pyLookup = (key: string) => `_vault.secrets.kv.v2.read_secret_version(path="app/config", mount_point="secret")["data"]["data"]["${key}"]`;
const JS_CLIENT = 'const vaultClient = nodeVault({ endpoint: process.env.VAULT_ADDR, token: process.env.VAULT_TOKEN });';
const jsHelper = (ts: boolean) => [
  '/** Reads `key` of the KV v2 secret at `mount`/`path` from HashiCorp Vault. */',
  ts ? 'async function vaultSecret(mount: string, path: string, key: string): Promise<string> {' : 'async function vaultSecret(mount, path, key) {',
  '  const res = await vaultClient.read(`${mount}/data/${path}`);',
  '  return res.data.data[key];',
  '}',
].join('\n');
const GO_HELPER = `// vaultSecret reads key from the KV v2 secret at mount/path in HashiCorp Vault (VAULT_ADDR, VAULT_TOKEN).
func vaultSecret(mount, path, key string) string {
\tclient, err := vault.NewClient(vault.DefaultConfig())
\tif err != nil {
\t\tpanic("vault: " + err.Error())
\t}
\tsecret, err := client.KVv2(mount).Get(context.Background(), path)
\tif err != nil {
\t\tpanic("vault: " + err.Error())
\t}
\tvalue, ok := secret.Data[key].(string)
\tif !ok {
\t\tpanic("vault: no string " + key + " in " + mount + "/" + path)
\t}
\treturn value
}
`;

const CASES: Case[] = [
  {
    name: 'python: module constant after docstring and imports',
    lang: 'python',
    before: '"""Settings."""\nfrom __future__ import annotations\n\nimport sys\n\nAPI_KEY = "sk-abc123"\nDB_PASSWORD = \'hunter2xyz\'\n',
    after: `"""Settings."""\nfrom __future__ import annotations\nimport hvac\nimport os\n\nimport sys\n\n${PY_CLIENT}\n\nAPI_KEY = ${pyLookup('api_key')}\nDB_PASSWORD = 'hunter2xyz'\n`,
    second: 'hunter2xyz',
  },
  {
    name: 'python: kwarg inside a function, no imports, existing os',
    lang: 'python',
    before: 'import os\n\ndef connect():\n    return Client(token="tok-999", other=os.getcwd())\n',
    after: `import hvac\nimport os\n\n${PY_CLIENT}\n\ndef connect():\n    return Client(token=${pyLookup('api_key')}, other=os.getcwd())\n`,
  },
  {
    name: 'javascript: CommonJS async function',
    lang: 'javascript',
    before: "'use strict';\nconst http = require('http');\n\nasync function main() {\n  const key = 'sk-abc123';\n  const pw = \"hunter2xyz\";\n  return http.get(key + pw);\n}\n",
    after: `'use strict';\nconst http = require('http');\nconst nodeVault = require('node-vault');\n\n${JS_CLIENT}\n\n${jsHelper(false)}\n\nasync function main() {\n  const key = await vaultSecret("secret", "app/config", "api_key");\n  const pw = "hunter2xyz";\n  return http.get(key + pw);\n}\n`,
    second: 'hunter2xyz',
  },
  {
    name: 'javascript: ES module top-level await, method call on the literal',
    lang: 'javascript',
    before: "import fs from 'fs';\nexport const key = 'sk-abc123'.trim();\n",
    after: `import fs from 'fs';\nimport nodeVault from 'node-vault';\n\n${JS_CLIENT}\n\n${jsHelper(false)}\nexport const key = (await vaultSecret("secret", "app/config", "api_key")).trim();\n`,
  },
  {
    name: 'typescript: async arrow and async method',
    lang: 'typescript',
    before: "import { Api } from './api';\n\nexport const run = async (): Promise<void> => {\n  new Api({ apiKey: 'sk-abc123' });\n};\nclass S {\n  async load(): Promise<string> {\n    return \"hunter2xyz\";\n  }\n}\n",
    after: `import { Api } from './api';\nimport nodeVault from 'node-vault';\n\n${JS_CLIENT}\n\n${jsHelper(true)}\n\nexport const run = async (): Promise<void> => {\n  new Api({ apiKey: await vaultSecret("secret", "app/config", "api_key") });\n};\nclass S {\n  async load(): Promise<string> {\n    return "hunter2xyz";\n  }\n}\n`,
    second: 'hunter2xyz',
  },
  {
    name: 'tsx: async handler',
    lang: 'tsx',
    before: "import React from 'react';\nexport async function load() {\n  return fetch('/x', { headers: { key: \"sk-abc123\" } });\n}\nexport const A = () => <div>hi</div>;\n",
    after: `import React from 'react';\nimport nodeVault from 'node-vault';\n\n${JS_CLIENT}\n\n${jsHelper(true)}\nexport async function load() {\n  return fetch('/x', { headers: { key: await vaultSecret("secret", "app/config", "api_key") } });\n}\nexport const A = () => <div>hi</div>;\n`,
  },
  {
    name: 'go: const becomes var, import block merged, helper appended',
    lang: 'go',
    before: 'package main\n\nimport (\n\t"fmt"\n)\n\nconst apiKey = "sk-abc123"\n\nfunc main() {\n\tpw := "hunter2xyz"\n\tfmt.Println(apiKey, pw)\n}\n',
    after: `package main\n\nimport (\n\t"fmt"\n\t"context"\n\tvault "github.com/hashicorp/vault/api"\n)\n\nvar apiKey = vaultSecret("secret", "app/config", "api_key")\n\nfunc main() {\n\tpw := "hunter2xyz"\n\tfmt.Println(apiKey, pw)\n}\n\n${GO_HELPER}`,
    second: 'hunter2xyz',
  },
  {
    name: 'go: spec moved out of a const block; single-line import',
    lang: 'go',
    before: 'package cfg\n\nimport "os"\n\nconst (\n\tName = "app"\n\tToken string = `tok-999`\n)\n\nvar _ = os.Args\n',
    after: `package cfg\n\nimport "os"\n\nimport (\n\t"context"\n\tvault "github.com/hashicorp/vault/api"\n)\n\nconst (\n\tName = "app"\n)\n\nvar Token string = vaultSecret("secret", "app/config", "api_key")\n\nvar _ = os.Args\n\n${GO_HELPER}`,
  },
  {
    name: 'terraform: provider attribute',
    lang: 'hcl',
    before: 'provider "datadog" {\n  api_key = "sk-abc123"\n  app_key = "hunter2xyz"\n}\n',
    after: 'provider "datadog" {\n  api_key = data.vault_kv_secret_v2.app_config.data["api_key"]\n  app_key = "hunter2xyz"\n}\n\ndata "vault_kv_secret_v2" "app_config" {\n  mount = "secret"\n  name  = "app/config"\n}\n',
    second: 'hunter2xyz',
  },
];

for (const c of CASES) {
  test(`vault fix ${c.name}`, async () => {
    assert.equal(await hasError(c.lang, c.before), false, 'fixture parses');
    const secret = c.lang === 'go' && c.before.includes('`tok-999`') ? 'tok-999' : c.before.includes('sk-abc123') ? 'sk-abc123' : 'tok-999';
    const after = fixed(c.lang, c.before, secret);
    assert.equal(after, c.after);
    assert.equal(await hasError(c.lang, after), false, `parses after the fix:\n${after}`);
    // The range may be the whole literal including quotes: same result.
    assert.equal(fixed(c.lang, c.before, secret, REF, true), c.after);
    if (c.second) {
      const twice = fixed(c.lang, after, c.second, REF2);
      assert.equal(await hasError(c.lang, twice), false, `parses after the second fix:\n${twice}`);
      for (const once of ['import hvac', 'nodeVault(', 'func vaultSecret', 'data "vault_kv_secret_v2"', '"context"', '_vault = hvac']) {
        assert.ok(twice.split(once).length <= 2, `${once} added twice:\n${twice}`);
      }
      assert.ok(twice.includes('db_password'));
    }
  });
}

interface Refusal { readonly name: string; readonly lang: Lang; readonly text: string; readonly secret: string; readonly reason: RegExp }
const REFUSALS: Refusal[] = [
  { name: 'python f-string', lang: 'python', text: 'x = 1\nKEY = f"sk-abc123{x}"\n', secret: 'sk-abc123', reason: /f-string/ },
  { name: 'python bytes', lang: 'python', text: 'KEY = b"sk-abc123"\n', secret: 'sk-abc123', reason: /bytes/ },
  { name: 'python comment', lang: 'python', text: '# sk-abc123\nx = 1\n', secret: 'sk-abc123', reason: /not inside/ },
  { name: 'js template literal', lang: 'javascript', text: 'async function f(x) { return `sk-abc123${x}`; }\n', secret: 'sk-abc123', reason: /template/ },
  { name: 'js CommonJS top level', lang: 'javascript', text: "const k = 'sk-abc123';\nmodule.exports = k;\n", secret: 'sk-abc123', reason: /CommonJS/ },
  { name: 'js sync function', lang: 'javascript', text: "import a from 'a';\nfunction f() { return 'sk-abc123'; }\n", secret: 'sk-abc123', reason: /non-async/ },
  { name: 'js sync arrow in async function', lang: 'javascript', text: "async function f() { return [1].map((x) => 'sk-abc123'); }\n", secret: 'sk-abc123', reason: /non-async/ },
  { name: 'ts class field', lang: 'typescript', text: "export class A { key = 'sk-abc123'; }\n", secret: 'sk-abc123', reason: /class/ },
  { name: 'ts object key', lang: 'typescript', text: "export const m = { 'sk-abc123': 1 };\n", secret: 'sk-abc123', reason: /key/ },
  { name: 'terraform interpolation', lang: 'hcl', text: 'locals {\n  u = "https://${var.h}/sk-abc123"\n}\n', secret: 'sk-abc123', reason: /interpolation/ },
  { name: 'terraform variable default', lang: 'hcl', text: 'variable "token" {\n  default = "sk-abc123"\n}\n', secret: 'sk-abc123', reason: /variable/ },
  { name: 'terraform tfvars', lang: 'hcl', text: 'token = "sk-abc123"\n', secret: 'sk-abc123', reason: /tfvars/ },
  { name: 'go struct tag', lang: 'go', text: 'package a\n\ntype T struct {\n\tA string `sk-abc123`\n}\n', secret: 'sk-abc123', reason: /struct tag/ },
];

for (const r of REFUSALS) {
  test(`vault fix refuses: ${r.name}`, () => {
    const res = fix(r.lang, r.text, r.secret);
    assert.equal(res.ok, false);
    if (!res.ok) assert.match(res.reason, r.reason);
  });
}

test('vault fix: out-of-range secret is refused', () => {
  const res = vaultLookupEdits({ languageId: 'python', text: 'x = 1', secretStart: 3, secretEnd: 99, ref: REF });
  assert.equal(res.ok, false);
});

test('proposeVaultRef: key from the assigned name, path from dir and file stem', () => {
  const py = 'OPENAI_API_KEY = "sk-abc"\n';
  assert.deepEqual(proposeVaultRef(py, py.indexOf('sk-'), py.indexOf('sk-') + 6, 'src/billing/settings.py'), { mount: 'secret', path: 'billing/settings', key: 'openai_api_key' });
  const js = 'const stripeSecretKey = "sk-abc";';
  assert.equal(proposeVaultRef(js, js.indexOf('"'), js.lastIndexOf('"') + 1, 'app.js').key, 'stripe_secret_key');
  const go = '\tapiToken := "abc"';
  assert.equal(proposeVaultRef(go, go.indexOf('abc'), go.indexOf('abc') + 3, '/x/main.go').key, 'api_token');
  const yaml = 'env:\n  - name: DB_PASSWORD\n    value: "abc"\n';
  assert.equal(proposeVaultRef(yaml, yaml.indexOf('abc'), yaml.indexOf('abc') + 3, 'k8s/deploy.yaml').key, 'db_password');
  const none = 'call("abc")';
  assert.equal(proposeVaultRef(none, 6, 9, 'a.py').key, 'call');
});
