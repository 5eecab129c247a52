// How stdlib modules register their builtins. A module is a list of native functions
// with their arity; docs live in src/docs/<module>.ts and a test keeps the two in step.

import { arityError } from '../eval/errors';
import { NativeFn, type NativeImpl, type Value, type CallContext } from '../eval/values';

export interface BuiltinSpec {
  readonly name: string;
  /** Minimum number of arguments. */
  readonly min: number;
  /** Maximum number of arguments; -1 for variadic. */
  readonly max: number;
  readonly impl: NativeImpl;
}

export interface StdlibModule {
  /** Same name as the docs module (`math`, `strings`, ...). */
  readonly name: string;
  readonly builtins: readonly BuiltinSpec[];
  /** Global variables that are not functions (`pi`, `math/infinity`, ...). */
  readonly constants?: readonly { readonly name: string; readonly value: Value }[];
}

/** Shorthand for a module's spec list: fn('car', 1, 1, ([l]) => ...). */
export function fn(name: string, min: number, max: number, impl: NativeImpl): BuiltinSpec {
  return { name, min, max, impl };
}

function describeArity(min: number, max: number): string {
  if (max === min) return String(min);
  if (max < 0) return `${min}+`;
  return `${min}-${max}`;
}

/** Wraps a spec into a NativeFn that checks its arity before running. */
export function toNative(spec: BuiltinSpec): NativeFn {
  const { name, min, max, impl } = spec;
  if (min === 0 && max < 0) return new NativeFn(name, impl);
  const expected = describeArity(min, max);
  return new NativeFn(name, (args: Value[], ctx: CallContext) => {
    const n = args.length;
    if (n < min || (max >= 0 && n > max)) throw arityError(name, expected, n);
    return impl(args, ctx);
  });
}
