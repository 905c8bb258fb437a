function run(req, payload, userCode) {
  // ruleid: js-eval-dynamic
  eval(userCode);

  // ruleid: js-eval-dynamic
  const result = eval(req.body.expression);

  // ruleid: js-eval-dynamic
  eval(`return ${payload}`);

  // comments and parentheses are ignored by matching
  // ruleid: js-eval-dynamic
  eval(/* sneaky */ (payload));

  // ruleid: js-eval-dynamic
  const fn = new Function("a", "b", userCode);

  // ruleid: js-eval-dynamic
  const fn2 = new Function(req.query.body);

  // ok: js-eval-dynamic
  eval("1 + 1");

  // single quotes are the same string literal as double quotes
  // ok: js-eval-dynamic
  eval('console.log("static")');

  // ok: js-eval-dynamic
  const add = new Function("a", "b", "return a + b");

  // ok: js-eval-dynamic
  evaluate(userCode);

  // ok: js-eval-dynamic
  sandbox.run(userCode);

  // ok: js-eval-dynamic
  eval(payload); // nosemgrep

  // ok: js-eval-dynamic
  eval(userCode); // moat-ignore: js-eval-dynamic input comes from the trusted plugin registry

  return [result, fn, fn2, add];
}
