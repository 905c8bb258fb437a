/**
 * The secrets detectors as a TextDetector for the scan pipeline (CLI, workers, language server):
 * findings are ranged on the secret and carry only a redacted preview.
 */
import type { TextDetector } from '../engine/text-detector';
import { builtinSecretRuleset } from './builtin';
import type { SecretRuleset } from './compile';
import { scanSecrets } from './scan';
import { secretRuleInfos, toFinding } from './secret-finding';

export function secretsDetector(ruleset: SecretRuleset = builtinSecretRuleset()): TextDetector {
  return {
    name: 'moat/secrets',
    infos: secretRuleInfos(ruleset),
    detect: (text, path) => scanSecrets(text, path, ruleset).map((f) => ({ ...toFinding(f), secret: true })),
  };
}
