// Runs Sema source through the real interpreter for the stdlib tests: `check` compares
// printed results (the REPL's write form), `checkError` the message of a failure.

import assert from 'node:assert/strict';
import { Interpreter } from '../../src/eval/interpreter';
import { SemaError } from '../../src/eval/errors';
import { printValue } from '../../src/reader';
import type { Value } from '../../src/eval/values';

const output: string[] = [];
const interp = new Interpreter({ stdout: (s) => output.push(s), stderr: (s) => output.push(s) });

/** Evaluates every form of `src` (definitions persist across calls) and returns the last value. */
export function evalText(src: string): Value {
  return interp.evalString(src);
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

/** Text the program wrote to stdout since the last call. */
export function takeOutput(): string {
  return output.splice(0).join('');
}
