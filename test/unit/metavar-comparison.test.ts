import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileComparison, type ComparisonValue } from '../../server/src/engine/metavar-comparison';

type Bindings = Readonly<Record<string, ComparisonValue>>;

const BINDINGS: Bindings = {
  $PORT: 1024,
  $ZERO: 0,
  $NEG: -5,
  $HALF: 0.5,
  $NUMSTR: '1024',
  $HEXSTR: '0x10',
  $NAME: 'admin_password',
  $EMPTY: '',
  $NONE: null,
  $YES: true,
  $LIST: [1, 2, 'three'],
};

function compile(source: string) {
  const result = compileComparison(source);
  if (!result.ok) assert.fail(`"${source}" should compile but got: ${result.message}`);
  return result.comparison;
}

function run(source: string, bindings: Bindings = BINDINGS) {
  return compile(source).evaluate((name) => bindings[name]);
}

// Each expression must evaluate to `expected` (its Python truthiness).
const TRUTH_CASES: ReadonlyArray<readonly [string, boolean]> = [
  // literals and truthiness
  ['1', true],
  ['0', false],
  ['0.0', false],
  ['""', false],
  ["'x'", true],
  ['[]', false],
  ['[0]', true],
  ['None', false],
  ['True', true],
  ['False', false],
  ['1_000 == 1000', true],
  ['0x1F == 31', true],
  ['0o17 == 15', true],
  ['0b101 == 5', true],
  ['1.5e3 == 1500', true],
  ['.5 == 0.5', true],
  // arithmetic
  ['1 + 2 == 3', true],
  ['5 - 7 == -2', true],
  ['3 * 4 == 12', true],
  ['7 / 2 == 3.5', true],
  ['7 // 2 == 3', true],
  ['-7 // 2 == -4', true],
  ['7 % 3 == 1', true],
  ['-7 % 3 == 2', true],
  ['7 % -3 == -2', true],
  ['2 ** 10 == 1024', true],
  ['2 ** -1 == 0.5', true],
  ['- -3 == 3', true],
  ['+3 == 3', true],
  ['True + 1 == 2', true],
  ['"ab" + "cd" == "abcd"', true],
  ['[1] + [2] == [1, 2]', true],
  // precedence and associativity
  ['1 + 2 * 3 == 7', true],
  ['(1 + 2) * 3 == 9', true],
  ['10 - 4 - 3 == 3', true],
  ['2 ** 3 ** 2 == 512', true],
  ['-2 ** 2 == -4', true],
  ['(-2) ** 2 == 4', true],
  ['2 * 3 % 4 == 2', true],
  ['not 1 == 2', true],
  ['True or False and False', true],
  ['(True or False) and False', false],
  ['not True or True', true],
  ['0 or ""', false],
  ['0 or 5 and 3', true],
  // comparisons, including chained
  ['1 == 1.0', true],
  ['1 != 2', true],
  ['1 < 2', true],
  ['2 <= 2', true],
  ['3 > 2', true],
  ['2 >= 3', false],
  ['1 < 2 < 3', true],
  ['1 < 3 < 2', false],
  ['3 > 2 > 1 >= 1', true],
  ['1 < $PORT <= 1024', true],
  ['0 < $PORT < 1024', false],
  ['"abc" < "abd"', true],
  ['"b" > "abc"', true],
  ['[1, 2] < [1, 3]', true],
  ['None == None', true],
  ['None == 0', false],
  ['"1" == 1', false],
  ['True == 1', true],
  // in / not in
  ['2 in [1, 2, 3]', true],
  ['4 in [1, 2, 3]', false],
  ['4 not in [1, 2, 3]', true],
  ['"pass" in $NAME', true],
  ['"PASS" in $NAME', false],
  ['"" in "abc"', true],
  ['"three" in $LIST', true],
  ['"x" not in $LIST', true],
  ['1 in [1] == True', false], // chained: (1 in [1]) and ([1] == True)
  // metavariables and numeric strings
  ['$PORT > 1000', true],
  ['$PORT == 1024', true],
  ['$NUMSTR > 1000', true],
  ['$NUMSTR + 1 == 1025', true],
  ['$HEXSTR == 16', false], // equality is not coercing (Python)
  ['$HEXSTR > 15', true],
  ['$NEG < 0', true],
  ['$HALF * 2 == 1', true],
  ['$NONE == None', true],
  ['$YES', true],
  ['$EMPTY', false],
  ['$ZERO or $PORT', true],
  ['len($LIST) == 3', true],
  // built-in functions
  ['int("42") == 42', true],
  ['int(" -42 ") == -42', true],
  ['int("1_000") == 1000', true],
  ['int("ff", 16) == 255', true],
  ['int("0xff", 16) == 255', true],
  ['int("0b1", 16) == 177', true],
  ['int("777", 8) == 511', true],
  ['int("0o17", 0) == 15', true],
  ['int("z", 36) == 35', true],
  ['int("0x10") == 16', true],
  ['int(3.9) == 3', true],
  ['int(-3.9) == -3', true],
  ['int(True) == 1', true],
  ['int($NUMSTR) < 65536', true],
  ['float("2.5") == 2.5', true],
  ['float(" 1e3 ") == 1000', true],
  ['float(3) == 3', true],
  ['str(12) == "12"', true],
  ['str(None) == "None"', true],
  ['str(True) + "!" == "True!"', true],
  ['str([1, "a"]) == "[1, \'a\']"', true],
  ['len("héllo") == 5', true],
  ['len("") == 0', true],
  ['len([1, [2, 3]]) == 2', true],
  // re.match is anchored at the start only
  ['re.match("admin", $NAME)', true],
  ['re.match("password", $NAME)', false],
  ['re.match(".*password", $NAME)', true],
  ['re.match("adm", "admin") and not re.match("^min", "admin")', true],
  ['re.match(r"\\d+$", "123")', true],
  ['re.match("\\d+$", "12a")', false],
  ['re.match("abc\\Z", "abc")', true],
  ['re.match("(?i)ADMIN", $NAME)', true],
  ['re.match("(a+)+$", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab")', false],
  // strings and escapes
  ['"it\'s" == \'it\\\'s\'', true],
  ['"a\\tb" == "a" + "\\t" + "b"', true],
  ['"\\x41\\u0042" == "AB"', true],
  ['len("\\\\") == 1', true],
  ['len("\\d") == 2', true],
  ['len(r"\\n") == 2', true],
  ['"\\n" == "\\x0a"', true],
  // whitespace, including newlines from YAML block scalars
  ['  $PORT\n  > 1000  ', true],
];

