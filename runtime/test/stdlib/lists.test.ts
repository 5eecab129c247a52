import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, checkError, errorOf, show, takeOutput, evalText } from './harness';

test('construction and access', () => {
  check([
    ['(list 1 2 3)', '(1 2 3)'],
    ['(list)', '()'],
    ['(list "a" "b")', '("a" "b")'],
    ["(cons 0 '(1 2 3))", '(0 1 2 3)'],
    ["(cons 1 '())", '(1)'],
    ['(cons 1 nil)', '(1)'],
    ['(cons 1 2)', '(1 2)'],
    ["(car '(1 2 3))", '1'],
    ["(car '())", 'nil'],
    ["(cdr '(1 2 3))", '(2 3)'],
    ["(cdr '(1))", '()'],
    ["(first '(1 2 3))", '1'],
    ["(rest '(1 2 3))", '(2 3)'],
    ['(first [1 2 3])', '1'],
    ['(first [])', 'nil'],
    ['(rest [1 2 3])', '[2 3]'],
    ['(rest [])', '[]'],
    ["(cadr '(1 2 3))", '2'],
    ["(caddr '(1 2 3))", '3'],
    ["(cddr '(1 2 3))", '(3)'],
    ["(caar '((1 2) 3))", '1'],
    ["(cdar '((1 2) 3))", '(2)'],
    ["(cdddr '(1 2 3 4))", '(4)'],
    ['(cadr [1 2 3])', '2'],
    ['(cddr [1 2 3])', '[3]'],
    ["(cadr '(1))", 'nil'],
    ["(cddr '())", '()'],
    ["(cdddr '(1 2))", '()'],
    ["(cadar '((1 2) 3))", '2'],
    ["(caddr '(1 2))", 'nil'],
    ["(last '(1 2 3))", '3'],
    ["(last '())", 'nil'],
    ["(nth '(10 20 30) 1)", '20'],
    ["(nth '(10 20 30) 0)", '10'],
    ['(nth [10 20 30] 2)', '30'],
  ]);
  checkError('(car 5)', 'expected list or vector, got int', 'type-error');
  checkError('(caddr 5)', 'expected list or vector, got int', 'type-error');
  checkError("(caadr '(1 2))", 'expected list or vector, got int');
  checkError('(nth [10 20 30] 3)', 'index 3 out of bounds (length 3)', 'eval');
  checkError("(nth '(1 2) -1)", 'nth: index must be non-negative, got -1');
  assert.match(errorOf("(nth 1 '(1 2))").hint ?? '', /looks like the arguments are swapped/);
  checkError('(car)', 'expects 1 args, got 0', 'arity');
});

test('association lists', () => {
  check([
    ['(define alist \'(("a" 1) ("b" 2) ("c" 3)))', 'nil'],
    ['(assoc "b" alist)', '("b" 2)'],
    ['(assoc "z" alist)', '#f'],
    ["(assq 'b '((a 1) (b 2)))", '(b 2)'],
    ['(assv 2 \'((1 "one") (2 "two")))', '(2 "two")'],
    ["(assv '(1) '(((1) x)))", '((1) x)'],
  ]);
});

test('length, append, reverse, range, iota', () => {
  check([
    ["(length '(1 2 3))", '3'],
    ["(length '())", '0'],
    ['(length [10 20 30])', '3'],
    ['(length "héllo")', '5'],
    ['(length {:a 1})', '1'],
    ["(append '(1 2) '(3 4))", '(1 2 3 4)'],
    ["(append '(1) '(2) '(3))", '(1 2 3)'],
    ['(append [1 2] [3 4])', '(1 2 3 4)'],
    ['(append)', '()'],
    ["(reverse '(1 2 3))", '(3 2 1)'],
    ['(reverse [1 2 3])', '[3 2 1]'],
    ['(range 5)', '(0 1 2 3 4)'],
    ['(range 1 5)', '(1 2 3 4)'],
    ['(range 0 10 3)', '(0 3 6 9)'],
    ['(range 5 0 -2)', '(5 3 1)'],
    ['(range 0)', '()'],
    ['(iota 5)', '(0 1 2 3 4)'],
    ['(iota 3 10)', '(10 11 12)'],
    ['(iota 4 0 2)', '(0 2 4 6)'],
    ['(list/repeat 3 0)', '(0 0 0)'],
    ['(list/repeat 4 "x")', '("x" "x" "x" "x")'],
    ['(make-list 3 0)', '(0 0 0)'],
  ]);
  checkError('(range 1 5 0)', 'range: step cannot be 0');
  checkError('(length 5)', 'expected list, vector, string, map, bytevector, or typed array, got int');
  checkError("(append '(1) 2)", 'expected list or vector, got int');
  checkError('(list/repeat -1 0)', 'list/repeat: expected a non-negative integer, got -1');
});

