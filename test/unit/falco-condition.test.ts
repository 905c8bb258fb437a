/**
 * The Falco condition parser (server/src/falco/falco-condition.ts): which identifiers are macro
 * references, list references and list-literal items on tricky conditions taken from Falco's own
 * rules (nested parentheses, `in (a, b)`, quoted strings with blanks, `not`, field arguments,
 * transformers, bare values such as `<` and `runc:[0:PARENT]`), and syntax errors with the offset
 * of the fault.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFalcoCondition } from '../../server/src/falco/falco-condition';

const names = (refs: ReadonlyArray<{ name: string }>) => refs.map((r) => r.name);

test('macros are bare identifiers in check position; fields, keywords and values are not', () => {
  const p = parseFalcoCondition('spawned_process and container and not (proc.name = bash or shell_procs) and not user_known_x');
  assert.equal(p.error, undefined);
  assert.deepEqual(names(p.macros), ['spawned_process', 'container', 'shell_procs', 'user_known_x']);
  assert.deepEqual(names(p.fields), ['proc.name']);
  assert.deepEqual(names(p.lists), []);
});

test('nested parentheses, `in (a, b)` with quoted items holding blanks and commas, and list names', () => {
  const text = `((evt.type in (open, openat) and (fd.name in (sensitive_file_names, "/etc/a b", '/x,y')))
    or (proc.aname[2] in (package_mgmt_binaries) and not proc.pname in (shell_binaries, "puma reactor")))`;
  const p = parseFalcoCondition(text);
  assert.equal(p.error, undefined);
  assert.deepEqual(names(p.macros), []);
  assert.deepEqual(names(p.listItems), ['open', 'openat', 'sensitive_file_names', 'package_mgmt_binaries', 'shell_binaries']);
  assert.deepEqual(names(p.fields), ['evt.type', 'fd.name', 'proc.aname[2]', 'proc.pname']);
  const item = p.listItems.find((r) => r.name === 'package_mgmt_binaries')!;
  assert.equal(text.slice(item.start, item.end), 'package_mgmt_binaries');
});

test('a list name without parentheses is a list reference', () => {
  const p = parseFalcoCondition('proc.name in shell_binaries and fd.sport in(22, 2222)');
  assert.equal(p.error, undefined);
  assert.deepEqual(names(p.lists), ['shell_binaries']);
  assert.deepEqual(names(p.listItems), ['22', '2222']);
});

test("conditions written the way Falco's default rules write them parse", () => {
  const conditions = [
    "(evt.type in (open,openat,openat2) and evt.is_open_write=true and fd.typechar='f' and fd.num>=0)",
    '(evt.type in (execve, execveat) and evt.dir=<)',
    '(not proc.pname exists or proc.pname in (runc:[0:PARENT], runc:[1:CHILD], runc, docker-runc, exe))',
    'evt.type=ptrace and evt.dir=> and evt.arg.request contains PTRACE_TRACEME and proc_name_exists',
    "(fd.nameraw contains '../' and fd.nameraw glob '*../*../*')",
    'evt.type=socket and container and evt.arg[0] contains AF_PACKET and not proc.name in (user_known_packet_socket_binaries)',
    '(proc.pname=beam.smp and (proc.cmdline startswith "sh -c exec ps" or proc.cmdline= "sh -s unix:cmd"))',
    'proc.duration <= 5000000000 and evt.rawres >= 0 and fd.num=-1 and evt.res startswith E',
    'not(proc.name=x) and thread.cap_effective icontains sys_module and fd.name pmatch (/models, /tmp)',
    'tolower(proc.name) = bash and proc.pname != val(proc.name) and fd.name bstartswith 2f746d70 and proc.name iglob "PY*"',
    'k8s.pod.label[app.kubernetes.io/name] = vllm and proc.env[LD_PRELOAD] exists and fd.types[0] intersects (ipv4, ipv6)',
    'proc.cmdline contains "\\"quoted\\" inside" and proc.name = ""',
  ];
  for (const c of conditions) assert.equal(parseFalcoCondition(c).error, undefined, c);
});

test('`not` needs a blank or `(`; `notable` is an identifier, not `not`', () => {
  assert.deepEqual(names(parseFalcoCondition('not notable and not not x').macros), ['notable', 'x']);
  const e = parseFalcoCondition('notx = 1').error;
  assert.ok(e);
  assert.match(e.message, /`notx` is followed by the operator `=` but is not a field name/);
});

test('an unclosed `(` is reported at the parenthesis', () => {
  const text = 'spawned_process and (proc.name = a or (proc.name = b)';
  const e = parseFalcoCondition(text).error!;
  assert.match(e.message, /unbalanced parentheses: this `\(` is never closed/);
  assert.equal(e.start, text.indexOf('(proc.name = a'));
});

test('a `)` without its `(` is reported where it is', () => {
  const text = 'proc.name = a) and x';
  const e = parseFalcoCondition(text).error!;
  assert.match(e.message, /this `\)` has no matching `\(`/);
  assert.equal(e.start, 13);
});

test('an unclosed list literal and a missing comma are located', () => {
  const unclosed = parseFalcoCondition('proc.name in (a, b and x').error!;
  assert.match(unclosed.message, /expected `,` or `\)` in the list, found `and`/);
  assert.equal(unclosed.start, 'proc.name in (a, b '.length);
  const eof = parseFalcoCondition('proc.name in (a, b').error!;
  assert.match(eof.message, /this list `\(` is never closed/);
  assert.equal(eof.start, 'proc.name in '.length);
});

test('operators, values and strings: missing or broken ones are errors at their offset', () => {
  const cases: Array<[string, RegExp, number]> = [
    ['proc.name bash', /expected an operator after the field `proc.name`.*found `bash`/, 10],
    ['proc.name =', /expected a value after `proc.name =`/, 10],
    ['fd.num >= abc', /expected a number after `fd.num >=`/, 7],
    ['proc.name = "bash', /unterminated string/, 12],
    ['proc.name contains"x"', /expected a blank after `contains`/, 10],
    ['a and', /the condition ends after `and`/, 2],
    ['a and or b', /expected a check, a macro name or `\(`, found `or`/, 6],
    ['a b', /unexpected `b`: expected `and`, `or` or the end/, 2],
    ['proc.aname[2 = x', /expected `\]` closing the field argument/, 10],
    ['', /the condition is empty/, 0],
    ['()', /empty parentheses/, 0],
  ];
  for (const [text, message, start] of cases) {
    const e = parseFalcoCondition(text).error;
    assert.ok(e, text);
    assert.match(e.message, message, text);
    assert.equal(e.start, start, text);
  }
});

test('an appended fragment may start with `and` / `or`; a full condition may not', () => {
  const appended = parseFalcoCondition('and not proc.name in (my_binaries) or extra_macro', { appended: true });
  assert.equal(appended.error, undefined);
  assert.deepEqual(names(appended.macros), ['extra_macro']);
  assert.ok(parseFalcoCondition('and not x').error);
});
