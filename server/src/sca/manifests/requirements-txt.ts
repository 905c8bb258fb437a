/**
 * pip requirements files (requirements*.txt, *.in): PEP 508 lines, comments, `\` continuations,
 * per-requirement options (`--hash=…`), `-r` includes (read through `readSibling`, each file once,
 * so cycles end), `-c` constraints (their pins give versions to unpinned requirements), `-e` and
 * URL/VCS lines (kept without a version).
 */
import type { Problem } from '../../engine/finding';
import type { Dependency, ManifestResult } from '../types';
import { LocatedText } from './located-text';
import { newDependency } from './new-dependency';
import { normalizePypiName } from './package-url';
import { isRequirementError, parseRequirement, pinnedVersion } from './pep508';
import { folderOf, joinRelative } from './sibling-path';

interface ReadContext {
  /** The first file's folder: included names are relative to it. */
  readonly topFolder: string;
  readonly readSibling?: (name: string) => string | undefined;
  /** Names relative to the first file's folder that were already read. */
  readonly visited: Set<string>;
  readonly dependencies: Dependency[];
  readonly problems: Problem[];
  /** Pins from constraints files: normalized name → version and the constraints file (relative name). */
  readonly constraints: Map<string, { version: string; file: string }>;
}

interface Line {
  readonly start: number;
  /** The line without its comment, continuation breaks replaced by spaces (same offsets). */
  readonly content: string;
}

