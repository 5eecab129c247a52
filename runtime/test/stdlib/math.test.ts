import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, checkError, errorOf, show } from './harness';

test('+ - * / keep integers integral and floats float', () => {
  check([
    ['(+ 1 2 3)', '6'],
    ['(+ 10)', '10'],
    ['(+)', '0'],
    ['(+ 1 2.0)', '3.0'],
    ['(+ 1.5 1.5)', '3.0'],
    ['(- 10 3)', '7'],
    ['(- 10 3 2)', '5'],
    ['(- 5)', '-5'],
    ['(- 0)', '0'],
    ['(- 2.5)', '-2.5'],
    ['(- 10 2.5 1)', '6.5'],
    ['(- 1.5 1)', '0.5'],
    ['(* 4 5)', '20'],
    ['(* 2 3 4)', '24'],
    ['(*)', '1'],
    ['(* 0 -5)', '0'],
    ['(* 2 1.5)', '3.0'],
    ['(/ 10 2)', '5'],
    ['(/ 6 3)', '2'],
    ['(/ 10 3)', '3.3333333333333335'],
    ['(/ 1 2)', '0.5'],
    ['(/ 10.0 3)', '3.3333333333333335'],
    ['(/ 0 -5)', '0'],
    ['(/ 100 2 5)', '10'],
    ['(/ 100 3 5)', '6.666666666666667'],
    ['(/ 8.0 2)', '4.0'],
    ['(/ 1.0 0)', 'inf'],
    ['(/ -1.0 0)', '-inf'],
    ['(/ 0.0 0.0)', 'NaN'],
  ]);
});

test('integer overflow wraps like i64', () => {
  check([
    ['(* 4294967296 4294967296)', '0'],
    ['(+ 9007199254740991 1)', '9007199254740992'],
  ]);
});

test('integer division and modulo by zero are errors; floats follow IEEE 754', () => {
  checkError('(/ 1 0)', 'division by zero', 'eval');
  checkError('(/ 1 2 0)', '/: division by zero');
  checkError('(mod 7 0)', 'modulo by zero');
  checkError('(modulo 7 0)', 'modulo by zero');
  assert.equal(errorOf('(/ 1 0)').hint, '/: guard with (if (zero? d) ... (/ n d))');
  check([
    ['(/ 1 0.0)', 'inf'],
    ['(mod 5.0 0)', 'NaN'],
  ]);
});

test('two-argument + joins strings and two-argument comparisons order strings', () => {
  check([
    ['(+ "ab" "cd")', '"abcd"'],
    ['(< "a" "b")', '#t'],
    ['(>= "a" "b")', '#f'],
  ]);
  checkError('(+ 1 "a")', 'expected number or string, got int and string', 'type-error');
  assert.equal(errorOf('(+ 1 "a")').hint, '+: cannot mix strings with other types; use (str a b ...) to build a string');
  checkError('(+ 1 2 "a")', 'expected number, got string');
  checkError('(* 2 :k)', 'expected number, got int and keyword');
  checkError('(< 1 :a)', 'expected comparable values, got int and keyword');
  checkError('(< 1 2 :a)', 'expected number, got keyword');
});

test('mod follows the sign of the dividend (truncated remainder)', () => {
  check([
    ['(mod 10 3)', '1'],
    ['(mod 7 2)', '1'],
    ['(mod -7 2)', '-1'],
    ['(mod -4 2)', '0'],
    ['(modulo 10 3)', '1'],
    ['(mod 7.5 2)', '1.5'],
  ]);
});

test('type errors name the expected type and what was given', () => {
  checkError('(- "a")', 'expected number, got string', 'type-error');
  checkError('(even? 1.5)', 'expected int, got float');
  checkError('(-)', 'expects 1+ args, got 0', 'arity');
  checkError('(/ 1)', 'expects 2+ args, got 1', 'arity');
});

test('comparisons chain and compare ints with floats numerically', () => {
  check([
    ['(< 1 2)', '#t'],
    ['(< 1 2 3)', '#t'],
    ['(< 3 2)', '#f'],
    ['(< 1 3 2)', '#f'],
    ['(> 3 2)', '#t'],
    ['(> 1 2)', '#f'],
    ['(<= 1 2)', '#t'],
    ['(<= 2 2)', '#t'],
    ['(>= 3 2)', '#t'],
    ['(>= 2 2)', '#t'],
    ['(< 1 1.5)', '#t'],
    ['(= 1 1)', '#t'],
    ['(= 1 1.0)', '#t'],
    ['(= 1 2)', '#f'],
    ['(= "abc" "abc")', '#t'],
    ['(= 1 1 1)', '#t'],
    ['(= (quote (1 2)) (quote (1 2)))', '#t'],
    ['(eq? (quote a) (quote a))', '#t'],
    ['(eq? 1 2)', '#f'],
    ['(equal? 1 1.0)', '#f'],
    ['(not #f)', '#t'],
    ['(not nil)', '#t'],
    ['(not 0)', '#f'],
  ]);
});

