/**
 * Maven pom.xml: `<dependencies>` and `<dependencyManagement>` (also inside `<profiles>`), with
 * `${property}` values from `<properties>` and `${project.version}`/`${project.groupId}` (from the
 * parent when the project has none). Scopes are all kept; the parent is not a dependency. A
 * dependency without a version takes the managed one; ranges (`[1.0,2.0)`) give no exact version.
 */
import type { Dependency, ManifestResult } from '../types';
import { LocatedText } from './located-text';
import { newDependency } from './new-dependency';
import { type XmlElement, child, childrenNamed, parseXmlLocated, textOf } from './xml-located';

const MAX_INTERPOLATION_DEPTH = 10;
/** Properties that expand to themselves twice over would otherwise grow exponentially. */
const MAX_INTERPOLATED_LENGTH = 4096;

function properties(text: string, project: XmlElement | undefined): Map<string, string> {
  const props = new Map<string, string>();
  const parent = child(project, 'parent');
  for (const key of ['groupId', 'artifactId', 'version']) {
    const own = textOf(text, child(project, key));
    const inherited = textOf(text, child(parent, key));
    const value = own ?? (key === 'artifactId' ? undefined : inherited);
    if (value !== undefined) {
      props.set(`project.${key}`, value);
      props.set(`pom.${key}`, value);
    }
    if (inherited !== undefined) props.set(`project.parent.${key}`, inherited);
  }
  for (const prop of child(project, 'properties')?.children ?? []) props.set(prop.name, textOf(text, prop) ?? '');
  return props;
}

function interpolate(value: string, props: Map<string, string>): string {
  let out = value;
  for (let depth = 0; depth < MAX_INTERPOLATION_DEPTH && out.includes('${'); depth++) {
    const next = out.replace(/\$\{([^}]+)\}/g, (m, key: string) => props.get(key.trim()) ?? m);
    if (next === out || next.length > MAX_INTERPOLATED_LENGTH) break;
    out = next;
  }
  return out;
}

/** The exact version a Maven version string names: `1.2.3`, `[1.2.3]`; none for ranges or unresolved properties. */
function exactVersion(resolved: string): string | undefined {
  if (resolved === '' || resolved.includes('${')) return undefined;
  const pinned = /^\[\s*([^,\])]+?)\s*\]$/.exec(resolved);
  if (pinned) return pinned[1];
  return /^[[(]/.test(resolved) ? undefined : resolved;
}

/** `<dependency>` elements of the project, its dependencyManagement and its profiles. */
function dependencyElements(project: XmlElement | undefined): { managed: XmlElement[]; declared: XmlElement[] } {
  const managed: XmlElement[] = [];
  const declared: XmlElement[] = [];
  const scopes = [project, ...childrenNamed(child(project, 'profiles'), 'profile')];
  for (const scope of scopes) {
    declared.push(...childrenNamed(child(scope, 'dependencies'), 'dependency'));
    managed.push(...childrenNamed(child(child(scope, 'dependencyManagement'), 'dependencies'), 'dependency'));
  }
  return { managed, declared };
}

export function readPomXml(file: string, text: string): ManifestResult {
  const lt = new LocatedText(file, text, 'pom.xml');
  const { root, problems } = parseXmlLocated(lt);
  const project = child(root, 'project');
  if (!project) {
    problems.push(lt.problem(0, 'no <project> element'));
    return { dependencies: [], problems };
  }
  const props = properties(text, project);
  const { managed, declared } = dependencyElements(project);

  const coordinates = (el: XmlElement): string | undefined => {
    const groupId = textOf(text, child(el, 'groupId'));
    const artifactId = textOf(text, child(el, 'artifactId'));
    if (!groupId || !artifactId) {
      problems.push(lt.problem(el.start, '<dependency> needs a <groupId> and an <artifactId>', 'warning'));
      return undefined;
    }
    return `${interpolate(groupId, props)}:${interpolate(artifactId, props)}`;
  };

  const managedVersions = new Map<string, string>();
  const dependencies: Dependency[] = [];
  const read = (el: XmlElement, fromManagement: boolean): void => {
    const name = coordinates(el);
    if (!name) return;
    const versionEl = child(el, 'version');
    const spec = textOf(text, versionEl);
    let version: string | undefined;
    let specRange;
    if (versionEl && spec) {
      version = exactVersion(interpolate(spec, props));
      const raw = text.slice(versionEl.contentStart, versionEl.contentEnd);
      const lead = raw.length - raw.trimStart().length;
      const start = versionEl.contentStart + lead;
      if (text.slice(start, start + spec.length) === spec) specRange = lt.range(start, start + spec.length);
      if (fromManagement && version && !managedVersions.has(name)) managedVersions.set(name, version);
    } else if (!fromManagement) {
      version = managedVersions.get(name);
    }
    dependencies.push(
      newDependency({
        ecosystem: 'Maven',
        name,
        version,
        spec: spec || undefined,
        direct: true,
        file,
        range: lt.range(el.start, el.end),
        specRange,
      }),
    );
  };
  for (const el of managed) read(el, true);
  for (const el of declared) read(el, false);
  dependencies.sort((a, b) => a.range.start - b.range.start);
  return { dependencies, problems };
}
