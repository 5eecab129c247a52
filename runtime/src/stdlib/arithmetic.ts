// Arithmetic and numeric comparison: + - * / mod, < > <= >= =, and the numeric
// predicates. These are the hottest builtins, so each has a two-integer fast path and
// allocates nothing but its result. Integers behave like the reference's i64: sums,
// differences and products that overflow wrap around (two's complement).

import { valuesEqual } from '../eval/equality';
import { Float, isTruthy, type Value } from '../eval/values';
import { fn, type StdlibModule } from './registry';
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

function add(args: Value[]): Value {
  if (args.length === 2) {
    const a = args[0]!;
    const b = args[1]!;
    if (typeof a === 'number' && typeof b === 'number') {
      const r = a + b;
      return Number.isSafeInteger(r) ? r : addInt(a, b);
    }
    return addTwo(a, b);
  }
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

function sub(args: Value[]): Value {
  const first = args[0]!;
  if (args.length === 2) {
    const b = args[1]!;
    if (typeof first === 'number' && typeof b === 'number') {
      const r = first - b;
      return Number.isSafeInteger(r) ? r : subInt(first, b);
    }
    return new Float(pairNum(first, b, '-', 0) - pairNum(first, b, '-', 1));
  }
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

function mul(args: Value[]): Value {
  if (args.length === 2) {
    const a = args[0]!;
    const b = args[1]!;
    if (typeof a === 'number' && typeof b === 'number') return mulInt(a, b);
    return new Float(pairNum(a, b, '*', 0) * pairNum(a, b, '*', 1));
  }
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
  const a = args[0]!;
  const b = args[1]!;
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw evalFail('modulo by zero', 'mod: ensure the divisor is non-zero');
    return (a % b) + 0;
  }
  const x = a instanceof Float ? a.value : typeof a === 'number' ? a : undefined;
  const y = b instanceof Float ? b.value : typeof b === 'number' ? b : undefined;
  if (x === undefined || y === undefined) throw badType('mod', 'number', a);
  return new Float(x % y);
}

/** Chained numeric comparison; stops at the first pair that fails, like the reference. */
function compareChain(name: string, test: (a: number, b: number) => boolean) {
  return (args: Value[]): Value => {
    if (args.length === 2) {
      const a = args[0]!;
      const b = args[1]!;
      if (typeof a === 'number' && typeof b === 'number') return test(a, b);
      return compareTwo(a, b, name, test);
    }
    for (let i = 0; i + 1 < args.length; i++) {
      if (!test(num(args[i]!, name), num(args[i + 1]!, name))) return false;
    }
    return true;
  };
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
  return fn(name, 1, 1, (args) => {
    const v = args[0]!;
    if (typeof v === 'number') return test(v);
    if (v instanceof Float) return test(v.value);
    throw badType(name, 'number', v);
  });
}

function intTest(name: string, test: (n: number) => boolean) {
  return fn(name, 1, 1, (args) => {
    const v = args[0]!;
    if (typeof v === 'number') return test(v);
    throw badType(name, 'int', v);
  });
}

export const arithmeticModule: StdlibModule = {
  name: 'arithmetic',
  builtins: [
    fn('+', 0, -1, add),
    fn('-', 1, -1, sub),
    fn('*', 0, -1, mul),
    fn('/', 2, -1, div),
    fn('mod', 2, 2, mod),
    fn('modulo', 2, 2, mod),
    fn('<', 2, -1, compareChain('<', (a, b) => a < b)),
    fn('>', 2, -1, compareChain('>', (a, b) => a > b)),
    fn('<=', 2, -1, compareChain('<=', (a, b) => a <= b)),
    fn('>=', 2, -1, compareChain('>=', (a, b) => a >= b)),
    fn('=', 2, -1, numericEquals),
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
