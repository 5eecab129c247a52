// Numeric utilities: abs/min/max, powers and roots, rounding, trigonometry, integer
// math, random numbers, interpolation, float predicates, `int`/`float` conversions and
// the constants pi, e, math/infinity and math/nan.

import { Float, type Value } from '../eval/values';
import { mulInt } from './arithmetic';
import { formatFixed, rustFloatDisplay } from './number-format';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { badType, evalFail, expectInt, toF64 } from './support';

const I64_MIN = -9223372036854775808;
const TWO_63 = 9223372036854775808;

/** A rounded float as an integer; NaN, infinities and values outside i64 are errors. */
function floatToInt(f: number, op: string): number {
  if (!Number.isFinite(f) || f < I64_MIN || f >= TWO_63) {
    throw evalFail(`${op}: cannot convert ${rustFloatDisplay(f)} to an integer (not finite or out of i64 range)`);
  }
  return f + 0;
}

/** Rust's `f64::round`: halves round away from zero. */
export function roundHalfAway(f: number): number {
  return f < 0 ? -Math.round(-f) : Math.round(f);
}

function rounding(name: string, op: (f: number) => number): BuiltinSpec {
  return fn(name, 1, 1, ([v]) => {
    if (typeof v === 'number') return v;
    if (v instanceof Float) return floatToInt(op(v.value), name);
    throw badType(name, 'number', v!);
  });
}

/** A one-argument float function (ints are converted first). */
function unary(name: string, op: (f: number) => number): BuiltinSpec {
  return fn(name, 1, 1, ([v]) => new Float(op(toF64(v!, name))));
}

/** Integer power with i64 wrap-around: square-and-multiply, exact while small. */
function intPow(base: number, exp: number): number {
  let result = 1;
  let b = base;
  let e = exp;
  while (e > 0) {
    if (e % 2 === 1) result = mulInt(result, b);
    e = Math.floor(e / 2);
    if (e > 0) b = mulInt(b, b);
  }
  return result;
}

function pow([a, b]: Value[]): Value {
  if (typeof a === 'number' && typeof b === 'number' && b >= 0) return intPow(a, b);
  return new Float(Math.pow(toF64(a!, 'pow'), toF64(b!, 'pow')));
}

function numLess(a: Value, b: Value, fnName: string): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a !== 'number' && !(a instanceof Float)) throw badType(fnName, 'number', a);
  return toF64(a, fnName) < toF64(b, fnName);
}

