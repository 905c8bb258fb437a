/**
 * The Dockerfile parser (server/src/engine/dockerfile-parser.ts): logical instructions with
 * continuations, comments inside continuations, heredocs, the escape directive, multi-stage builds,
 * JSON exec form, flags, and offsets that map every logical character back to the source.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile, DockerfileInstruction } from '../../server/src/engine/dockerfile-parser';
import { isDockerfilePath } from '../../server/src/engine/dockerfile-language';

/** The source text each logical character came from, in order (checks the offsets). */
function sourceChars(source: string, ins: DockerfileInstruction): string {
  return Array.from(ins.offsets, (o) => source[o]).join('');
}

test('continuation lines are joined as Docker joins them, and offsets point back into the file', () => {
  const src = 'FROM alpine:3.20\nRUN apk add --no-cache \\\n    curl \\\n    git\nCMD ["sh"]\n';
  const df = parseDockerfile(src);
  assert.deepEqual(df.instructions.map((i) => i.keyword), ['FROM', 'RUN', 'CMD']);
  const run = df.instructions[1];
  assert.equal(run.text, 'RUN apk add --no-cache     curl     git');
  assert.equal(run.args, 'apk add --no-cache     curl     git');
  assert.equal(run.line, 1);
  assert.equal(run.endLine, 3);
  assert.equal(src.slice(run.start, run.end), 'RUN apk add --no-cache \\\n    curl \\\n    git');
  for (let k = 0; k < run.text.length; k++) assert.equal(src[run.offsets[k]], run.text[k], `character ${k}`);
});

test('comment and blank lines inside a continuation are dropped, not joined', () => {
  const src = 'RUN apt-get update && \\\n    # install the tools\n\n    apt-get install -y curl\nUSER app\n';
  const df = parseDockerfile(src);
  assert.equal(df.instructions.length, 2);
  assert.equal(df.instructions[0].text, 'RUN apt-get update &&     apt-get install -y curl');
  assert.equal(df.instructions[0].endLine, 3);
  assert.deepEqual(df.comments.map((c) => [c.text, c.line]), [['# install the tools', 1]]);
  assert.equal(df.instructions[1].keyword, 'USER');
});

test('a line comment is not an instruction and a `#` inside arguments is not a comment', () => {
  const df = parseDockerfile('# build image\nFROM python:3.12-slim\n  # indented comment\nRUN echo "#not-a-comment"\n');
  assert.deepEqual(df.instructions.map((i) => i.text), ['FROM python:3.12-slim', 'RUN echo "#not-a-comment"']);
  assert.equal(df.comments.length, 2);
});

test('heredocs: the body belongs to the instruction, `<<-` strips tabs, quoted delimiters work', () => {
  const src = [
    'FROM debian:12',
    'RUN <<EOF',
    'set -e',
    'curl -fsSL https://example.com/install.sh | sh',
    'EOF',
    'COPY <<-"CONF" /etc/app.conf',
    '\tport=8080',
    '\tCONF',
    'USER 10001',
  ].join('\n');
  const df = parseDockerfile(src);
  assert.deepEqual(df.instructions.map((i) => i.keyword), ['FROM', 'RUN', 'COPY', 'USER']);
  const run = df.instructions[1];
  assert.equal(run.heredocs.length, 1);
  assert.deepEqual(run.heredocs[0].lines, ['set -e', 'curl -fsSL https://example.com/install.sh | sh']);
  assert.equal(run.heredocs[0].terminated, true);
  assert.equal(run.text, 'RUN <<EOF set -e; curl -fsSL https://example.com/install.sh | sh');
  assert.equal(run.line, 1);
  assert.equal(run.endLine, 4);
  assert.equal(src.slice(run.start, run.end), 'RUN <<EOF\nset -e\ncurl -fsSL https://example.com/install.sh | sh\nEOF');
  const copy = df.instructions[2];
  assert.equal(copy.heredocs[0].delimiter, 'CONF');
  assert.equal(copy.heredocs[0].stripTabs, true);
  assert.deepEqual(copy.heredocs[0].lines, ['port=8080']);
  assert.equal(sourceChars(src, copy), copy.text.replace(/ port/, '\nport'));
});

test('two heredocs in one instruction, and an unterminated heredoc runs to the end of the file', () => {
  const df = parseDockerfile('RUN <<A <<B\necho a\nA\necho b\nB\nRUN <<EOF\necho never closed\n');
  assert.equal(df.instructions.length, 2);
  assert.deepEqual(df.instructions[0].heredocs.map((h) => [h.delimiter, h.lines]), [['A', ['echo a']], ['B', ['echo b']]]);
  const open = df.instructions[1].heredocs[0];
  assert.equal(open.terminated, false);
  assert.deepEqual(open.lines, ['echo never closed', '']);
});

