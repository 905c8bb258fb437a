/**
 * The Maven version scheme: the documented version order and version requirements. Upgrades keep
 * the requirement's form: `1.0`→`1.4`, `[1.0]`→`[1.4]`, `[1.0,2.0)`→`[1.4,2.0)` (the upper bound
 * kept only when it still admits the target, else `[1.4,)`).
 */
import { belowUpper, parseMavenSpec, restrictionContains, type MavenRestriction } from './maven-range';
import { compareMaven, isMavenVersionText, parseMavenVersion, type MavenVersion } from './maven-version';
import { VersionError, keepOuterWhitespace, type VersionScheme } from './version-scheme';

function parseVersion(text: string): MavenVersion {
  if (!isMavenVersionText(text.trim())) throw new VersionError('Maven', text, 'not a Maven version');
  return parseMavenVersion(text);
}

export const mavenScheme: VersionScheme = {
  ecosystem: 'Maven',
  valid: (version) => isMavenVersionText(version.trim()),
  compare: (a, b) => compareMaven(parseVersion(a), parseVersion(b)),
  satisfies(version, spec) {
    const v = parseVersion(version);
    const parsed = parseMavenSpec(spec);
    return parsed.kind === 'soft' ? compareMaven(v, parsed.version) === 0 : parsed.restrictions.some((r) => restrictionContains(r, v));
  },
  exactVersion(spec) {
    try {
      const parsed = parseMavenSpec(spec);
      if (parsed.kind === 'soft') return parsed.version.raw;
      return parsed.exact ? parsed.restrictions[0].lower!.text : undefined;
    } catch {
      return undefined;
    }
  },
  upgradeSpec(spec, target) {
    const t = parseVersion(target);
    const parsed = parseMavenSpec(spec);
    return keepOuterWhitespace(spec, (inner) => {
      if (parsed.kind === 'soft') return t.raw;
      if (parsed.exact) return `[${t.raw}]`;
      const comma = /,\s+/.test(inner) ? ', ' : ',';
      const sorted = [...parsed.restrictions].sort(byLower);
      const at = sorted.findIndex((r) => belowUpper(r, t));
      if (at === -1) return `[${t.raw}${comma})`;
      const first = sorted[at];
      const upper = first.upper ? `${first.upper.text}${first.upper.inclusive ? ']' : ')'}` : ')';
      // Later intervals that start at or above the target stay; earlier ones only admit older versions.
      const later = sorted.slice(at + 1).filter((r) => r.lower !== undefined && compareMaven(r.lower.version, t) >= 0);
      return [`[${t.raw}${comma}${upper}`, ...later.map((r) => restrictionText(r, comma))].join(comma);
    });
  },
};

function byLower(a: MavenRestriction, b: MavenRestriction): number {
  if (!a.lower || !b.lower) return a.lower ? 1 : b.lower ? -1 : 0;
  return compareMaven(a.lower.version, b.lower.version);
}

function restrictionText(r: MavenRestriction, comma: string): string {
  if (r.lower && r.upper && r.lower === r.upper) return `[${r.lower.text}]`;
  const open = r.lower ? (r.lower.inclusive ? '[' : '(') : '(';
  const close = r.upper ? (r.upper.inclusive ? ']' : ')') : ')';
  return `${open}${r.lower?.text ?? ''}${comma}${r.upper?.text ?? ''}${close}`;
}
