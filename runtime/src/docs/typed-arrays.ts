// Catalogue entries for typed arrays (stdlib/typed-arrays.ts).

import type { BuiltinDoc } from './types';
import { fnDoc } from './entry';

const t = (sig: string | string[], summary: string, examples: string[]): BuiltinDoc => fnDoc('typed-arrays', sig, summary, examples);

export const typedArrayDocs: BuiltinDoc[] = [
  t('(f64-array number ...)', 'An array of 64-bit floats holding the given numbers (integers are converted).', ['(f64-array 1.0 2.5 3.7)  ; => #f64(1 2.5 3.7)']),
  t('(i64-array int ...)', 'An array of 64-bit integers holding the given integers.', ['(i64-array 1 2 3)  ; => #i64(1 2 3)']),
  t(['(f64-array/make n)', '(f64-array/make n fill)'], 'An f64 array of `n` elements, all `fill` (0.0 by default).', ['(f64-array/make 3 1.5)  ; => #f64(1.5 1.5 1.5)']),
  t(['(i64-array/make n)', '(i64-array/make n fill)'], 'An i64 array of `n` elements, all `fill` (0 by default).', ['(i64-array/make 3 42)  ; => #i64(42 42 42)']),
  t(['(f64-array/range start end)', '(f64-array/range start end step)'], 'An f64 array of `start`, `start + step`, ... up to but not including `end` (step 1 by default, may be negative, not zero).', ['(f64-array/range 0 1 0.25)  ; => #f64(0 0.25 0.5 0.75)']),
  t(['(i64-array/range start end)', '(i64-array/range start end step)'], 'An i64 array of `start`, `start + step`, ... up to but not including `end` (step 1 by default, may be negative, not zero).', ['(i64-array/range 0 10 2)  ; => #i64(0 2 4 6 8)']),
  t('(f64-array/from-list list)', 'An f64 array of the numbers in a list.', ["(f64-array/from-list '(1 2 3))  ; => #f64(1 2 3)"]),
  t('(i64-array/from-list list)', 'An i64 array of the integers in a list.', ["(i64-array/from-list '(10 20 30))  ; => #i64(10 20 30)"]),
  t('(f64-array/ref array index)', 'The element at a 0-based index, as a float.', ['(f64-array/ref (f64-array 1.0 2.0 3.0) 1)  ; => 2.0']),
  t('(i64-array/ref array index)', 'The element at a 0-based index.', ['(i64-array/ref (i64-array 10 20 30) 0)  ; => 10']),
  t('(f64-array/set! array index number)', 'A copy of the array with one element replaced; the original is unchanged.', ['(f64-array/set! (f64-array 1.0 2.0 3.0) 1 9.9)  ; => #f64(1 9.9 3)']),
  t('(i64-array/set! array index int)', 'A copy of the array with one element replaced; the original is unchanged.', ['(i64-array/set! (i64-array 10 20 30) 2 99)  ; => #i64(10 20 99)']),
  t('(f64-array/length array)', 'The number of elements.', ['(f64-array/length (f64-array 1.0 2.0 3.0))  ; => 3']),
  t('(i64-array/length array)', 'The number of elements.', ['(i64-array/length (i64-array/make 10))  ; => 10']),
  t('(f64-array/sum array)', 'The sum of the elements, as a float.', ['(f64-array/sum (f64-array 1.0 2.0 3.0))  ; => 6.0']),
  t('(i64-array/sum array)', 'The sum of the elements (wrapping around at 64 bits, like `+`).', ['(i64-array/sum (i64-array 1 2 3 4 5))  ; => 15']),
  t('(f64-array/dot a b)', 'The dot product of two f64 arrays of the same length.', ['(f64-array/dot (f64-array 1.0 2.0 3.0) (f64-array 4.0 5.0 6.0))  ; => 32.0']),
  t('(f64-array/map f array)', 'A new f64 array of `(f x)` for each element; `f` must return a number.', ['(f64-array/map (lambda (x) (* x 2.0)) (f64-array 1.0 2.0 3.0))  ; => #f64(2 4 6)']),
  t('(i64-array/map f array)', 'A new i64 array of `(f x)` for each element; `f` must return an integer.', ['(i64-array/map (lambda (x) (* x x)) (i64-array 1 2 3 4))  ; => #i64(1 4 9 16)']),
  t('(f64-array/fold f init array)', 'Folds the elements from the left: `(f (f init x0) x1)` ...', ['(f64-array/fold (lambda (acc x) (+ acc x)) 0.0 (f64-array 1.0 2.0 3.0))  ; => 6.0']),
  t('(i64-array/fold f init array)', 'Folds the elements from the left: `(f (f init x0) x1)` ...', ['(i64-array/fold (lambda (acc x) (max acc x)) 0 (i64-array 3 1 4 1 5))  ; => 5']),
  t('(f64-array? value)', 'True when the value is an f64 array.', ['(f64-array? (f64-array 1.0 2.0))  ; => #t', "(f64-array? '(1.0 2.0))  ; => #f"]),
  t('(i64-array? value)', 'True when the value is an i64 array.', ['(i64-array? (i64-array 1 2))  ; => #t']),
];