test('higher-order functions', () => {
  check([
    ["(map (fn (x) (* x x)) '(1 2 3))", '(1 4 9)'],
    ["(map + '(1 2 3) '(10 20 30))", '(11 22 33)'],
    ["(map + '(1 2 3) '(10 20))", '(11 22)'],
    ['(map #(* % 2) [1 2 3])', '(2 4 6)'],
    ['(map :name (list {:name "Ada"} {:name "Bob"}))', '("Ada" "Bob")'],
    ["(filter even? '(1 2 3 4 5))", '(2 4)'],
    ['(filter string? \'(1 "a" 2))', '("a")'],
    ["(foldl + 0 '(1 2 3 4 5))", '15'],
    ["(foldl cons '() '(1 2 3))", '(((() 1) 2) 3)'],
    ["(foldl (fn (acc x) (cons x acc)) '() '(1 2 3))", '(3 2 1)'],
    ["(foldr cons '() '(1 2 3))", '(1 2 3)'],
    ["(reduce + '(1 2 3 4 5))", '15'],
    ["(reduce + '(7))", '7'],
    ["(apply + '(1 2 3))", '6'],
    ["(apply max '(3 1 4))", '4'],
    ["(flat-map (fn (x) (list x (* x 10))) '(1 2 3))", '(1 10 2 20 3 30)'],
    ["(any even? '(1 3 5 6))", '#t'],
    ["(any even? '(1 3 5))", '#f'],
    ["(every even? '(2 4 6))", '#t'],
    ["(every even? '(2 3 6))", '#f'],
    ["(any? even? '(2))", '#t'],
    ["(every? even? '())", '#t'],
    ["(partition even? '(1 2 3 4 5))", '((2 4) (1 3 5))'],
    ["(list/reject even? '(1 2 3 4 5))", '(1 3 5)'],
    ["(list/find even? '(1 3 4 5 6))", '4'],
    ["(list/find even? '(1 3 5))", 'nil'],
    ["(list/sole (fn (x) (> x 4)) '(1 2 3 4 5))", '5'],
    ["(list/take-while (fn (x) (< x 4)) '(1 2 3 4 5))", '(1 2 3)'],
    ["(list/drop-while (fn (x) (< x 4)) '(1 2 3 4 5))", '(4 5)'],
    ["(take-while odd? '(1 3 4 5))", '(1 3)'],
    ["(drop-while odd? '(1 3 4 5))", '(4 5)'],
    ['(list/times 5 (fn (i) (* i i)))', '(0 1 4 9 16)'],
    ['(tap 42 (fn (x) (* x 2)))', '42'],
  ]);
  checkError("(reduce + '())", 'reduce: empty list');
  checkError("(list/sole even? '(2 4))", 'list/sole: more than one matching item');
  checkError("(list/sole even? '(1 3))", 'list/sole: no matching item');
  checkError('(map car 5)', 'expected list or vector, got int');
  assert.equal(errorOf('(map car 5)').hint, 'map: expected a list or vector to iterate over');
});

test('for-each calls the function for its effects and returns nil', () => {
  takeOutput();
  evalText(`(define seen '()) (for-each (fn (x) (set! seen (cons x seen))) '("a" "b" "c"))`);
  assert.equal(show('seen'), '("c" "b" "a")');
  assert.equal(show("(for-each (fn (x) x) '(1))"), 'nil');
});

