function render(el, ok) {
  // used before it is read from the URL
  // ok: taint-js-flow
  el.innerHTML = frag;
  let frag = location.hash.slice(1);
  // ruleid: taint-js-flow
  el.innerHTML = frag;
  // ok: taint-js-flow
  el.innerHTML = DOMPurify.sanitize(frag);
  let msg = 'none';
  if (ok) {
    msg = decodeURIComponent(window.location.search);
  }
  // tainted on one path
  // ruleid: taint-js-flow
  document.write(msg);
  let both = window.location.search;
  if (ok) {
    both = 'a';
  } else {
    both = 'b';
  }
  // overwritten on every path
  // ok: taint-js-flow
  document.write(both);
  const parts = frag.split('&').map((p) => p.trim());
  // ruleid: taint-js-flow
  document.write(parts[0]);
}

function later(el) {
  // frag of render() is not visible here
  // ok: taint-js-flow
  el.innerHTML = frag;
}
