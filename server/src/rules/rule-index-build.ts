/**
 * Build step (run by scripts/build.mjs, not shipped): `node rule-index-build.js PACKS_DIR OUT.json`
 * writes the prebuilt rule index of the bundled packs (see rule-index.ts).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { findRuleFiles, loadRules } from './rule-loader';
import { buildRuleIndex } from './rule-index';

async function main(root: string, out: string): Promise<void> {
  const abs = path.resolve(root);
  const files = await findRuleFiles(abs);
  const loaded = await loadRules([abs], abs);
  const index = await buildRuleIndex(abs, files, loaded.rules, loaded.problems);
  await fs.writeFile(out, JSON.stringify(index));
  process.stdout.write(`indexed ${index.rules.length} rules from ${files.length} files${index.problems.length ? ` (${index.problems.length} problems)` : ''}\n`);
}

const [root, out] = process.argv.slice(2);
main(root, out).catch((e: unknown) => {
  process.stderr.write(`rule index: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
