function render(el, userHtml, name) {
  // ruleid: js-innerhtml-assign
  el.innerHTML = userHtml;

  // ruleid: js-innerhtml-assign
  document.getElementById("greeting").innerHTML = `<p>Hello ${name}</p>`;

  // ruleid: js-innerhtml-assign
  el.innerHTML = location.hash.slice(1);

  // ok: js-innerhtml-assign
  el.innerHTML = "<b>static markup</b>";

  // ok: js-innerhtml-assign
  el.innerHTML = '';

  // ok: js-innerhtml-assign
  el.textContent = userHtml;

  // ok: js-innerhtml-assign
  el.outerHTML = userHtml;

  // ok: js-innerhtml-assign
  const copy = el.innerHTML;
  return copy;
}
