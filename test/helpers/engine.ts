/**
 * Test helpers: one Grammars instance per test process (from the built dist/grammars), and a
 * one-call "compile these YAML rules and scan this snippet" for engine tests.
 */
import { Grammars } from '../../server/src/engine/grammars';
import { RuleSet } from '../../server/src/engine/rule-set';
import { scanFile, FileScanResult } from '../../server/src/engine/file-scan';
import { parseRuleFile } from '../../server/src/rules/rule-yaml';
import { wasmFromDir } from '../../server/src/scan/install-paths';
import type { Problem } from '../../server/src/engine/finding';

let shared: Promise<Grammars> | undefined;

export function testGrammars(): Promise<Grammars> {
  shared ??= Grammars.create(wasmFromDir());
  return shared;
}

export async function ruleSetFrom(yaml: string, file = 'rules.yaml'): Promise<{ rules: RuleSet; problems: Problem[] }> {
  const parsed = parseRuleFile(yaml, file);
  const rules = await RuleSet.create(parsed.rules, await testGrammars());
  return { rules, problems: [...parsed.problems, ...rules.problems] };
}

/** Scans `code` as `path` with the rules in `yaml`; throws if the rules have problems. */
export async function scanSnippet(yaml: string, code: string, path: string): Promise<FileScanResult> {
  const { rules, problems } = await ruleSetFrom(yaml);
  if (problems.length) throw new Error(`rule problems: ${problems.map((p) => `${p.line}: ${p.message}`).join('; ')}`);
  return scanFile(rules, code, { path });
}

/** 1-based start lines of the unsuppressed findings. */
export function lines(result: FileScanResult): number[] {
  return result.findings.filter((f) => !f.suppressed).map((f) => f.range.startPos.line + 1);
}

/** A single-rule YAML document. */
export function rule(lang: string, body: string, id = 'test-rule'): string {
  const indented = body.trim().split('\n').map((l) => '    ' + l).join('\n');
  return `rules:\n  - id: ${id}\n    message: found $X\n    severity: WARNING\n    languages: [${lang}]\n${indented}\n`;
}
