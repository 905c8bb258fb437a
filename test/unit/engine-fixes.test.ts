/**
 * Regression tests for engine defects found while writing rule packs: Go statement sequences in
 * `pattern-inside`, JSX-comment test annotations, YAML anchors and aliases in rule files, typed
 * metavariables (TypeScript, Java, Go) and the message for regexes RE2 cannot run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines, rule, ruleSetFrom, scanSnippet, testGrammars } from '../helpers/engine';
import { parseAnnotations } from '../../server/src/rules/rule-test-annotations';
import { parseRuleFile } from '../../server/src/rules/rule-yaml';
import { RuleSet } from '../../server/src/engine/rule-set';
import { ParsedDocument } from '../../server/src/engine/parsed-document';
import { scanFile, scanWith } from '../../server/src/engine/file-scan';
import { normalizeTypeName } from '../../server/src/engine/declared-types';

// 1. Go: a statement sequence `foo()\n...` as pattern-inside covers only what follows foo().

const closeThenWrite = (lang: string, close: string) =>
  rule(lang, `patterns:\n  - pattern-inside: |\n      ${close}\n      ...\n  - pattern: bar()`);

test('go: pattern-inside "foo()\\n..." does not cover a bar() written before foo()', async () => {
  const code = 'package main\n\nfunc f() {\n\tbar()\n\tfoo()\n\tbar()\n\tif x {\n\t\tbar()\n\t}\n}\n';
  assert.deepEqual(lines(await scanSnippet(closeThenWrite('go', 'foo()'), code, 'a.go')), [6, 8]);
});

test('go: a statement pattern does not match the statement list that holds it', async () => {
  // `eval(x)` as a statement must be reported once, on its own line, not also as the whole body.
  const code = 'package main\n\nfunc f() {\n\ta := 1\n\teval(a)\n}\n';
  const result = await scanSnippet(rule('go', 'pattern: |\n  eval($X)\n  ...'), code, 'a.go');
  assert.deepEqual(
    result.findings.map((f) => [f.range.startPos.line + 1, f.range.endPos.line + 1]),
    [[5, 5]],
  );
});

test('java and python keep the same sequence semantics', async () => {
  const java = 'class A { void f() {\n bar();\n foo();\n bar();\n} }\n';
  assert.deepEqual(lines(await scanSnippet(closeThenWrite('java', 'foo();'), java, 'A.java')), [4]);
  const py = 'def f():\n    bar()\n    foo()\n    bar()\n';
  assert.deepEqual(lines(await scanSnippet(closeThenWrite('python', 'foo()'), py, 'a.py')), [4]);
});

// 2. `moat test` annotations written as JSX comments.

test('a {/* ruleid: x */} line annotates the next line', () => {
  const text = ['<div>', '  {/* ruleid: a, b */}', '  <iframe src={u} />', '  {/* ok: a */}', '  <p/>', '</div>'].join('\n');
  const got = parseAnnotations(text).map((a) => [a.kind, a.ruleId, a.line, a.commentLine]);
  assert.deepEqual(got, [
    ['ruleid', 'a', 3, 2],
    ['ruleid', 'b', 3, 2],
    ['ok', 'a', 5, 4],
  ]);
});

test('a JSX comment after or before code on its line annotates that line', () => {
  const text = ['<b/>{/* ruleid: a */}', '{/* ruleid: b */} <i/>', '<u/>'].join('\n');
  const got = parseAnnotations(text).map((a) => [a.ruleId, a.line]);
  assert.deepEqual(got, [
    ['a', 1],
    ['b', 2],
  ]);
});

// 3. YAML anchors and aliases in rule files.

const RULE_HEAD = (id: string) => `  - id: ${id}\n    message: m\n    severity: WARNING\n    languages: [python]\n`;

test('aliases are resolved: pattern-either: *sinks, patterns: *p, languages: *l', async () => {
  const yaml =
    'sinks: &sinks\n  - pattern: eval($X)\n  - pattern: exec($X)\nlangs: &l [python]\nrules:\n' +
    RULE_HEAD('a') + '    pattern-either: *sinks\n' +
    '  - id: b\n    message: m\n    severity: WARNING\n    languages: *l\n    patterns: &p\n      - pattern-either: *sinks\n      - pattern-not: eval("ok")\n' +
    '  - id: c\n    message: m\n    severity: WARNING\n    languages: *l\n    patterns: *p\n';
  const parsed = parseRuleFile(yaml, 'r.yaml');
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(parsed.rules.map((r) => [r.id, r.languages]), [['a', ['python']], ['b', ['python']], ['c', ['python']]]);
  const either = parsed.rules[0].formula;
  assert.equal(either?.op, 'either');
  assert.deepEqual(either?.op === 'either' ? either.items.map((i) => (i.op === 'pattern' ? i.pattern : '')) : [], ['eval($X)', 'exec($X)']);
  const result = await scanSnippet(yaml, 'eval(a)\nexec(b)\neval("ok")\nprint(c)\n', 'a.py');
  const byRule = (id: string) => result.findings.filter((f) => f.ruleId === id).map((f) => f.range.startPos.line + 1);
  assert.deepEqual(byRule('a'), [1, 2, 3]);
  assert.deepEqual(byRule('b'), [1, 2]);
  assert.deepEqual(byRule('c'), [1, 2]);
});

