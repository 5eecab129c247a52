// The inlined list loops (eval/codegen-hof.ts, codegen-pure.ts) and generated top-level
// expressions: a call like (foldl (lambda (acc x) ...) 0 xs) becomes a JS loop. Every
// program here must print the same value, or the same error report, with the tier off.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interp, outcome, same } from '../support/tiers';
import { printValue } from '../../src/reader/printer';
import { intRemainder } from '../../src/stdlib/arithmetic';

const sameValue = (src: string, expected: string): void => assert.equal(same(src), expected, src);

test('each inlined builtin gives what the builtin gives, at top level and in functions', () => {
  const cases: [string, string][] = [
    ["(map (lambda (x) (* x x)) '(1 2 3))", '(1 4 9)'],
    ['(map (fn (x) (+ x 1)) [1 2 3])', '(2 3 4)'],
    ['(mapcar (lambda (x) (list x)) (list 1 2))', '((1) (2))'],
    ["(filter (lambda (x) (> x 1)) '(1 2 3))", '(2 3)'],
    ['(filter (lambda (x) nil) [1 2 3])', '()'],
    ["(foldl (lambda (acc x) (cons x acc)) '() '(1 2 3))", '(3 2 1)'],
    ["(fold (lambda (acc x) (+ acc x)) 10 '(1 2 3))", '16'],
    ["(reduce (lambda (a b) (if (> a b) a b)) '(3 9 2))", '9'],
    ["(reduce (lambda (a b) (+ a b)) '(5))", '5'],
    ['(map (lambda (x) x) (list))', '()'],
    ['(define (f xs k) (map (lambda (x) (* x k)) xs)) (f (range 4) 3)', '(0 3 6 9)'],
    ['(define (f xs) (filter (lambda (x) (odd? x)) xs)) (f [1 2 3 4 5])', '(1 3 5)'],
    ['(define (f xs) (foldl (lambda (a x) (+ a (* 2 x))) 0 xs)) (f (range 1000))', '999000'],
    ["(define (f xs) (reduce + xs)) (f '(1 2 3 4))", '10'],
    ['(define out (list)) (for-each (lambda (x) (set! out (cons x out))) (list 1 2 3)) out', '(3 2 1)'],
    ["(for-each (lambda (x) x) '(1 2))", 'nil'],
    // Builtins passed by name.
    ['(filter odd? (range 10))', '(1 3 5 7 9)'],
    ['(reduce + (range 101))', '5050'],
    ["(map car '((1 2) (3 4)))", '(1 3)'],
    ["(foldl + 0 '(1 2 3))", '6'],
    ["(reduce string-append '(\"a\" \"b\" \"c\"))", '"abc"'],
    // A docstring, nested loops capturing the outer element, closures over each element.
    ['(map (lambda (x) "doubles" (* 2 x)) (list 1 2))', '(2 4)'],
    ["(map (lambda (x) (map (lambda (y) (+ x y)) '(1 2))) '(10 20))", '((11 12) (21 22))'],
    ["(map (lambda (f) (f)) (map (lambda (x) (lambda () x)) '(1 2 3)))", '(1 2 3)'],
    ["(define (g xs) (map (lambda (x) (define y (* x 10)) (+ y 1)) xs)) (g '(1 2))", '(11 21)'],
    // Values the fast loop cannot handle: it hands over to the ordinary loop mid-way.
    ["(foldl (lambda (a x) (+ a x)) 0 '(1 2 2.5 3))", '8.5'],
    ["(reduce + '(1 2 2.5 3))", '8.5'],
    ['(foldl (lambda (a x) (* a x)) 1 (range 1 40))', null as unknown as string],
    ["(map (lambda (x) (+ x 1)) '(1 9007199254740991 3))", null as unknown as string],
    ["(filter (lambda (x) (< x 2)) '(1 5 0.5 3))", '(1 0.5)'],
    ["(map (lambda (x) (modulo (* x x) 1000)) '(123456789 -98765432 4503599627370497))", null as unknown as string],
    ["(foldl (lambda (best x) (if (> (modulo x 7) best) (modulo x 7) best)) 0 '(3 13 20 6))", '6'],
    ["(map (lambda (x) (and (> x 1) (< x 4) x)) '(1 2 3 4))", '(#f 2 3 #f)'],
    ["(map (lambda (x) (or (> x 2) x)) '(1 3))", '(1 #t)'],
  ];
  for (const [src, expected] of cases) {
    const got = same(src);
    if (expected !== null) assert.equal(got, expected, src);
    else assert.doesNotMatch(got, /^Error|JS error/, src);
  }
});