test('numeric predicates', () => {
  check([
    ['(even? 4)', '#t'],
    ['(even? 3)', '#f'],
    ['(odd? 3)', '#t'],
    ['(odd? -3)', '#t'],
    ['(positive? 1)', '#t'],
    ['(positive? 0)', '#f'],
    ['(negative? -1)', '#t'],
    ['(negative? -0.5)', '#t'],
    ['(zero? 0)', '#t'],
    ['(zero? 0.0)', '#t'],
    ['(zero? 1)', '#f'],
    ['(math/nan? math/nan)', '#t'],
    ['(math/nan? 42)', '#f'],
    ['(math/infinite? math/infinity)', '#t'],
    ['(math/infinite? 42)', '#f'],
  ]);
});

test('numeric utilities', () => {
  check([
    ['(abs -5)', '5'],
    ['(abs 3)', '3'],
    ['(abs -3.14)', '3.14'],
    ['(min 1 2 3)', '1'],
    ['(min 5)', '5'],
    ['(min 2 1.5)', '1.5'],
    ['(max 1 2 3)', '3'],
    ['(max 1 2.0)', '2.0'],
    ['(pow 2 10)', '1024'],
    ['(pow 3 3)', '27'],
    ['(pow 0 0)', '1'],
    ['(pow 2 -1)', '0.5'],
    ['(pow 2.0 3)', '8.0'],
    ['(expt 2 10)', '1024'],
    ['(pow 2 64)', '0'],
    ['(sqrt 16)', '4.0'],
    ['(sqrt 2)', '1.4142135623730951'],
    ['(sqrt -1)', 'NaN'],
    ['(log 1)', '0.0'],
    ['(log 0)', '-inf'],
    ['(log -1)', 'NaN'],
  ]);
  checkError('(min)', 'expects 1+ args, got 0', 'arity');
});

test('rounding returns integers; half rounds away from zero', () => {
  check([
    ['(floor 3.7)', '3'],
    ['(floor -2.3)', '-3'],
    ['(floor 5)', '5'],
    ['(ceil 3.2)', '4'],
    ['(ceil -2.7)', '-2'],
    ['(ceiling 3.2)', '4'],
    ['(round 3.5)', '4'],
    ['(round 3.4)', '3'],
    ['(round -2.5)', '-3'],
    ['(round -0.2)', '0'],
    ['(truncate 3.7)', '3'],
    ['(truncate -3.7)', '-3'],
    ['(math/round-to 3.14159 2)', '3.14'],
    ['(math/round-to 0.46666 3)', '0.467'],
    ['(math/format-fixed 1.2 3)', '"1.200"'],
    ['(math/format-fixed 3.14159 2)', '"3.14"'],
    ['(math/format-fixed 0.125 2)', '"0.12"'],
    ['(math/format-fixed 2.5 0)', '"2"'],
    ['(math/format-fixed -0.001 2)', '"-0.00"'],
    ['(math/format-fixed 7 1)', '"7.0"'],
    ['(math/format-fixed 1e21 0)', '"1000000000000000000000"'],
  ]);
  checkError('(round (/ 0.0 0.0))', 'round: cannot convert NaN to an integer (not finite or out of i64 range)');
  checkError('(floor 1e19)', 'floor: cannot convert 10000000000000000000 to an integer');
  checkError('(ceil math/infinity)', 'ceil: cannot convert inf to an integer');
});

