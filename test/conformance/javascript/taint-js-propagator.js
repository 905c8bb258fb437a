function run(queue, other) {
  const c = document.cookie;
  queue.enqueue(c);
  // ruleid: taint-js-propagator
  eval(queue.dequeue());
  other.enqueue('1 + 1');
  // ok: taint-js-propagator
  eval(other.dequeue());
  const target = {};
  Object.assign(target, { code: c });
  // ruleid: taint-js-propagator
  new Function(target.code);
  const clean = {};
  Object.assign(clean, { code: 'return 1' });
  // ok: taint-js-propagator
  new Function(clean.code);
}