test('pipelines of inlined loops (fused into one loop when pure) give what the calls give', () => {
  const cases: [string, string][] = [
    ['(foldl (lambda (a x) (+ a (modulo (* x x) 1000))) 0 (filter odd? (map (lambda (x) (+ x 1)) (range 10))))', '165'],
    ['(->> (range 10) (map (lambda (x) (* x x))) (filter even?) (reduce +))', '120'],
    ["(map (lambda (x) (* 10 x)) (filter (lambda (x) (> x 1)) '(1 2 3)))", '(20 30)'],
    ['(filter (lambda (x) (< x 5)) (map (lambda (x) (* 2 x)) [1 2 3]))', '(2 4)'],
    ["(reduce + (map (lambda (x) (* x 1.5)) '(1 2)))", '4.5'],
    ["(reduce + (map (lambda (x) (* x 4611686018427387904)) '(1 2)))", null as unknown as string],
    ["(foldl (lambda (a x) (cons x a)) '() (map (lambda (x) (+ x 1)) '(1 2)))", '(3 2)'],
    ['(define (f xs k) (reduce + (map (lambda (x) (* x k)) xs))) (f (range 5) 2)', '20'],
    ["(reduce max (map (lambda (x) (- x)) '(3 1 2)))", '-1'],
  ];
  for (const [src, expected] of cases) {
    const got = same(src);
    if (expected !== null) assert.equal(got, expected, src);
    else assert.doesNotMatch(got, /^Error|JS error/, src);
  }
  for (const src of [
    "(reduce + (filter odd? (map (lambda (x) (+ x 1)) '(1 \"a\" 3))))",
    "(reduce + (filter (lambda (x) (> x 10)) '(1 2 3)))",
    "(foldl (lambda (a x) (+ a x)) 0 (map (lambda (x) (car x)) '((1) 2)))",
  ]) assert.match(same(src), /^Error: /, src);
});

test('a pipeline whose stages print runs them list by list, as written', () => {
  const src = "(foldl (lambda (a x) (display x) (+ a x)) 0 (map (lambda (x) (display (* 10 x)) x) '(1 2)))";
  const outputs = [true, false].map((codegen) => {
    let out = '';
    const it = interp(codegen, { stdout: (s) => (out += s) });
    return `${printValue(it.evalString(src))} ${out}`;
  });
  assert.equal(outputs[0], '3 102012');
  assert.equal(outputs[0], outputs[1]);
});

test('errors in inlined loops report what the builtin call reports', () => {
  const cases = [
    '(map (lambda (x) x) 5)',
    "(filter (lambda (x) x) 'a)",
    "(reduce (lambda (a b) (+ a b)) '())",
    "(map (lambda (x) (+ x \"a\")) '(1 2))",
    '(define (f xs) (map (lambda (x) (car x)) xs))\n(f (list (list 1) 2))',
    "(filter odd? '(1 2.5))",
    "(reduce + '(1 2 \"a\"))",
    "(foldl (lambda (a x) (undefined-fn x)) 0 '(1))",
    "(map (lambda (x) (error \"boom\")) '(1))",
    "(filter (lambda (x) (< x 2)) '(1 5 0.5 \"a\"))",
    '(define (f xs) (foldl (lambda (a x) (+ a (car x))) 0 xs))\n(define (g xs) (list (f xs)))\n(g (list (list 1) 2))',
  ];
  for (const src of cases) assert.match(same(src), /^Error: /, src);
});

test('redefined builtins are used by code inlined before the redefinition', () => {
  for (const codegen of [true, false]) {
    const it = interp(codegen);
    it.evalString('(define (f xs) (map (lambda (x) (* x 2)) xs)) (define (g xs) (foldl (lambda (a x) (+ a x)) 0 xs))');
    assert.equal(printValue(it.evalString("(f '(1 2))")), '(2 4)');
    assert.equal(printValue(it.evalString("(g '(1 2 3))")), '6');
    it.evalString('(define (map h xs) :mine) (define (+ a b) (* a b))');
    assert.equal(printValue(it.evalString("(f '(1 2))")), ':mine', `codegen ${codegen}`);
    assert.equal(printValue(it.evalString("(g '(1 2 3))")), '0', `codegen ${codegen}`);
  }
});

test('definitions inside a top-level expression with a loop still define globals', () => {
  sameValue("(when #t (define zz (map (lambda (x) x) '(1)))) zz", '(1)');
  sameValue("(defmacro mk-def (n) `(define ,n 7)) (if #t (mk-def qq) (map (lambda (x) x) '(1))) (list qq (map (lambda (x) qq) '(1)))", '(7 (7))');
  sameValue("(define total (foldl (lambda (a x) (+ a x)) 0 '(1 2 3))) total", '6');
  sameValue("(let ((k 2)) (map (lambda (x) (* k x)) '(1 2)))", '(2 4)');
});

test('a long inlined loop stops when interrupted', () => {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  Atomics.store(flag, 0, 1);
  for (const src of ['(foldl (lambda (a x) (+ a x)) 0 (range 3000000))', '(map (lambda (x) (display "")) (range 3000000))']) {
    assert.match(outcome(src, true, { interruptFlag: flag }), /interrupted/, src);
  }
});

test('intRemainder is JS % (never -0) for all integers', () => {
  const samples = [0, 1, -1, 7, -7, 1000, 2 ** 31, -(2 ** 31), 2 ** 52 - 1, 2 ** 52, 2 ** 53 - 1, -(2 ** 53 - 1), 123456789012345, -98765432109876];
  let seed = 42;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const digits = seed % 54;
    const v = Math.floor((seed / 2 ** 31) * 2 ** digits);
    return seed % 2 === 0 ? v : -v;
  };
  for (let i = 0; i < 20000; i++) samples.push(rand());
  for (const a of samples) {
    for (const b of [1, -1, 3, -3, 1000, 9973, 2 ** 40 + 7, -(2 ** 51), samples[(Math.abs(a) % samples.length) | 0] || 5]) {
      const expected = Number(BigInt(a) % BigInt(b));
      const got = intRemainder(a, b);
      assert.ok(Object.is(got, expected === 0 ? 0 : expected), `${a} % ${b}: ${got} vs ${expected}`);
    }
  }
});
