const cp = require('child_process');
const child_process = cp;

function fromArgs() {
  const args = process.argv.slice(2);
  const parts = ['ls'];
  parts.push(args[0]);
  // array element pushed from argv
  // ruleid: taint-js-exec
  cp.exec(parts.join(' '));
  const fixed = ['ls'];
  fixed.push('-l');
  // ok: taint-js-exec
  cp.exec(fixed.join(' '));
  // ok: taint-js-exec
  cp.exec('ls ' + shellQuote.quote(args));
  // execFile is not a sink (metavariable-regex)
  // ok: taint-js-exec
  cp.execFile('ls', args);
}

function fromEnv() {
  const opts = { dir: process.env.TARGET_DIR, verbose: true };
  // object literal property, then member access
  // ruleid: taint-js-exec
  child_process.execSync(`ls ${opts.dir}`);
  let dir = process.env.HOME;
  dir = '/tmp';
  // reassigned before use
  // ok: taint-js-exec
  child_process.execSync('ls ' + dir);
}

async function interactive(rl) {
  const answer = (await rl.question('file? '));
  // ruleid: taint-js-exec
  cp.exec('cat ' + answer);
}
