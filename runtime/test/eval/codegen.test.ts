// The code-generation tier (eval/codegen.ts) must not change behaviour: every program here
// runs with the tier on and off and must print the same value or the same error report.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interp, outcome, same } from '../support/tiers';
import { GenClosure } from '../../src/eval/codegen';
import { Closure } from '../../src/eval/compiler';
import { printValue } from '../../src/reader/printer';

test('programs give the same results with the tier on and off', () => {
  const cases: [string, string][] = [
    ['(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2))))) (fib 20)', '6765'],
    ['(define (tak x y z) (if (not (< y x)) z (tak (tak (- x 1) y z) (tak (- y 1) z x) (tak (- z 1) x y)))) (tak 12 8 4)', '5'],
    ['(define (f x) (let ((a (* x 2)) (b 3)) (let* ((c (+ a b)) (c (* c 2))) (list a b c)))) (f 5)', '(10 3 26)'],
    ['(define (g x) (cond ((< x 0) "neg") ((= x 0)) (else "pos"))) (list (g -1) (g 0) (g 1))', '("neg" #t "pos")'],
    ['(define (h x) (cond ((< x 0) 1))) (h 5)', 'nil'],
    ['(define (k a b) (list (and a b) (or a b) (and) (or) (when a 1 2) (unless a 3))) (list (k 1 #f) (k #f 2))', '((#f 1 #t #f 2 nil) (#f 2 #t #f nil 3))'],
    ['(define (s x) (set! x (+ x 1)) (set! x (* x x)) x) (s 4)', '25'],
    ['(define total 0) (define (add! n) (set! total (+ total n)) total) (add! 5) (add! 6)', '11'],
    ['(define (f x) (list (set! x 5) x (set! fresh-global 7) fresh-global)) (f 1)', '(5 5 7 7)'],
    ['(define (counter) (let ((n 0)) (lambda () (set! n (+ n 1)) n))) (define c (counter)) (c) (c) (c)', '3'],
    ['(define (adder n) (lambda (x) (+ x n))) ((adder 10) 5)', '15'],
    ['(define (outer) (define a 1) (define (inner) (+ a (later))) (define (later) 10) (inner)) (outer)', '11'],
    ['(define (loop-sum n) (let loop ((i 0) (acc 0)) (if (= i n) acc (loop (+ i 1) (+ acc i))))) (loop-sum 100)', '4950'],
    ['(define (vec a b) [a (+ a b) b]) (vec 1 2)', '[1 3 2]'],
    ['(define (q) (quote (a b c))) (q)', '(a b c)'],
    ['(define (e) ()) (e)', '()'],
    ['(define (shadow car +) (list car +)) (shadow 1 2)', '(1 2)'],
    ['(define (m x) {:x x :y (+ x 1)}) (m 1)', '{:x 1 :y 2}'],
    ['(define (named) (let ((f (lambda (x) x))) f)) (named)', '<lambda f>'],
    ['(define (ev? n) (if (= n 0) #t (od? (- n 1)))) (define (od? n) (if (= n 0) #f (ev? (- n 1)))) (ev? 1001)', '#f'],
    ['(define (dup) (let ((x 1) (x 2)) x)) (dup)', '2'],
    ['(define (b) (begin) (begin 1 2)) (b)', '2'],
    ['(define (thr x) (try (if (< x 0) (throw "neg") x) (catch e (list "caught" (:message e))))) (list (thr 1) (thr -1))', '(1 ("caught" "\\"neg\\""))'],
    ['(define (dl n) (do ((i 0 (+ i 1)) (acc 0 (+ acc i))) ((= i n) acc))) (dl 10)', '45'],
    ['(define (dl n) (do ((i 0 (+ i 1)) (j 10) (acc (list) (cons i acc))) ((= i n) (list j acc)) (set! j (- j 1)))) (dl 3)', '(7 (2 1 0))'],
    ['(define (dl n) (do ((i 0 (+ i 1)) (i 5)) ((= i 5) :x))) (dl 1)', ':x'],
    ['(define (dl n) (do ((i 0 (+ i 1))) ((= i n)))) (dl 3)', 'nil'],
    ['(define (dl n) (do ((i 0 (+ i 1)) (fs (list) (cons (lambda () i) fs))) ((= i n) (map (lambda (f) (f)) fs)))) (dl 3)', '(2 1 0)'],
    ['(define (wl n) (let ((i 0) (acc 0)) (while (< i n) (set! acc (+ acc i)) (set! i (+ i 1))) acc)) (wl 10)', '45'],
    ['(define (wl) (while #f 1)) (wl)', 'nil'],
    ['(define (rec x) (if (< x 1) x (rec (- x 1)))) (define r2 rec) (define (rec x) 99) (r2 5)', '99'],
    ['(define (kw m) (:a m)) (kw {:a 7})', '7'],
    ['(define (g lst) (map (lambda (x) (* x 2)) lst)) (g (list 1 2 3))', '(2 4 6)'],
    ['(define (g lst k) (map (lambda (x) (* x k)) lst)) (g (list 1 2 3) 10)', '(10 20 30)'],
    ["(defmacro get-k () 'k) (define (g lst k) (map (lambda (x) (* x (get-k))) lst)) (g (list 1 2) 3)", '(3 6)'],
    ['(define (g n) (when (> n 0) (define inner 5)) inner) (g 1)', '5'],
    ['(define y :global) (define (g n) (list y (begin (when (> n 0) (define y 5)) y))) (g 1)', '(:global 5)'],
    ['(define (mx a b) (* a b)) (list (mx 0 -5) (mx 4503599627370496 4))', '(0 18014398509481984)'],
  ];
  for (const [src, expected] of cases) assert.equal(same(src), expected, src);
});

