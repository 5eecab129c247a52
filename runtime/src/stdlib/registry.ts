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
  /** Optional array-free entry for one argument (see NativeFn.call1); must match impl. */
  readonly call1?: (a: Value) => Value;
  /** Optional array-free entry for two arguments (see NativeFn.call2); must match impl. */
  readonly call2?: (a: Value, b: Value) => Value;
  /** May suspend a task (see NativeFn.yields). */
  readonly yields?: boolean;
}

export interface StdlibModule {
  /** Same name as the docs module (`math`, `strings`, ...). */
  readonly name: string;
  readonly builtins: readonly BuiltinSpec[];
  /** Global variables that are not functions (`pi`, `math/infinity`, ...). */
  readonly constants?: readonly { readonly name: string; readonly value: Value }[];
}

/** A spec with array-free entries for one and/or two arguments (the hottest builtins). */
export function withFastPaths(spec: BuiltinSpec, call1?: (a: Value) => Value, call2?: (a: Value, b: Value) => Value): BuiltinSpec {
  return { ...spec, call1, call2 };
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
  const nf = checkedNative(spec);
  nf.yields = spec.yields === true;
  return nf;
}

function checkedNative(spec: BuiltinSpec): NativeFn {
  const { name, min, max, impl, call1, call2 } = spec;
  if (min === 0 && max < 0) return new NativeFn(name, impl, call1, call2);
  const expected = describeArity(min, max);
  const accepts = (n: number): boolean => n >= min && (max < 0 || n <= max);
  return new NativeFn(
    name,
    (args: Value[], ctx: CallContext) => {
      const n = args.length;
      if (!accepts(n)) throw arityError(name, expected, n);
      return impl(args, ctx);
    },
    accepts(1) ? call1 : undefined,
    accepts(2) ? call2 : undefined,
  );
}
