/**
 * The prefilter learns required words from `metavariable-regex` conditions that pin a
 * metavariable to a few whole words (`^(execute|raw)$`): a file with none of them is not parsed,
 * and findings where they occur are unchanged.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchoredWords } from '../../server/src/engine/rule-compile';
import { lines, scanSnippet } from '../helpers/engine';

const RULE = `rules:
  - id: sql-exec
    languages: [python]
    severity: ERROR
    message: query built from strings
    patterns:
      - pattern: $DB.$EXEC("..." + $X)
      - metavariable-regex:
          metavariable: $EXEC
          regex: ^(execute|executemany|raw)$
`;

test('anchoredWords reads only fully anchored alternations of identifiers', () => {
  assert.deepEqual(anchoredWords('^(execute|executemany|raw)$'), ['execute', 'executemany', 'raw']);
  assert.deepEqual(anchoredWords('^(?:a|b_2)$'), ['a', 'b_2']);
  assert.deepEqual(anchoredWords('^eval$'), ['eval']);
  for (const open of ['^(a|b)', '(a|b)$', '^(a.b)$', '^(a|b)+$', '(?i)^(a|b)$', '^a|b$']) assert.equal(anchoredWords(open), undefined, open);
});

test('a file without any pinned word is not parsed; with one, the finding is as before', async () => {
  const none = await scanSnippet(RULE, 'db.query("SELECT " + name)\n', 'a.py');
  assert.equal(none.parsed, false, 'no execute/executemany/raw in the file: skipped before parsing');
  assert.deepEqual(none.findings, []);
  const some = await scanSnippet(RULE, 'db.query("SELECT " + name)\ncur.execute("SELECT " + name)\nraw = 1\n', 'b.py');
  assert.equal(some.parsed, true);
  assert.deepEqual(lines(some), [2]);
});