/** Logical lines: `\`-newline continuations joined without moving offsets, comments cut off. */
function logicalLines(text: string): Line[] {
  const joined = text.replace(/\\(\r?\n)/g, (m, _nl: string, offset: number) => {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return text.slice(lineStart, offset).trimStart().startsWith('#') ? m : ' '.repeat(m.length);
  });
  const lines: Line[] = [];
  let start = 0;
  for (const raw of joined.split('\n')) {
    const comment = raw.search(/(^|\s)#/);
    const content = (comment < 0 ? raw : raw.slice(0, comment)).replace(/\r$/, '');
    lines.push({ start, content });
    start += raw.length + 1;
  }
  return lines;
}

const URL_LIKE = /^(git\+|hg\+|svn\+|bzr\+|https?:|file:|\.{0,2}[\\/]|\.$|[A-Za-z]:[\\/])/;

/** The project name a URL or path requirement installs, when it says (`#egg=`, an archive name). */
function nameFromUrl(url: string): string | undefined {
  const egg = /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(url);
  if (egg) return egg[1];
  const path = url.split(/[?#]/)[0].replace(/[\\/]+$/, '');
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const wheel = /^([A-Za-z0-9][A-Za-z0-9._]*)-[^-]+(-[^-]+)?-[^-]+-[^-]+-[^-]+\.whl$/.exec(base);
  if (wheel) return wheel[1];
  const sdist = /^([A-Za-z0-9][A-Za-z0-9._-]*?)-\d[^-]*\.(tar\.gz|tar\.bz2|tgz|zip)$/.exec(base);
  if (sdist) return sdist[1];
  if (/^(git|hg|svn|bzr)\+/.test(url)) return base.replace(/@[^@]*$/, '').replace(/\.git$/, '') || undefined;
  return undefined;
}

/** Splits an option line into its option and argument (`-r x`, `-rx`, `--requirement=x`). */
function option(content: string): { name: string; arg: string; argOffset: number } {
  const m = /^(\s*)(--[A-Za-z-]+|-[A-Za-z])(=|\s+)?(.*)$/.exec(content);
  if (!m) return { name: content.trim(), arg: '', argOffset: 0 };
  return { name: m[2], arg: m[4].trim(), argOffset: m[1].length + m[2].length + (m[3]?.length ?? 0) };
}

function readFile(file: string, rel: string, text: string, ctx: ReadContext): void {
  const lt = new LocatedText(file, text, 'requirements file');
  for (const line of logicalLines(text)) {
    const trimmed = line.content.trim();
    if (trimmed === '') continue;
    const indent = line.content.length - line.content.trimStart().length;
    if (trimmed.startsWith('-')) {
      const opt = option(line.content);
      const at = line.start + opt.argOffset;
      if (opt.name === '-r' || opt.name === '--requirement') include(lt, rel, opt.arg, at, ctx, false);
      else if (opt.name === '-c' || opt.name === '--constraint') include(lt, rel, opt.arg, at, ctx, true);
      else if (opt.name === '-e' || opt.name === '--editable') urlRequirement(lt, opt.arg, at, ctx);
      continue;
    }
    // Per-requirement options (`--hash=…`, `--config-settings …`) follow the requirement.
    const options = line.content.search(/\s--?[A-Za-z]/);
    const requirement = options < 0 ? line.content : line.content.slice(0, options);
    if (URL_LIKE.test(trimmed)) {
      urlRequirement(lt, requirement.trim(), line.start + indent, ctx);
      continue;
    }
    const req = parseRequirement(requirement);
    if (isRequirementError(req)) {
      ctx.problems.push(lt.problem(line.start + req.at, `${req.error} in "${trimmed.slice(0, 80)}"`));
      continue;
    }
    ctx.dependencies.push(
      newDependency({
        ecosystem: 'PyPI',
        name: normalizePypiName(req.name),
        version: pinnedVersion(req.spec),
        spec: req.spec,
        direct: true,
        file,
        range: lt.range(line.start + req.start, line.start + req.end),
        specRange: req.spec !== undefined ? lt.range(line.start + req.specStart, line.start + req.specEnd) : undefined,
      }),
    );
  }
}

function urlRequirement(lt: LocatedText, url: string, at: number, ctx: ReadContext): void {
  const name = nameFromUrl(url);
  if (!name) return; // a local project folder (`-e .`): the project itself
  ctx.dependencies.push(
    newDependency({ ecosystem: 'PyPI', name: normalizePypiName(name), direct: true, file: lt.file, range: lt.range(at, at + url.length) }),
  );
}

function include(lt: LocatedText, fromRel: string, name: string, at: number, ctx: ReadContext, constraints: boolean): void {
  if (name === '') {
    ctx.problems.push(lt.problem(at, 'expected a file name after the option'));
    return;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(name)) {
    ctx.problems.push(lt.problem(at, `remote file "${name}" is not read`, 'warning'));
    return;
  }
  const rel = joinRelative(folderOf(fromRel), name);
  const key = `${constraints ? 'c' : 'r'}:${rel}`;
  if (ctx.visited.has(key)) return; // read already: a cycle or a shared include
  ctx.visited.add(key);
  const text = ctx.readSibling?.(rel);
  if (text === undefined) {
    ctx.problems.push(lt.problem(at, `cannot read included file "${name}"`, 'warning'));
    return;
  }
  const file = joinRelative(ctx.topFolder, rel);
  if (!constraints) {
    readFile(file, rel, text, ctx);
    return;
  }
  const pins: ReadContext = { ...ctx, dependencies: [], constraints: new Map() };
  readFile(file, rel, text, pins);
  for (const dep of pins.dependencies) {
    if (dep.version && !ctx.constraints.has(dep.name)) ctx.constraints.set(dep.name, { version: dep.version, file: rel });
  }
  for (const [name, pin] of pins.constraints) if (!ctx.constraints.has(name)) ctx.constraints.set(name, pin);
}

export function readRequirements(
  file: string,
  text: string,
  readSibling?: (name: string) => string | undefined,
): ManifestResult {
  const topFolder = folderOf(file);
  const rel = file.slice(topFolder.length);
  const ctx: ReadContext = {
    readSibling,
    topFolder,
    visited: new Set([`r:${rel}`]),
    dependencies: [],
    problems: [],
    constraints: new Map(),
  };
  readFile(file, rel, text, ctx);
  const dependencies = ctx.dependencies.map((dep) => {
    const pin = dep.version === undefined ? ctx.constraints.get(dep.name) : undefined;
    return pin ? newDependency({ ...dep, version: pin.version, lockfile: pin.file }) : dep;
  });
  return { dependencies, problems: ctx.problems };
}
