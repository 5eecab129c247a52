import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, checkError } from './harness';
import { formatF64Element } from '../../src/reader/printer';

test('f64 elements print like Rust floats: no exponent, no .0', () => {
  assert.equal(formatF64Element(1), '1');
  assert.equal(formatF64Element(2.5), '2.5');
  assert.equal(formatF64Element(1.5e300).length, 301);
  assert.equal(formatF64Element(1e-7), '0.0000001');
  assert.equal(formatF64Element(-0), '-0');
  assert.equal(formatF64Element(NaN), 'NaN');
  assert.equal(formatF64Element(-Infinity), '-inf');
});

test('typed arrays compare element bits, as values and as map keys', () => {
  check([
    ['(equal? (f64-array 0.0) (f64-array -0.0))', '#f'],
    ['(equal? (f64-array (/ 0.0 0.0)) (f64-array (/ 0.0 0.0)))', '#t'],
    ['(equal? (i64-array 1 2) (i64-array 1 2))', '#t'],
    ['(equal? (i64-array 1 2) (i64-array 1 2 3))', '#f'],
    ['(get {(f64-array 1.0 2.0) :hit} (f64-array 1 2))', ':hit'],
    ['(get {(i64-array 1) :hit} (f64-array 1))', 'nil'],
    ['(sort (list (f64-array 0.0) (f64-array -0.0) (f64-array -1.0)))', '(#f64(-1) #f64(-0) #f64(0))'],
  ]);
});

test('set! leaves the original array alone', () => {
  check([
    ['(define a (f64-array 1 2 3))', 'nil'],
    ['(f64-array/set! a 2 0.5)', '#f64(1 2 0.5)'],
    ['a', '#f64(1 2 3)'],
  ]);
});

test('i64 sums wrap at 64 bits like +', () => {
  check([
    ['(= (i64-array/sum (i64-array 9007199254740991 9007199254740991)) (+ 9007199254740991 9007199254740991))', '#t'],
    ['(i64-array/sum (i64-array))', '0'],
    ['(f64-array/dot (f64-array) (f64-array))', '-0.0'],
  ]);
});

test('ranges step like the reference and refuse endless ones', () => {
  check([
    ['(f64-array/range 1 0 -0.5)', '#f64(1 0.5)'],
    ['(i64-array/range 0 5 -1)', '#i64()'],
    ['(f64-array/range 0 1 (/ 0.0 0.0))', '#f64()'],
  ]);
  checkError('(f64-array/range 0 math/infinity)', 'exceeds maximum 134217728');
  checkError('(f64-array/range 1e16 (+ 1e16 100) 1)', 'f64-array/range: step 1 is too small to advance');
  checkError('(i64-array/range 0 1.5)', 'i64-array/range: expected integer, got float', 'type-error');
});

test('bad lengths, indexes and callbacks are Sema errors', () => {
  checkError('(f64-array/make 4000000000)', 'f64-array/make: length 4000000000 exceeds maximum 134217728', 'eval');
  checkError('(i64-array/make 2 1.5)', 'i64-array/make: expected integer, got float', 'type-error');
  checkError('(f64-array/ref (f64-array 1) -1)', 'index -1 out of bounds (len 1)', 'eval');
  checkError('(f64-array/ref (f64-array 1) 0.0)', 'f64-array/ref: expected integer, got float', 'type-error');
  checkError('(i64-array/map (fn (x) 1.5) (i64-array 1))', 'expected integer (i64-array/map callback must return integer), got float');
  checkError('(f64-array? 1 2)', 'f64-array? expects 1');
});

test('length counts typed arrays; other sequence functions do not take them', () => {
  check([['(length (i64-array/make 4))', '4']]);
  checkError('(first (i64-array 1))', 'got i64-array');
});
