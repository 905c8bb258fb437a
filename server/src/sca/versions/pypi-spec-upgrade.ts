/**
 * Rewrites a PEP 440 specifier set so that it admits a target version and nothing older, keeping
 * its style: `==0.1.5`→`==0.2.0`, `~=0.1.5`→`~=0.2.0`, `>=0.1,<0.2`→`>=0.2.0` (an upper bound or
 * exclusion is kept only when it still admits the target), `<2`→`>=1.4, <2`.
 */
import { clauseAdmits, parsePySpecifiers, pyAdmits, type PySpecifier } from './pypi-specifier';
import type { PyVersion } from './pypi-version';
import { keepOuterWhitespace } from './version-scheme';

/** Clauses that set the lowest admitted version (or pin one). */
const LOWER_BOUNDS = new Set(['~=', '>=', '>', '==', '===']);

export function upgradePySpec(spec: string, target: PyVersion): string {
  return keepOuterWhitespace(spec, (inner) => {
    const set = parsePySpecifiers(inner);
    const t = target.raw;
    if (target.info.local) return `==${t}`;
    const isLower = (c: PySpecifier) => LOWER_BOUNDS.has(c.op) && !c.wildcard;
    const pin = set.clauses.find((c) => isLower(c) && (c.op === '==' || c.op === '==='));
    if (pin) return `${pin.op}${pin.gap}${t}`;
    const lower = set.clauses.find(isLower);
    const lowerText = lower ? rewriteLower(lower, target) : `>=${t}`;
    const parts: string[] = lower ? [] : [lowerText];
    for (const c of set.clauses) {
      if (c === lower) parts.push(lowerText);
      else if (!isLower(c) && clauseAdmits(c, t, target)) parts.push(c.text);
    }
    const result = parts.join(set.separator);
    // Never hand back something that does not admit the target.
    return pyAdmits(parsePySpecifiers(result), t, target, true) ? result : `>=${t}`;
  });
}

function rewriteLower(c: PySpecifier, target: PyVersion): string {
  if (c.op !== '~=') return `>=${c.gap}${target.raw}`;
  // ~= needs two release numbers: `~=2` is not a specifier, `~=2.0` is (and 2 == 2.0).
  const text = target.info.release.length >= 2 ? target.raw : target.info.public.replace(/^((?:\d+!)?\d+)/, '$1.0');
  return `~=${c.gap}${text}`;
}
