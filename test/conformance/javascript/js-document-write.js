function banner(params) {
  // ruleid: js-document-write
  document.write(params.get("msg"));

  // ruleid: js-document-write
  document.writeln("<h1>" + params.get("title") + "</h1>");

  // ok: js-document-write
  document.write("<p>Loading…</p>");

  // ok: js-document-write
  document.writeln('<hr>');

  // left-anchored and right-anchored: writeFile is not write/writeln
  // ok: js-document-write
  document.writeFile(params.get("msg"));

  // ok: js-document-write
  document.rewrite(params.get("msg"));

  // ok: js-document-write
  stream.write(params.get("msg"));
}
