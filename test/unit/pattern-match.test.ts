/**
 * Engine behaviour, table-driven: each case is a rule body, a snippet, and the lines that must be
 * reported. Covers metavariables, ellipsis, deep expressions, strings, keyword arguments, the
 * pattern operators and their combination semantics.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines, rule, scanSnippet } from '../helpers/engine';

interface Case {
  readonly name: string;
  readonly lang: string;
  readonly path: string;
  readonly body: string;
  readonly code: string;
  readonly expect: number[];
}

const cases: Case[] = [
  {
    name: 'python call with ellipsis args',
    lang: 'python',
    path: 'a.py',
    body: 'pattern: eval(...)',
    code: 'eval(x)\nfoo.eval(x)\neval()\nprint(eval(a, b))\n',
    expect: [1, 3, 4],
  },
  {
    name: 'metavariable unification',
    lang: 'python',
    path: 'a.py',
    body: 'pattern: $X == $X',
    code: 'a == a\na == b\nf(x) == f( x )\n',
    expect: [1, 3],
  },
  {
    name: 'keyword args in any order, ellipsis needed for extras',
    lang: 'python',
    path: 'a.py',
    body: 'pattern: requests.get(..., verify=False, ...)',
    code: 'requests.get(url, verify=False)\nrequests.get(url, verify=False, timeout=3)\nrequests.get(url, timeout=3)\nrequests.get(verify=True)\n',
    expect: [1, 2],
  },
  {
    name: 'keyword args exact without ellipsis',
    lang: 'python',
    path: 'a.py',
    body: 'pattern: f(a=1, b=2)',
    code: 'f(b=2, a=1)\nf(a=1, b=2, c=3)\nf(a=1)\n',
    expect: [1],
  },
  {
    name: 'string quote styles and string metavariable',
    lang: 'javascript',
    path: 'a.js',
    body: 'pattern: exec("$CMD")',
    code: "exec('ls')\nexec(\"rm\")\nexec(cmd)\n",
    expect: [1, 2],
  },
  {
    name: 'deep expression',
    lang: 'python',
    path: 'a.py',
    body: 'pattern: os.system(<... request.args ...>)',
    code: 'os.system("ls " + request.args["x"])\nos.system("ls")\n',
    expect: [1],
  },
  {
    name: 'statement sequence with ellipsis reaching nested blocks',
    lang: 'python',
    path: 'a.py',
    body: 'pattern: |\n  $F = open(...)\n  ...\n  $F.close()',
    code: 'f = open("x")\nif y:\n    f.close()\ng = open("y")\nh.close()\n',
    expect: [1],
  },
  {
    name: 'patterns with pattern-not and pattern-inside',
    lang: 'python',
    path: 'a.py',
    body: 'patterns:\n  - pattern-inside: |\n      def $F(...):\n        ...\n  - pattern: subprocess.call($CMD, shell=True)\n  - pattern-not: subprocess.call("ls", shell=True)',
    code: 'subprocess.call(c, shell=True)\ndef f():\n    subprocess.call(c, shell=True)\n    subprocess.call("ls", shell=True)\n',
    expect: [3],
  },
  {
    name: 'metavariable-regex',
    lang: 'javascript',
    path: 'a.js',
    body: 'patterns:\n  - pattern: $OBJ.$METHOD(...)\n  - metavariable-regex:\n      metavariable: $METHOD\n      regex: ^(exec|spawn)$',
    code: 'cp.exec(a)\ncp.spawn(b)\ncp.execFile(c)\n',
    expect: [1, 2],
  },
  {
    name: 'go call',
    lang: 'go',
    path: 'a.go',
    body: 'pattern: exec.Command("sh", "-c", $X)',
    code: 'package main\nfunc main() {\n\texec.Command("sh", "-c", cmd)\n\texec.Command("ls")\n}\n',
    expect: [3],
  },
  {
    name: 'java method call',
    lang: 'java',
    path: 'A.java',
    body: 'pattern: $STMT.executeQuery("..." + $X)',
    code: 'class A {\n  void f() {\n    st.executeQuery("select " + name);\n    st.executeQuery("select 1");\n  }\n}\n',
    expect: [3],
  },
  {
    name: 'typescript',
    lang: 'typescript',
    path: 'a.ts',
    body: 'pattern: new Function(...)',
    code: 'const f: any = new Function("a", "return a");\nconst g = Function;\n',
    expect: [1],
  },
];

for (const c of cases) {
  test(c.name, async () => {
    const result = await scanSnippet(rule(c.lang, c.body), c.code, c.path);
    assert.deepEqual(lines(result), c.expect);
  });
}
