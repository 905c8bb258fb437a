/**
 * go.mod: `require` lines and blocks (`// indirect` marks a transitive dependency), `replace`
 * directives applied to the required modules (a local path replacement leaves no version),
 * `exclude` and `retract` ignored. Each line is scanned with its offsets.
 */
import type { Dependency, ManifestResult } from '../types';
import type { Problem } from '../../engine/finding';
import { LocatedText } from './located-text';
import { newDependency } from './new-dependency';

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

interface Require {
  readonly path: Token;
  readonly version: Token;
  readonly indirect: boolean;
}

interface Replace {
  readonly path: string;
  readonly version?: string;
  readonly newPath: string;
  readonly newVersion?: string;
}

const VERBS = new Set(['module', 'go', 'toolchain', 'godebug', 'require', 'replace', 'exclude', 'retract', 'tool', 'ignore']);

/** Whitespace-separated tokens of one line (quoted strings kept whole, quotes removed from `text`). */
function tokenize(line: string, offset: number): Token[] {
  const tokens: Token[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|`([^`]*)`|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    tokens.push({ text: m[1] ?? m[2] ?? m[3], start: offset + m.index, end: offset + m.index + m[0].length });
  }
  return tokens;
}

function isLocalPath(path: string): boolean {
  return /^(\.{1,2}[\\/]|[\\/]|[A-Za-z]:[\\/])/.test(path) || path === '.' || path === '..';
}

export function readGoMod(file: string, text: string): ManifestResult {
  const lt = new LocatedText(file, text, 'go.mod');
  const problems: Problem[] = [];
  const requires: Require[] = [];
  const replaces: Replace[] = [];
  let block: string | undefined;

  const directive = (verb: string, args: Token[], comment: string, lineStart: number): void => {
    if (verb === 'require') {
      if (args.length !== 2) {
        problems.push(lt.problem(args[0]?.start ?? lineStart, 'require expects a module path and a version'));
        return;
      }
      requires.push({ path: args[0], version: args[1], indirect: /^\/\/\s*indirect\b/.test(comment) });
    } else if (verb === 'replace') {
      const arrow = args.findIndex((t) => t.text === '=>');
      const left = args.slice(0, arrow);
      const right = args.slice(arrow + 1);
      if (arrow < 0 || left.length < 1 || left.length > 2 || right.length < 1 || right.length > 2) {
        problems.push(lt.problem(args[0]?.start ?? lineStart, 'replace expects "module [version] => replacement [version]"'));
        return;
      }
      replaces.push({ path: left[0].text, version: left[1]?.text, newPath: right[0].text, newVersion: right[1]?.text });
    }
  };

  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const raw = text.slice(lineStart, lineEnd);
    const commentAt = raw.indexOf('//');
    const code = commentAt < 0 ? raw : raw.slice(0, commentAt);
    const comment = commentAt < 0 ? '' : raw.slice(commentAt).trim();
    const tokens = tokenize(code, lineStart);
    if (tokens.length > 0) {
      if (block !== undefined) {
        if (tokens.length === 1 && tokens[0].text === ')') block = undefined;
        else directive(block, tokens, comment, lineStart);
      } else {
        const verb = tokens[0].text;
        if (!VERBS.has(verb)) {
          problems.push(lt.problem(tokens[0].start, `unknown directive "${verb.slice(0, 40)}"`));
        } else if (tokens.length === 2 && tokens[1].text === '(') {
          block = verb;
        } else {
          directive(verb, tokens.slice(1), comment, lineStart);
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  if (block !== undefined) problems.push(lt.problem(text.length, `unterminated "${block} (" block`));

  const dependencies: Dependency[] = requires.map((req) => {
    const replace =
      replaces.find((r) => r.path === req.path.text && r.version === req.version.text) ??
      replaces.find((r) => r.path === req.path.text && r.version === undefined);
    const range = lt.range(req.path.start, req.version.end);
    if (replace) {
      const local = isLocalPath(replace.newPath);
      return newDependency({
        ecosystem: 'Go',
        name: local ? req.path.text : replace.newPath,
        version: local ? undefined : replace.newVersion,
        spec: req.version.text,
        direct: !req.indirect,
        file,
        range,
      });
    }
    const quoted = req.version.end - req.version.start !== req.version.text.length;
    return newDependency({
      ecosystem: 'Go',
      name: req.path.text,
      version: req.version.text,
      spec: req.version.text,
      direct: !req.indirect,
      file,
      range,
      specRange: quoted ? lt.range(req.version.start + 1, req.version.end - 1) : lt.range(req.version.start, req.version.end),
    });
  });
  return { dependencies, problems };
}
