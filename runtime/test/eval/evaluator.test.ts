import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Interpreter } from '../../src/eval/interpreter';
import { SemaError } from '../../src/eval/errors';
import { formatError } from '../../src/eval/format-error';
import { printValue } from '../../src/reader/printer';
import { miniStdlib } from '../support/mini-stdlib';

function run(src: string, interp = new Interpreter({ modules: [miniStdlib] })): string {
  return printValue(interp.evalString(src));
}

function fails(src: string): SemaError {
  try {
    new Interpreter({ modules: [miniStdlib] }).evalString(src);
  } catch (e) {
    assert.ok(e instanceof SemaError, `expected SemaError, got ${String(e)}`);
    return e;
  }
  assert.fail(`expected ${src} to fail`);
}

test('definitions, closures and set!', () => {
  assert.equal(run('(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2))))) (fib 15)'), '610');
  assert.equal(run('(define (counter) (let ((n 0)) (lambda () (set! n (+ n 1)) n))) (define c (counter)) (c) (c)'), '2');
  assert.equal(run('(define (f) (define a 1) (define (g) (+ a (h))) (define (h) 10) (g)) (f)'), '11');
  assert.equal(run('((fn (x . rest) rest) 1 2 3)'), '(2 3)');
  assert.equal(run('((lambda (a &optional b) (list a b)) 1)'), '(1 nil)');
  assert.equal(run('(define [a b c] (list 1 2 3)) (+ a b c)'), '6');
  assert.equal(run('(define (sum-pair [a b]) (+ a b)) (sum-pair (list 3 4))'), '7');
  assert.equal(run('(define (g {:keys [x y]}) (list x y)) (g {:x 1 :y 2})'), '(1 2)');
});

test('let family, named let and do', () => {
  assert.equal(run('(let ((x 10) (y 20)) (+ x y))'), '30');
  assert.equal(run('(let* ((x 10) (y (* x 2))) (+ x y))'), '30');
  assert.equal(run('(letrec ((ev? (fn (n) (if (= n 0) #t (od? (- n 1))))) (od? (fn (n) (if (= n 0) #f (ev? (- n 1)))))) (ev? 10))'), '#t');
  assert.equal(run('(let loop ((i 0) (sum 0)) (if (= i 100) sum (loop (+ i 1) (+ sum i))))'), '4950');
  assert.equal(run('(do ((i 0 (+ i 1)) (sum 0 (+ sum i))) ((= i 10) sum))'), '45');
  assert.equal(run('(let (({:keys [name]} {:name "Alice"})) name)'), '"Alice"');
  assert.equal(run('(let (([first & rest] (list 1 2 3 4))) rest)'), '(2 3 4)');
});

test('proper tail calls run in constant stack', () => {
  assert.equal(run('(let loop ((i 0)) (if (= i 1000000) i (loop (+ i 1))))'), '1000000');
  assert.equal(run('(define (ev? n) (if (= n 0) #t (od? (- n 1)))) (define (od? n) (if (= n 0) #f (ev? (- n 1)))) (ev? 100001)'), '#f');
  assert.equal(run('(define (f n) (cond ((= n 0) :done) (else (f (- n 1))))) (f 200000)'), ':done');
});

test('deep non-tail recursion is a clear error, not a crash', () => {
  const e = fails('(define (count n) (if (= n 0) 0 (+ 1 (count (- n 1))))) (count 1000000)');
  assert.match(e.message, /stack depth exceeded/);
});

test('conditionals and logic', () => {
  assert.equal(run('(cond ((< 1 0) "neg") ((= 1 0) "zero") (else "pos"))'), '"pos"');
  assert.equal(run('(case :b ((:a) 1) ((:b :c) 2) (else 3))'), '2');
  assert.equal(run('(list (and 1 2) (and 1 #f 2) (or #f 3) (or) (and))'), '(2 #f 3 #f #t)');
  assert.equal(run('(list (when #f 1) (unless #f 2))'), '(nil 2)');
});

