/**
 * Dockerfile rules end to end (dockerfile-pattern.ts, dockerfile-match.ts, dockerfile-compile.ts):
 * instruction patterns with metavariables and `...`, pattern-regex per logical instruction, the
 * final-stage idiom, focus-metavariable, ranges mapped back to the file, rules that only run on
 * Dockerfiles, and located errors for what Dockerfile rules cannot do.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines, rule, ruleSetFrom, scanSnippet } from '../helpers/engine';
import { scanFile } from '../../server/src/engine/file-scan';
import { compileDockerfilePattern } from '../../server/src/engine/dockerfile-pattern';
import { dockerfileView, matchDockerfilePattern, originalRange } from '../../server/src/engine/dockerfile-match';

const DOCKERFILE = [
  'FROM python:3.12 AS build', // 1
  'RUN pip wheel -w /wheels . && \\', // 2
  '    curl -fsSL https://get.example.sh | sh', // 3
  'USER root', // 4
  'FROM python:3.12-slim', // 5
  'ADD https://example.com/model.bin /models/', // 6
  'ADD --chown=app requirements.txt /srv/', // 7
  'USER 0', // 8
  'CMD ["python", "serve.py"]', // 9
].join('\n');

test('an instruction pattern binds metavariables; flags are skipped; the message interpolates', async () => {
  const yaml = rule('dockerfile', 'patterns:\n  - pattern: ADD $X $DEST\n  - metavariable-regex:\n      metavariable: $X\n      regex: ^https?://');
  const r = await scanSnippet(yaml, DOCKERFILE, 'Dockerfile');
  assert.deepEqual(lines(r), [6]);
  assert.equal(r.findings[0].message, 'found https://example.com/model.bin');
});

test('pattern-regex sees each logical instruction on one line; the finding covers the original lines', async () => {
  const yaml = rule('dockerfile', String.raw`pattern-regex: ^RUN\b.*\bcurl\b[^|]*\|\s*sh\b`);
  const r = await scanSnippet(yaml, DOCKERFILE, 'build/api.Dockerfile');
  assert.deepEqual(lines(r), [2]);
  const f = r.findings[0];
  assert.equal(DOCKERFILE.slice(f.range.start, f.range.end), 'RUN pip wheel -w /wheels . && \\\n    curl -fsSL https://get.example.sh | sh');
});

test('the final stage: FROM … to the end, minus stages followed by another FROM, minus those with a USER', async () => {
  const finalStage = (extra: string) =>
    rule('dockerfile', `patterns:\n  - pattern: |\n      FROM $IMAGE ...\n      ...\n  - pattern-not: |\n      FROM $IMAGE ...\n      ...\n      FROM $NEXT ...\n      ...\n${extra}  - focus-metavariable: $IMAGE`);
  const r = await scanSnippet(finalStage(''), DOCKERFILE, 'Dockerfile');
  assert.deepEqual(lines(r), [5]);
  assert.equal(DOCKERFILE.slice(r.findings[0].range.start, r.findings[0].range.end), 'python:3.12-slim');
  const noUser = finalStage('  - pattern-not: |\n      FROM $IMAGE ...\n      ...\n      USER $U\n      ...\n');
  assert.deepEqual(lines(await scanSnippet(noUser, DOCKERFILE, 'Dockerfile')), []);
  assert.deepEqual(lines(await scanSnippet(noUser, 'FROM a:1\nUSER app\nFROM b:2\nRUN true\n', 'Dockerfile')), [3]);
});

test('a metavariable repeated across lines of a sequence must bind the same text', async () => {
  const yaml = rule('dockerfile', 'pattern: |\n  FROM $IMAGE AS $STAGE\n  ...\n  COPY --from=$STAGE $SRC $DEST');
  const src = 'FROM node:20 AS web\nRUN npm ci\nFROM nginx:1.27\nCOPY --from=web /app/dist /usr/share/nginx/html\nCOPY --from=other /a /b\n';
  assert.deepEqual(lines(await scanSnippet(yaml, src, 'Dockerfile')), [1]);
});

test('keywords are case-insensitive, literal words compare whole', async () => {
  const yaml = rule('dockerfile', 'pattern: USER root');
  assert.deepEqual(lines(await scanSnippet(yaml, 'from x:1\nuser root\nUSER rootless\nUSER root:root\n', 'Dockerfile')), [2]);
});

test('Dockerfile rules run only on Dockerfiles', async () => {
  const yaml = rule('dockerfile', 'pattern: USER root');
  const { rules } = await ruleSetFrom(yaml);
  assert.equal(scanFile(rules, 'USER root\n', { path: 'notes.txt' }).findings.length, 0);
  assert.equal(scanFile(rules, 'USER root\n', { path: 'Containerfile' }).findings.length, 1);
});

test('what a Dockerfile rule cannot do is a located error', async () => {
  const bad: Array<[string, string]> = [
    ['pattern: |\n  ...\n  USER root', 'cannot start with `...`'],
    ['pattern: $X root', 'instruction keyword'],
    ['patterns:\n  - pattern: USER $U\n  - metavariable-pattern:\n      metavariable: $U\n      pattern: root', 'pattern-regex only'],
    ['pattern-either:\n  - patterns:\n      - pattern: USER $U\n      - focus-metavariable: $U', 'top-level'],
    ['mode: taint\npattern-sources:\n  - pattern: ARG $X\npattern-sinks:\n  - pattern: RUN $...X', 'taint'],
  ];
  for (const [body, message] of bad) {
    const { problems } = await ruleSetFrom(rule('dockerfile', body));
    assert.ok(problems.length > 0, body);
    assert.ok(problems.some((p) => p.message.includes(message) && p.ruleId === 'test-rule' && (p.line ?? 0) > 0), `${body}: ${problems.map((p) => p.message).join('; ')}`);
  }
});

test('a sequence pattern over too many instructions stops at its step budget with an error', () => {
  const r = compileDockerfilePattern('FROM $IMAGE\n...\nUSER $U\n...');
  assert.ok(r.ok);
  const view = dockerfileView(['FROM a:1', ...Array.from({ length: 30 }, (_, i) => `RUN echo ${i}`), 'USER app'].join('\n'));
  assert.equal(matchDockerfilePattern(r.pattern, view).length, 1);
  assert.throws(() => matchDockerfilePattern(r.pattern, view, 10), /too expensive/);
});

test('the view joins logical instructions and maps view ranges back to the file', () => {
  const src = '# c\nFROM a:1\nRUN x && \\\n  y\n';
  const view = dockerfileView(src);
  assert.equal(view.text, 'FROM a:1\nRUN x &&   y');
  const y = view.text.indexOf('y');
  const back = originalRange(view, y, y + 1);
  assert.equal(src.slice(back.start, back.end), 'y');
  const run = originalRange(view, view.starts[1], view.text.length);
  assert.equal(src.slice(run.start, run.end), 'RUN x && \\\n  y');
});
