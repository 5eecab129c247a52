// Argument checking shared by the data modules (numbers, lists, vectors, maps): the
// reference's type names and error texts in one place, so every builtin reports bad
// input the same way.

import { SemaError, typeError } from '../eval/errors';
import { Float, RecordValue, SemaHashMap, SemaMap, Vector, typeName, type Value } from '../eval/values';

/** The type name the reference puts in error messages (a record is just `record` here). */
export function errType(v: Value): string {
  return v instanceof RecordValue ? 'record' : typeName(v);
}

/** A type error for `fn`, optionally with a hint printed under the message. */
export function badType(fn: string, expected: string, v: Value, hint?: string): SemaError {
  const e = typeError(fn, expected, errType(v));
  return hint === undefined ? e : new SemaError(e.message, e.type, e.fields, hint);
}

export function evalFail(message: string, hint?: string): SemaError {
  return new SemaError(message, 'eval', {}, hint);
}

/** An int or float as a JS number (the reference's `as_float`); anything else is a type error. */
export function toF64(v: Value, fn: string): number {
  if (typeof v === 'number') return v;
  if (v instanceof Float) return v.value;
  throw badType(fn, 'number', v);
}

export function expectInt(v: Value, fn: string, expected = 'int'): number {
  if (typeof v === 'number') return v;
  throw badType(fn, expected, v);
}

/** A non-negative integer used as a count or position. */
export function asIndex(v: Value, fn: string): number {
  if (typeof v !== 'number') throw badType(fn, 'int', v, `${fn}: argument must be an integer`);
  if (v < 0) throw evalFail(`${fn}: expected a non-negative integer, got ${v}`, 'pass 0 or a positive integer');
  return v;
}

/** The elements of a list or vector (not copied: never mutate the result). */
export function seqItems(v: Value, fn: string): readonly Value[] {
  if (Array.isArray(v)) return v;
  if (v instanceof Vector) return v.items;
  throw badType(fn, 'list or vector', v, `${fn}: expected a list or vector to iterate over`);
}

export function isMapLike(v: Value): v is SemaMap | SemaHashMap {
  return v instanceof SemaMap || v instanceof SemaHashMap;
}

export function expectMap(v: Value, fn: string, hint?: string): SemaMap | SemaHashMap {
  if (v instanceof SemaMap || v instanceof SemaHashMap) return v;
  throw badType(fn, 'map or hashmap', v, hint);
}

/** Normalises -0 (which JS arithmetic can produce) to 0: integers have no negative zero. */
export function intResult(n: number): number {
  return n + 0;
}

/** Length in characters (code points), as the reference counts string length. */
export { scalarCount as codePointLength } from './text-args';

/**
 * The most elements a list can have: V8's limit for one array (2^27 slots with pointer
 * compression). Asking for more gets this error instead of a host crash.
 */
const MAX_LIST_LENGTH = 2 ** 27 - 3;

/** A list to be filled in order with `n` elements (`n` checked against the limit). */
export function newList(n: number, fn: string): Value[] {
  if (n > MAX_LIST_LENGTH) throw evalFail(`${fn}: ${n} elements is more than a list can hold (at most ${MAX_LIST_LENGTH})`);
  // Preallocating is several times faster than growing, but V8 makes arrays of more than
  // 2^25 slots slow dictionaries; those grow instead (in-order writes append).
  return n <= 2 ** 24 ? new Array<Value>(Math.max(0, n)) : [];
}
