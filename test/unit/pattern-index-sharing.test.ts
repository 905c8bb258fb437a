/**
 * Identical patterns of different rules share one slot's matching (PatternIndex shareIdentical):
 * every slot must still get exactly the matches an unshared index gives it, on full and
 * incremental walks, and inactive slots stay empty.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleSetFrom } from '../helpers/engine';
import { PatternIndex } from '../../server/src/engine/pattern-index';
import { ParsedDocument } from '../../server/src/engine/parsed-document';
import { walkIncremental } from '../../server/src/engine/incremental-walk';

const RULES = `rules:
  - id: a
    message: a
    severity: WARNING
    languages: [python]
    pattern: $F($X)
  - id: b
    message: b
    severity: WARNING
    languages: [python]
    patterns:
      - pattern: $F($X)
      - pattern-not: print($X)
  - id: c
    message: c
    severity: WARNING
    languages: [python]
    pattern: $F($X, $Y)
`;

const CODE = 'import os\nos.system(cmd)\nprint(x)\nf(a, b)\ndef g(y):\n    return h(y)\n';

const plain = (m: { start: number; end: number; at?: number }) => [m.start, m.end, m.at];

test('identical patterns share a canonical slot and get the same matches as unshared slots', async () => {
  const { rules, problems } = await ruleSetFrom(RULES);
  assert.deepEqual(problems, []);
  const lr = rules.forLanguage('python')!;
  const shared = lr.index;
  const canonicalOf = [...shared.canonical];
  assert.ok(canonicalOf.some((c, slot) => c !== slot), 'the two `$F($X)` slots share');
  const doc = ParsedDocument.create(lr.lang, CODE);
  try {
    const st = doc.syntaxTree;
    const unshared = new PatternIndex(shared.patterns);
    const a = shared.walk(st, undefined);
    const b = unshared.walk(st, undefined);
    assert.deepEqual(a.matches.map((l) => l.map(plain)), b.matches.map((l) => l.map(plain)));
    assert.ok(a.matches.some((l) => l.length === 3), "os.system(cmd), print(x), h(y)");
    // Only the alias slot active: it still gets the matches; the inactive canonical slot is not read.
    const alias = canonicalOf.findIndex((c, slot) => c !== slot);
    const mask = new Uint8Array(shared.patterns.length);
    mask[alias] = 1;
    const onlyAlias = shared.walk(st, mask);
    assert.deepEqual(onlyAlias.matches[alias].map(plain), b.matches[alias].map(plain));
    const other = canonicalOf.findIndex((c, slot) => c === slot && canonicalOf.every((d, s) => s === slot || d !== slot));
    assert.deepEqual(onlyAlias.matches[other], []);
  } finally {
    doc.dispose();
  }
});

test('incremental walk with shared slots equals the full walk', async () => {
  const { rules } = await ruleSetFrom(RULES);
  const lr = rules.forLanguage('python')!;
  const index = lr.index;
  const doc = ParsedDocument.create(lr.lang, CODE);
  try {
    const mask = new Uint8Array(index.patterns.length).fill(1);
    const before = doc.syntaxTree;
    const first = index.walk(before, mask);
    doc.applyChanges([{ start: CODE.indexOf('print'), end: CODE.indexOf('print'), text: 'k(z)\n' }]);
    const after = doc.syntaxTree;
    const inc = walkIncremental(index, after, mask, { tree: before, mask, result: first, index }, { start: CODE.indexOf('print'), oldEnd: CODE.indexOf('print'), newEnd: CODE.indexOf('print') + 5 });
    assert.ok(inc, 'the walk is reused');
    const full = index.walk(after, mask);
    assert.deepEqual(inc.matches.map((l) => l.map(plain).sort()), full.matches.map((l) => l.map(plain).sort()));
    for (let slot = 0; slot < index.patterns.length; slot++) {
      if (index.canonical[slot] !== slot) assert.equal(inc.matches[slot], inc.matches[index.canonical[slot]], 'an alias reads its canonical list');
    }
  } finally {
    doc.dispose();
  }
});
