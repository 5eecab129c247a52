// Test harness for the text/I-O stdlib modules: evaluates small Sema snippets made of
// literals, `quote`, `define` and calls to the modules' builtins, and captures output.
// It stands in for the interpreter so these modules can be tested on their own.

import assert from 'node:assert/strict';
import { read, printValue } from '../../src/reader';
import { SemaError } from '../../src/eval/errors';
import { NativeFn, SemaMap, Sym, Vector, type CallContext, type InterpreterLike, type Value } from '../../src/eval/values';
import { mapFromPairs } from '../../src/eval/equality';
import { toNative, type StdlibModule } from '../../src/stdlib/registry';

export class Session implements InterpreterLike {
  out = '';
  err = '';
  readonly currentFile = undefined;
  readonly globals = new Map<string, Value>();
  readonly ctx: CallContext;

  constructor(modules: readonly StdlibModule[]) {
    for (const m of modules) for (const spec of m.builtins) this.globals.set(spec.name, toNative(spec));
    // `list` belongs to another module; the doc examples need it.
    this.globals.set('list', new NativeFn('list', (args) => args));
    this.ctx = { apply: (f, args) => this.apply(f, args), interp: this };
  }

  writeOut(text: string): void {
    this.out += text;
  }
  writeErr(text: string): void {
    this.err += text;
  }

  apply(f: Value, args: Value[]): Value {
    if (f instanceof NativeFn) return f.impl(args, this.ctx);
    throw new Error(`harness cannot call ${printValue(f)}`);
  }

  eval(form: Value): Value {
    if (form instanceof Sym) {
      const v = this.globals.get(form.name);
      if (v === undefined) throw new Error(`harness: unbound ${form.name}`);
      return v;
    }
    if (form instanceof Vector) return new Vector(form.items.map((x) => this.eval(x)));
    if (form instanceof SemaMap) return mapFromPairs(form.entries().flatMap(([k, v]) => [this.eval(k), this.eval(v)]));
    if (!Array.isArray(form) || form.length === 0) return form;
    const head = form[0]!;
    if (head === Sym.of('quote')) return form[1] ?? null;
    if (head === Sym.of('define')) {
      this.globals.set((form[1] as Sym).name, this.eval(form[2] ?? null));
      return null;
    }
    return this.apply(this.eval(head), form.slice(1).map((x) => this.eval(x)));
  }

  run(src: string): Value {
    const r = read(src);
    assert.deepEqual(r.diagnostics, [], `reader diagnostics in ${src}`);
    let last: Value = null;
    for (const f of r.forms) last = this.eval(f);
    return last;
  }
}

/** Asserts that each `[source, printed result]` pair evaluates as written. */
export function checkAll(modules: readonly StdlibModule[], cases: readonly (readonly [string, string])[]): void {
  const s = new Session(modules);
  for (const [src, want] of cases) assert.equal(printValue(s.run(src)), want, src);
}

/** Asserts that `src` fails with a SemaError of `type` whose message contains `part`. */
export function checkError(modules: readonly StdlibModule[], src: string, type: string, part: string): void {
  const s = new Session(modules);
  assert.throws(
    () => s.run(src),
    (e: unknown) => e instanceof SemaError && e.type === type && e.message.includes(part),
    `${src} should fail with ${type}: ${part}`,
  );
}
