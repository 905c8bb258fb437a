const fs = require("fs");

function leak(path) {
  // ruleid: js-fd-leak
  const fd = fs.openSync(path, "r");
  return fs.readFileSync(fd, "utf8");
}

function closed(path) {
  // ok: js-fd-leak
  const fd = fs.openSync(path, "r");
  const text = fs.readFileSync(fd, "utf8");
  fs.closeSync(fd);
  return text;
}

function closedInFinally(path) {
  let fd;
  // the close inside the nested finally block is reached by `...`
  // ok: js-fd-leak
  fd = fs.openSync(path, "r");
  try {
    return fs.readFileSync(fd, "utf8");
  } finally {
    fs.closeSync(fd);
  }
}

function closesAnother(path, other) {
  // ruleid: js-fd-leak
  const fd = fs.openSync(path, "w");
  fs.writeSync(fd, "data");
  fs.closeSync(other);
}
