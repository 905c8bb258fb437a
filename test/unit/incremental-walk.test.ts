/**
 * The incremental walk must give exactly the findings of a full scan, version after version:
 * random single- and multi-character edits (insertions, deletions, replacements, keystroke bursts
 * composed into one reparse) over real rule sets and real-looking files in several languages.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { testGrammars } from '../helpers/engine';
import { RuleSet } from '../../server/src/engine/rule-set';
import { loadRules } from '../../server/src/rules/rule-loader';
import { ParsedDocument } from '../../server/src/engine/parsed-document';
import { scanFile, scanWith } from '../../server/src/engine/file-scan';
import type { LanguageId } from '../../server/src/engine/languages';

const root = path.join(__dirname, '..', '..', '..');

/** A deterministic pseudo-random sequence (tests must be repeatable). */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x / 0x7fffffff;
  };
}

const SNIPPETS = ['eval(x)', ' ', '\n', 'x', '(', ')', 'os.system(cmd)', '"s"', '# c', 'import pickle as pk\n', 'pk.loads(b)\n'];

async function check(lang: LanguageId, ruleDirs: string[], sourceFile: string, seed: number) {
  const grammars = await testGrammars();
  const loaded = await loadRules(ruleDirs.map((d) => path.join(root, d)));
  const rules = await RuleSet.create(loaded.rules, grammars);
  const langRules = rules.forLanguage(lang)!;
  const file = path.join(root, sourceFile);
  let text = readFileSync(file, 'utf8');
  const doc = ParsedDocument.create(langRules.lang, text);
  const next = random(seed);
  try {
    for (let step = 0; step < 60; step++) {
      const burst = 1 + Math.floor(next() * 3);
      const changes = [];
      for (let i = 0; i < burst; i++) {
        const start = Math.floor(next() * text.length);
        const end = Math.min(text.length, start + (next() < 0.5 ? 0 : Math.floor(next() * 4)));
        const insert = next() < 0.3 ? '' : SNIPPETS[Math.floor(next() * SNIPPETS.length)];
        changes.push({ start, end, text: insert });
        text = text.slice(0, start) + insert + text.slice(end);
      }
      doc.applyChanges(changes);
      const incremental = scanWith(langRules, rules.textOnly, doc.text, { path: path.basename(file), document: doc });
      const full = scanFile(rules, doc.text, { path: path.basename(file) });
      assert.deepEqual(incremental.findings, full.findings, `step ${step} after ${JSON.stringify(changes)}`);
    }
  } finally {
    doc.dispose();
  }
}

const cases: Array<[LanguageId, string[], string]> = [];
for (const dir of ['python', 'javascript', 'go', 'java']) {
  const files = readdirSync(path.join(root, 'test/conformance', dir)).filter((f) => !f.endsWith('.yaml') && !f.includes('.fixed.'));
  const lang: LanguageId = dir as LanguageId;
  for (const f of files.slice(0, 3)) cases.push([lang, [`test/conformance/${dir}`, 'packs'], `test/conformance/${dir}/${f}`]);
}

for (const [lang, dirs, file] of cases) {
  test(`incremental = full scan over random edits: ${file}`, async () => {
    await check(lang, dirs, file, file.length * 7919);
  });
}
