/**
 * Detectors that are not pattern rules but run on the text of any file (the secrets detectors).
 * The scan pipeline runs them next to the rules and applies inline suppressions to their findings
 * the same way. A detector must never throw on any input and must never put a secret value in a
 * finding (messages carry redacted previews).
 */
import type { Finding, RuleInfo } from './finding';

export interface TextDetector {
  readonly name: string;
  /** What the detector's rule ids mean, for reports and hovers. */
  readonly infos: readonly RuleInfo[];
  /** Findings in `text` (the file at `path`, relative, forward slashes); suppressions are applied by the caller. */
  detect(text: string, path: string): Finding[];
}