for (const [source, expected] of TRUTH_CASES) {
  test(`evaluates ${JSON.stringify(source)} to ${expected}`, () => {
    assert.deepEqual(run(source), { ok: true, value: expected });
  });
}

// Each expression compiles but evaluation fails with a message matching the pattern.
const RUNTIME_ERROR_CASES: ReadonlyArray<readonly [string, RegExp]> = [
  ['$MISSING > 1', /^metavariable \$MISSING is not bound$/],
  ['$NAME + 1', /unsupported operand types for '\+': 'str' and 'int'/],
  ['$NAME - "x"', /unsupported operand types for '-': 'str' and 'str'/],
  ['$LIST * 2', /unsupported operand types for '\*': 'list' and 'int'/],
  ['None + 1', /'NoneType' and 'int'/],
  ['$NAME < 5', /'<' not supported between instances of 'str' and 'int'/],
  ['$NONE >= 0', /'>=' not supported between instances of 'NoneType' and 'int'/],
  ['[1] > 1', /'>' not supported between instances of 'list' and 'int'/],
  ['-$NAME', /bad operand type for unary '-': 'str'/],
  ['1 in "123"', /requires a string as left operand, not 'int'/],
  ['1 in 5', /argument of type 'int' is not a list or string/],
  ['1 / 0', /division by zero in '\/'/],
  ['1 // 0', /division by zero in '\/\/'/],
  ['1 % 0', /division by zero in '%'/],
  ['0 ** -1', /0 cannot be raised to a negative power/],
  ['(-8) ** 0.5', /fractional power/],
  ['10 ** 400', /too large/],
  ['int("abc")', /invalid literal for int\(\) with base 10: 'abc'/],
  ['int("1.5")', /invalid literal for int\(\)/],
  ['int("12", 2)', /invalid literal for int\(\) with base 2: '12'/],
  ['int("010", 0)', /invalid literal for int\(\) with base 0/],
  ['int(12, 10)', /can't convert non-string with explicit base/],
  ['int("1", 37)', /base must be >= 2 and <= 36, or 0/],
  ['int(None)', /int\(\) argument must be a string or a number, not 'NoneType'/],
  ['float("x1")', /could not convert string to float: 'x1'/],
  ['len(5)', /object of type 'int' has no len\(\)/],
  ['re.match("a", $PORT)', /re.match\(\) expected a string to match, not 'int'/],
  ['re.match($PORT, "a")', /pattern must be a string, not 'int'/],
  ['re.match($NAME + "(", "a")', /invalid regex/],
];

for (const [source, pattern] of RUNTIME_ERROR_CASES) {
  test(`evaluation of ${JSON.stringify(source)} fails with ${pattern}`, () => {
    const result = run(source);
    assert.equal(result.ok, false, `expected an error, got ${JSON.stringify(result)}`);
    if (!result.ok) assert.match(result.message, pattern);
  });
}

// Each expression fails to compile with a message matching the pattern at the given 1-based column.
const SYNTAX_ERROR_CASES: ReadonlyArray<readonly [string, RegExp, number]> = [
  ['(1 + 2))', /^unexpected "\)" at column 8$/, 8],
  ['1 +', /^unexpected end of expression at column 4$/, 4],
  ['(1 + 2', /expected "\)" but found end of expression at column 7/, 7],
  ['[1, 2', /expected "\]" but found end of expression at column 6/, 6],
  ['1 2', /^unexpected "2" at column 3$/, 3],
  ['$X = 1', /unexpected "=" at column 4 \(use "==" to compare\)/, 4],
  ['!$X', /unexpected "!" at column 1/, 1],
  ['$X @ 1', /unexpected "@" at column 4/, 4],
  ['"abc', /unterminated string starting at column 1/, 1],
  ['1 == \'abc', /unterminated string starting at column 6/, 6],
  ['"a\\x4" == 1', /invalid \\x escape in string at column 1/, 1],
  ['$x > 1', /invalid metavariable at column 1/, 1],
  ['1 < $', /invalid metavariable at column 5/, 5],
  ['$Xy', /invalid metavariable at column 1/, 1],
  ['007', /leading zeros/, 1],
  ['12abc', /invalid number literal at column 1/, 1],
  ['0x', /invalid number literal at column 1/, 1],
  ['foo(1)', /unknown function "foo" at column 1/, 1],
  ['1 + today()', /unknown function "today" at column 5/, 5],
  ['re.search("a", $X)', /unknown function "re.search" at column 1/, 1],
  ['x > 1', /unknown name "x" at column 1/, 1],
  ['int', /unknown name "int" at column 1/, 1],
  ['len()', /len\(\) takes 1 argument but got 0 at column 1/, 1],
  ['int(1, 2, 3)', /int\(\) takes 1 or 2 arguments but got 3/, 1],
  ['re.match("a")', /re.match\(\) takes 2 arguments but got 1/, 1],
  ['re.match("(?<=a)b", $X)', /invalid regex/, 1],
  ['1 and', /unexpected end of expression at column 6/, 6],
  ['not', /unexpected end of expression at column 4/, 4],
  ['1 not 2', /^unexpected "not" at column 3$/, 3],
  ['1 < < 2', /^unexpected "<" at column 5$/, 5],
  ['in [1]', /^unexpected "in" at column 1$/, 1],
  ['', /comparison is empty/, 1],
  ['   ', /comparison is empty/, 1],
];

for (const [source, pattern, column] of SYNTAX_ERROR_CASES) {
  test(`compiling ${JSON.stringify(source)} fails at column ${column}`, () => {
    const result = compileComparison(source);
    assert.equal(result.ok, false, `expected a syntax error for ${JSON.stringify(source)}`);
    if (!result.ok) {
      assert.match(result.message, pattern);
      assert.equal(result.column, column);
    }
  });
}

test('nesting up to 100 levels compiles; deeper nesting is an error, not a stack overflow', () => {
  const nested = (depth: number) => `${'('.repeat(depth)}1${')'.repeat(depth)} == 1`;
  assert.deepEqual(run(nested(100)), { ok: true, value: true });
  const tooDeep = [
    nested(101),
    nested(900),
    `${'-'.repeat(500)}1`,
    `${'not '.repeat(300)}1`,
    `${'2**'.repeat(600)}1`,
    '['.repeat(999),
  ];
  for (const source of tooDeep) {
    const result = compileComparison(source);
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.message, /nested more than 100 levels deep/);
  }
});