test('sorting', () => {
  check([
    ["(sort '(3 1 4 1 5))", '(1 1 3 4 5)'],
    ["(sort '(3 1.5 2))", '(1.5 2 3)'],
    ['(sort \'("b" "a" "c"))', '("a" "b" "c")'],
    ["(sort '(:b :a))", '(:a :b)'],
    ["(sort '())", '()'],
    ['(sort [3 1 2])', '(1 2 3)'],
    ["(sort '(3 1 2) >)", '(3 2 1)'],
    ["(sort '(3 1 2) (fn (a b) (- a b)))", '(1 2 3)'],
    ["(sort '((1 a) (0 b) (1 c) (0 d)) (fn (x y) (< (car x) (car y))))", '((0 b) (0 d) (1 a) (1 c))'],
    ["(sort '((1 a) (0 b) (1 c) (0 d)) (fn (x y) (> (car x) (car y))))", '((1 a) (1 c) (0 b) (0 d))'],
    ['(sort-by length \'("bb" "a" "ccc"))', '("a" "bb" "ccc")'],
    ["(sort-by abs '(-3 1 -2))", '(1 -2 -3)'],
    ['(sort-by :age (list {:age 30 :n 1} {:age 20 :n 2}))', '({:age 20 :n 2} {:age 30 :n 1})'],
  ]);
  checkError('(sort \'(3 "a"))', 'expected int, got string');
  assert.match(errorOf('(sort \'(3 "a"))').hint ?? '', /sort orders one type at a time/);
});

test('sublists', () => {
  check([
    ["(take 3 '(1 2 3 4 5))", '(1 2 3)'],
    ["(take 10 '(1 2))", '(1 2)'],
    ["(drop 2 '(1 2 3 4 5))", '(3 4 5)'],
    ["(drop 5 '(1 2))", '()'],
    ["(list/take-last 2 '(1 2 3 4))", '(3 4)'],
    ["(list/take-last 9 '(1 2))", '(1 2)'],
    ["(list/drop-last 2 '(1 2 3 4))", '(1 2)'],
    ["(list/drop-last 9 '(1 2))", '()'],
    ["(flatten '(1 (2 (3)) 4))", '(1 2 (3) 4)'],
    ["(flatten '(1 [2 3]))", '(1 2 3)'],
    ["(flatten-deep '(1 (2 (3 (4)))))", '(1 2 3 4)'],
    ['(zip \'(1 2 3) \'("a" "b" "c"))', '((1 "a") (2 "b") (3 "c"))'],
    ["(zip '(1 2) '(3 4) '(5 6))", '((1 3 5) (2 4 6))'],
    ["(list/split-at '(1 2 3 4 5) 3)", '((1 2 3) (4 5))'],
  ]);
  checkError("(take -1 '(1))", 'take: expected a non-negative integer, got -1');
});

test('searching', () => {
  check([
    ["(member 3 '(1 2 3 4))", '(3 4)'],
    ["(member 9 '(1 2 3))", '#f'],
    ["(list/contains? '(1 2 3) 2)", '#t'],
    ["(list/contains? '(1 2 3) 9)", '#f'],
    ["(list/nth-or '(10 20 30) 1 :none)", '20'],
    ["(list/nth-or '(10 20 30) 9 :none)", ':none'],
    ["(list/index-of '(10 20 30) 20)", '1'],
    ["(list/index-of '(10 20 30) 99)", 'nil'],
    ["(list/unique '(1 2 2 3 3 3))", '(1 2 3)'],
    ["(list/unique '(1 1.0 1))", '(1 1.0)'],
    ["(list/dedupe '(1 1 2 2 3 3 2))", '(1 2 3 2)'],
  ]);
});

