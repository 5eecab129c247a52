import { test } from 'node:test';
import { check, checkError } from './harness';

test('emptiness predicates', () => {
  check([
    ["(null? '())", '#t'],
    ['(null? nil)', '#t'],
    ["(null? '(1))", '#f'],
    ['(null? [])', '#f'],
    ['(nil? nil)', '#t'],
    ["(nil? '())", '#f'],
    ['(nil? 0)', '#f'],
    ['(empty? "")', '#t'],
    ["(empty? '())", '#t'],
    ['(empty? nil)', '#t'],
    ['(empty? "hello")', '#f'],
    ['(empty? [1 2 3])', '#f'],
    ['(empty? [])', '#t'],
    ['(empty? {})', '#t'],
    ['(empty? (hashmap/new :a 1))', '#f'],
  ]);
  checkError('(empty? 5)', 'expected collection, got int');
});

test('collection and type predicates', () => {
  check([
    ["(list? '(1))", '#t'],
    ['(list? 42)', '#f'],
    ['(list? [1])', '#f'],
    ["(pair? '(1 2))", '#t'],
    ["(pair? '())", '#f'],
    ['(vector? [1])', '#t'],
    ["(vector? '(1))", '#f'],
    ['(map? {:a 1})', '#t'],
    ["(map? '())", '#f'],
    ['(map? (hashmap/new))', '#f'],
    ['(number? 42)', '#t'],
    ['(number? 3.14)', '#t'],
    ['(number? "42")', '#f'],
    ['(integer? 42)', '#t'],
    ['(integer? 3.14)', '#f'],
    ['(float? 3.14)', '#t'],
    ['(float? 42)', '#f'],
    ['(string? "hi")', '#t'],
    ['(string? 42)', '#f'],
    ["(symbol? 'x)", '#t'],
    ['(symbol? "x")', '#f'],
    ['(keyword? :k)', '#t'],
    ['(keyword? "k")', '#f'],
    ['(char? #\\a)', '#t'],
    ['(char? "a")', '#f'],
    ['(bool? #t)', '#t'],
    ['(bool? 0)', '#f'],
    ['(boolean? #f)', '#t'],
    ['(fn? car)', '#t'],
    ['(fn? (fn (x) x))', '#t'],
    ['(fn? 42)', '#f'],
    ['(fn? :k)', '#f'],
    ['(procedure? car)', '#t'],
    ['(bytevector? #u8())', '#t'],
    ["(bytevector? '())", '#f'],
    ['(record? 42)', '#f'],
    ['(define-record-type point (make-point x y) point? (x point-x) (y point-y))', 'nil'],
    ['(record? (make-point 1 2))', '#t'],
    ['(promise? (delay 1))', '#t'],
    ['(define p (delay (+ 1 2)))', 'nil'],
    ['(async/forced? p)', '#f'],
    ['(force p)', '3'],
    ['(async/forced? p)', '#t'],
  ]);
  checkError('(async/forced? 1)', 'expected promise, got int');
});

test('equality', () => {
  check([
    ["(eq? 'a 'a)", '#t'],
    ["(eq? '(1 2) '(1 2))", '#t'],
    ['(eq? 1 2)', '#f'],
    ['(equal? {:a [1 2]} {:a [1 2]})', '#t'],
    ['(equal? 1 1.0)', '#f'],
    ['(= 1 1.0)', '#t'],
  ]);
});

test('vectors', () => {
  check([
    ['(vector 1 2 3)', '[1 2 3]'],
    ['(vector)', '[]'],
    ['(vector "a" "b")', '["a" "b"]'],
    ['(vector? [1 2 3])', '#t'],
    ['(vector->list [1 2 3])', '(1 2 3)'],
    ['(vector->list [])', '()'],
    ["(list->vector '(1 2 3))", '[1 2 3]'],
    ["(list->vector '())", '[]'],
    ['(list->vector (map #(* % 2) [1 2 3]))', '[2 4 6]'],
  ]);
  checkError('(vector->list (list 1))', 'expected vector, got list');
  checkError('(list->vector [1])', 'expected list, got vector');
});