test('named lets and self tail calls: values, depth and error traces as with closures', () => {
  const cases = [
    '(define (f n) (let loop ((i 0) (acc 0)) (if (= i n) acc (loop (+ i 1) (+ acc i))))) (f 10)',
    '(define (f n) (+ 1 (let loop ((i 0)) (if (= i n) i (loop (+ i 1)))))) (f 10)',
    '(define (f n) (let loop ((i 0)) (when (< i n) (loop (+ i 1)))) :after) (f 5)',
    '(define (f n) (let outer ((i 0) (acc 0)) (if (= i n) acc (let inner ((j 0) (a acc)) (if (= j i) (outer (+ i 1) a) (inner (+ j 1) (+ a 1))))))) (f 6)',
    '(define (f n) (let loop ((i 0)) (if (= i n) loop (loop (+ i 1))))) (f 3)',
    '(define (f n) (let loop ((i 0)) (if (= i n) 0 (+ 1 (loop (+ i 1)))))) (f 50)',
    '(define (f n) (let loop ((i 0)) "doc" (if (= i n) i (loop (+ i 1))))) (f 4)',
    '(define (f) (let loop () 7)) (f)',
    '(define (f n) (let loop ((i 0)) (let ((loop (lambda (x) (* x 100)))) (loop i)))) (f 3)',
    '(define (f n) (let loop ((i 0)) (if (= i n) (car 5) (loop (+ i 1))))) (f 3)',
    '(define (f n) (let loop ((i 0)) (if (= i n) (undefined-fn) (loop (+ i 1))))) (f 3)',
    '(define (f n) (list (let loop ((i 0)) (if (= i n) (car 5) (loop (+ i 1)))))) (f 3)',
    '(define (f n) (list (let loop ((i 0)) (if (= i n) (car 5) (loop (+ i 1)))))) (f 0)',
    '(define (f n) (if (= n 0) (car 5) (f (- n 1)))) (define (g) (list (f 3))) (g)',
    '(define (f n) (if (= n 0) (+ 1 (error "x")) (f (- n 1)))) (define (g) (list (f 3))) (g)',
    '(define (f n) (if (= n 0) (+ 1 (error "x")) (f (- n 1)))) (define (g) (list (f 0))) (g)',
    '(define (f n) (let loop ((i n)) (if (= i 0) (error "deep") (+ 1 (f (- i 1)))))) (f 20)',
    // Lists built by consing onto a named-let variable (kept as a push buffer while it can).
    "(define (f n) (let loop ((i 0) (acc '())) (if (= i n) (reverse acc) (loop (+ i 1) (cons i acc))))) (f 5)",
    "(define (f) (let loop ((i 0) (acc '())) (if (= i 4) acc (loop (+ i 1) (cons (length acc) acc))))) (f)",
    "(define (f) (let loop ((i 0) (acc '()) (snap '())) (if (= i 3) (list acc snap) (loop (+ i 1) (cons i acc) acc)))) (f)",
    "(define (f) (let loop ((i 0) (acc '())) (cond ((= i 5) acc) ((= i 2) (loop (+ i 1) (list :reset))) (else (loop (+ i 1) (cons i acc)))))) (f)",
    "(define (f) (let loop ((i 0) (acc '())) (when (= i 2) (set! cons (lambda (a b) (list :c a b)))) (if (= i 4) acc (loop (+ i 1) (cons i acc))))) (f)",
    "(define (f) (let loop ((i 0) (acc '())) (if (= i 3) acc (begin (set! acc (cons :x acc)) (loop (+ i 1) (cons i acc)))))) (f)",
    "(define (f) (let outer ((i 0) (acc '())) (if (= i 2) acc (let inner ((j 0)) (if (= j 2) (outer (+ i 1) (cons (list i j) acc)) (inner (+ j 1))))))) (f)",
    "(define (f) (let loop ((i 0) (acc '())) (if (= i 2) acc (loop (+ i 1) (cons (car i) acc))))) (f)",
    "(define (f) (let loop ((i 0) (acc '())) (if (= i 3) (list acc (eq? acc acc) (length acc)) (loop (+ i 1) (cons acc acc))))) (f)",
    // Lists walked with cdr in a loop call (kept as list + offset while they can).
    '(define (sum lst acc) (if (null? lst) acc (sum (cdr lst) (+ acc (car lst))))) (sum (list 1 2 3 4) 0)',
    "(define (f lst out) (if (null? lst) (reverse out) (f (cdr lst) (cons lst out)))) (f (list 1 2 3) '())",
    '(define (f x) (if (pair? x) (f (cdr x)) x)) (list (f (list 1 2)) (f 5) (f nil))',
    '(define (f v n) (if (= n 0) v (f (cdr v) (- n 1)))) (list (f [1 2 3] 2) (f (list 1) 3))',
    '(define (f) (let loop ((l (list 1 2 3)) (acc 0)) (if (null? l) acc (loop (cdr l) (+ acc (car l)))))) (f)',
    "(define (f l) (if (null? l) :done (begin (when (= (car l) 2) (set! cdr (lambda (x) '()))) (f (cdr l))))) (f (list 1 2 3 4))",
    '(define (g l) (length l)) (define (f l) (if (null? l) 0 (g (cdr l)))) (f (list 1 2 3))',
    '(define (f l) (if (null? l) 0 (f (cdr l)))) (define h f) (define (f l) (list :new l)) (h (list 1 2 3))',
    '(define (f l) (if (null? l) (+ 1 (car l)) (f (cdr l)))) (f (list 1 2))',
    '(define (f l k) (if (= k 0) (list l (car l) (null? l) (pair? l)) (f (cdr l) (- k 1)))) (f (list 1 2 3) 1)',
    '(define (f l) (if (null? l) 0 (begin (set! l (cdr l)) (f (cdr l))))) (f (list 1 2 3 4))',
    '(define (f n) (do ((i 0 (+ i 1))) ((= i n) (car i)))) (f 3)',
    '(define (f n) (do ((i 0 (+ i 1))) ((= i n) 0) (when (= i 2) (error "in body")))) (f 3)',
    '(define (f n) (do ((i 0 (+ i 1))) ((= i n) 0) (undefined-thing))) (f 3)',
    '(define (f n) (let ((i 0)) (while (< i n) (set! i (+ i 1)) (when (= i 2) (error "in while"))))) (f 3)',
  ];
  for (const src of cases) same(src);
  // Nesting depth counts a named let like a call (replacing its caller in tail position).
  const depth = { maxDepth: 500 };
  assert.equal(same('(define (f n) (let loop ((i n)) (if (= i 0) 0 (+ 1 (f (- i 1)))))) (f 400)', depth), '400');
  assert.match(same('(define (f n) (let loop ((i n)) (if (= i 0) 0 (+ 1 (f (- i 1)))))) (f 600)', depth), /stack depth exceeded/);
  assert.equal(same('(define (f n) (+ 0 (let loop ((i n)) (if (= i 0) 0 (+ 1 (f (- i 1))))))) (f 200)', depth), '200');
  assert.match(same('(define (f n) (+ 0 (let loop ((i n)) (if (= i 0) 0 (+ 1 (f (- i 1))))))) (f 300)', depth), /stack depth exceeded/);
});

