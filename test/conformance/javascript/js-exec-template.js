const pattern = /(\d+)/;
// ok: js-exec-template
pattern.exec(`id ${process.argv[2]}`);

const cp = require("child_process");

function listDir(dir, cb) {
  // ruleid: js-exec-template
  cp.exec(`ls -la ${dir}`, cb);
}

function archive(name) {
  if (name) {
    for (const ext of ["tar", "zip"]) {
      // ruleid: js-exec-template
      const out = cp.execSync(`archive --format=${ext} ${name}`);
      console.log(out);
    }
  }
}

function safe(dir, cb) {
  // ok: js-exec-template
  cp.exec("ls -la", cb);
  // ok: js-exec-template
  cp.exec(`uptime`, cb);
  // ok: js-exec-template
  cp.execFile("ls", ["-la", dir], cb);
  // ok: js-exec-template
  pattern.exec(`${dir}`);
}
