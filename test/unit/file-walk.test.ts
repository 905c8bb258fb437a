// Tests for the file walk and content classification, on temporary directories: nested .gitignore
// and .moatignore, .git/info/exclude, symlinks (and a symlink loop), explicit file roots, binary,
// minified and oversized content.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { SkippedFile } from '../../server/src/report/report';
import {
  classifyContent,
  DEFAULT_MAX_FILE_BYTES,
  readScanFile,
  walkFiles,
  type WalkOptions,
} from '../../server/src/scan/file-walk';

const OPTIONS: WalkOptions = { maxFileBytes: DEFAULT_MAX_FILE_BYTES, respectGitignore: true };

/** A temporary directory holding `files` (relative path → content), removed after `body`. */
async function withTree(files: Record<string, string | Uint8Array>, body: (root: string) => Promise<void>): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'moat-walk-'));
  try {
    for (const [relative, content] of Object.entries(files)) {
      const path = join(root, relative);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
    }
    await body(root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

async function relatives(roots: string[], options: WalkOptions = OPTIONS, skipped: SkippedFile[] = []): Promise<string[]> {
  const files = await walkFiles(roots, options, (s) => skipped.push(s));
  return files.map((file) => file.relative);
}

test('walks recursively in sorted order, skipping .git and node_modules', async () => {
  await withTree(
    {
      'b.ts': '',
      'a-c.ts': '',
      'a/z.ts': '',
      'a/b/c.ts': '',
      '.git/config': '',
      'node_modules/x/index.js': '',
      'sub/node_modules/y.js': '',
    },
    async (root) => {
      const files = await walkFiles([root], OPTIONS, () => undefined);
      assert.deepEqual(
        files.map((file) => file.relative),
        ['a-c.ts', 'a/b/c.ts', 'a/z.ts', 'b.ts'],
      );
      assert.equal(files[1].path, join(root, 'a', 'b', 'c.ts'));
    },
  );
});

test('nested .gitignore files apply relative to their directory, deeper ones taking precedence', async () => {
  await withTree(
    {
      '.gitignore': '*.log\n/build/\nsecret.txt\n',
      'app.log': '',
      'build/out.js': '',
      'src/build/keep.ts': '',
      'src/.gitignore': '!important.log\n/local.ts\ngen/\n',
      'src/important.log': '',
      'src/other.log': '',
      'src/local.ts': '',
      'src/deep/local.ts': '',
      'src/gen/x.ts': '',
      'src/deep/secret.txt': '',
      'src/main.ts': '',
    },
    async (root) => {
      assert.deepEqual(await relatives([root]), [
        '.gitignore',
        'src/.gitignore',
        'src/build/keep.ts',
        'src/deep/local.ts',
        'src/important.log',
        'src/main.ts',
      ]);
    },
  );
});

test('a deeper .gitignore can re-include a directory a shallower one excluded', async () => {
  await withTree(
    { '.gitignore': 'a/b/\n', 'a/.gitignore': '!b/\n', 'a/b/x.ts': '', 'a/c.ts': '' },
    async (root) => {
      assert.deepEqual(await relatives([root]), ['.gitignore', 'a/.gitignore', 'a/b/x.ts', 'a/c.ts']);
    },
  );
});

test('.moatignore at the root and in subdirectories, also when .gitignore is not respected', async () => {
  await withTree(
    {
      '.gitignore': 'ignored-by-git.ts\n',
      '.moatignore': 'fixtures/\n',
      'ignored-by-git.ts': '',
      'fixtures/a.ts': '',
      'lib/.moatignore': '*.gen.ts\n',
      'lib/x.gen.ts': '',
      'lib/x.ts': '',
      'x.gen.ts': '',
    },
    async (root) => {
      assert.deepEqual(await relatives([root]), ['.gitignore', '.moatignore', 'lib/.moatignore', 'lib/x.ts', 'x.gen.ts']);
      assert.deepEqual(await relatives([root], { ...OPTIONS, respectGitignore: false }), [
        '.gitignore',
        '.moatignore',
        'ignored-by-git.ts',
        'lib/.moatignore',
        'lib/x.ts',
        'x.gen.ts',
      ]);
    },
  );
});

test('.moatignore can re-include what .gitignore excludes in the same directory', async () => {
  await withTree({ '.gitignore': '*.env\n', '.moatignore': '!prod.env\n', 'prod.env': '', 'dev.env': '' }, async (root) => {
    assert.deepEqual(await relatives([root]), ['.gitignore', '.moatignore', 'prod.env']);
  });
});

test('.git/info/exclude at the root is honoured, at the lowest precedence', async () => {
  await withTree(
    { '.git/info/exclude': '*.tmp\nkeep.tmp\n', '.gitignore': '!keep.tmp\n', 'a.tmp': '', 'keep.tmp': '', 'a.ts': '' },
    async (root) => {
      assert.deepEqual(await relatives([root]), ['.gitignore', 'a.ts', 'keep.tmp']);
      assert.deepEqual(await relatives([root], { ...OPTIONS, respectGitignore: false }), ['.gitignore', 'a.tmp', 'a.ts', 'keep.tmp']);
    },
  );
});

test('extraIgnores apply from the root and override the ignore files', async () => {
  await withTree({ '.gitignore': '!vendor/\n', 'vendor/v.ts': '', 'src/a.ts': '', 'src/a.test.ts': '' }, async (root) => {
    assert.deepEqual(await relatives([root], { ...OPTIONS, extraIgnores: ['vendor/', '*.test.ts'] }), ['.gitignore', 'src/a.ts']);
  });
});

test('symlinks are never followed or listed, so a symlink loop terminates', async () => {
  await withTree({ 'real/a.ts': '', 'outside.ts': '' }, async (root) => {
    await symlink(root, join(root, 'real', 'loop'), 'dir');
    await symlink(join(root, 'outside.ts'), join(root, 'real', 'link.ts'), 'file');
    await symlink(join(root, 'missing'), join(root, 'dangling'));
    assert.deepEqual(await relatives([root]), ['outside.ts', 'real/a.ts']);
  });
});

test('explicit file roots are always included, even when ignored; duplicates appear once', async () => {
  await withTree({ '.gitignore': '*.ts\n', 'src/a.ts': '', 'src/b.py': '' }, async (root) => {
    const files = await walkFiles([join(root, 'src', 'a.ts'), root, join(root, 'src', 'b.py')], OPTIONS, () => undefined);
    assert.deepEqual(
      files.map((file) => [file.relative, file.path]),
      [
        ['a.ts', join(root, 'src', 'a.ts')],
        ['.gitignore', join(root, '.gitignore')],
        ['src/b.py', join(root, 'src', 'b.py')],
      ],
    );
  });
});

test('a missing root is reported as unreadable', async () => {
  await withTree({}, async (root) => {
    const skipped: SkippedFile[] = [];
    assert.deepEqual(await relatives([join(root, 'nope')], OPTIONS, skipped), []);
    assert.equal(skipped.length, 1);
    assert.equal(skipped[0].reason, 'unreadable');
    assert.equal(skipped[0].detail, 'ENOENT');
  });
});

// ---------------------------------------------------------------------------------------------
// Content

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

test('classifyContent decodes UTF-8 text and strips a BOM', () => {
  const result = classifyContent('a.py', new Uint8Array([0xef, 0xbb, 0xbf, ...encode('x = "é"\n')]), 100);
  assert.deepEqual(result, { ok: true, text: 'x = "é"\n' });
});

test('classifyContent: too large', () => {
  const result = classifyContent('a.py', new Uint8Array(101).fill(0x61), 100);
  assert.deepEqual(result, { ok: false, reason: 'too-large', detail: '101 bytes, over the limit of 100' });
  assert.equal(classifyContent('a.py', new Uint8Array(100).fill(0x61), 100).ok, true);
});

test('classifyContent: binary by NUL byte in the first 8 KB, or by a high rate of invalid UTF-8', () => {
  assert.deepEqual(classifyContent('a.bin', new Uint8Array([0x61, 0x00, 0x62]), 100), {
    ok: false,
    reason: 'binary',
    detail: 'NUL byte at offset 1',
  });
  const lateNul = encode('abcdefghi\n'.repeat(900));
  lateNul[8500] = 0;
  assert.equal(classifyContent('late.txt', lateNul, 10_000).ok, true, 'a NUL after 8 KB does not count');

  const garbage = new Uint8Array(400).map((_, i) => 0x80 + (i % 0x40));
  const result = classifyContent('x.dat', garbage, 1000);
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.reason, 'binary');

  const latin1 = encode('une phrase assez longue en français, avec un seul accent: ');
  const mostlyText = new Uint8Array([...latin1, 0xe9, 0x0a]);
  assert.equal(classifyContent('fr.txt', mostlyText, 1000).ok, true, 'a few invalid bytes are still text');
  const replacementChars = encode('\ufffd'.repeat(50));
  assert.equal(classifyContent('u.txt', replacementChars, 1000).ok, true, 'U+FFFD encoded in the file is valid');
});

test('classifyContent: minified by name, by a very long line, or by average line length', () => {
  const short = encode('var a=1;\n');
  const byName = classifyContent('dist/app.min.js', short, 1_000_000);
  assert.deepEqual(byName, { ok: false, reason: 'minified', detail: 'app.min.js is named as minified' });

  const longLine = encode('x\n' + 'a'.repeat(20_001) + '\n');
  const byLine = classifyContent('data.txt', longLine, 1_000_000);
  assert.deepEqual(byLine, { ok: false, reason: 'minified', detail: 'line 2 is 20001 characters long (limit 20000)' });

  const bundle = encode(('x'.repeat(900) + '\n').repeat(3));
  const byAverage = classifyContent('bundle.js', bundle, 1_000_000);
  assert.equal(!byAverage.ok && byAverage.reason, 'minified');
  assert.match(!byAverage.ok ? byAverage.detail : '', /average line length 901 characters/);

  assert.equal(classifyContent('token.txt', encode('t'.repeat(900)), 1_000_000).ok, true, 'a short one-line file is scanned');
  const bigData = encode(('y'.repeat(600) + '\n').repeat(10));
  assert.equal(classifyContent('data.json', bigData, 1_000_000).ok, false, 'any larger file is judged by its average');
  assert.equal(classifyContent('app.js', encode('const a = 1;\nconst b = 2;\n'), 1_000_000).ok, true);
});

test('readScanFile refuses oversized files before reading and classifies the rest', async () => {
  await withTree({ 'big.txt': 'a'.repeat(200), 'ok.txt': '\ufeffhello\n', 'bin.dat': new Uint8Array([1, 0, 2]) }, async (root) => {
    assert.deepEqual(await readScanFile(join(root, 'big.txt'), 100), {
      ok: false,
      reason: 'too-large',
      detail: '200 bytes, over the limit of 100',
    });
    assert.deepEqual(await readScanFile(join(root, 'ok.txt'), 100), { ok: true, text: 'hello\n' });
    assert.equal((await readScanFile(join(root, 'bin.dat'), 100)).ok, false);
    const missing = await readScanFile(join(root, 'missing.txt'), 100);
    assert.deepEqual(missing, { ok: false, reason: 'unreadable', detail: 'ENOENT' });
    const directory = await readScanFile(root, 100);
    assert.equal(!directory.ok && directory.reason, 'unreadable');
  });
});