test('long flat expressions evaluate; expressions over 2,000 characters are refused', () => {
  const flat = `${Array.from({ length: 995 }, () => '1').join('+')} == 995`;
  assert.ok(flat.length <= 2000);
  assert.deepEqual(run(flat), { ok: true, value: true });
  const result = compileComparison(`${'1 + '.repeat(500)}1`);
  assert.equal(result.ok, false);
  if (!result.ok) {
    assert.match(result.message, /longer than 2000 characters/);
    assert.equal(result.column, 1);
  }
});

test('reports the metavariables used, once each, in order of appearance, with the $', () => {
  const comparison = compile('$B > $A and int($B) < 10 or $C_2 in [$A]');
  assert.deepEqual([...comparison.metavariables], ['$B', '$A', '$C_2']);
  assert.equal(comparison.source, '$B > $A and int($B) < 10 or $C_2 in [$A]');
  assert.deepEqual([...compile('1 < 2').metavariables], []);
});

test('lookup receives names with the $, and and/or short-circuit like Python', () => {
  const asked: string[] = [];
  const lookup = (name: string): ComparisonValue | undefined => {
    asked.push(name);
    return name === '$X' ? 5 : undefined;
  };
  assert.deepEqual(compile('$X > 1 or $UNBOUND > 1').evaluate(lookup), { ok: true, value: true });
  assert.deepEqual(compile('$X < 1 and $UNBOUND > 1').evaluate(lookup), { ok: true, value: false });
  assert.deepEqual(asked, ['$X', '$X']);
  assert.deepEqual(compile('$X > 1 and $UNBOUND > 1').evaluate(lookup), {
    ok: false,
    message: 'metavariable $UNBOUND is not bound',
  });
});

test('a compiled comparison can be evaluated many times with different bindings', () => {
  const comparison = compile('int($PORT) < 1024 and int($PORT) != 0');
  const verdicts = ['22', '80', '8080', '0', '0x50'].map((port) => comparison.evaluate(() => port));
  assert.deepEqual(
    verdicts.map((v) => (v.ok ? v.value : v.message)),
    [true, true, false, false, true],
  );
});

test('chained comparisons evaluate the middle operand once', () => {
  let lookups = 0;
  const result = compile('1 < $X < 10').evaluate(() => {
    lookups += 1;
    return 5;
  });
  assert.deepEqual(result, { ok: true, value: true });
  assert.equal(lookups, 1);
});