test('a shift operator is not a heredoc', () => {
  const df = parseDockerfile('RUN echo $((1<<2)) > /tmp/x\nUSER app\n');
  assert.equal(df.instructions.length, 2);
  assert.deepEqual(df.instructions[0].heredocs, []);
});

test('the escape directive switches the continuation character to a backtick', () => {
  const src = '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command `\n    Install-Thing C:\\tools\\\nCOPY app C:\\app\\\n';
  const df = parseDockerfile(src);
  assert.equal(df.escape, '`');
  assert.equal(df.directives.get('escape'), '`');
  assert.deepEqual(df.instructions.map((i) => i.keyword), ['FROM', 'RUN', 'COPY']);
  assert.equal(df.instructions[1].text, 'RUN powershell -Command     Install-Thing C:\\tools\\');
});

test('directives are read only before the first comment or instruction', () => {
  const df = parseDockerfile('# syntax=docker/dockerfile:1.7\n# check=skip=all\n# comment\n# escape=`\nFROM scratch\n');
  assert.equal(df.directives.get('syntax'), 'docker/dockerfile:1.7');
  assert.equal(df.directives.get('check'), 'skip=all');
  assert.equal(df.directives.has('escape'), false);
  assert.equal(df.escape, '\\');
});

test('multi-stage builds: stages with names, platforms, global ARGs and the stage of each instruction', () => {
  const src = [
    'ARG PY=3.12',
    'FROM --platform=$BUILDPLATFORM python:${PY} AS build',
    'RUN pip wheel -w /wheels .',
    'FROM gcr.io/distroless/python3-debian12',
    'COPY --from=build /wheels /wheels',
    'USER nonroot',
  ].join('\n');
  const df = parseDockerfile(src);
  assert.deepEqual(df.instructions.map((i) => i.stage), [-1, 0, 0, 1, 1, 1]);
  assert.equal(df.stages.length, 2);
  assert.deepEqual(
    df.stages.map((s) => [s.image, s.name, s.platform, s.first, s.last]),
    [
      ['python:${PY}', 'build', '$BUILDPLATFORM', 1, 2],
      ['gcr.io/distroless/python3-debian12', undefined, undefined, 3, 5],
    ],
  );
  assert.deepEqual(df.instructions[4].flags, [{ name: 'from', value: 'build' }]);
});

test('JSON exec form is decoded; shell form and broken JSON are not', () => {
  const df = parseDockerfile('CMD ["python", "-m", "uvicorn", "app:api"]\nENTRYPOINT [ "tini", "--" ]\nRUN ["/bin/sh", 1]\nCMD python app.py\nCOPY --chown=app ["a b", "/srv/"]\n');
  assert.deepEqual(df.instructions.map((i) => i.exec), [['python', '-m', 'uvicorn', 'app:api'], ['tini', '--'], undefined, undefined, ['a b', '/srv/']]);
});

test('CRLF line endings, lower-case keywords and a file without a final newline', () => {
  const src = 'from node:20\r\nrun npm ci \\\r\n  --omit=dev\r\nuser node';
  const df = parseDockerfile(src);
  assert.deepEqual(df.instructions.map((i) => [i.keyword, i.text]), [
    ['FROM', 'from node:20'],
    ['RUN', 'run npm ci   --omit=dev'],
    ['USER', 'user node'],
  ]);
  assert.equal(df.instructions[2].end, src.length);
});

test('empty and comment-only files have no instructions', () => {
  assert.deepEqual(parseDockerfile('').instructions, []);
  assert.deepEqual(parseDockerfile('# only a comment\n\n').instructions, []);
});

test('Dockerfile names: Dockerfile, Dockerfile.*, *.Dockerfile, Containerfile', () => {
  for (const p of ['Dockerfile', 'svc/Dockerfile', 'Dockerfile.prod', 'gpu.Dockerfile', 'build\\api.dockerfile', 'Containerfile', 'Containerfile.dev']) assert.equal(isDockerfilePath(p), true, p);
  for (const p of ['Dockerfile.md', 'docs/Dockerfile.yaml', 'dockerfile.txt', 'Dockerfiles/readme', 'app.py', 'MyDockerfile']) assert.equal(isDockerfilePath(p), false, p);
});