test('lambdas in the supported subset really are generated', () => {
  const it = interp(true);
  it.evalString('(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2))))) (define (adder n) (lambda (x) (+ x n)))');
  assert.ok(it.lookup('fib') instanceof GenClosure);
  assert.ok(it.lookup('adder') instanceof GenClosure);
  assert.ok(it.evalString('(adder 1)') instanceof GenClosure);
  const off = interp(false);
  off.evalString('(define (fib n) n)');
  const fib = off.lookup('fib');
  assert.ok(fib instanceof Closure && !(fib instanceof GenClosure));
});

test('generated closures expose the same fields as ordinary ones', () => {
  const src = '(define (f a b) "adds" (+ a b)) (define (mk n) (lambda (x) (* x n))) (define g (mk 2)) (list f g)';
  const [on, off] = [interp(true), interp(false)].map((it) => {
    it.evalString(src, 'fields.sema');
    return [it.lookup('f'), it.lookup('g')] as Closure[];
  });
  for (let i = 0; i < 2; i++) {
    const a = on![i]!;
    const b = off![i]!;
    assert.ok(a instanceof GenClosure && !(b instanceof GenClosure));
    assert.deepEqual([a.name, a.params, a.doc, a.kind, a.file, a.span, a.shape.nreq, a.shape.plain], [b.name, b.params, b.doc, b.kind, b.file, b.span, b.shape.nreq, b.shape.plain]);
    assert.equal(printValue(a), printValue(b));
  }
});

