import vm from 'vm';

class Runner {
  private code: string = '1';

  load(): void {
    this.code = process.env.SNIPPET ?? '';
    // the field assigned from the environment
    // ruleid: taint-ts-flow
    eval(this.code);
  }

  reset(): void {
    this.code = 'noop()';
    // reassigned with a constant
    // ok: taint-ts-flow
    eval(this.code);
  }
}

function loop(names: string[]): void {
  let acc = '';
  for (const n of names) {
    // tainted on the previous iteration
    // ruleid: taint-ts-flow
    vm.runInNewContext(acc);
    acc += process.env.EXTRA;
  }
  const copy = { ...{ v: process.env.V } };
  // spread of an object with a tainted member
  // ruleid: taint-ts-flow
  eval(copy.v);
  // ok: taint-ts-flow
  eval('1 + 1');
}
