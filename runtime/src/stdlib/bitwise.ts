// Bitwise operations on integers with the reference's 64-bit two's-complement semantics.
// Values that fit in 32 bits take the JS fast path; others go through BigInt.

import type { Value } from '../eval/values';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { evalFail, expectInt } from './support';

function isInt32(n: number): boolean {
  return (n | 0) === n;
}

function toI64(b: bigint): number {
  return Number(BigInt.asIntN(64, b));
}

function binary(name: string, small: (a: number, b: number) => number, big: (a: bigint, b: bigint) => bigint): BuiltinSpec {
  return fn(name, 2, 2, ([x, y]: Value[]) => {
    const a = expectInt(x!, name);
    const b = expectInt(y!, name);
    if (isInt32(a) && isInt32(b)) return small(a, b);
    return toI64(big(BigInt(a), BigInt(b)));
  });
}

function shiftAmount(v: Value, name: string): number {
  const n = expectInt(v, name);
  if (n < 0 || n >= 64) throw evalFail(`${name}: shift amount must be in 0..64, got ${n}`);
  return n;
}

export const bitwiseModule: StdlibModule = {
  name: 'bitwise',
  builtins: [
    binary('bit/and', (a, b) => a & b, (a, b) => a & b),
    binary('bit/or', (a, b) => a | b, (a, b) => a | b),
    binary('bit/xor', (a, b) => a ^ b, (a, b) => a ^ b),
    fn('bit/not', 1, 1, ([x]) => {
      const a = expectInt(x!, 'bit/not');
      return isInt32(a) ? ~a : toI64(~BigInt(a));
    }),
    fn('bit/shift-left', 2, 2, ([x, y]) => {
      const a = expectInt(x!, 'bit/shift-left');
      const n = shiftAmount(y!, 'bit/shift-left');
      return toI64(BigInt(a) << BigInt(n));
    }),
    fn('bit/shift-right', 2, 2, ([x, y]) => {
      const a = expectInt(x!, 'bit/shift-right');
      const n = shiftAmount(y!, 'bit/shift-right');
      // Arithmetic shift: the sign is kept, as with Rust's `>>` on i64.
      return toI64(BigInt(a) >> BigInt(n));
    }),
  ],
};
