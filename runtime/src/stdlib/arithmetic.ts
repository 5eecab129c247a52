// Arithmetic and numeric comparison: + - * / mod, < > <= >= =, and the numeric
// predicates. These are the hottest builtins, so each has a two-integer fast path and
// allocates nothing but its result. Integers behave like the reference's i64: sums,
// differences and products that overflow wrap around (two's complement).

import { valuesEqual } from '../eval/equality';
import { Float, isTruthy, type Value } from '../eval/values';
import { fn, withFastPaths, type StdlibModule } from './registry';
import { SemaError, typeError } from '../eval/errors';
import { badType, errType, evalFail, intResult } from './support';

function wrap64(b: bigint): number {
  return Number(BigInt.asIntN(64, b));
}

export function addInt(a: number, b: number): number {
  const r = a + b;
  return Number.isSafeInteger(r) ? r : wrap64(BigInt(a) + BigInt(b));
}

export function subInt(a: number, b: number): number {
  const r = a - b;
  return Number.isSafeInteger(r) ? r : wrap64(BigInt(a) - BigInt(b));
}

export function mulInt(a: number, b: number): number {
  const r = a * b;
  return Number.isSafeInteger(r) ? r + 0 : wrap64(BigInt(a) * BigInt(b));
}

function num(v: Value, fnName: string): number {
  if (typeof v === 'number') return v;
  if (v instanceof Float) return v.value;
  throw badType(fnName, 'number', v);
}

function add2(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    return Number.isSafeInteger(r) ? r : addInt(a, b);
  }
  return addTwo(a, b);
}

function add(args: Value[]): Value {
  if (args.length === 2) return add2(args[0]!, args[1]!);
  let i = 0;
  let acc = 0;
  for (; i < args.length; i++) {
    const v = args[i]!;
    if (typeof v !== 'number') break;
    acc = addInt(acc, v);
  }
  if (i === args.length) return acc;
  let f = acc;
  for (; i < args.length; i++) f += num(args[i]!, '+');
  return new Float(f);
}

function sub2(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    return Number.isSafeInteger(r) ? r : subInt(a, b);
  }
  return new Float(pairNum(a, b, '-', 0) - pairNum(a, b, '-', 1));
}

function sub(args: Value[]): Value {
  const first = args[0]!;
  if (args.length === 2) return sub2(first, args[1]!);
  if (args.length === 1) {
    if (typeof first === 'number') return subInt(0, first);
    if (first instanceof Float) return new Float(-first.value);
    throw badType('-', 'number', first);
  }
  let acc = 0;
  let i = 0;
  for (; i < args.length; i++) {
    const v = args[i]!;
    if (typeof v !== 'number') break;
    acc = i === 0 ? v : subInt(acc, v);
  }
  if (i === args.length) return acc;
  let f = i === 0 ? num(first, '-') : acc;
  for (i = i === 0 ? 1 : i; i < args.length; i++) f -= num(args[i]!, '-');
  return new Float(f);
}

function mul2(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') return mulInt(a, b);
  return new Float(pairNum(a, b, '*', 0) * pairNum(a, b, '*', 1));
}

function mul(args: Value[]): Value {
  if (args.length === 2) return mul2(args[0]!, args[1]!);
  let i = 0;
  let acc = 1;
  for (; i < args.length; i++) {
    const v = args[i]!;
    if (typeof v !== 'number') break;
    acc = mulInt(acc, v);
  }
  if (i === args.length) return acc;
  let f = acc;
  for (; i < args.length; i++) f *= num(args[i]!, '*');
  return new Float(f);
}

/**
 * Two-argument calls behave like the reference's bytecode instructions for these
 * operators (what a direct `(op a b)` call runs there): `+` also joins two strings,
 * `<`-style comparisons also order strings, and errors name both operand types.
 */
function pairError(name: string, expected: string, a: Value, b: Value, hint?: string): SemaError {
  const e = typeError(name, expected, `${errType(a)} and ${errType(b)}`);
  return hint === undefined ? e : new SemaError(e.message, e.type, e.fields, hint);
}

/** Operand `i` of a two-number operation, or the reference's "X and Y" type error. */
function pairNum(a: Value, b: Value, name: string, i: 0 | 1): number {
  const v = i === 0 ? a : b;
  if (typeof v === 'number') return v;
  if (v instanceof Float) return v.value;
  throw pairError(name, 'number', a, b);
}

function addTwo(a: Value, b: Value): Value {
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  const x = typeof a === 'number' ? a : a instanceof Float ? a.value : undefined;
  const y = typeof b === 'number' ? b : b instanceof Float ? b.value : undefined;
  if (x !== undefined && y !== undefined) return new Float(x + y);
  const hint = typeof a === 'string' || typeof b === 'string' ? '+: cannot mix strings with other types; use (str a b ...) to build a string' : undefined;
  throw pairError('+', 'number or string', a, b, hint);
}

function compareTwo(a: Value, b: Value, name: string, test: (a: number, b: number) => boolean): boolean {
  if (typeof a === 'string' && typeof b === 'string') {
    const c = a < b ? -1 : a > b ? 1 : 0;
    return test(c, 0);
  }
  const x = typeof a === 'number' ? a : a instanceof Float ? a.value : undefined;
  const y = typeof b === 'number' ? b : b instanceof Float ? b.value : undefined;
  if (x === undefined || y === undefined) throw pairError(name, 'comparable values', a, b);
  return test(x, y);
}

const DIV_HINT = '/: guard with (if (zero? d) ... (/ n d))';

