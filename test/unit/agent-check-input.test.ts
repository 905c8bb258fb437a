/**
 * `moat check`'s hook input: Claude Code PreToolUse/PostToolUse events for Write, Edit and
 * MultiEdit (the edit applied to the file's current text), the generic {"path","content"} event,
 * tools that write nothing, and malformed events (a clear error, never a throw).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { applyEdit, parseHookInput } from '../../server/src/agent/check-input';

const CWD = '/project';
const files: Record<string, string> = { '/project/app.py': 'import requests\nrequests.get(url)\nprint("done")\n' };
const read = (file: string) => files[file];
const claude = (event: object) => JSON.stringify({ session_id: 's', cwd: CWD, hook_event_name: 'PreToolUse', ...event });

test('Write: the content is what will be written, the path resolved against the event cwd', () => {
  const input = parseHookInput(claude({ tool_name: 'Write', tool_input: { file_path: 'src/new.py', content: 'x = 1\n' } }), read, '/elsewhere');
  assert.equal(input.kind, 'check');
  if (input.kind !== 'check') return;
  assert.equal(input.target.file, path.resolve('/project/src/new.py'));
  assert.equal(input.target.content, 'x = 1\n');
  assert.deepEqual(input.hook, { kind: 'claude', event: 'PreToolUse', tool: 'Write', cwd: CWD });
});

test('Edit before it happens: old_string replaced in the current file text', () => {
  const input = parseHookInput(claude({ tool_name: 'Edit', tool_input: { file_path: '/project/app.py', old_string: 'requests.get(url)', new_string: 'requests.get(url, verify=False)' } }), read, CWD);
  assert.equal(input.kind, 'check');
  if (input.kind === 'check') assert.equal(input.target.content, 'import requests\nrequests.get(url, verify=False)\nprint("done")\n');
});

test('MultiEdit applies every edit in order; replace_all replaces each occurrence', () => {
  const input = parseHookInput(
    claude({
      tool_name: 'MultiEdit',
      tool_input: {
        file_path: '/project/app.py',
        edits: [
          { old_string: 'requests', new_string: 'httpx', replace_all: true },
          { old_string: 'print("done")', new_string: 'print("ok")' },
        ],
      },
    }),
    read,
    CWD,
  );
  assert.equal(input.kind, 'check');
  if (input.kind === 'check') assert.equal(input.target.content, 'import httpx\nhttpx.get(url)\nprint("ok")\n');
});

test('PostToolUse reads the file back instead of applying the edit again', () => {
  const input = parseHookInput(
    claude({ hook_event_name: 'PostToolUse', tool_name: 'Edit', tool_input: { file_path: '/project/app.py', old_string: 'nope', new_string: 'x' }, tool_response: {} }),
    read,
    CWD,
  );
  assert.equal(input.kind, 'check');
  if (input.kind === 'check') assert.equal(input.target.content, files['/project/app.py']);
});

test('an edit whose old_string is missing is skipped (the tool itself will fail), other tools too', () => {
  const missing = parseHookInput(claude({ tool_name: 'Edit', tool_input: { file_path: '/project/app.py', old_string: 'absent', new_string: 'x' } }), read, CWD);
  assert.equal(missing.kind, 'skip');
  const bash = parseHookInput(claude({ tool_name: 'Bash', tool_input: { command: 'ls' } }), read, CWD);
  assert.equal(bash.kind, 'skip');
  if (bash.kind === 'skip') assert.match(bash.reason, /Bash does not write a file/);
});

test('Edit with an empty old_string creates a missing file', () => {
  assert.equal(applyEdit(undefined, '', 'new file\n', false), 'new file\n');
  assert.equal(applyEdit(undefined, 'x', 'y', false), undefined);
  assert.equal(applyEdit('a b a', 'a', 'c', false), 'c b a');
  assert.equal(applyEdit('a b a', 'a', 'c', true), 'c b c');
});

test('the generic event: path and content; path resolved against cwd', () => {
  const input = parseHookInput(JSON.stringify({ path: 'lib/a.js', content: 'eval(x)\n' }), read, CWD);
  assert.equal(input.kind, 'check');
  if (input.kind === 'check') {
    assert.equal(input.target.file, path.resolve('/project/lib/a.js'));
    assert.equal(input.hook.kind, 'generic');
  }
});

test('malformed events are errors that say what is missing', () => {
  const cases: Array<[string, RegExp]> = [
    ['not json', /not a JSON hook event/],
    ['[1, 2]', /must be a JSON object/],
    [claude({ tool_name: 'Write', tool_input: { content: 'x' } }), /tool_input\.file_path is missing/],
    [claude({ tool_name: 'Write', tool_input: { file_path: 'a.py' } }), /tool_input\.content is missing/],
    [claude({ tool_name: 'MultiEdit', tool_input: { file_path: '/project/app.py', edits: [{ old_string: 1 }] } }), /tool_input\.edits\[0\] needs "old_string" and "new_string"/],
    [JSON.stringify({ path: 'a.py' }), /needs a "content" string/],
  ];
  for (const [stdin, message] of cases) {
    const input = parseHookInput(stdin, read, CWD);
    assert.equal(input.kind, 'error', stdin);
    if (input.kind === 'error') assert.match(input.message, message);
  }
});

test('--hook claude reads a generic-looking event as Claude Code\'s and says what is missing', () => {
  const input = parseHookInput(JSON.stringify({ path: 'a.py', content: 'x' }), read, CWD, 'claude');
  assert.equal(input.kind, 'error');
  if (input.kind === 'error') assert.match(input.message, /tool_name/);
});