test('tail calls through generated code run in constant stack', () => {
  // Ten million iterations with the tier on (the closure compiler would take seconds).
  assert.equal(outcome('(let loop ((i 0)) (if (= i 10000000) i (loop (+ i 1))))', true), '10000000');
  assert.equal(outcome('(define (count-down n) (if (= n 0) :done (count-down (- n 1)))) (count-down 10000000)', true), ':done');
  assert.equal(same('(define (count-down n) (if (= n 0) :done (count-down (- n 1)))) (count-down 100000)'), ':done');
  // Walking a long list with cdr and building one with cons stay linear.
  assert.equal(outcome('(define (sum l acc) (if (null? l) acc (sum (cdr l) (+ acc (car l))))) (sum (range 1000000) 0)', true), '499999500000');
  assert.equal(outcome("(define (build n) (let loop ((i 0) (acc '())) (if (= i n) acc (loop (+ i 1) (cons i acc))))) (length (build 1000000))", true), '1000000');
  assert.equal(same('(define (ev? n) (if (= n 0) #t (od? (- n 1)))) (define (od? n) (if (= n 0) #f (ev? (- n 1)))) (ev? 1000000)'), '#t');
  assert.equal(same('(define (f n) (cond ((= n 0) 0) (else (let ((m (- n 1))) (f m))))) (f 1000000)'), '0');
});

