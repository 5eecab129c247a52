import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkAll, checkError, Session } from './text-harness';

test('read/string and read/all parse text into forms', () => {
  checkAll([
    ['(read/string "(+ 1 2)")', '(+ 1 2)'],
    ['(eval (read/string "(+ 1 2)"))', '3'],
    ['(read/string "1 2")', '1'],
    ['(read/string "")', 'nil'],
    ['(read/string "{:a [1 \\"s\\"]}")', '{:a [1 "s"]}'],
    ['(read/all "(a) (b)")', '((a) (b))'],
    ['(read/all "")', '()'],
    ["(read/all \"'x ; comment\\n#t\")", '((quote x) #t)'],
  ]);
  checkError('(read/string "(1")', 'reader', 'unterminated list');
  checkError('(read/all "(a) )")', 'reader', 'unexpected closing');
  checkError('(read/string 5)', 'type-error', 'expected string, got int');
});

test('format/form keeps short forms on one line', () => {
  checkAll([
    ["(format/form '(define  x  1))", '"(define x 1)"'],
    ["(format/form '(defn factorial (n) (if (< n 2) n (* n (factorial (- n 1))))))", '"(defn factorial (n) (if (< n 2) n (* n (factorial (- n 1)))))"'],
    ["(format/form '(cond ((= x 1) \"one\") (else \"other\")))", '"(cond ((= x 1) \\"one\\") (else \\"other\\"))"'],
    ['(format/form {:a 1 :b [1 2]})', '"{:a 1 :b [1 2]}"'],
    ['(format/form "str")', '"\\"str\\""'],
    ['(format/form 42)', '"42"'],
    ["(format/form '())", '"()"'],
    ['(format/form nil)', '"nil"'],
  ]);
});

test('format/form breaks body and binding forms with two or more body forms or bindings', () => {
  checkAll([
    ["(format/form '(let ((a 1) (b 2)) (+ a b)))", '"(let ((a 1) (b 2))\\n  (+ a b))"'],
    ["(format/form '(lambda (x) (display x) (newline)))", '"(lambda (x)\\n  (display x)\\n  (newline))"'],
    ["(format/form '(let loop ((i 0) (acc 1)) (if (= i 10) acc (loop (+ i 1) acc))))", '"(let loop ((i 0) (acc 1))\\n  (if (= i 10) acc (loop (+ i 1) acc)))"'],
  ]);
});

test('format/form lays long forms out by their head', () => {
  const s = new Session();
  const fmt = (form: string): unknown => s.run(`(format/form '${form})`);
  assert.equal(
    fmt('(define (calculate-fibonacci-sequence n) (if (< n 2) n (+ (calculate-fibonacci-sequence (- n 1)) (calculate-fibonacci-sequence (- n 2)))))'),
    '(define (calculate-fibonacci-sequence n)\n  (if (< n 2)\n    n\n    (+ (calculate-fibonacci-sequence (- n 1))\n      (calculate-fibonacci-sequence (- n 2)))))',
  );
  assert.equal(
    fmt('(try (risky-operation-with-a-long-name argument-one argument-two) (catch e (display "failed with error") (newline)))'),
    '(try\n  (risky-operation-with-a-long-name argument-one argument-two)\n  (catch e (display "failed with error") (newline)))',
  );
  assert.equal(
    fmt('(hash-map :name "a very long name string here" :description "another long description string" :k 1)'),
    '(hash-map\n  :name "a very long name string here"\n  :description "another long description string"\n  :k 1)',
  );
  assert.equal(
    fmt('(assoc my-map :name "a very long name string here" :description "another long description string")'),
    '(assoc my-map\n  :name "a very long name string here"\n  :description "another long description string")',
  );
  assert.equal(
    fmt('(import "a-very-long-module-name-number-one" "a-very-long-module-name-number-two" "three")'),
    '(import\n  "a-very-long-module-name-number-one"\n  "a-very-long-module-name-number-two"\n  "three")',
  );
  assert.equal(
    fmt('(let ((a-very-long-binding-name (compute-something-expensive 1 2 3 4 5 6 7 8 9 10 11 12))) (+ a b))'),
    '(let ((a-very-long-binding-name\n        (compute-something-expensive 1 2 3 4 5 6 7 8 9 10 11 12)))\n  (+ a b))',
  );
  assert.equal(
    fmt('(->> (range 100000000000 20000000000000) (map (fn (x) (* x x))) (filter even?) (take 10))'),
    '(->> (range 100000000000 20000000000000)\n  (map (fn (x) (* x x)))\n  (filter even?)\n  (take 10))',
  );
  assert.equal(
    fmt('(deftool search "Search the web for things" {:query {:type :string}} (lambda (query) (http/get query)))'),
    '(deftool search\n  "Search the web for things"\n  {:query {:type :string}}\n  (lambda (query) (http/get query)))',
  );
  // Widths are measured in UTF-8 bytes, as the reference measures them.
  assert.equal(
    fmt('(print "héllo wörld ünïcödé strings are measured in bytes not chars so this one is long")'),
    '(print\n  "héllo wörld ünïcödé strings are measured in bytes not chars so this one is long")',
  );
  assert.equal(
    s.run('(format/form {:name "a very long name string here" :description "another long description string" :k 1})'),
    '{:description "another long description string"\n :k 1\n :name "a very long name string here"}',
  );
  assert.equal(
    s.run('(format/form [1 2 3 "a very long name string here" "another long description string" "more text"])'),
    '[1\n 2\n 3\n "a very long name string here"\n "another long description string"\n "more text"]',
  );
});