function div(args: Value[]): Value {
  if (args.length === 2) {
    const a = args[0]!;
    const b = args[1]!;
    if (typeof a === 'number' && typeof b === 'number') {
      if (b === 0) throw evalFail('division by zero', DIV_HINT);
      // Exact integer division stays an integer; anything else becomes a float.
      if (a % b === 0) return intResult(a / b);
      return new Float(a / b);
    }
    // With a float involved, two-argument division follows IEEE 754 (1.0/0 is inf).
    return new Float(pairNum(a, b, '/', 0) / pairNum(a, b, '/', 1));
  }
  let result = num(args[0]!, '/');
  let allInt = typeof args[0] === 'number';
  for (let i = 1; i < args.length; i++) {
    const v = args[i]!;
    const d = num(v, '/');
    if (typeof v !== 'number') allInt = false;
    if (d === 0) throw evalFail('/: division by zero', DIV_HINT);
    result /= d;
  }
  if (allInt && Number.isInteger(result)) return intResult(result);
  return new Float(result);
}

function mod(args: Value[]): Value {
  return mod2(args[0]!, args[1]!);
}

/**
 * `a % b` (sign of `a`, never -0) for integers, b ≠ 0. JS `%` on numbers beyond 32 bits is a
 * slow library call; below 2^52 a truncated quotient is off by at most one, and every product
 * and difference here is exact, so one correction step gives the same result faster.
 */
export function intRemainder(a: number, b: number): number {
  if ((a | 0) === a && (b | 0) === b) return (a % b) + 0;
  const m = b < 0 ? -b : b;
  if (a >= 4503599627370496 || a <= -4503599627370496 || m >= 4503599627370496) return (a % b) + 0;
  let r = a - Math.trunc(a / b) * b;
  if (a >= 0) {
    if (r < 0) r += m;
    else if (r >= m) r -= m;
  } else if (r > 0) r -= m;
  else if (r <= -m) r += m;
  return r + 0;
}

function mod2(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw evalFail('modulo by zero', 'mod: ensure the divisor is non-zero');
    return intRemainder(a, b);
  }
  const x = a instanceof Float ? a.value : typeof a === 'number' ? a : undefined;
  const y = b instanceof Float ? b.value : typeof b === 'number' ? b : undefined;
  if (x === undefined || y === undefined) throw badType('mod', 'number', a);
  return new Float(x % y);
}

/** Chained numeric comparison; stops at the first pair that fails, like the reference. */
function comparison(name: string, test: (a: number, b: number) => boolean) {
  const two = (a: Value, b: Value): Value => (typeof a === 'number' && typeof b === 'number' ? test(a, b) : compareTwo(a, b, name, test));
  const chain = (args: Value[]): Value => {
    if (args.length === 2) return two(args[0]!, args[1]!);
    for (let i = 0; i + 1 < args.length; i++) {
      if (!test(num(args[i]!, name), num(args[i + 1]!, name))) return false;
    }
    return true;
  };
  return withFastPaths(fn(name, 2, -1, chain), undefined, two);
}

function numEq(a: Value, b: Value): boolean {
  if (typeof a === 'number') {
    if (typeof b === 'number') return a === b;
    if (b instanceof Float) return a === b.value;
  } else if (a instanceof Float) {
    if (typeof b === 'number' || b instanceof Float) return a.value === (typeof b === 'number' ? b : b.value);
  }
  return valuesEqual(a, b);
}

function numericEquals(args: Value[]): Value {
  if (args.length === 2) return numEq(args[0]!, args[1]!);
  for (let i = 0; i + 1 < args.length; i++) if (!numEq(args[i]!, args[i + 1]!)) return false;
  return true;
}

function numberTest(name: string, test: (n: number) => boolean) {
  const one = (v: Value): Value => {
    if (typeof v === 'number') return test(v);
    if (v instanceof Float) return test(v.value);
    throw badType(name, 'number', v);
  };
  return withFastPaths(fn(name, 1, 1, (args) => one(args[0]!)), one);
}

function intTest(name: string, test: (n: number) => boolean) {
  const one = (v: Value): Value => {
    if (typeof v === 'number') return test(v);
    throw badType(name, 'int', v);
  };
  return withFastPaths(fn(name, 1, 1, (args) => one(args[0]!)), one);
}

export const arithmeticModule: StdlibModule = {
  name: 'arithmetic',
  builtins: [
    withFastPaths(fn('+', 0, -1, add), undefined, add2),
    withFastPaths(fn('-', 1, -1, sub), undefined, sub2),
    withFastPaths(fn('*', 0, -1, mul), undefined, mul2),
    fn('/', 2, -1, div),
    withFastPaths(fn('mod', 2, 2, mod), undefined, mod2),
    withFastPaths(fn('modulo', 2, 2, mod), undefined, mod2),
    comparison('<', (a, b) => a < b),
    comparison('>', (a, b) => a > b),
    comparison('<=', (a, b) => a <= b),
    comparison('>=', (a, b) => a >= b),
    withFastPaths(fn('=', 2, -1, numericEquals), undefined, numEq),
    fn('eq?', 2, 2, (args) => valuesEqual(args[0]!, args[1]!)),
    fn('equal?', 2, 2, (args) => valuesEqual(args[0]!, args[1]!)),
    fn('not', 1, 1, (args) => !isTruthy(args[0]!)),
    numberTest('zero?', (n) => n === 0),
    numberTest('positive?', (n) => n > 0),
    numberTest('negative?', (n) => n < 0),
    intTest('even?', (n) => n % 2 === 0),
    intTest('odd?', (n) => n % 2 !== 0),
  ],
};
