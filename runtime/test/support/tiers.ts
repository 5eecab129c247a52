// Runs programs with the code-generation tier on and off (eval/codegen.ts), for tests that
// check the tier changes nothing a program can see.

import assert from 'node:assert/strict';
import { Interpreter, type InterpreterOptions } from '../../src/eval/interpreter';
import { SemaError } from '../../src/eval/errors';
import { formatError } from '../../src/eval/format-error';
import { printValue } from '../../src/reader/printer';
import { miniStdlib } from './mini-stdlib';
import { fn } from '../../src/stdlib/registry';

export function interp(codegen: boolean, opts: InterpreterOptions = {}): Interpreter {
  // The mini stdlib only fills in what the full one (when present) does not define.
  const it = new Interpreter({ codegen, ...opts });
  const missing = miniStdlib.builtins.filter((b) => it.lookup(b.name) === undefined);
  it.installModule({ name: 'mini', builtins: missing });
  if (it.lookup('not') === undefined) it.installModule({ name: 'not', builtins: [fn('not', 1, 1, ([v]) => v === null || v === false)] });
  return it;
}

/** Printed value, or the full error report (message, location, trace, hint). */
export function outcome(src: string, codegen: boolean, opts?: InterpreterOptions): string {
  try {
    return printValue(interp(codegen, opts).evalString(src));
  } catch (e) {
    // (The mini stdlib's builtins can fail with JS errors; both tiers must fail alike.)
    return e instanceof SemaError ? formatError(e, src) : `JS error: ${String(e)}`;
  }
}

export function same(src: string, opts?: InterpreterOptions): string {
  const on = outcome(src, true, opts);
  const off = outcome(src, false, opts);
  assert.equal(on, off, `codegen on/off differ for ${src}`);
  return on;
}