test('format/form falls back to the printed text for values that do not read back', () => {
  checkAll([['(format/form (lambda (x) x))', '"<lambda>"']]);
});

test('sema/check-string reports syntax errors with spans', () => {
  checkAll([
    ['(sema/check-string "(+ 1 2)")', '{:diagnostics () :ok #t}'],
    ['(sema/check-string "")', '{:diagnostics () :ok #t}'],
    ['(sema/check-string "(+ 1 2")', '{:diagnostics ({:code "syntax" :level :error :message "Reader error at 1:1: unterminated list" :span {:col 1 :end-col 2 :end-line 1 :line 1}}) :ok #f}'],
    ['(sema/check-string "(+ 1 2) (")', '{:diagnostics ({:code "syntax" :level :error :message "Reader error at 1:9: unterminated list" :span {:col 9 :end-col 10 :end-line 1 :line 1}}) :ok #f}'],
    ['(sema/check-string "(a\\n  (b\\n  ")', '{:diagnostics ({:code "syntax" :level :error :message "Reader error at 2:3: unterminated list" :span {:col 3 :end-col 4 :end-line 2 :line 2}}) :ok #f}'],
    ['(sema/check-string "(+ 1 2))")', '{:diagnostics ({:code "syntax" :level :error :message "Reader error at 1:8: unexpected closing `)`" :span {:col 8 :end-col 9 :end-line 1 :line 1}}) :ok #f}'],
    ['(sema/check-string "\\"abc")', '{:diagnostics ({:code "syntax" :level :error :message "Reader error at 1:1: unterminated string" :span {:col 1 :end-col 1 :end-line 1 :line 1}}) :ok #f}'],
    ['(sema/check-string "#<")', '{:diagnostics ({:code "syntax" :level :error :message "Reader error at 1:1: unexpected character after #: \'<\'" :span {:col 1 :end-col 1 :end-line 1 :line 1}}) :ok #f}'],
    ['(sema/check-string "{:a}")', '{:diagnostics ({:code "syntax" :level :error :message "Reader error at 1:4: map literal must have even number of forms" :span {:col 4 :end-col 5 :end-line 1 :line 1}}) :ok #f}'],
  ]);
});

test('sema/check-string reports compile errors by kind, without a span', () => {
  const s = new Session();
  const diag = (src: string): string => s.interp.print(s.run(`(first (:diagnostics (sema/check-string ${JSON.stringify(src)})))`));
  assert.match(diag('(define)'), /^\{:code "arity" :level :error :message "Arity error: define expects/);
  assert.match(diag('(if)'), /:code "arity"/);
  assert.match(diag('(define 1 2)'), /^\{:code "type" :level :error :message "Type error: /);
  assert.equal(diag('(let ((x)) x)'), '{:code "error" :level :error :message "Eval error: let: each binding must have 2 elements"}');
  // Unknown names are fine at compile time, as in the reference.
  assert.equal(s.interp.print(s.run('(sema/check-string "(foo 1)")')), '{:diagnostics () :ok #t}');
});

test('sema/check-string compiles but never runs the code', () => {
  const s = new Session();
  assert.equal(s.interp.print(s.run('(sema/check-string "(println \\"hi\\") (define checked-only 1) (exit 3)")')), '{:diagnostics () :ok #t}');
  assert.equal(s.out, '');
  assert.throws(() => s.run('checked-only'), /checked-only/);
});

test('sema/check-file checks a file, and reports unreadable ones as io diagnostics', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sema-reflect-'));
  const good = join(dir, 'good.sema');
  const bad = join(dir, 'bad.sema');
  writeFileSync(good, '(define (f x) (* x 2))\n(f 21)\n');
  writeFileSync(bad, '(define (f x)\n  (* x 2)\n');
  const s = new Session();
  s.define('good', good);
  s.define('bad', bad);
  s.define('missing', join(dir, 'missing.sema'));
  assert.equal(s.interp.print(s.run('(sema/check-file good)')), '{:diagnostics () :ok #t}');
  assert.equal(s.interp.print(s.run('(:span (first (:diagnostics (sema/check-file bad))))')), '{:col 1 :end-col 2 :end-line 1 :line 1}');
  assert.equal(
    s.interp.print(s.run('(sema/check-file missing)')),
    `{:diagnostics ({:code "io" :level :error :message "${join(dir, 'missing.sema')}: No such file or directory (os error 2)"}) :ok #f}`,
  );
  checkError('(sema/check-file 1)', 'type-error', 'expected string, got int');
});

test('hostile source: deep nesting and garbage give diagnostics, not crashes', () => {
  const s = new Session();
  s.define('deep', '('.repeat(100_000));
  assert.equal(
    s.interp.print(s.run('(sema/check-string deep)')),
    '{:diagnostics ({:code "syntax" :level :error :message "Reader error at 1:1025: input nested too deeply (limit 1024)" :span {:col 1025 :end-col 1026 :end-line 1 :line 1}}) :ok #f}',
  );
  checkError(`(read/string "${'['.repeat(5000)}")`, 'reader', 'nested too deeply');
  s.define('garbage', '\u0000)]}#\\\u0001"');
  assert.equal(s.interp.print(s.run('(:ok (sema/check-string garbage))')), '#f');
  // A form as deep as the reader allows still formats.
  s.define('nested', '('.repeat(1000) + ')'.repeat(1000));
  assert.equal(s.run('(string-length (format/form (read/string nested)))'), 2000);
});