test('a problem about an aliased value is located at the alias', () => {
  const yaml = 'one: &one eval($X)\nrules:\n' + RULE_HEAD('a') + '    pattern-either: *one\n' + RULE_HEAD('b') + '    pattern: exec($X)\n';
  const parsed = parseRuleFile(yaml, 'r.yaml');
  assert.deepEqual(parsed.rules.map((r) => r.id), ['b']);
  assert.deepEqual(parsed.problems.map((p) => [p.line, p.column, p.ruleId, p.message]), [[7, 21, 'a', '`pattern-either` must be a non-empty list']]);
});

test('an unknown or self-referencing alias is one located problem; the other rules stay', () => {
  const yaml = 'rules:\n' + RULE_HEAD('a') + '    pattern-either: *missing\n' + RULE_HEAD('b') + '    pattern: exec($X)\n';
  const parsed = parseRuleFile(yaml, 'r.yaml');
  assert.deepEqual(parsed.rules.map((r) => r.id), ['b']);
  assert.equal(parsed.problems.length, 1);
  assert.match(parsed.problems[0].message, /unknown alias `\*missing`/);
  assert.deepEqual([parsed.problems[0].line, parsed.problems[0].column], [6, 21]);
  const cyclic = parseRuleFile('x: &x [1, *x]\nrules:\n' + RULE_HEAD('b') + '    pattern: exec($X)\n', 'r.yaml');
  assert.deepEqual(cyclic.rules.map((r) => r.id), ['b']);
  assert.match(cyclic.problems[0].message, /refers to the node that contains it/);
});

test('an alias bomb stops at a bounded size with a problem', () => {
  let yaml = 'a: &a [x, x, x, x, x, x, x, x, x, x]\n';
  for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e']]) yaml += `${name}: &${name} [${Array(10).fill('*' + prev).join(', ')}]\n`;
  const parsed = parseRuleFile(yaml + 'rules: []\n', 'r.yaml');
  assert.deepEqual(parsed.rules, []);
  assert.match(parsed.problems[0]?.message ?? '', /aliases expand to more than/);
});

// 4. Typed metavariables.

test('typescript ($S: DomSanitizer): parameters, locals, this.fields and parameter properties', async () => {
  const yaml = rule('typescript', "pattern: '($S: DomSanitizer).bypassSecurityTrustHtml($X)'");
  const code = [
    'class C {',
    '  constructor(private sanitizer: DomSanitizer, other: Foo) {}',
    '  f(h: string, s: DomSanitizer, t: angular.DomSanitizer, u: OtherSanitizer) {',
    '    this.sanitizer.bypassSecurityTrustHtml(h);',
    '    s.bypassSecurityTrustHtml(h);',
    '    t.bypassSecurityTrustHtml(h);',
    '    u.bypassSecurityTrustHtml(h);',
    '    const v: DomSanitizer = s;',
    '    v.bypassSecurityTrustHtml(h);',
    '    other.bypassSecurityTrustHtml(h);',
    '    untyped.bypassSecurityTrustHtml(h);',
    '  }',
    '  g(s: Other) { s.bypassSecurityTrustHtml(1); }',
    '}',
  ].join('\n');
  assert.deepEqual(lines(await scanSnippet(yaml, code, 'a.ts')), [4, 5, 6, 9]);
});

test('typescript: parameter lists and arrow functions keep their meaning', async () => {
  const arrow = rule('typescript', "pattern: '($X: string) => $BODY'");
  assert.deepEqual(lines(await scanSnippet(arrow, 'const f = (a: string) => a;\nconst g = (a: number) => a;\n', 'a.ts')), [1]);
  const fn = rule('typescript', "pattern: 'function $F($X: string) { ... }'");
  assert.deepEqual(lines(await scanSnippet(fn, 'function f(a: string) { return a; }\nfunction g(a: number) {}\n', 'a.ts')), [1]);
});

test('java (HttpServletRequest $REQ) and (String $Y): parameters, fields, locals, shadowing', async () => {
  const yaml = rule('java', 'pattern: (HttpServletRequest $REQ).getParameter(...)');
  const code = [
    'class A {',
    '  private HttpServletRequest field;',
    '  void m(javax.servlet.http.HttpServletRequest req, Other o) {',
    '    req.getParameter("a");',
    '    o.getParameter("b");',
    '    field.getParameter("c");',
    '    this.field.getParameter("d");',
    '    HttpServletRequest local = get();',
    '    local.getParameter("e");',
    '  }',
    '  void n(Foo field) { field.getParameter("f"); }',
    '  void k() { new HttpServletRequest().getParameter("g"); }',
    '}',
  ].join('\n');
  assert.deepEqual(lines(await scanSnippet(yaml, code, 'A.java')), [4, 6, 7, 9, 12]);
  const eq = rule('java', 'pattern: $X == (String $Y)');
  assert.deepEqual(lines(await scanSnippet(eq, 'class A { void m(String s, List<String> l, int i) {\n if (i == s) {}\n if (s == i) {}\n if (i == l) {}\n} }', 'A.java')), [2]);
});

