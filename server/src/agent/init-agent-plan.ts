/**
 * What `moat init-agent` writes, computed without writing: for each agent setup, the file, whether
 * it is created, updated or already right, and its new text. JSON files are merged with
 * jsonc-parser edits (other keys, comments and formatting are kept); Moat's entries are found by
 * name (`moat` server) or by command (`check --hook claude`) and replaced in place, so running it
 * twice changes nothing. The instruction section sits between markers and is replaced the same way.
 */
import { applyEdits, modify, parse, ParseError, printParseErrorCode } from 'jsonc-parser';
import { isDeepStrictEqual } from 'node:util';

export type AgentTarget = 'claude' | 'cursor' | 'vscode' | 'instructions';
export const AGENT_TARGETS: readonly AgentTarget[] = ['claude', 'cursor', 'vscode', 'instructions'];

export interface InitAgentOptions {
  /** How to run Moat: the executable and its leading arguments, e.g. ['node', '/opt/moat/dist/moat.js'] or ['moat']. */
  readonly command: readonly string[];
  readonly targets: readonly AgentTarget[];
  /** Claude Code hook event: before the write (blocks it) or after (sends it back). */
  readonly hookEvent: 'PreToolUse' | 'PostToolUse';
  /** The instruction file (AGENTS.md or CLAUDE.md), relative to the root. */
  readonly instructionsFile: string;
}

export interface FilePlan {
  /** Relative to the project root, forward slashes. */
  readonly path: string;
  readonly action: 'create' | 'update' | 'unchanged' | 'error';
  /** What changes, in a few words. */
  readonly summary: string;
  /** The whole new text (absent on error). */
  readonly text?: string;
}

/** Reads a project file's text, or undefined when it does not exist. */
export type ReadProjectFile = (relative: string) => string | undefined;

const FORMAT = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };
export const HOOK_MATCHER = 'Write|Edit|MultiEdit';
const BEGIN = '<!-- moat:begin — managed by `moat init-agent`; edits between these markers are replaced -->';
const END = '<!-- moat:end -->';

export function planInitAgent(read: ReadProjectFile, options: InitAgentOptions): FilePlan[] {
  const plans: FilePlan[] = [];
  const [exe, ...lead] = options.command;
  const mcpServer = { command: exe, args: [...lead, 'mcp'] };
  for (const target of options.targets) {
    switch (target) {
      case 'claude':
        plans.push(planClaudeHooks(read, options));
        plans.push(planJsonValue(read, '.mcp.json', ['mcpServers', 'moat'], mcpServer));
        break;
      case 'cursor':
        plans.push(planJsonValue(read, '.cursor/mcp.json', ['mcpServers', 'moat'], mcpServer));
        break;
      case 'vscode':
        plans.push(planJsonValue(read, '.vscode/mcp.json', ['servers', 'moat'], { type: 'stdio', ...mcpServer }));
        break;
      case 'instructions':
        plans.push(planInstructions(read, options.instructionsFile, options.command));
        break;
    }
  }
  return plans;
}

/** A shell word: as is when safe, else single-quoted. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function hookCommand(command: readonly string[]): string {
  return [...command, 'check', '--hook', 'claude'].map(shellQuote).join(' ');
}

function isMoatHook(command: unknown): boolean {
  return typeof command === 'string' && /\bcheck\s+--hook\s+claude\b/.test(command) && /moat/.test(command);
}

type Json = Record<string, unknown>;

/** Parses existing JSON (comments and trailing commas allowed), or says where it is broken. */
function parseExisting(file: string, text: string): { ok: true; value: Json } | { ok: false; plan: FilePlan } {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const at = position(text, errors[0].offset);
    return { ok: false, plan: { path: file, action: 'error', summary: `${file}:${at.line}:${at.column}: not valid JSON (${printParseErrorCode(errors[0].error)}); left as it is` } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, plan: { path: file, action: 'error', summary: `${file}: the top level is not a JSON object; left as it is` } };
  return { ok: true, value: value as Json };
}

function planJsonValue(read: ReadProjectFile, file: string, path: readonly string[], value: unknown): FilePlan {
  const existing = read(file);
  const what = path.join('.');
  if (existing === undefined || existing.trim() === '') {
    return { path: file, action: 'create', summary: `adds ${what}`, text: applyEdits('{}', modify('{}', [...path], value, FORMAT)) + '\n' };
  }
  const parsed = parseExisting(file, existing);
  if (!parsed.ok) return parsed.plan;
  if (isDeepStrictEqual(lookup(parsed.value, path), value)) return { path: file, action: 'unchanged', summary: `${what} is already set`, text: existing };
  const replaced = lookup(parsed.value, path) !== undefined;
  return { path: file, action: 'update', summary: `${replaced ? 'replaces' : 'adds'} ${what}; other keys kept`, text: applyEdits(existing, modify(existing, [...path], value, FORMAT)) };
}

