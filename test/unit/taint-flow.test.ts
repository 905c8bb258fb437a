/**
 * Taint mode (`mode: taint`): sources reach sinks through assignments, calls, string building and
 * containers, in flow order within a function; sanitizers, propagators, by-side-effect and exact
 * options behave as Semgrep documents them. Snippets in each supported language.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines, rule, scanSnippet } from '../helpers/engine';

const PY_RULE = rule(
  'python',
  `
mode: taint
pattern-sources:
  - pattern: source(...)
pattern-sinks:
  - pattern: sink(...)
pattern-sanitizers:
  - pattern: clean(...)
`,
);

async function py(code: string, yaml = PY_RULE): Promise<number[]> {
  return lines(await scanSnippet(yaml, code, 'a.py'));
}

test('python: assignment chains, calls and string building carry taint to the sink', async () => {
  const code = [
    'def f():',
    '    a = source()',
    '    b = a',
    '    c = "x" + b',
    '    d = f"pre {c} post"',
    '    e = "%s" % d',
    '    g = "{}".format(e)',
    '    h = transform(g).strip()',
    '    sink(h)',
    '    sink("constant")',
    '',
  ].join('\n');
  assert.deepEqual(await py(code), [9]);
});

test('python: flow order — a use before the assignment is clean, a clean reassignment clears', async () => {
  const code = [
    'def f():',
    '    sink(x)',
    '    x = source()',
    '    sink(x)',
    '    x = "safe"',
    '    sink(x)',
    '',
  ].join('\n');
  assert.deepEqual(await py(code), [4]);
});

test('python: sanitizers clean the value, not the variable it came from', async () => {
  const code = [
    'def f():',
    '    x = source()',
    '    y = clean(x)',
    '    sink(y)',
    '    sink(clean(x))',
    '    sink(x)',
    '',
  ].join('\n');
  assert.deepEqual(await py(code), [6]);
});

test('python: branches join, loops carry taint around, return ends a path', async () => {
  const code = [
    'def f(c):',
    '    x = "a"',
    '    if c:',
    '        x = source()',
    '    sink(x)',
    '    y = source()',
    '    if c:',
    '        y = "a"',
    '    else:',
    '        y = "b"',
    '    sink(y)',
    '    z = source()',
    '    if c:',
    '        z = "a"',
    '    elif d:',
    '        pass',
    '    else:',
    '        return',
    '    sink(z)',
    '    w = ""',
    '    for i in range(3):',
    '        sink(w)',
    '        w = source()',
    '',
  ].join('\n');
  assert.deepEqual(await py(code), [5, 19, 22]);
});

test('python: containers — element to container, container to element, append', async () => {
  const code = [
    'def f():',
    '    t = source()',
    '    l = [1, t]',
    '    sink(l)',
    '    d = {"k": t}',
    '    sink(d["k"])',
    '    m = []',
    '    m.append(t)',
    '    sink(m)',
    '    n = []',
    '    n.append("ok")',
    '    sink(n)',
    '    o = {}',
    '    o["k"] = t',
    '    sink(o)',
    '    sink(t.attr)',
    '    for e in l:',
    '        sink(e)',
    '    sink([e for e in l])',
    '',
  ].join('\n');
  assert.deepEqual(await py(code), [4, 6, 9, 15, 16, 18, 19]);
});

test('python: attributes of self are tracked as their own l-values', async () => {
  const code = [
    'class C:',
    '    def m(self):',
    '        self.user = source()',
    '        self.name = "x"',
    '        sink(self.name)',
    '        sink(self.user)',
    '        sink(self)',
    '',
  ].join('\n');
  assert.deepEqual(await py(code), [6, 7]);
});

test('python: functions are separate; top-level code is one more function; lambdas see their scope', async () => {
  const code = [
    'x = source()',
    'sink(x)',
    'def f():',
    '    sink(x)',
    'def g():',
    '    y = source()',
    '    h = lambda: sink(y)',
    '    def inner():',
    '        sink(y)',
    '',
  ].join('\n');
  assert.deepEqual(await py(code), [2, 7, 9]);
});

test('sinks: default is any tainted part of the match; focus-metavariable and exact narrow it', async () => {
  const focused = rule(
    'python',
    `
mode: taint
pattern-sources:
  - pattern: source(...)
pattern-sinks:
  - patterns:
      - pattern: run($CMD, $OPTS)
      - focus-metavariable: $CMD
`,
  );
  const code = ['def f():', '    t = source()', '    run(t, "x")', '    run("ls", t)', ''].join('\n');
  assert.deepEqual(await py(code, focused), [3]);
  const exact = rule(
    'python',
    `
mode: taint
pattern-sources:
  - pattern: source(...)
pattern-sinks:
  - patterns:
      - pattern: sink($X)
      - focus-metavariable: $X
    exact: true
`,
  );
  const code2 = ['def f():', '    t = source()', '    sink(t)', '    sink("a" if t else "b")', ''].join('\n');
  assert.deepEqual(await py(code2, exact), [3]);
  assert.deepEqual(await py(code2), [3, 4]);
});

test('sources: default covers everything inside the match; exact: true only the match', async () => {
  const code = ['def f():', '    source(sink(x))', ''].join('\n');
  assert.deepEqual(await py(code), [2]);
  const exact = rule('python', 'mode: taint\npattern-sources:\n  - pattern: source(...)\n    exact: true\npattern-sinks:\n  - pattern: sink(...)');
  assert.deepEqual(await py(code, exact), []);
});

test('by-side-effect sources and sanitizers change the variable for later code', async () => {
  const yaml = rule(
    'python',
    `
mode: taint
pattern-sources:
  - patterns:
      - pattern: read_into($X)
      - focus-metavariable: $X
    by-side-effect: true
pattern-sinks:
  - pattern: sink(...)
pattern-sanitizers:
  - patterns:
      - pattern: validate($Y)
      - focus-metavariable: $Y
    by-side-effect: true
`,
  );
  const code = ['def f(buf):', '    sink(buf)', '    read_into(buf)', '    sink(buf)', '    validate(buf)', '    sink(buf)', ''].join('\n');
  assert.deepEqual(await py(code, yaml), [4]);
});

test('propagators: from/to taint the receiver of a side-effecting call', async () => {
  const yaml = rule(
    'python',
    `
mode: taint
pattern-sources:
  - pattern: source(...)
pattern-sinks:
  - pattern: sink(...)
pattern-propagators:
  - pattern: $TO.stash($FROM)
    from: $FROM
    to: $TO
`,
  );
  const code = ['def f(box, other):', '    t = source()', '    box.stash(t)', '    other.stash("x")', '    sink(box)', '    sink(other)', ''].join('\n');
  assert.deepEqual(await py(code, yaml), [5]);
});

test('not-conflicting sanitizers do not cancel a source or sink they match exactly', async () => {
  const yaml = rule(
    'python',
    `
mode: taint
pattern-sources:
  - pattern: source(...)
pattern-sinks:
  - pattern: sink(...)
pattern-sanitizers:
  - pattern: $F(...)
    not-conflicting: true
`,
  );
  const code = ['def f():', '    x = source()', '    sink(x)', '    sink(wrap(x))', ''].join('\n');
  assert.deepEqual(await py(code, yaml), [3]);
});

test('messages interpolate the sink metavariables, then the source ones that do not collide', async () => {
  const yaml = `rules:
  - id: t
    message: $FN gets data from $SRC
    severity: ERROR
    languages: [python]
    mode: taint
    pattern-sources:
      - pattern: request.$SRC.get(...)
    pattern-sinks:
      - pattern: $FN(...)
    pattern-sanitizers:
      - pattern: escape(...)
`;
  const result = await scanSnippet(yaml, 'def v(request):\n    q = request.args.get("q")\n    os.system(q)\n', 'a.py');
  const messages = result.findings.map((f) => f.message);
  assert.ok(messages.includes('os.system gets data from args'), messages.join(' | '));
});

test('javascript and typescript: template literals, destructuring, push, arrow callbacks', async () => {
  const yaml = (lang: string) =>
    rule(
      lang,
      `
mode: taint
pattern-sources:
  - pattern: req.query
pattern-sinks:
  - pattern: res.send(...)
  - pattern: eval(...)
pattern-sanitizers:
  - pattern: escape(...)
`,
    );
  const code = [
    'app.get("/", (req, res) => {',
    '  const { name } = req.query;',
    '  res.send(`<p>${name}</p>`);',
    '  res.send(escape(name));',
    '  const parts = [];',
    '  parts.push(name);',
    '  eval(parts.join(""));',
    '  let v = name;',
    '  v = "fixed";',
    '  eval(v);',
    '  const o = { key: name };',
    '  eval(o.key);',
    '});',
    '',
  ].join('\n');
  assert.deepEqual(lines(await scanSnippet(yaml('javascript'), code, 'a.js')), [3, 7, 12]);
  assert.deepEqual(lines(await scanSnippet(yaml('typescript'), code.replace('const parts = []', 'const parts: string[] = []'), 'a.ts')), [3, 7, 12]);
});

test('go: short declarations, fmt.Sprintf, append, range, if/else', async () => {
  const yaml = rule(
    'go',
    `
mode: taint
pattern-sources:
  - pattern: $R.URL.Query().Get(...)
pattern-sinks:
  - pattern: exec.Command(...)
pattern-sanitizers:
  - pattern: shellescape.Quote(...)
`,
  );
  const code = [
    'package main',
    'func h(w http.ResponseWriter, r *http.Request) {',
    '	name := r.URL.Query().Get("n")',
    '	cmd := fmt.Sprintf("echo %s", name)',
    '	exec.Command("sh", "-c", cmd)',
    '	exec.Command("sh", "-c", shellescape.Quote(name))',
    '	args := []string{}',
    '	args = append(args, name)',
    '	for _, a := range args {',
    '		exec.Command(a)',
    '	}',
    '	safe := "ls"',
    '	exec.Command(safe)',
    '	var v string = name',
    '	v = "x"',
    '	exec.Command(v)',
    '}',
    '',
  ].join('\n');
  assert.deepEqual(lines(await scanSnippet(yaml, code, 'a.go')), [5, 10]);
});

test('java: StringBuilder append, String.format, fields of this, lambdas', async () => {
  const yaml = rule(
    'java',
    `
mode: taint
pattern-sources:
  - pattern: (HttpServletRequest $R).getParameter(...)
  - pattern: $REQ.getParameter(...)
pattern-sinks:
  - pattern: $ST.executeQuery(...)
pattern-sanitizers:
  - pattern: Encode.forSql(...)
`,
  );
  const code = [
    'class A {',
    '  void f(HttpServletRequest req, Statement st) {',
    '    String id = req.getParameter("id");',
    '    StringBuilder sb = new StringBuilder("select ");',
    '    sb.append(id);',
    '    st.executeQuery(sb.toString());',
    '    st.executeQuery(String.format("select %s", id));',
    '    st.executeQuery(Encode.forSql(id));',
    '    String q = "select 1";',
    '    st.executeQuery(q);',
    '    Runnable r = () -> st.executeQuery(id);',
    '  }',
    '}',
    '',
  ].join('\n');
  assert.deepEqual(lines(await scanSnippet(yaml, code, 'A.java')), [6, 7, 11]);
});

test('python: tuple assignments pair up; with-as, try/except, ternaries and += carry taint', async () => {
  const code = [
    'def f(c):',
    '    a, b = source(), "x"',
    '    sink(b)',
    '    sink(a)',
    '    with open(source()) as fh:',
    '        sink(fh.read())',
    '    try:',
    '        y = source()',
    '    except Exception:',
    '        y = "z"',
    '    sink(y)',
    '    z = source() if c else "k"',
    '    sink(z)',
    '    w = source()',
    '    w += "x"',
    '    sink(w)',
    '    sink(key=w2)',
    '',
  ].join('\n');
  assert.deepEqual(await py(code), [4, 6, 11, 13, 16]);
});

test('a 5000-term expression is evaluated without overflowing the stack', async () => {
  const long = Array.from({ length: 5000 }, () => 'a').join(' + ');
  const code = `def f():\n    x = source() + ${long}\n    sink(x)\n    y = ${long}\n    sink(y)\n`;
  assert.deepEqual(await py(code), [3]);
});