test('quasiquote, macros and auto-gensym', () => {
  assert.equal(run('(define x 42) `(a b ,x)'), '(a b 42)');
  assert.equal(run('`(a ,@(list 1 2 3) b)'), '(a 1 2 3 b)');
  assert.equal(run('(defmacro good-inc (x) `(let ((tmp# ,x)) (+ tmp# 1))) (let ((tmp 100)) (good-inc tmp))'), '101');
  assert.equal(run('(defmacro unless2 (test . body) `(if ,test nil (begin ,@body))) (unless2 #f 1 2)'), '2');
  assert.equal(run("(defmacro m (x) `(+ ,x 1)) (macroexpand '(m 5))"), '(+ 5 1)');
  assert.equal(run('(-> 5 (+ 3) (* 2))'), '16');
  assert.equal(run('(as-> 5 x (+ x 3) (* x x) (- x 1))'), '63');
  assert.equal(run('(list (some-> nil car) (when-let (x 5) (+ x 1)) (if-let (x nil) 1 2))'), '(nil 6 2)');
});

test('match with guards and nested patterns', () => {
  assert.equal(run("(match '(1 (2 3)) ([a [b c]] (+ a b c)))"), '6');
  assert.equal(run('(match 5 (x when (> x 100) "big") (x when (> x 0) "small") (_ "np"))'), '"small"');
  assert.equal(run('(match {:type :ok :data 7} ({:type :error} 0) ({:type :ok :data d} d))'), '7');
  assert.equal(run('(match* 42 (1 "one"))'), 'nil');
  assert.match(fails('(match 42 (1 "one"))').message, /no clause matched value: 42/);
});

test('records, multimethods, delay/force', () => {
  assert.equal(run('(define-record-type point (make-point x y) point? (x point-x) (y point-y)) (list (point-x (make-point 3 4)) (point? 1) (type (make-point 1 2)))'), '(3 #f :point)');
  assert.equal(run('(defmulti area (fn (s) (:type s))) (defmethod area :sq (fn (s) (* (:w s) (:w s)))) (defmethod area :default (fn (s) 0)) (list (area {:type :sq :w 3}) (area {}))'), '(9 0)');
  assert.equal(run('(define p (delay (+ 1 2))) (list (promise-forced? p) (force p) (promise-forced? p) (force 42))'), '(#f 3 #t 42)');
});

test('try/catch gives error maps; throw any value', () => {
  assert.equal(run('(try (throw {:code 404}) (catch e (:code (:value e))))'), '404');
  assert.equal(run('(try (undefined-thing) (catch e (list (:type e) (:name e))))'), '(:unbound "undefined-thing")');
  assert.equal(run('(try (car 1 2) (catch e (:type e)))'), ':arity');
  assert.equal(run('(try (try (throw 1) (catch e (throw e))) (catch e2 (:value e2)))'), '1');
});

test('errors carry locations and hints', () => {
  const interp = new Interpreter({ modules: [miniStdlib] });
  const src = '(define (f x)\n  (+ x (undefned-var)))\n(f 1)';
  try {
    interp.evalString(src, undefined);
    assert.fail('should throw');
  } catch (e) {
    const text = formatError(e, src);
    assert.match(text, /^Error: Unbound variable: undefned-var/);
    assert.match(text, /--> <input>:2:9/);
  }
  const hinted = fails('(define counter 1) (+ countr 1)');
  assert.equal(hinted.hint, "Did you mean 'counter'?");
  assert.equal(fails('(setq x 1)').hint, "Sema uses 'set!' to assign a variable");
  assert.match(fails('((fn (a b) a) 1)').message, /expects 2 args, got 1/);
  assert.equal(fails('(1 2)').message, 'not callable: 1');
  assert.equal(fails('(+ 1').type, 'reader');
});

test('output goes to the configured stdout', () => {
  let out = '';
  const interp = new Interpreter({ modules: [miniStdlib], stdout: (s) => (out += s) });
  interp.evalString('(out "a") (out "b")');
  assert.equal(out, 'ab');
});

test('error reports cut long source lines to a window around the column', () => {
  const src = '(define x 1) '.repeat(40) + '(undefined-thing)';
  try {
    new Interpreter({ modules: [miniStdlib] }).evalString(src);
    assert.fail('should throw');
  } catch (e) {
    const lines = formatError(e, src).split('\n');
    const source = lines.find((l) => l.startsWith('  1 | '))!;
    const caret = lines[lines.indexOf(source) + 1]!;
    assert.ok(source.length < 120, source);
    assert.equal(caret.indexOf('^') - 6, source.slice(6).indexOf('(undefined-thing)') + 1);
  }
});
