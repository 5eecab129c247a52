// Typed arrays (`f64-array`, `i64-array`): fixed-length numeric arrays in one unboxed
// buffer. Both kinds share one set of builtins, built from a description of the element
// type; only the ranges, sums and `f64-array/dot` differ.

import { F64Array, Float, I64Array, type Value } from '../eval/values';
import { addInt } from './arithmetic';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { evalFail } from './support';
import { typeErr } from './text-args';

/** What distinguishes the two kinds of typed array. */
interface ElementKind {
  /** `f64-array` or `i64-array`: the type name and the prefix of every builtin. */
  readonly name: 'f64-array' | 'i64-array';
  /** An argument as an element, or a type error naming `what` was expected. */
  element(v: Value, fn: string, what?: string): number;
  /** An element as a Sema value. */
  box(n: number): Value;
  wrap(data: Float64Array): F64Array | I64Array;
  /** The buffer of a typed array of this kind, or undefined. */
  buffer(v: Value): Float64Array | undefined;
}

function intArg(v: Value, fn: string, what = 'integer'): number {
  if (typeof v === 'number') return v;
  throw typeErr(fn, what, v);
}

const f64: ElementKind = {
  name: 'f64-array',
  element(v, fn, what = 'number') {
    if (typeof v === 'number') return v;
    if (v instanceof Float) return v.value;
    throw typeErr(fn, what, v);
  },
  box: (n) => new Float(n),
  wrap: (data) => new F64Array(data),
  buffer: (v) => (v instanceof F64Array ? v.data : undefined),
};

const i64: ElementKind = {
  name: 'i64-array',
  element: intArg,
  box: (n) => n,
  wrap: (data) => new I64Array(data),
  buffer: (v) => (v instanceof I64Array ? v.data : undefined),
};

/**
 * An absurd length is an error, not an abort or gigabytes of memory: the reference caps
 * lengths at 2^32; we cap them where lists are capped (2^27 elements, 1 GiB of floats).
 */
const MAX_LENGTH = 2 ** 27;

function checkedLength(n: number, fn: string): number {
  if (n < 0) throw evalFail(`${fn}: length must be non-negative, got ${n}`);
  if (n > MAX_LENGTH) throw evalFail(`${fn}: length ${n} exceeds maximum ${MAX_LENGTH}`);
  return n;
}

/** A zeroed buffer; a length the host cannot allocate is a Sema error, not a RangeError. */
function allocate(n: number, fn: string): Float64Array {
  try {
    return new Float64Array(n);
  } catch {
    throw evalFail(`${fn}: cannot allocate an array of ${n} elements`);
  }
}

function bufferArg(kind: ElementKind, v: Value, fn: string): Float64Array {
  const data = kind.buffer(v);
  if (data === undefined) throw typeErr(fn, kind.name, v);
  return data;
}

/** A checked position inside `data`. */
function position(data: Float64Array, v: Value, fn: string): number {
  const i = intArg(v, fn);
  if (i < 0 || i >= data.length) throw evalFail(`index ${i} out of bounds (len ${data.length})`);
  return i;
}