test('grouping', () => {
  check([
    ["(list/group-by even? '(1 2 3 4 5))", '{#f (1 3 5) #t (2 4)}'],
    ["(list/interleave '(1 2 3) '(a b c))", '(1 a 2 b 3 c)'],
    ["(list/chunk 2 '(1 2 3 4 5))", '((1 2) (3 4) (5))'],
    ["(list/chunk 3 '(1 2 3 4 5 6))", '((1 2 3) (4 5 6))'],
    ["(frequencies '(a b a c b a))", '{a 3 b 2 c 1}'],
    ['(interpose ", " \'("a" "b" "c"))', '("a" ", " "b" ", " "c")'],
    ["(interpose 0 '())", '()'],
  ]);
  checkError("(list/chunk 0 '(1))", 'list/chunk: chunk size must be positive');
});

test('aggregation and statistics', () => {
  check([
    ["(list/sum '(1 2 3 4 5))", '15'],
    ["(list/sum '(1 2.5))", '3.5'],
    ["(list/sum '())", '0'],
    ["(list/min '(3 1 4 1 5))", '1'],
    ["(list/max '(3 1 4 1 5))", '5'],
    ["(list/max '(1 2.5 2))", '2.5'],
    ["(list/avg '(2 4 6))", '4.0'],
    ["(list/median '(3 1 2))", '2.0'],
    ["(list/median '(1 2 3 4))", '2.5'],
    ["(list/mode '(1 2 2 3 3 3))", '3'],
    ["(list/mode '(1 1 2 2))", '(1 2)'],
  ]);
  checkError("(list/min '())", 'list/min: empty list');
  checkError("(list/avg '())", 'list/avg: empty list');
  checkError("(list/sum '(1 :a))", 'expected number, got keyword');
});

test('random picks come from the list', () => {
  for (let i = 0; i < 20; i++) {
    assert.equal(show("(sort (list/shuffle '(1 2 3 4 5)))"), '(1 2 3 4 5)');
    assert.ok(['1', '2', '3'].includes(show("(list/pick '(1 2 3))")));
  }
  checkError("(list/pick '())", 'list/pick: empty list');
});

test('set operations and extraction', () => {
  check([
    ["(list/diff '(1 2 3 4 5) '(3 4))", '(1 2 5)'],
    ["(list/intersect '(1 2 3 4 5) '(3 4 6))", '(3 4)'],
    ["(list/duplicates '(1 2 2 3 3 3 4))", '(2 3)'],
    ["(list/duplicates '(3 3 1 1))", '(1 3)'],
    ['(define people (list {:name "Alice" :age 30 :id 1} {:name "Bob" :age 25 :id 2}))', 'nil'],
    ['(list/pluck :name people)', '("Alice" "Bob")'],
    ['(list/pluck :name (list 1 {:x 1}))', '(nil nil)'],
    ['(list/key-by (fn (p) (get p :id)) people)', '{1 {:age 30 :id 1 :name "Alice"} 2 {:age 25 :id 2 :name "Bob"}}'],
  ]);
});

test('windows, pages, padding and joining', () => {
  check([
    ["(list/sliding '(1 2 3 4 5) 2)", '((1 2) (2 3) (3 4) (4 5))'],
    ["(list/sliding '(1 2 3 4 5 6) 2 3)", '((1 2) (4 5))'],
    ['(list/page (range 20) 1 5)', '(0 1 2 3 4)'],
    ['(list/page (range 20) 2 5)', '(5 6 7 8 9)'],
    ['(list/page (range 20) 9 5)', '()'],
    ["(list/cross-join '(1 2) '(3 4))", '((1 3) (1 4) (2 3) (2 4))'],
    ["(list/pad '(1 2 3) 5 0)", '(1 2 3 0 0)'],
    ["(list/pad '(1 2 3) 2 0)", '(1 2 3)'],
    ['(list/join \'(1 2 3) ", ")', '"1, 2, 3"'],
    ['(list/join \'(1 2 3) ", " " and ")', '"1, 2 and 3"'],
    ['(list/join \'() ", ")', '""'],
    ['(list/join \'("a" :b) " ")', '"\\"a\\" :b"'],
  ]);
  checkError("(list/page '(1) 0 5)", 'list/page: page must be >= 1');
  checkError("(list/sliding '(1) 0)", 'list/sliding: size must be positive');
});