function planClaudeHooks(read: ReadProjectFile, options: InitAgentOptions): FilePlan {
  const file = '.claude/settings.json';
  const entry = { matcher: HOOK_MATCHER, hooks: [{ type: 'command', command: hookCommand(options.command), timeout: 30 }] };
  let text = read(file) ?? '';
  const creating = text.trim() === '';
  if (creating) text = '{}';
  const parsed = parseExisting(file, text);
  if (!parsed.ok) return parsed.plan;
  const hooks = (parsed.value['hooks'] ?? {}) as Json;
  const events: Array<'PreToolUse' | 'PostToolUse'> = ['PreToolUse', 'PostToolUse'];
  let changed: string[] = [];
  // Moat's entry under the other event is removed (one check per write is enough); under the chosen one it is replaced or added.
  for (const event of events) {
    const list = Array.isArray(hooks[event]) ? (hooks[event] as unknown[]) : [];
    const index = list.findIndex((item) => Array.isArray((item as Json | null)?.['hooks']) && ((item as Json)['hooks'] as unknown[]).some((h) => isMoatHook((h as Json | null)?.['command'])));
    if (event !== options.hookEvent) {
      if (index >= 0) {
        text = applyEdits(text, modify(text, ['hooks', event, index], undefined, FORMAT));
        changed.push(`removes Moat's ${event} hook`);
      }
      continue;
    }
    if (index >= 0 && isDeepStrictEqual(list[index], entry)) continue;
    text = applyEdits(text, modify(text, ['hooks', event, index >= 0 ? index : list.length], entry, { ...FORMAT, isArrayInsertion: index < 0 }));
    changed.push(`${index >= 0 ? 'replaces' : 'adds'} a ${event} hook (${HOOK_MATCHER} → moat check --hook claude)`);
  }
  if (creating) return { path: file, action: 'create', summary: changed.join('; '), text: text + '\n' };
  if (changed.length === 0) return { path: file, action: 'unchanged', summary: `the ${options.hookEvent} hook is already set`, text };
  changed = [...changed, 'other settings kept'];
  return { path: file, action: 'update', summary: changed.join('; '), text };
}

export function instructionsSection(command: readonly string[]): string {
  const moat = command.map(shellQuote).join(' ');
  return [
    BEGIN,
    '## Security checks (Moat)',
    '',
    'This project checks generated code with [Moat](https://github.com/moat-security/moat).',
    '',
    `- Before you finish a change, check each file you created or edited: \`${moat} check PATH\` (exit 1 means a finding at or above high severity), or call the \`moat\` MCP server's \`scan_snippet\` / \`scan_file\` tools.`,
    '- When the Moat hook blocks a write, read its findings (rule id, line, message, fix), fix the code and write the file again. Use `fix_finding` to apply a rule\'s automatic fix and `explain_finding` for the risk and references.',
    '- Never put credentials in code. For a secret finding, use `move_secret_to_vault` (or `moat vault move FILE:LINE`) or read the value from the environment.',
    '- Do not hide a finding by rewording the code. If it is a false positive, add `moat-ignore: RULE-ID reason` in a comment on the line before and say why in your summary.',
    END,
  ].join('\n');
}

function planInstructions(read: ReadProjectFile, file: string, command: readonly string[]): FilePlan {
  const section = instructionsSection(command);
  const existing = read(file);
  if (existing === undefined) return { path: file, action: 'create', summary: 'adds the Moat section', text: section + '\n' };
  const begin = existing.indexOf('<!-- moat:begin');
  const end = existing.indexOf(END, begin);
  if (begin >= 0 && end > begin) {
    const updated = existing.slice(0, begin) + section + existing.slice(end + END.length);
    return updated === existing
      ? { path: file, action: 'unchanged', summary: 'the Moat section is up to date', text: existing }
      : { path: file, action: 'update', summary: 'replaces the Moat section; the rest is kept', text: updated };
  }
  const sep = existing === '' || existing.endsWith('\n\n') ? '' : existing.endsWith('\n') ? '\n' : '\n\n';
  return { path: file, action: 'update', summary: 'appends the Moat section; the rest is kept', text: existing + sep + section + '\n' };
}

function lookup(value: Json, path: readonly string[]): unknown {
  let at: unknown = value;
  for (const key of path) {
    if (typeof at !== 'object' || at === null || Array.isArray(at)) return undefined;
    at = (at as Json)[key];
  }
  return at;
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