/** The builtins both kinds have, named `<kind>/...`. */
function sharedBuiltins(kind: ElementKind): BuiltinSpec[] {
  const k = kind.name;
  return [
    fn(k, 0, -1, (args) => kind.wrap(Float64Array.from(args, (v) => kind.element(v, k)))),
    fn(`${k}/make`, 1, 2, (args) => {
      const n = checkedLength(intArg(args[0]!, `${k}/make`), `${k}/make`);
      const fill = args.length === 2 ? kind.element(args[1]!, `${k}/make`) : 0;
      return kind.wrap(allocate(n, `${k}/make`).fill(fill));
    }),
    fn(`${k}/from-list`, 1, 1, ([list]) => {
      if (!Array.isArray(list)) throw typeErr(`${k}/from-list`, 'list', list!);
      return kind.wrap(Float64Array.from(list, (v) => kind.element(v, `${k}/from-list`)));
    }),
    fn(`${k}/ref`, 2, 2, ([arr, i]) => {
      const data = bufferArg(kind, arr!, `${k}/ref`);
      return kind.box(data[position(data, i!, `${k}/ref`)]!);
    }),
    fn(`${k}/set!`, 3, 3, ([arr, i, v]) => {
      const data = bufferArg(kind, arr!, `${k}/set!`);
      const at = intArg(i!, `${k}/set!`);
      const value = kind.element(v!, `${k}/set!`);
      position(data, at, `${k}/set!`);
      const copy = data.slice();
      copy[at] = value;
      return kind.wrap(copy);
    }),
    fn(`${k}/length`, 1, 1, ([arr]) => bufferArg(kind, arr!, `${k}/length`).length),
    fn(`${k}/map`, 2, 2, ([f, arr], ctx) => {
      const data = bufferArg(kind, arr!, `${k}/map`);
      const expected = kind === f64 ? 'number (f64-array/map callback must return number)' : 'integer (i64-array/map callback must return integer)';
      const out = new Float64Array(data.length);
      for (let i = 0; i < data.length; i++) out[i] = kind.element(ctx.apply1(f!, kind.box(data[i]!)), `${k}/map`, expected);
      return kind.wrap(out);
    }),
    fn(`${k}/fold`, 3, 3, ([f, init, arr], ctx) => {
      const data = bufferArg(kind, arr!, `${k}/fold`);
      let acc: Value = init as Value;
      for (let i = 0; i < data.length; i++) acc = ctx.apply2(f!, acc, kind.box(data[i]!));
      return acc;
    }),
    fn(`${k}?`, 1, 1, ([v]) => kind.buffer(v!) !== undefined),
  ];
}

/** The elements `start`, `start + step`, ... before `end`, as the reference steps them. */
function stepRange(start: number, end: number, step: number, fn: string): Float64Array {
  if (step === 0) throw evalFail(`${fn}: step cannot be zero`);
  const estimate = Math.ceil((end - start) / step);
  if (estimate > MAX_LENGTH) throw evalFail(`${fn}: length ${estimate} exceeds maximum ${MAX_LENGTH}`);
  // Filled in place (a JS array of this many numbers could take the host down); the
  // estimate may be one short of what repeated addition reaches, hence the spare slot.
  const out = allocate(Math.max(0, estimate) + 1, fn);
  let n = 0;
  for (let v = start; step > 0 ? v < end : v > end; v += step) {
    // A step below the spacing of doubles near `v` would never reach `end`.
    if (v + step === v) throw evalFail(`${fn}: step ${step} is too small to advance from ${v}`);
    if (n === out.length) throw evalFail(`${fn}: length exceeds maximum ${MAX_LENGTH}`);
    out[n++] = v;
  }
  return out.subarray(0, n);
}

const builtins: BuiltinSpec[] = [
  ...sharedBuiltins(f64),
  ...sharedBuiltins(i64),
  fn('f64-array/range', 2, 3, (args) => {
    const [start, end, step] = [0, 1, 2].map((i) => (i < args.length ? f64.element(args[i]!, 'f64-array/range') : 1)) as [number, number, number];
    return new F64Array(stepRange(start, end, step, 'f64-array/range').slice());
  }),
  fn('i64-array/range', 2, 3, (args) => {
    const [start, end, step] = [0, 1, 2].map((i) => (i < args.length ? intArg(args[i]!, 'i64-array/range') : 1)) as [number, number, number];
    return new I64Array(stepRange(start, end, step, 'i64-array/range').slice());
  }),
  fn('f64-array/sum', 1, 1, ([arr]) => {
    // Rust's float sum starts from -0.0, so an empty array sums to -0.0.
    let total = -0;
    for (const x of bufferArg(f64, arr!, 'f64-array/sum')) total += x;
    return new Float(total);
  }),
  fn('i64-array/sum', 1, 1, ([arr]) => {
    let total = 0;
    for (const x of bufferArg(i64, arr!, 'i64-array/sum')) total = addInt(total, x);
    return total;
  }),
  fn('f64-array/dot', 2, 2, ([a, b]) => {
    const x = bufferArg(f64, a!, 'f64-array/dot');
    const y = bufferArg(f64, b!, 'f64-array/dot');
    if (x.length !== y.length) throw evalFail(`f64-array/dot: length mismatch (${x.length} vs ${y.length})`);
    let total = -0;
    for (let i = 0; i < x.length; i++) total += x[i]! * y[i]!;
    return new Float(total);
  }),
];

export const typedArraysModule: StdlibModule = { name: 'typed-arrays', builtins };