test('java: (Type $X) as a method parameter or catch parameter is not a typed metavariable', async () => {
  const method = rule('java', 'pattern: |\n  void $M(HttpServletRequest $R) { ... }');
  assert.deepEqual(lines(await scanSnippet(method, 'class A {\n  void m(HttpServletRequest r) { x(); }\n  void n(Other r) { x(); }\n}', 'A.java')), [2]);
});

test('go ($R : *http.Request): parameters and var declarations; pointer and value types differ', async () => {
  const yaml = rule('go', "pattern: '($R : *http.Request).FormValue(...)'");
  const code = [
    'package p',
    'func h(w http.ResponseWriter, r, r2 *http.Request, v url.Values) {',
    '\tr.FormValue("a")',
    '\tr2.FormValue("b")',
    '\tv.FormValue("c")',
    '\tvar q *http.Request = r',
    '\tq.FormValue("d")',
    '}',
    'func g(r http.Request) {',
    '\tr.FormValue("e")',
    '}',
  ].join('\n');
  assert.deepEqual(lines(await scanSnippet(yaml, code, 'a.go')), [3, 4, 7]);
});

test('type names compare without generics, qualifiers and spaces', () => {
  assert.equal(normalizeTypeName('java.util.Map<String, List<Integer>>'), 'Map');
  assert.equal(normalizeTypeName('*http.Request'), '*Request');
  assert.equal(normalizeTypeName(' angular.core.DomSanitizer '), 'DomSanitizer');
  assert.equal(normalizeTypeName('[]byte'), '[]byte');
  assert.equal(normalizeTypeName('String[]'), 'String[]');
});

test('a typed pattern follows a declaration edited elsewhere in the file (incremental = full)', async () => {
  const yaml = rule('java', 'pattern: (HttpServletRequest $REQ).getParameter(...)');
  const { rules, problems } = await ruleSetFrom(yaml);
  assert.deepEqual(problems, []);
  const langRules = rules.forLanguage('java')!;
  let text = 'class A {\n  void m(HttpServletRequest r) {\n    r.getParameter("a");\n  }\n}\n';
  const doc = ParsedDocument.create(langRules.lang, text);
  try {
    const scan = () => scanWith(langRules, rules.textOnly, doc.text, { path: 'A.java', document: doc });
    assert.deepEqual(lines(scan()), [3]);
    const at = text.indexOf('HttpServletRequest r');
    doc.applyChanges([{ start: at, end: at + 'HttpServletRequest'.length, text: 'Form' }]);
    text = text.slice(0, at) + 'Form' + text.slice(at + 'HttpServletRequest'.length);
    assert.equal(doc.text, text);
    assert.deepEqual(lines(scan()), []);
    assert.deepEqual(lines(scanFile(rules, text, { path: 'A.java' })), []);
  } finally {
    doc.dispose();
  }
});

// 5. Regexes RE2 cannot run.

test('(?i) with a lookahead is a located problem that names lookahead and pattern-not-regex', async () => {
  const yaml = rule('python', "pattern-regex: '(?i)password(?!_hash)'");
  const parsed = parseRuleFile(yaml, 'r.yaml');
  const rules = await RuleSet.create(parsed.rules, await testGrammars());
  const problems = [...parsed.problems, ...rules.problems];
  assert.equal(problems.length, 1);
  const p = problems[0];
  assert.match(p.message, /lookahead `\(\?!…\)` is not supported by RE2; use pattern-not-regex/);
  assert.match(p.message, /inline flag `\(\?i\)`/);
  assert.deepEqual([p.file, p.line, p.ruleId, p.key], ['r.yaml', 6, 'test-rule', 'pattern-regex']);
});

test('metavariable-regex with (?i) and a lookbehind or backreference says what RE2 lacks', async () => {
  const body = (re: string) => `patterns:\n  - pattern: f($X)\n  - metavariable-regex:\n      metavariable: $X\n      regex: '${re}'`;
  const look = await ruleSetFrom(rule('python', body('(?i)(?<!a)b')));
  assert.match(look.problems[0]?.message ?? '', /lookbehind `\(\?<!…\)` is not supported by RE2/);
  const back = await ruleSetFrom(rule('python', body('(?i)(a)\\1')));
  assert.match(back.problems[0]?.message ?? '', /backreferences \(\\1…\) are not supported by RE2/);
  const plain = await ruleSetFrom(rule('python', body('(?i)[a')));
  assert.match(plain.problems[0]?.message ?? '', /^invalid regex: error parsing regexp: missing closing \]/);
});
