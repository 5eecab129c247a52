// Catalogue entries for type predicates, equality and vectors (stdlib/predicates.ts,
// vectors.ts, and eq?/equal?/not from arithmetic.ts).

import { functionDocs } from './function-doc';
import type { BuiltinDoc } from './types';

const fn = functionDocs('predicates');
const vec = functionDocs('vectors');

const is = (name: string, what: string, yes: string, no: string, aliases?: string[]): BuiltinDoc =>
  fn(name, `(${name} value)`, `True when the value is ${what}.`, [`(${name} ${yes})  ; => #t`, `(${name} ${no})  ; => #f`], aliases);

export const predicateDocs: BuiltinDoc[] = [
  fn('null?', '(null? value)', 'True for nil and for the empty list.', ["(null? '())  ; => #t", '(null? nil)  ; => #t', "(null? '(1))  ; => #f"]),
  fn('nil?', '(nil? value)', 'True only for nil (not for the empty list).', ['(nil? nil)  ; => #t', "(nil? '())  ; => #f"]),
  fn('empty?', '(empty? coll)', 'True for an empty list, vector, map or string, and for nil.', ['(empty? "")  ; => #t', '(empty? [1])  ; => #f', '(empty? {})  ; => #t']),
  is('list?', 'a list', "'(1 2)", '[1 2]'),
  fn('pair?', '(pair? value)', 'True for a non-empty list.', ["(pair? '(1))  ; => #t", "(pair? '())  ; => #f"]),
  is('vector?', 'a vector', '[1 2]', "'(1 2)"),
  fn('map?', '(map? value)', 'True for a sorted map (a hashmap is not a map here).', ['(map? {:a 1})  ; => #t', '(map? (hashmap/new))  ; => #f'], ['hash-map?']),
  is('number?', 'an integer or a float', '2.5', '"2.5"'),
  is('integer?', 'an integer', '7', '7.0'),
  is('float?', 'a float', '7.0', '7'),
  is('string?', 'a string', '"s"', ':s'),
  is('symbol?', 'a symbol', "'s", '"s"'),
  is('keyword?', 'a keyword', ':s', "'s"),
  is('char?', 'a character', '#\\x', '"x"'),
  is('bool?', '#t or #f', '#f', 'nil', ['boolean?']),
  fn('fn?', '(fn? value)', 'True for a function: a lambda or a builtin (keywords do not count).', ['(fn? car)  ; => #t', '(fn? (fn (x) x))  ; => #t', '(fn? :k)  ; => #f'], ['procedure?']),
  fn('record?', '(record? value)', 'True for an instance of a type made by `define-record-type`.', ['(record? 42)  ; => #f']),
  is('bytevector?', 'a bytevector', '#u8(1 2)', "'(1 2)"),
  fn('async/forced?', '(async/forced? promise)', 'True once a `delay`ed promise has been forced; other values are a type error.', ['(async/forced? (delay 1))  ; => #f']),
  fn('eq?', '(eq? a b)', 'True when the two values are equal. Sema compares by value here, like `equal?`.', ["(eq? 'a 'a)  ; => #t", "(eq? '(1 2) '(1 2))  ; => #t", '(eq? 1 1.0)  ; => #f']),
  fn('equal?', '(equal? a b)', 'Structural equality: same type and same contents (so `1` and `1.0` differ).', ['(equal? [1 {:a 2}] [1 {:a 2}])  ; => #t', '(equal? 1 1.0)  ; => #f']),
  fn('not', '(not value)', 'True when the value is #f or nil.', ['(not #f)  ; => #t', '(not 0)  ; => #f']),
];

export const vectorDocs: BuiltinDoc[] = [
  vec('vector', '(vector x ...)', 'A new vector of the arguments.', ['(vector 1 2 3)  ; => [1 2 3]', '(vector)  ; => []']),
  vec('list->vector', '(list->vector list)', 'A vector with the elements of a list.', ["(list->vector '(1 2))  ; => [1 2]"]),
  vec('vector->list', '(vector->list vector)', 'A list with the elements of a vector.', ['(vector->list [1 2])  ; => (1 2)']),
];
