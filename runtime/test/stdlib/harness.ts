// A tiny evaluator for stdlib tests: enough of the language (quote, define, fn/lambda,
// if, let) to run the docs' examples against the natives of the data modules, calling
// each builtin through toNative exactly as the interpreter does.

import assert from 'node:assert/strict';
import { read, printValue } from '../../src/reader';
import { SemaError } from '../../src/eval/errors';
import { mapGet } from '../../src/eval/equality';
import {
  isTruthy,
  Keyword,
  NativeFn,
  SemaHashMap,
  SemaMap,
  Sym,
  Vector,
  type CallContext,
  type InterpreterLike,
  type Value,
} from '../../src/eval/values';
import { allModules } from '../../src/stdlib';
import { mathConstants } from '../../src/stdlib/math';
import { toNative } from '../../src/stdlib/registry';

type Env = Map<string, Value>;

const output: string[] = [];
const interp: InterpreterLike = {
  writeOut: (s) => output.push(s),
  writeErr: (s) => output.push(s),
  currentFile: undefined,
};

function apply(f: Value, args: Value[]): Value {
  if (f instanceof NativeFn) return f.impl(args, ctx);
  if (f instanceof Keyword) {
    const m = args[0];
    return m instanceof SemaMap || m instanceof SemaHashMap ? (mapGet(m, f) ?? null) : null;
  }
  throw new SemaError(`not a procedure: ${printValue(f)}`);
}

const ctx: CallContext = { apply, interp };

const globals: Env = new Map();
for (const mod of allModules) for (const spec of mod.builtins) globals.set(spec.name, toNative(spec));
for (const c of mathConstants) globals.set(c.name, c.value);
globals.set('println', new NativeFn('println', (args) => (output.push(args.map(printValue).join(' ')), null)));

function lookup(name: string, env: Env[]): Value {
  for (let i = env.length - 1; i >= 0; i--) {
    const frame = env[i]!;
    if (frame.has(name)) return frame.get(name)!;
  }
  throw new SemaError(`Unbound variable: ${name}`, 'unbound');
}

function lambda(params: Value, body: Value[], env: Env[]): NativeFn {
  const names = (Array.isArray(params) ? params : params instanceof Vector ? params.items : []).map((p) => (p as Sym).name);
  return new NativeFn('lambda', (args) => {
    const frame: Env = new Map(names.map((n, i) => [n, args[i] ?? null]));
    let result: Value = null;
    for (const form of body) result = evaluate(form, [...env, frame]);
    return result;
  });
}

function evaluate(form: Value, env: Env[]): Value {
  if (form instanceof Sym) return lookup(form.name, env);
  if (form instanceof Vector) return new Vector(form.items.map((x) => evaluate(x, env)));
  if (form instanceof SemaMap) {
    const table = new Map<string, [Value, Value]>();
    for (const [k, [kf, vf]] of form.table) table.set(k, [kf, evaluate(vf, env)]);
    return new SemaMap(table);
  }
  if (!Array.isArray(form) || form.length === 0) return form;
  const head = form[0]!;
  if (head instanceof Sym) {
    switch (head.name) {
      case 'quote':
        return form[1]!;
      case 'define': {
        const target = form[1]!;
        globals.set((target as Sym).name, evaluate(form[2]!, env));
        return null;
      }
      case 'fn':
      case 'lambda':
        return lambda(form[1]!, form.slice(2), env);
      case 'if':
        return isTruthy(evaluate(form[1]!, env)) ? evaluate(form[2]!, env) : evaluate(form[3] ?? null, env);
    }
  }
  const f = evaluate(head, env);
  return apply(f, form.slice(1).map((x) => evaluate(x, env)));
}

/** Evaluates every form of `src` and returns the last value. */
export function evalText(src: string): Value {
  const { forms, diagnostics } = read(src);
  assert.deepEqual(diagnostics, [], `reader diagnostics for ${src}`);
  let result: Value = null;
  for (const form of forms) result = evaluate(form, [globals]);
  return result;
}

/** The printed (write form) result of evaluating `src`. */
export function show(src: string): string {
  return printValue(evalText(src));
}

/** Asserts each `[source, printed result]` pair. */
export function check(cases: readonly (readonly [string, string])[]): void {
  for (const [src, expected] of cases) assert.equal(show(src), expected, src);
}

/** The SemaError `src` throws (fails the test when it returns normally). */
export function errorOf(src: string): SemaError {
  try {
    evalText(src);
  } catch (e) {
    if (e instanceof SemaError) return e;
    throw e;
  }
  assert.fail(`expected an error from ${src}`);
}

/** Asserts that `src` fails with a message containing `text` (and the error type, if given). */
export function checkError(src: string, text: string, type?: string): void {
  const e = errorOf(src);
  assert.ok(e.message.includes(text), `${src}: message ${JSON.stringify(e.message)} lacks ${JSON.stringify(text)}`);
  if (type !== undefined) assert.equal(e.type, type, `${src}: error type`);
}

/** Text written by `println` since the last call. */
export function takeOutput(): string {
  return output.splice(0).join('\n');
}
