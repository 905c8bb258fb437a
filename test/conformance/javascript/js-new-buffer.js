function encode(str, data, enc) {
  // ruleid: js-new-buffer
  const a = new Buffer(str, "utf8");
  // ruleid: js-new-buffer
  const b = new Buffer(data);
  // ruleid: js-new-buffer
  const c = new Buffer(str.slice(1), enc || "base64").toString("hex");
  // ok: js-new-buffer
  const d = Buffer.from(str, "utf8");
  // ok: js-new-buffer
  const e = Buffer.alloc(16);
  // ok: js-new-buffer
  const f = new ArrayBuffer(16);
  return [a, b, c, d, e, f];
}
