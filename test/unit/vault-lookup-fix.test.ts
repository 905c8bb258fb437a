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

const JAVA_HELPER = `    /** Reads key from the KV v2 secret at mount/path in HashiCorp Vault (VAULT_ADDR, VAULT_TOKEN). */
    private static String vaultSecret(String mount, String path, String key) {
        try {
            VaultConfig config = new VaultConfig()
                    .address(System.getenv("VAULT_ADDR"))
                    .token(System.getenv("VAULT_TOKEN"))
                    .engineVersion(2)
                    .build();
            return new Vault(config).logical().read(mount + "/" + path).getData().get(key);
        } catch (VaultException e) {
            throw new IllegalStateException("vault: cannot read " + mount + "/" + path, e);
        }
    }`;
const k8sAnn = (ind: string, role: string, key: string) => [
  `${ind}vault.hashicorp.com/agent-inject: "true"`,
  `${ind}vault.hashicorp.com/role: "${role}"`,
  `${ind}vault.hashicorp.com/agent-inject-secret-${key}: "secret/data/app/config"`,
  `${ind}vault.hashicorp.com/agent-inject-template-${key}: '{{- with secret "secret/data/app/config" -}}{{ .Data.data.${key} }}{{- end -}}'`,
].join('\n');

const CASES: Case[] = [
  {
    name: 'python: module constant after docstring and imports',
    lang: 'python',
    before: '"""Settings."""\nfrom __future__ import annotations\n\nimport sys\n\nAPI_KEY = "sk-abc123"\nDB_PASSWORD = \'hunter2xyz\'\n',
    // moat-ignore: moat.secrets.generic-password a made-up fixture value, not a credential
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
  {
    name: 'java: field and local initializers, imports after the last import',
    lang: 'java',
    before: 'package com.acme;\n\nimport java.util.List;\n\npublic class Config {\n    private final String apiKey = "sk-abc123";\n\n    String pw() {\n        String p = "hunter2xyz";\n        return p;\n    }\n}\n',
    after: `package com.acme;\n\nimport java.util.List;\nimport io.github.jopenlibs.vault.Vault;\nimport io.github.jopenlibs.vault.VaultConfig;\nimport io.github.jopenlibs.vault.VaultException;\n\npublic class Config {\n    private final String apiKey = vaultSecret("secret", "app/config", "api_key");\n\n    String pw() {\n        String p = "hunter2xyz";\n        return p;\n    }\n\n${JAVA_HELPER}\n}\n`,
    second: 'hunter2xyz',
  },
  {
    name: 'java: no imports, nested class, static final field',
    lang: 'java',
    before: 'package a;\n\nclass Outer {\n    static class Inner {\n        static final String TOKEN = "tok-999";\n    }\n}\n',
    after: `package a;\n\nimport io.github.jopenlibs.vault.Vault;\nimport io.github.jopenlibs.vault.VaultConfig;\nimport io.github.jopenlibs.vault.VaultException;\n\nclass Outer {\n    static class Inner {\n        static final String TOKEN = vaultSecret("secret", "app/config", "api_key");\n    }\n\n${JAVA_HELPER}\n}\n`,
  },
  {
    name: 'kubernetes: Deployment template without annotations',
    lang: 'yaml',
    before: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\ndata:\n  x: "1"\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.25\n          env:\n            - name: API_KEY\n              value: "sk-abc123"\n            - name: DB_PASSWORD\n              value: hunter2xyz\n',
    after: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\ndata:\n  x: "1"\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels:\n        app: web\n      annotations:\n${k8sAnn('        ', 'web', 'api_key')}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.25\n          env:\n            - name: API_KEY\n            - name: DB_PASSWORD\n              value: hunter2xyz\n`,
    second: 'hunter2xyz',
  },
  {
    name: 'kubernetes: Pod with existing annotations, unindented lists',
    lang: 'yaml',
    before: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: job1\n  annotations:\n    team: core\nspec:\n  containers:\n  - name: c\n    env:\n    - value: \'sk-abc123\'\n      name: API_KEY\n',
    after: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: job1\n  annotations:\n    team: core\n${k8sAnn('    ', 'job1', 'api_key')}\nspec:\n  containers:\n  - name: c\n    env:\n    - name: API_KEY\n`,
  },
  {
    name: 'kubernetes: CronJob template without metadata',
    lang: 'yaml',
    before: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: "0 0 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: run\n              env:\n                - name: TOKEN\n                  value: "tok-999"\n',
    after: `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: "0 0 * * *"\n  jobTemplate:\n    spec:\n      template:\n        metadata:\n          annotations:\n${k8sAnn('            ', 'nightly', 'api_key')}\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: run\n              env:\n                - name: TOKEN\n`,
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
      for (const once of ['import hvac', 'nodeVault(', 'func vaultSecret', 'data "vault_kv_secret_v2"', '"context"', '_vault = hvac', 'import io.github.jopenlibs.vault.Vault;', 'String vaultSecret(', 'agent-inject:', 'annotations:', 'vault.hashicorp.com/role']) {
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
  { name: 'java annotation argument', lang: 'java', text: 'class A {\n    @Named("sk-abc123")\n    String k;\n}\n', secret: 'sk-abc123', reason: /annotation/ },
  { name: 'java case label', lang: 'java', text: 'class A {\n    int f(String s) {\n        switch (s) {\n            case "sk-abc123": return 1;\n            default: return 0;\n        }\n    }\n}\n', secret: 'sk-abc123', reason: /case/ },
  { name: 'java constant used in an annotation', lang: 'java', text: 'class A {\n    static final String K = "sk-abc123";\n    @Named(K)\n    String k;\n}\n', secret: 'sk-abc123', reason: /constant/ },
  { name: 'java constant used in a case label', lang: 'java', text: 'class A {\n    private static final String K = "sk-abc123";\n    int f(String s) {\n        switch (s) { case K -> { return 1; } default -> { return 0; } }\n    }\n}\n', secret: 'sk-abc123', reason: /constant/ },
  { name: 'java concatenation', lang: 'java', text: 'class A {\n    String k = "Bearer " + "sk-abc123";\n}\n', secret: 'sk-abc123', reason: /concatenation/ },
  { name: 'java text block', lang: 'java', text: 'class A {\n    String k = """\n        sk-abc123\n        """;\n}\n', secret: 'sk-abc123', reason: /text block/ },
  { name: 'java interface field', lang: 'java', text: 'interface A {\n    String K = "sk-abc123";\n}\n', secret: 'sk-abc123', reason: /interface/ },
  { name: 'yaml ConfigMap data', lang: 'yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  value: sk-abc123\n', secret: 'sk-abc123', reason: /ConfigMap|env/ },
  { name: 'yaml ConfigMap with env-like list', lang: 'yaml', text: 'kind: ConfigMap\nmetadata:\n  name: c\nspec:\n  containers:\n    - name: a\n      env:\n        - name: K\n          value: sk-abc123\n', secret: 'sk-abc123', reason: /ConfigMap/ },
  { name: 'yaml Helm template', lang: 'yaml', text: 'kind: Pod\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  containers:\n    - name: a\n      env:\n        - name: K\n          value: sk-abc123\n', secret: 'sk-abc123', reason: /template/i },
  { name: 'yaml flow-style env', lang: 'yaml', text: 'kind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      env: [{name: K, value: sk-abc123}]\n', secret: 'sk-abc123', reason: /flow/ },
  { name: 'yaml pod label, not env', lang: 'yaml', text: 'kind: Pod\nmetadata:\n  name: p\n  labels:\n    value: sk-abc123\nspec: {}\n', secret: 'sk-abc123', reason: /env/ },
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
