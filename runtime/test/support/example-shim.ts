// The few general builtins the LLM examples use, for running them before the rest of
// the standard library is merged. Installed only where the interpreter lacks them.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { valuesEqual } from '../../src/eval/equality';
import { Bytevector, NativeFn, Vector, type Value } from '../../src/eval/values';
import type { Interpreter } from '../../src/eval/interpreter';
import { displayValue } from '../../src/reader/printer';

export function installExampleShim(interp: Interpreter): void {
  const shim: Record<string, (args: Value[]) => Value> = {
    println: (a) => (interp.writeOut(a.map(displayValue).join(' ') + '\n'), null),
    display: (a) => (interp.writeOut(displayValue(a[0] ?? null)), null),
    list: (a) => a,
    '=': (a) => valuesEqual(a[0] ?? null, a[1] ?? null),
    length: (a) => (Array.isArray(a[0]) ? a[0].length : a[0] instanceof Vector ? a[0].items.length : 0),
    'string-length': (a) => [...String(a[0])].length,
    'string-append': (a) => a.map((x) => displayValue(x)).join(''),
    'file/read-bytes': (a) => {
      const base = interp.currentFile ? dirname(interp.currentFile) : process.cwd();
      return new Bytevector(new Uint8Array(readFileSync(resolve(base, String(a[0])))));
    },
  };
  for (const [name, impl] of Object.entries(shim)) {
    if (interp.lookup(name) === undefined) interp.define(name, new NativeFn(name, (args) => impl(args)));
  }
}
