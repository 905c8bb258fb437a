/**
 * What `moat check` reads from an agent hook: Claude Code's PreToolUse/PostToolUse event for
 * Write, Edit and MultiEdit (`tool_input.file_path` + `content`, `old_string`/`new_string`
 * [`replace_all`], or `edits`), or a generic `{"path", "content"}` event. For an edit before it
 * happens, the edit is applied to the file's current text to get the text that would be written;
 * after it happened, the file is read back. Other tools are not checked.
 */
import path from 'node:path';

export interface CheckTarget {
  /** Absolute path of the file written. */
  readonly file: string;
  /** The text it will hold (PreToolUse) or holds (PostToolUse). */
  readonly content: string;
}

export interface HookInfo {
  readonly kind: 'claude' | 'generic';
  /** `PreToolUse`, `PostToolUse`, or `event` for a generic event. */
  readonly event: string;
  /** `Write`, `Edit`, `MultiEdit`, or `write` for a generic event. */
  readonly tool: string;
  /** The folder the agent runs in (rules' `paths:` and output are relative to it). */
  readonly cwd: string;
}

export type HookInput =
  | { readonly kind: 'check'; readonly target: CheckTarget; readonly hook: HookInfo }
  | { readonly kind: 'skip'; readonly reason: string; readonly hook?: HookInfo }
  | { readonly kind: 'error'; readonly message: string };

/** Reads a file's current text, or undefined when it does not exist or cannot be read. */
export type ReadText = (file: string) => string | undefined;

const EDIT_TOOLS = new Set(['Write', 'Edit', 'MultiEdit']);

/** Parses the JSON a hook sent on stdin (`expect`: which shape the `--hook` flag asked for, if any). */
export function parseHookInput(stdin: string, readText: ReadText, defaultCwd: string, expect?: 'claude' | 'generic'): HookInput {
  let event: unknown;
  try {
    event = JSON.parse(stdin);
  } catch (e) {
    return { kind: 'error', message: `stdin is not a JSON hook event (${(e as Error).message})` };
  }
  if (!isRecord(event)) return { kind: 'error', message: 'the hook event must be a JSON object' };
  const claude = 'tool_name' in event || 'hook_event_name' in event || 'tool_input' in event;
  if (expect === 'claude' || (expect === undefined && claude)) return parseClaudeEvent(event, readText, defaultCwd);
  return parseGenericEvent(event, defaultCwd);
}

function parseClaudeEvent(event: Record<string, unknown>, readText: ReadText, defaultCwd: string): HookInput {
  const cwd = typeof event['cwd'] === 'string' && event['cwd'] !== '' ? event['cwd'] : defaultCwd;
  const eventName = typeof event['hook_event_name'] === 'string' ? event['hook_event_name'] : 'PreToolUse';
  const tool = event['tool_name'];
  if (typeof tool !== 'string') return { kind: 'error', message: 'the hook event has no "tool_name" (expected Claude Code\'s PreToolUse/PostToolUse JSON)' };
  const hook: HookInfo = { kind: 'claude', event: eventName, tool, cwd };
  if (!EDIT_TOOLS.has(tool)) return { kind: 'skip', reason: `${tool} does not write a file`, hook };
  const input = event['tool_input'];
  if (!isRecord(input)) return { kind: 'error', message: `the ${tool} event has no "tool_input" object` };
  const filePath = input['file_path'];
  if (typeof filePath !== 'string' || filePath === '') return { kind: 'error', message: `tool_input.file_path is missing in the ${tool} event` };
  const file = path.resolve(cwd, filePath);
  const current = readText(file);
  if (eventName === 'PostToolUse') {
    const written = current ?? (tool === 'Write' && typeof input['content'] === 'string' ? input['content'] : undefined);
    if (written === undefined) return { kind: 'skip', reason: `${filePath} cannot be read after the ${tool}`, hook };
    return { kind: 'check', target: { file, content: written }, hook };
  }
  if (tool === 'Write') {
    const content = input['content'];
    if (typeof content !== 'string') return { kind: 'error', message: 'tool_input.content is missing in the Write event' };
    return { kind: 'check', target: { file, content }, hook };
  }
  const edits = tool === 'Edit' ? [input] : input['edits'];
  if (!Array.isArray(edits)) return { kind: 'error', message: 'tool_input.edits must be a list in the MultiEdit event' };
  let text = current;
  for (const [i, edit] of edits.entries()) {
    const where = tool === 'Edit' ? 'tool_input' : `tool_input.edits[${i}]`;
    if (!isRecord(edit) || typeof edit['old_string'] !== 'string' || typeof edit['new_string'] !== 'string') {
      return { kind: 'error', message: `${where} needs "old_string" and "new_string" strings` };
    }
    const applied = applyEdit(text, edit['old_string'], edit['new_string'], edit['replace_all'] === true);
    if (applied === undefined) return { kind: 'skip', reason: `${where}.old_string is not in ${filePath}: the ${tool} cannot apply`, hook };
    text = applied;
  }
  if (text === undefined) return { kind: 'skip', reason: `${filePath} does not exist`, hook };
  return { kind: 'check', target: { file, content: text }, hook };
}

/** Claude Code's Edit: replace the first (or every) occurrence; an empty old_string on a missing file creates it. */
export function applyEdit(text: string | undefined, oldString: string, newString: string, replaceAll: boolean): string | undefined {
  if (text === undefined) return oldString === '' ? newString : undefined;
  if (oldString === '') return text === '' ? newString : undefined;
  const at = text.indexOf(oldString);
  if (at < 0) return undefined;
  if (replaceAll) return text.split(oldString).join(newString);
  return text.slice(0, at) + newString + text.slice(at + oldString.length);
}

function parseGenericEvent(event: Record<string, unknown>, defaultCwd: string): HookInput {
  const cwd = typeof event['cwd'] === 'string' && event['cwd'] !== '' ? event['cwd'] : defaultCwd;
  const filePath = typeof event['path'] === 'string' ? event['path'] : event['file_path'];
  if (typeof filePath !== 'string' || filePath === '') return { kind: 'error', message: 'the event needs a "path" string' };
  const content = event['content'];
  if (typeof content !== 'string') return { kind: 'error', message: 'the event needs a "content" string' };
  return { kind: 'check', target: { file: path.resolve(cwd, filePath), content }, hook: { kind: 'generic', event: 'event', tool: 'write', cwd } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
