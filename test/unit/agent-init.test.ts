/**
 * `moat init-agent`: the dry run writes nothing and shows each file; --write creates the Claude
 * Code hook and MCP entries, Cursor/VS Code MCP files and the AGENTS.md section; existing JSON keeps
 * every key (and comments); a second run changes nothing; broken JSON is reported with its location
 * and left alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'jsonc-parser';
import { hookCommand, planInitAgent, shellQuote } from '../../server/src/agent/init-agent-plan';

const MOAT = path.join(__dirname, '..', '..', '..', 'dist', 'moat.js');
const COMMAND = ['node', '/opt/moat/dist/moat.js'];

function initAgent(dir: string, ...args: string[]): { status: number | null; out: string } {
  const run = spawnSync(process.execPath, [MOAT, 'init-agent', '--command', COMMAND.join(' '), ...args], { cwd: dir, encoding: 'utf8' });
  return { status: run.status, out: run.stdout + run.stderr };
}

function withProject(body: (dir: string) => void): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'moat-init-agent-'));
  try {
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const readJson = (file: string) => parse(readFileSync(file, 'utf8')) as Record<string, any>;

test('dry run: shows every file and its content, writes nothing', () =>
  withProject((dir) => {
    const run = initAgent(dir);
    assert.equal(run.status, 0, run.out);
    assert.match(run.out, /dry run/);
    for (const file of ['.claude/settings.json', '.mcp.json', 'AGENTS.md']) assert.match(run.out, new RegExp(`== ${file.replace('.', '\\.')} \\(create`));
    assert.match(run.out, /"command": "node \/opt\/moat\/dist\/moat\.js check --hook claude"/);
    assert.ok(!existsSync(path.join(dir, '.claude')) && !existsSync(path.join(dir, '.mcp.json')) && !existsSync(path.join(dir, 'AGENTS.md')));
  }));

test('--write merges into existing files without losing keys, and a second run changes nothing', () =>
  withProject((dir) => {
    mkdirSync(path.join(dir, '.claude'));
    mkdirSync(path.join(dir, '.cursor'));
    const settings = '{\n  // keep me\n  "permissions": { "allow": ["Bash(npm test)"] },\n  "hooks": { "PreToolUse": [{ "matcher": "Bash", "hooks": [{ "type": "command", "command": "audit.sh" }] }] }\n}\n';
    writeFileSync(path.join(dir, '.claude/settings.json'), settings);
    writeFileSync(path.join(dir, '.mcp.json'), JSON.stringify({ mcpServers: { other: { command: 'other-server' } } }, null, 2));
    writeFileSync(path.join(dir, 'AGENTS.md'), '# Agents\n\nUse pnpm.\n');

    const first = initAgent(dir, '--write');
    assert.equal(first.status, 0, first.out);
    const written = readFileSync(path.join(dir, '.claude/settings.json'), 'utf8');
    assert.match(written, /\/\/ keep me/);
    const claude = parse(written) as Record<string, any>;
    assert.deepEqual(claude.permissions, { allow: ['Bash(npm test)'] });
    assert.equal(claude.hooks.PreToolUse.length, 2);
    assert.equal(claude.hooks.PreToolUse[0].hooks[0].command, 'audit.sh');
    assert.deepEqual(claude.hooks.PreToolUse[1], { matcher: 'Write|Edit|MultiEdit', hooks: [{ type: 'command', command: 'node /opt/moat/dist/moat.js check --hook claude', timeout: 30 }] });
    const mcp = readJson(path.join(dir, '.mcp.json'));
    assert.deepEqual(mcp.mcpServers.other, { command: 'other-server' });
    assert.deepEqual(mcp.mcpServers.moat, { command: 'node', args: ['/opt/moat/dist/moat.js', 'mcp'] });
    assert.deepEqual(readJson(path.join(dir, '.cursor/mcp.json')).mcpServers.moat, mcp.mcpServers.moat, '.cursor/ exists, so Cursor is wired');
    assert.ok(!existsSync(path.join(dir, '.vscode')), 'no .vscode/ folder, so VS Code is not');
    const agents = readFileSync(path.join(dir, 'AGENTS.md'), 'utf8');
    assert.ok(agents.startsWith('# Agents\n\nUse pnpm.\n\n<!-- moat:begin'));
    assert.match(agents, /node \/opt\/moat\/dist\/moat\.js check PATH/);

    const before = ['.claude/settings.json', '.mcp.json', '.cursor/mcp.json', 'AGENTS.md'].map((f) => readFileSync(path.join(dir, f), 'utf8'));
    const second = initAgent(dir, '--write');
    assert.equal(second.status, 0, second.out);
    assert.equal((second.out.match(/\(unchanged:/g) ?? []).length, 4, second.out);
    const after = ['.claude/settings.json', '.mcp.json', '.cursor/mcp.json', 'AGENTS.md'].map((f) => readFileSync(path.join(dir, f), 'utf8'));
    assert.deepEqual(after, before);
  }));

test('switching the hook to PostToolUse moves Moat\'s entry instead of adding a second one', () =>
  withProject((dir) => {
    assert.equal(initAgent(dir, '--write', '--agents', 'claude').status, 0);
    assert.equal(initAgent(dir, '--write', '--agents', 'claude', '--hook-event', 'post').status, 0);
    const hooks = readJson(path.join(dir, '.claude/settings.json')).hooks;
    assert.deepEqual(hooks.PreToolUse, []);
    assert.equal(hooks.PostToolUse.length, 1);
    assert.equal(hooks.PostToolUse[0].hooks[0].command, 'node /opt/moat/dist/moat.js check --hook claude');
  }));

test('broken JSON is reported with file:line:column and left untouched; the other files are written', () =>
  withProject((dir) => {
    writeFileSync(path.join(dir, '.mcp.json'), '{\n  "mcpServers": {\n    "x": \n}\n');
    const run = initAgent(dir, '--write', '--agents', 'claude,vscode');
    assert.equal(run.status, 2);
    assert.match(run.out, /\.mcp\.json:4:1: not valid JSON \(ValueExpected\); left as it is/);
    assert.equal(readFileSync(path.join(dir, '.mcp.json'), 'utf8'), '{\n  "mcpServers": {\n    "x": \n}\n');
    assert.equal(readJson(path.join(dir, '.vscode/mcp.json')).servers.moat.type, 'stdio');
    assert.ok(existsSync(path.join(dir, '.claude/settings.json')));
  }));

test('the planner: shell quoting of the hook command, and an up-to-date section is unchanged', () => {
  assert.equal(shellQuote('/opt/my moat/moat.js'), `'/opt/my moat/moat.js'`);
  assert.equal(hookCommand(['node', "/it's/moat.js"]), `node '/it'\\''s/moat.js' check --hook claude`);
  const files = new Map<string, string>();
  const read = (f: string) => files.get(f);
  const options = { command: ['moat'], targets: ['instructions' as const], hookEvent: 'PreToolUse' as const, instructionsFile: 'CLAUDE.md' };
  const [created] = planInitAgent(read, options);
  assert.equal(created.action, 'create');
  files.set('CLAUDE.md', `# Notes\n\n${created.text}\nMore notes.\n`);
  const [again] = planInitAgent(read, options);
  assert.equal(again.action, 'unchanged');
  files.set('CLAUDE.md', files.get('CLAUDE.md')!.replace('Never put credentials', 'Please never put credentials'));
  const [replaced] = planInitAgent(read, options);
  assert.equal(replaced.action, 'update');
  assert.ok(replaced.text!.endsWith('<!-- moat:end -->\n\nMore notes.\n'));
  assert.ok(!replaced.text!.includes('Please never'));
});
