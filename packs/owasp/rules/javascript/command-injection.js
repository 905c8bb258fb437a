const { exec, execSync, execFile, spawn } = require("child_process");
const cp = require("node:child_process");
const util = require("util");
const express = require("express");

const execAsync = util.promisify(exec);
const app = express();
const BUILD_CMD = "npm run build --silent";

app.post("/thumbnails", (req, res) => {
  const { file } = req.body;
  // ruleid: owasp.javascript.command-injection
  exec(`convert uploads/${file} -resize 128x128 thumbs/${file}`, (err) => {
    res.sendStatus(err ? 500 : 201);
  });
});

app.get("/ping", (req, res) => {
  // ruleid: owasp.javascript.command-injection
  const out = execSync("ping -c 1 " + req.query.host).toString();
  res.type("text").send(out);
});

async function gitLog(ref) {
  // ruleid: owasp.javascript.command-injection
  const { stdout } = await execAsync(`git log --oneline ${ref}`);
  return stdout;
}

function archive(dir) {
  // ruleid: owasp.javascript.command-injection
  return cp.spawn("tar -czf /tmp/out.tgz " + dir, { shell: true });
}

function runUserScript(script) {
  // ruleid: owasp.javascript.command-injection
  return cp.execSync(script, { timeout: 5000 });
}

app.post("/thumbnails-safe", (req, res) => {
  // ok: owasp.javascript.command-injection
  execFile("convert", [`uploads/${req.body.file}`, "-resize", "128x128", "thumbs/out.png"], (err) => {
    res.sendStatus(err ? 500 : 201);
  });
});

function build() {
  // ok: owasp.javascript.command-injection
  execSync(BUILD_CMD, { stdio: "inherit" });
  // ok: owasp.javascript.command-injection
  execSync("git rev-parse HEAD").toString().trim();
  // ok: owasp.javascript.command-injection
  return spawn("tar", ["-czf", "/tmp/out.tgz", "dist"]);
}

function parseVersion(text) {
  const re = /v(\d+)\.(\d+)/;
  // ok: owasp.javascript.command-injection
  return re.exec(text);
}

module.exports = { gitLog, archive, runUserScript, build, parseVersion };

function listDir(dir) {
  const shellQuote = require("shell-quote");
  // ok: owasp.javascript.command-injection
  return execSync("ls -la " + shellQuote.quote([dir])).toString();
}