test('redefining a builtin takes effect inside already-generated code', () => {
  const it = interp(true);
  it.evalString("(define (f a b) (+ a b)) (define (g x) (car x)) (define (h x) (list (eq? x 'a) (not x)))");
  assert.equal(printValue(it.evalString('(f 2 3)')), '5');
  assert.equal(printValue(it.evalString("(h 'a)")), '(#t #f)');
  it.evalString('(define (+ a b) (* a b)) (define (car x) :mine) (define (eq? a b) :eq) (define (not x) :not)');
  assert.equal(printValue(it.evalString('(f 2 3)')), '6');
  assert.equal(printValue(it.evalString("(g '(1 2))")), ':mine');
  assert.equal(printValue(it.evalString("(h 'a)")), '(:eq :not)');
});

test('errors keep their messages, locations and hints', () => {
  const cases = [
    '(define (f x) (+ x undefined-thing)) (f 1)',
    '(define (f x) (+ x 1))\n(define (g y) (f y y))\n(g 2)',
    '(define (f x) (x 1)) (f 5)',
    '(define (f) (error "boom")) (define (g) (list (f))) (g)',
    '(define (f n) (if (= n 0) (error "bottom") (+ 1 (f (- n 1))))) (f 3)',
    '(define (deep n) (if (= n 0) 0 (+ 1 (deep (- n 1))))) (deep 100000)',
    '(define (f) (define a (g)) (define (g) a) a) (f)',
    '(define (f x) (if)) (f 1)',
    '(define (f x) (cond (x) 5)) (f 1)',
  ];
  for (const src of cases) {
    const report = same(src);
    assert.match(report, /^Error: /, src);
    assert.match(report, /--> <input>:\d+:\d+/, src);
  }
  assert.match(same('(define (f x) (+ x undefined-thing)) (f 1)'), /--> <input>:1:20/);
  assert.match(same('(define (f) (lst 1)) (define lst list) (define (g) (lsst 1)) (g)'), /Did you mean/);
});

test('inlined builtins agree with the builtins themselves', () => {
  const values = ['0', '-7', '3', '4503599627370496', '9007199254740991', '-9007199254740991', '-9223372036854775808', '2.5', '"ab"', 'nil', '#t', '#f', "'a", ':k', "'()", "'(1 2)", "'(1 2 3)", '[1]', '[1 2 3]', '{:a 1}'];
  const ops1 = ['abs', 'not', 'cadr', 'caddr', 'car', 'cdr', 'first', 'rest', 'null?', 'pair?', 'zero?', 'even?', 'odd?'];
  const ops2 = ['+', '-', '*', '<', '>', '<=', '>=', '=', 'modulo', 'mod', 'cons', 'eq?', 'string-append'];
  const probe = interp(false);
  for (const op of [...ops1, ...ops2]) {
    if (probe.lookup(op) === undefined) continue;
    const arity = ops1.includes(op) ? 1 : 2;
    const params = arity === 1 ? '(a)' : '(a b)';
    const calls = arity === 1 ? values.map((v) => `(f ${v})`) : values.flatMap((a) => values.map((b) => `(f ${a} ${b})`));
    for (const call of calls) same(`(define (f ${params.slice(1, -1)}) (${op} ${params.slice(1, -1)})) ${call}`);
  }
});

test('a generated loop stops when interrupted', () => {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  Atomics.store(flag, 0, 1);
  const report = outcome('(define (spin i) (spin (+ i 1))) (spin 0)', true, { interruptFlag: flag });
  assert.match(report, /interrupted/);
});
