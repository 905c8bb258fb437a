function schedule(payload) {
  // ruleid: js-settimeout-string
  setTimeout("sendBeacon('/c', document.cookie)", 100);

  // ruleid: js-settimeout-string
  setInterval('eval(window.name)', 1000);

  // ok: js-settimeout-string
  setTimeout("tick()", 100);

  // the string is parsed as code: the comment is not code
  // ok: js-settimeout-string
  setTimeout("/* document.cookie */ tick()", 100);

  // a function, not a string of code
  // ok: js-settimeout-string
  setTimeout(() => sendBeacon("/c", document.cookie), 100);

  // ok: js-settimeout-string
  setTimeout(payload, 100);

  // ok: js-settimeout-string
  console.log("document.cookie", 100);
}