test('trigonometry, exponentials and constants', () => {
  check([
    ['(sin 0)', '0.0'],
    ['(cos 0)', '1.0'],
    ['(cos pi)', '-1.0'],
    ['(math/tan 0)', '0.0'],
    ['(math/asin 0)', '0.0'],
    ['(math/acos 1)', '0.0'],
    ['(math/atan 1)', '0.7853981633974483'],
    ['(math/atan2 1 1)', '0.7853981633974483'],
    ['(math/atan2 0 -1)', '3.141592653589793'],
    ['(math/sinh 0)', '0.0'],
    ['(math/cosh 0)', '1.0'],
    ['(math/tanh 0)', '0.0'],
    ['(math/exp 0)', '1.0'],
    ['(math/exp 1)', '2.718281828459045'],
    ['(math/log10 100)', '2.0'],
    ['(math/log10 1000)', '3.0'],
    ['(math/log2 8)', '3.0'],
    ['(math/log2 1024)', '10.0'],
    ['pi', '3.141592653589793'],
    ['e', '2.718281828459045'],
    ['math/infinity', 'inf'],
    ['math/nan', 'NaN'],
    ['(math/degrees->radians 180)', '3.141592653589793'],
    ['(math/radians->degrees pi)', '180.0'],
  ]);
});

test('integer math', () => {
  check([
    ['(math/gcd 12 8)', '4'],
    ['(math/gcd 15 10)', '5'],
    ['(math/gcd -12 8)', '4'],
    ['(math/lcm 4 6)', '12'],
    ['(math/lcm 3 5)', '15'],
    ['(math/lcm 0 0)', '0'],
    ['(math/quotient 10 3)', '3'],
    ['(math/quotient 7 2)', '3'],
    ['(math/quotient -7 2)', '-3'],
    ['(math/remainder 10 3)', '1'],
    ['(math/remainder -7 2)', '-1'],
  ]);
  checkError('(math/quotient 1 0)', 'math/quotient: division by zero');
  checkError('(math/remainder 1 0)', 'math/remainder: division by zero');
  checkError('(math/gcd 1.5 2)', 'expected int, got float');
});

test('random numbers stay in range', () => {
  for (let i = 0; i < 50; i++) {
    const f = Number(show('(math/random)'));
    assert.ok(f >= 0 && f < 1, `math/random gave ${f}`);
    const n = Number(show('(math/random-int 1 3)'));
    assert.ok([1, 2, 3].includes(n), `math/random-int gave ${n}`);
  }
  assert.equal(show('(math/random-int 5 5)'), '5');
  checkError('(math/random-int 3 1)', 'math/random-int: lo (3) must be <= hi (1)');
});

test('interpolation and clamping', () => {
  check([
    ['(math/clamp 15 0 10)', '10'],
    ['(math/clamp -5 0 10)', '0'],
    ['(math/clamp 5 0 10)', '5'],
    ['(math/clamp 5.5 0 10)', '5.5'],
    ['(math/clamp 11 0 10.0)', '10.0'],
    ['(math/sign -5)', '-1'],
    ['(math/sign 0)', '0'],
    ['(math/sign 42)', '1'],
    ['(math/sign -0.5)', '-1'],
    ['(math/lerp 0 100 0.5)', '50.0'],
    ['(math/lerp 0 100 0.25)', '25.0'],
    ['(math/lerp 10 20 0.0)', '10.0'],
    ['(math/map-range 5 0 10 0 100)', '50.0'],
    ['(math/map-range 0.5 0 1 0 255)', '127.5'],
  ]);
});

test('int and float conversions', () => {
  check([
    ['(int 3.9)', '3'],
    ['(int -3.9)', '-3'],
    ['(int "42")', '42'],
    ['(int "-7")', '-7'],
    ['(float 3)', '3.0'],
    ['(float "2.5")', '2.5'],
    ['(float "1e3")', '1000.0'],
    ['(float 1.5)', '1.5'],
  ]);
  checkError('(int "4.2")', "cannot convert '4.2' to int");
  checkError('(float "abc")', "cannot convert 'abc' to float");
  checkError('(int :a)', 'expected number or string, got keyword');
});

test('bitwise operations', () => {
  check([
    ['(bit/and 5 3)', '1'],
    ['(bit/and 15 9)', '9'],
    ['(bit/or 5 3)', '7'],
    ['(bit/or 8 4)', '12'],
    ['(bit/xor 5 3)', '6'],
    ['(bit/not 5)', '-6'],
    ['(bit/shift-left 1 4)', '16'],
    ['(bit/shift-left 3 2)', '12'],
    ['(bit/shift-left 1 40)', '1099511627776'],
    ['(bit/shift-right 16 2)', '4'],
    ['(bit/shift-right 8 1)', '4'],
    ['(bit/shift-right -16 2)', '-4'],
    ['(bit/and 1099511627775 4294967296)', '4294967296'],
  ]);
  checkError('(bit/shift-left 1 64)', 'bit/shift-left: shift amount must be in 0..64, got 64');
  checkError('(bit/and 1.0 2)', 'expected int, got float');
});