/** `min`/`max`: the winning argument is returned as given (an int stays an int). */
function extreme(name: string, pickSecond: (best: Value, next: Value) => boolean): BuiltinSpec {
  return fn(name, 1, -1, (args) => {
    let best = args[0]!;
    for (let i = 1; i < args.length; i++) if (pickSecond(best, args[i]!)) best = args[i]!;
    return best;
  });
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

function fmax(a: number, b: number): number {
  return Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.max(a, b);
}

function fmin(a: number, b: number): number {
  return Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.min(a, b);
}

const INT_SYNTAX = /^[+-]?\d+$/;
const FLOAT_SYNTAX = /^[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;

function parseFloatText(s: string): number | undefined {
  if (!FLOAT_SYNTAX.test(s)) return undefined;
  const lower = s.toLowerCase();
  const sign = lower.startsWith('-') ? -1 : 1;
  const body = lower.replace(/^[+-]/, '');
  if (body === 'nan') return NaN;
  if (body === 'inf' || body === 'infinity') return sign * Infinity;
  return Number(s);
}

export const mathConstants: readonly { name: string; value: Value }[] = [
  { name: 'pi', value: new Float(Math.PI) },
  { name: 'e', value: new Float(Math.E) },
  { name: 'math/infinity', value: new Float(Infinity) },
  { name: 'math/nan', value: new Float(NaN) },
];

/** Decimals math/format-fixed writes at most (the smallest double needs 1074). */
const MAX_FIXED_DIGITS = 1100;

export const mathModule: StdlibModule = {
  name: 'math',
  constants: mathConstants,
  builtins: [
    fn('abs', 1, 1, ([v]) => {
      if (typeof v === 'number') {
        if (v === I64_MIN) throw evalFail('abs: |i64::MIN| overflows i64', 'convert to a float first, e.g. (abs (* 1.0 n))');
        return Math.abs(v);
      }
      if (v instanceof Float) return new Float(Math.abs(v.value));
      throw badType('abs', 'number', v!);
    }),
    extreme('min', (best, next) => !numLess(best, next, 'min')),
    extreme('max', (best, next) => !numLess(next, best, 'max')),
    rounding('floor', Math.floor),
    rounding('ceil', Math.ceil),
    rounding('ceiling', Math.ceil),
    rounding('round', roundHalfAway),
    rounding('truncate', Math.trunc),
    fn('math/round-to', 2, 2, ([x, p]) => {
      const f = toF64(x!, 'math/round-to');
      const factor = Math.pow(10, expectInt(p!, 'math/round-to', 'integer'));
      return new Float(roundHalfAway(f * factor) / factor);
    }),
    fn('math/format-fixed', 2, 2, ([x, p]) => {
      const f = toF64(x!, 'math/format-fixed');
      const digits = Math.max(0, expectInt(p!, 'math/format-fixed', 'integer'));
      // Every decimal of a double is exact well before 1100 places; more only adds zeros.
      if (digits > MAX_FIXED_DIGITS) throw evalFail(`math/format-fixed: at most ${MAX_FIXED_DIGITS} decimals, got ${digits}`);
      return formatFixed(f, digits);
    }),
    unary('sqrt', Math.sqrt),
    fn('pow', 2, 2, pow),
    fn('expt', 2, 2, pow),
    fn('math/pow', 2, 2, pow),
    unary('log', Math.log),
    unary('sin', Math.sin),
    unary('cos', Math.cos),
    fn('int', 1, 1, ([v]) => {
      if (typeof v === 'number') return v;
      if (v instanceof Float) return floatToInt(Math.trunc(v.value), 'int');
      if (typeof v === 'string') {
        if (!INT_SYNTAX.test(v)) throw evalFail(`cannot convert '${v}' to int`);
        const n = Number(v);
        if (n < I64_MIN || n >= TWO_63) throw evalFail(`cannot convert '${v}' to int`);
        return n + 0;
      }
      throw badType('int', 'number or string', v!);
    }),
    fn('float', 1, 1, ([v]) => {
      if (typeof v === 'number') return new Float(v);
      if (v instanceof Float) return v;
      if (typeof v === 'string') {
        const f = parseFloatText(v);
        if (f === undefined) throw evalFail(`cannot convert '${v}' to float`);
        return new Float(f);
      }
      throw badType('float', 'number or string', v!);
    }),
    fn('math/quotient', 2, 2, ([a, b]) => {
      const x = expectInt(a!, 'math/quotient');
      const y = expectInt(b!, 'math/quotient');
      if (y === 0) throw evalFail('math/quotient: division by zero', 'math/quotient: ensure the divisor is non-zero');
      // i64::MIN / -1 wraps back to i64::MIN in the reference.
      if (x === I64_MIN && y === -1) return x;
      return Math.trunc(x / y) + 0;
    }),
    fn('math/remainder', 2, 2, ([a, b]) => {
      const x = expectInt(a!, 'math/remainder');
      const y = expectInt(b!, 'math/remainder');
      if (y === 0) throw evalFail('math/remainder: division by zero', 'math/remainder: ensure the divisor is non-zero');
      return (x % y) + 0;
    }),
    fn('math/gcd', 2, 2, ([a, b]) => gcd(expectInt(a!, 'math/gcd'), expectInt(b!, 'math/gcd'))),
    fn('math/lcm', 2, 2, ([a, b]) => {
      const x = Math.abs(expectInt(a!, 'math/lcm'));
      const y = Math.abs(expectInt(b!, 'math/lcm'));
      if (x === 0 && y === 0) return 0;
      return mulInt(x / gcd(x, y), y);
    }),
    unary('math/tan', Math.tan),
    unary('math/asin', Math.asin),
    unary('math/acos', Math.acos),
    unary('math/atan', Math.atan),
    fn('math/atan2', 2, 2, ([y, x]) => new Float(Math.atan2(toF64(y!, 'math/atan2'), toF64(x!, 'math/atan2')))),
    unary('math/exp', Math.exp),
    unary('math/log10', Math.log10),
    unary('math/log2', Math.log2),
    unary('math/sinh', Math.sinh),
    unary('math/cosh', Math.cosh),
    unary('math/tanh', Math.tanh),
    unary('math/degrees->radians', (d) => d * (Math.PI / 180)),
    unary('math/radians->degrees', (r) => r * (180 / Math.PI)),
    fn('math/random', 0, 0, () => new Float(Math.random())),
    fn('math/random-int', 2, 2, ([a, b]) => {
      const lo = expectInt(a!, 'math/random-int');
      const hi = expectInt(b!, 'math/random-int');
      if (lo > hi) throw evalFail(`math/random-int: lo (${lo}) must be <= hi (${hi})`);
      return lo + Math.floor(Math.random() * (hi - lo + 1));
    }),
    fn('math/clamp', 3, 3, ([v, lo, hi]) => {
      if (typeof v === 'number' && typeof lo === 'number' && typeof hi === 'number') return Math.min(Math.max(v, lo), hi);
      const x = toF64(v!, 'math/clamp');
      const l = toF64(lo!, 'math/clamp');
      const h = toF64(hi!, 'math/clamp');
      if (Number.isNaN(x)) return new Float(x);
      return new Float(fmin(fmax(x, l), h));
    }),
    fn('math/sign', 1, 1, ([v]) => {
      const n = typeof v === 'number' ? v : v instanceof Float ? v.value : undefined;
      if (n === undefined) throw badType('math/sign', 'number', v!);
      return n > 0 ? 1 : n < 0 ? -1 : 0;
    }),
    fn('math/lerp', 3, 3, ([a, b, t]) => {
      const x = toF64(a!, 'math/lerp');
      const y = toF64(b!, 'math/lerp');
      return new Float(x + (y - x) * toF64(t!, 'math/lerp'));
    }),
    fn('math/map-range', 5, 5, (args) => {
      const [v, inMin, inMax, outMin, outMax] = args.map((a) => toF64(a, 'math/map-range')) as [number, number, number, number, number];
      return new Float(outMin + ((v - inMin) / (inMax - inMin)) * (outMax - outMin));
    }),
    fn('math/nan?', 1, 1, ([v]) => v instanceof Float && Number.isNaN(v.value)),
    fn('math/infinite?', 1, 1, ([v]) => v instanceof Float && (v.value === Infinity || v.value === -Infinity)),
  ],
};
