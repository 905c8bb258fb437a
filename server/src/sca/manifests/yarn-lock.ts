/**
 * yarn.lock, classic (v1, its own format) and berry (v2+, YAML with `__metadata`): one located
 * line scan for both. Entries are keyed by their descriptors (`name@range`, berry `name@npm:range`);
 * berry workspace entries list the direct dependencies, for classic the sibling package.json does.
 */
import * as semver from 'semver';
import type { Dependency, ManifestResult } from '../types';
import type { Problem } from '../../engine/finding';
import { LocatedText } from './located-text';
import { parseJsonLocated, propertiesOf, propertyValue } from './json-nodes';
import { newDependency } from './new-dependency';
import { parseNpmSpec } from './npm-spec';

interface YarnEntry {
  readonly descriptors: string[];
  readonly start: number;
  readonly end: number;
  readonly fields: Map<string, string>;
  /** Sub-blocks (`dependencies:`, `peerDependencies:`…): name → range. */
  readonly blocks: Map<string, Map<string, string>>;
}

interface ParsedYarnLock {
  entries: YarnEntry[];
  berry: boolean;
  problems: Problem[];
}

const FIELD = /^(?:"((?:[^"\\]|\\.)*)"|([^\s:"]+)):?(?:\s+(.*))?$/;

function unquote(value: string): string {
  const v = value.trim();
  return v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0] ? v.slice(1, -1) : v;
}

function parseYarnLock(lt: LocatedText): ParsedYarnLock {
  const { text } = lt;
  const entries: YarnEntry[] = [];
  const problems: Problem[] = [];
  let berry = false;
  let current: YarnEntry | undefined;
  let fieldIndent = -1;
  let block: Map<string, string> | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let contentEnd = lineEnd;
    if (contentEnd > lineStart && text[contentEnd - 1] === '\r') contentEnd--;
    const line = text.slice(lineStart, contentEnd);
    const trimmed = line.trim();
    const indent = line.length - line.trimStart().length;
    if (trimmed !== '' && !trimmed.startsWith('#')) {
      if (indent === 0) {
        current = undefined;
        block = undefined;
        fieldIndent = -1;
        const header = line.trimEnd();
        if (!header.endsWith(':')) {
          problems.push(lt.problem(lineStart, `expected an entry header ending with ":" but found "${header.slice(0, 60)}"`));
        } else if (header === '__metadata:') {
          berry = true;
        } else {
          const descriptors = header
            .slice(0, -1)
            .replace(/"/g, '')
            .split(',')
            .map((d) => d.trim())
            .filter((d) => d !== '');
          current = { descriptors, start: lineStart, end: lineStart + header.length - 1, fields: new Map(), blocks: new Map() };
          entries.push(current);
        }
      } else if (current) {
        if (fieldIndent < 0) fieldIndent = indent;
        const m = FIELD.exec(trimmed);
        if (!m) {
          problems.push(lt.problem(lineStart + indent, `cannot read "${trimmed.slice(0, 60)}"`));
        } else if (indent <= fieldIndent) {
          const key = m[1] ?? m[2];
          if (m[3] === undefined || m[3] === '') {
            block = new Map();
            current.blocks.set(key, block);
          } else {
            block = undefined;
            current.fields.set(key, unquote(m[3]));
          }
        } else if (block) {
          block.set(m[1] ?? m[2], unquote(m[3] ?? ''));
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  return { entries, berry, problems };
}

function splitDescriptor(descriptor: string): { name: string; range: string } {
  const at = descriptor.indexOf('@', 1);
  return at < 0 ? { name: descriptor, range: '' } : { name: descriptor.slice(0, at), range: descriptor.slice(at + 1) };
}

/** Berry writes registry ranges as `npm:^1.0.0`; an alias stays `npm:name@range`. */
function plainRange(range: string): string {
  if (!range.startsWith('npm:')) return range;
  const rest = range.slice(4);
  return rest.indexOf('@', 1) < 0 ? rest : range;
}

const DECLARING_BLOCKS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];
const LOCAL = /^(workspace:|patch:|link:|portal:)/;

export function readYarnLock(file: string, text: string, readSibling?: (name: string) => string | undefined): ManifestResult {
  const lt = new LocatedText(file, text, 'yarn.lock');
  const { entries, berry, problems } = parseYarnLock(lt);

  // Descriptors the project itself declares: berry workspace entries, or the classic package.json.
  const rootDescriptors = new Set<string>();
  const declare = (name: string, range: string): void => {
    rootDescriptors.add(`${name}@${range}`);
    rootDescriptors.add(`${name}@npm:${range}`);
  };
  let rootKnown = false;
  for (const e of entries) {
    if (!e.descriptors.some((d) => splitDescriptor(d).range.startsWith('workspace:'))) continue;
    rootKnown = true;
    for (const section of DECLARING_BLOCKS) for (const [name, range] of e.blocks.get(section) ?? []) declare(name, range);
  }
  if (!berry) {
    const pkgText = readSibling?.('package.json');
    if (pkgText !== undefined) {
      rootKnown = true;
      const pkg = parseJsonLocated(new LocatedText('package.json', pkgText, 'package.json')).root;
      for (const section of DECLARING_BLOCKS) {
        for (const p of propertiesOf(propertyValue(pkg, section))) {
          if (p.value?.type === 'string') declare(p.key, String(p.value.value));
        }
      }
    }
  }

  const dependencies: Dependency[] = [];
  for (const e of entries) {
    if (e.descriptors.length === 0) continue;
    const first = splitDescriptor(e.descriptors[0]);
    if (e.descriptors.some((d) => LOCAL.test(splitDescriptor(d).range))) continue;
    const spec = parseNpmSpec(first.name, plainRange(first.range));
    const resolution = e.fields.get('resolution');
    const name = resolution ? splitDescriptor(resolution).name : spec.name;
    const version = e.fields.get('version');
    if (version === undefined) problems.push(lt.problem(e.start, `entry "${e.descriptors[0]}" has no version`, 'warning'));
    dependencies.push(
      newDependency({
        ecosystem: 'npm',
        name,
        version: spec.registry && version ? (semver.valid(version) ?? undefined) : undefined,
        direct: rootKnown && e.descriptors.some((d) => rootDescriptors.has(d)),
        file,
        range: lt.range(e.start, e.end),
      }),
    );
  }
  return { dependencies, problems };
}

/** The version yarn.lock resolves for `key: spec` as written in package.json. */
export function yarnLockVersions(text: string): (key: string, spec: string) => string | undefined {
  const { entries } = parseYarnLock(new LocatedText('yarn.lock', text, 'yarn.lock'));
  const byDescriptor = new Map<string, string>();
  for (const e of entries) {
    const version = e.fields.get('version');
    if (version === undefined || !semver.valid(version)) continue;
    for (const d of e.descriptors) byDescriptor.set(d, version);
  }
  return (key, spec) => byDescriptor.get(`${key}@${spec}`) ?? byDescriptor.get(`${key}@npm:${spec}`);
}
