// Catalogue entries for the special forms and built-in macros (language/special-forms.md,
// language/macros-modules.md). Examples show results as `; =>` comments.

import type { BuiltinDoc } from './types';

interface Spec {
  readonly signatures: string[];
  readonly params: string[];
  readonly summary: string;
  readonly examples: string[];
  readonly aliases?: string[];
}

const form = (name: string, s: Spec): BuiltinDoc => ({ name, kind: 'special-form', module: 'special-forms', ...s });
const macro = (name: string, s: Spec): BuiltinDoc => ({ name, kind: 'macro', module: 'special-forms', ...s });

const definitions: BuiltinDoc[] = [
  form('define', {
    signatures: ['(define name value)', '(define (name params ...) body ...)', '(define pattern value)'],
    params: ['name', 'value'],
    summary: 'Binds `name` to a value in the current scope, or defines a function when the target is a call shape `(name params ...)`. A vector or `{:keys [...]}` pattern destructures the value into several names. Returns nil.',
    examples: ['(define x 42)', '(define (square n) (* n n))\n(square 7)  ; => 49', "(define [a b] '(1 2))\nb  ; => 2"],
    aliases: ['def'],
  }),
  form('set!', {
    signatures: ['(set! name value)'],
    params: ['name', 'value'],
    summary: 'Assigns a new value to an existing variable (the nearest binding of `name`) and returns the value.',
    examples: ['(define n 1)\n(set! n (+ n 1))\nn  ; => 2'],
  }),
  form('defun', {
    signatures: ['(defun name (params ...) body ...)'],
    params: ['name', 'params', 'body'],
    summary: 'Defines a named function; the same as `(define (name params ...) body ...)`.',
    examples: ['(defun cube (x) (* x x x))\n(cube 3)  ; => 27'],
    aliases: ['defn'],
  }),
  form('lambda', {
    signatures: ['(lambda (params ...) body ...)', '(lambda (params ... . rest) body ...)'],
    params: ['params', 'body'],
    summary: 'Makes an anonymous function. A dotted last parameter collects the remaining arguments as a list; vector and map patterns destructure arguments. The body\'s last form is the result.',
    examples: ['((lambda (x y) (+ x y)) 3 4)  ; => 7', '((fn (x . rest) rest) 1 2 3)  ; => (2 3)', '(map #(* % %) \'(1 2 3))  ; => (1 4 9)'],
    aliases: ['fn'],
  }),
];

const quoting: BuiltinDoc[] = [
  form('quote', {
    signatures: ['(quote datum)', "'datum"],
    params: ['datum'],
    summary: 'Returns `datum` as data, without evaluating it. `\'x` is shorthand for `(quote x)`.',
    examples: ["'(+ 1 2)  ; => (+ 1 2)", "'foo  ; => foo"],
  }),
  form('quasiquote', {
    signatures: ['(quasiquote template)', '`template'],
    params: ['template'],
    summary: 'Like `quote`, but `,expr` inside the template is evaluated and `,@expr` splices the elements of a list in place. Symbols ending in `#` become fresh symbols (auto-gensym), the same one throughout the template.',
    examples: ['(define x 42)\n`(a b ,x)  ; => (a b 42)', '`(a ,@(list 1 2 3) b)  ; => (a 1 2 3 b)'],
  }),
  form('unquote', {
    signatures: [',expr', '(unquote expr)'],
    params: ['expr'],
    summary: 'Inside a quasiquote template, evaluates `expr` and puts its value in place. An error anywhere else.',
    examples: ['`(1 ,(+ 1 1) 3)  ; => (1 2 3)'],
  }),
  form('unquote-splicing', {
    signatures: [',@expr', '(unquote-splicing expr)'],
    params: ['expr'],
    summary: 'Inside a quasiquote template, evaluates `expr` (a list) and inserts its elements in place.',
    examples: ["`(0 ,@'(1 2) 3)  ; => (0 1 2 3)"],
  }),
];

const conditionals: BuiltinDoc[] = [
  form('if', {
    signatures: ['(if test then)', '(if test then else)'],
    params: ['test', 'then', 'else'],
    summary: 'Evaluates `then` when `test` is truthy (anything but `#f` and `nil`), otherwise `else` (or nil when there is none).',
    examples: ['(if (> 5 0) "positive" "non-positive")  ; => "positive"', '(if #f 1)  ; => nil'],
  }),
  form('cond', {
    signatures: ['(cond (test body ...) ... (else body ...))'],
    params: ['clauses'],
    summary: 'Tries each clause in order and evaluates the body of the first whose test is truthy; `else` always matches. Nil when nothing matches.',
    examples: ['(cond ((< 0 0) "negative") ((= 0 0) "zero") (else "positive"))  ; => "zero"'],
  }),
  form('case', {
    signatures: ['(case key ((datum ...) body ...) ... (else body ...))'],
    params: ['key', 'clauses'],
    summary: 'Evaluates `key` once and runs the first clause whose datum list contains an equal value; `else` catches the rest. Nil when nothing matches.',
    examples: ['(case :timeout ((:ok) "success") ((:error :timeout) "failure") (else "unknown"))  ; => "failure"'],
  }),
  form('when', {
    signatures: ['(when test body ...)'],
    params: ['test', 'body'],
    summary: 'Evaluates the body when `test` is truthy and returns its last value; otherwise nil.',
    examples: ['(when (> 1 0) (println "positive") \'done)  ; => done'],
  }),
  form('unless', {
    signatures: ['(unless test body ...)'],
    params: ['test', 'body'],
    summary: 'Evaluates the body when `test` is falsy (`#f` or `nil`); otherwise nil.',
    examples: ['(unless #f "ran")  ; => "ran"'],
  }),
  form('and', {
    signatures: ['(and expr ...)'],
    params: ['exprs'],
    summary: 'Evaluates left to right and stops at the first falsy value, which it returns; otherwise the last value. `(and)` is `#t`.',
    examples: ['(and 1 2 3)  ; => 3', '(and 1 #f 3)  ; => #f'],
  }),
  form('or', {
    signatures: ['(or expr ...)'],
    params: ['exprs'],
    summary: 'Evaluates left to right and returns the first truthy value without evaluating the rest; otherwise the last value. `(or)` is `#f`.',
    examples: ['(or #f 2 3)  ; => 2', '(or #f nil)  ; => nil'],
  }),
  form('begin', {
    signatures: ['(begin expr ...)'],
    params: ['exprs'],
    summary: 'Evaluates the expressions in order and returns the last value (nil when empty).',
    examples: ['(begin (println "a") 3)  ; => 3'],
    aliases: ['progn'],
  }),
];

const threading: BuiltinDoc[] = [
  macro('->', {
    signatures: ['(-> value step ...)'],
    params: ['value', 'steps'],
    summary: 'Thread-first: puts `value` as the first argument of the first step, that result as the first argument of the next, and so on. A bare symbol or keyword step is called with the value.',
    examples: ['(-> 5 (+ 3) (* 2))  ; => 16', '(-> {:body {:data 42}} :body :data)  ; => 42'],
  }),
  macro('->>', {
    signatures: ['(->> value step ...)'],
    params: ['value', 'steps'],
    summary: 'Thread-last: like `->` but puts the value as the last argument of each step.',
    examples: ["(->> '(1 2 3 4) (filter even?) (map #(* % %)))  ; => (4 16)"],
  }),
  macro('as->', {
    signatures: ['(as-> value name step ...)'],
    params: ['value', 'name', 'steps'],
    summary: 'Binds `name` to `value`, then to the result of each step in turn, so the value can go anywhere in a step.',
    examples: ['(as-> 5 x (+ x 3) (* x x) (- x 1))  ; => 63'],
  }),
  macro('some->', {
    signatures: ['(some-> value step ...)'],
    params: ['value', 'steps'],
    summary: 'Like `->`, but stops and returns nil as soon as a step gives nil.',
    examples: ['(some-> {:db {:url "x"}} :db :url)  ; => "x"', '(some-> {:db nil} :db :url)  ; => nil'],
  }),
  macro('when-let', {
    signatures: ['(when-let (name expr) body ...)'],
    params: ['binding', 'body'],
    summary: 'Evaluates `expr`; unless it is nil, binds it to `name` and evaluates the body. Otherwise nil.',
    examples: ['(when-let (u {:name "Ada"}) (:name u))  ; => "Ada"'],
  }),
  macro('if-let', {
    signatures: ['(if-let (name expr) then else)'],
    params: ['binding', 'then', 'else'],
    summary: 'Evaluates `expr`; unless it is nil, binds it to `name` and evaluates `then`, otherwise `else`.',
    examples: ['(if-let (u nil) (:name u) "nobody")  ; => "nobody"'],
  }),
  macro('with-stream', {
    signatures: ['(with-stream (name stream-expr) body ...)'],
    params: ['binding', 'body'],
    summary: 'Binds `name` to the stream `stream-expr` gives, evaluates the body and closes the stream afterwards, also when the body fails. Returns the value of the body.',
    examples: ['(with-stream (s (stream/from-string "hi")) (utf8->string (stream/read-all s)))  ; => "hi"'],
  }),
  macro('for-range', {
    signatures: ['(for-range (name start end) body ...)', '(for-range (name start end step) body ...)'],
    params: ['binding', 'body'],
    summary: 'Evaluates the body with `name` bound to `start`, `start + step`, ... while it is below `end` (step defaults to 1). Returns nil.',
    examples: ['(for-range (i 0 10 3) (print i))  ; prints 0369'],
  }),
  macro('dotimes', {
    signatures: ['(dotimes (name count) body ...)'],
    params: ['binding', 'body'],
    summary: 'Evaluates the body `count` times with `name` bound to 0, 1, ... count-1. Returns nil.',
    examples: ['(dotimes (i 3) (print i))  ; prints 012'],
  }),
];

const bindings: BuiltinDoc[] = [
  form('let', {
    signatures: ['(let ((name value) ...) body ...)', '(let loop-name ((name init) ...) body ...)'],
    params: ['bindings', 'body'],
    summary: 'Evaluates every value first, then binds them all (parallel binding) for the body. Named `let` also binds `loop-name` to a function of the variables, so calling it in tail position loops without growing the stack.',
    examples: ['(let ((x 10) (y 20)) (+ x y))  ; => 30', '(let loop ((i 0) (sum 0))\n  (if (= i 5) sum (loop (+ i 1) (+ sum i))))  ; => 10', "(let (([a & more] '(1 2 3))) more)  ; => (2 3)"],
  }),
  form('let*', {
    signatures: ['(let* ((name value) ...) body ...)'],
    params: ['bindings', 'body'],
    summary: 'Binds in sequence, so each value can use the names bound before it.',
    examples: ['(let* ((x 10) (y (* x 2))) (+ x y))  ; => 30'],
  }),
  form('letrec', {
    signatures: ['(letrec ((name value) ...) body ...)'],
    params: ['bindings', 'body'],
    summary: 'Binds names that every value can see, for local functions that call themselves or each other.',
    examples: ['(letrec ((ev? (fn (n) (if (= n 0) #t (od? (- n 1)))))\n         (od? (fn (n) (if (= n 0) #f (ev? (- n 1))))))\n  (ev? 10))  ; => #t'],
  }),
  form('match', {
    signatures: ['(match value (pattern body ...) ...)', '(match value (pattern when guard body ...) ...)'],
    params: ['value', 'clauses'],
    summary: 'Runs the first clause whose pattern fits `value` (and whose `when` guard holds). Patterns: literals, symbols (bind anything), `_`, vectors `[a b & rest]` that fit lists and vectors, and maps `{:k pattern}` / `{:keys [...]}`. Raises an error when no clause fits.',
    examples: ['(match 5 (x when (> x 100) "big") (x when (> x 0) "small") (_ "non-positive"))  ; => "small"', "(match '(1 (2 3)) ([a [b c]] (+ a b c)))  ; => 6"],
  }),
  form('match*', {
    signatures: ['(match* value (pattern body ...) ...)'],
    params: ['value', 'clauses'],
    summary: 'Like `match`, but gives nil instead of raising an error when no clause fits.',
    examples: ['(match* 42 (1 "one") (2 "two"))  ; => nil'],
  }),
];

const loops: BuiltinDoc[] = [
  form('while', {
    signatures: ['(while test body ...)'],
    params: ['test', 'body'],
    summary: 'Evaluates the body again and again while `test` is truthy. Returns nil.',
    examples: ['(define n 0)\n(while (< n 3) (set! n (+ n 1)))\nn  ; => 3'],
  }),
  form('do', {
    signatures: ['(do ((name init step) ...) (test result ...) body ...)'],
    params: ['bindings', 'exit', 'body'],
    summary: 'Scheme loop: binds each name to its init, then until `test` holds runs the body and rebinds each name to its step. Returns the last result form (nil without one).',
    examples: ['(do ((i 0 (+ i 1)) (sum 0 (+ sum i))) ((= i 10) sum))  ; => 45'],
  }),
  form('delay', {
    signatures: ['(delay expr)'],
    params: ['expr'],
    summary: 'Makes a promise of `expr` without evaluating it; `force` evaluates it the first time and remembers the value.',
    examples: ['(define p (delay (+ 1 2)))\n(force p)  ; => 3'],
  }),
  form('async', {
    signatures: ['(async body ...)'],
    params: ['body'],
    summary: 'Spawns a task that evaluates `body` on the cooperative scheduler and returns its async promise (`async/spawn` of a thunk). The task starts when something waits for it, or when the evaluation that made it ends.',
    examples: ['(await (async (+ 1 2)))  ; => 3'],
  }),
  form('await', {
    signatures: ['(await promise)'],
    params: ['promise'],
    summary: "Runs the scheduler until the promise settles and gives its value; a task that failed raises its error here (`async/await`). Other values are returned as they are.",
    examples: ['(await (async (* 6 7)))  ; => 42', '(await 5)  ; => 5'],
  }),
];

const types: BuiltinDoc[] = [
  form('define-record-type', {
    signatures: ['(define-record-type type (constructor field ...) predicate (field accessor) ...)'],
    params: ['type', 'constructor', 'predicate', 'fields'],
    summary: 'Defines a record type: a constructor taking the listed fields in order, a type predicate and one accessor per field. `(type r)` gives the type name as a keyword; records with equal fields are `equal?`.',
    examples: ['(define-record-type point (make-point x y) point? (x point-x) (y point-y))\n(point-x (make-point 3 4))  ; => 3'],
  }),
  form('defmulti', {
    signatures: ['(defmulti name dispatch-fn)'],
    params: ['name', 'dispatch-fn'],
    summary: 'Defines a multimethod: each call applies `dispatch-fn` to the arguments and runs the method registered for that value (or for `:default`).',
    examples: ['(defmulti area (fn (s) (get s :type)))'],
  }),
  form('defmethod', {
    signatures: ['(defmethod name dispatch-value fn)'],
    params: ['name', 'dispatch-value', 'fn'],
    summary: 'Adds (or replaces) the method of multimethod `name` for `dispatch-value`; `:default` is used when no other method fits.',
    examples: ['(defmulti area :type)\n(defmethod area :rect (fn (s) (* (get s :w) (get s :h))))\n(area {:type :rect :w 3 :h 4})  ; => 12'],
  }),
];

const modulesAndEval: BuiltinDoc[] = [
  form('load', {
    signatures: ['(load path)'],
    params: ['path'],
    summary: 'Reads and evaluates a source file in the current environment, so its definitions become visible here. Relative paths resolve against the current file. Returns the last value.',
    examples: ['(load "helpers.sema")'],
  }),
  form('import', {
    signatures: ['(import path)', '(import path name ...)'],
    params: ['path', 'names'],
    summary: 'Evaluates a module file once (later imports reuse it) and binds its exports here: the names its `export` lists, or every definition when it declares none. With names, binds only those.',
    examples: ['(import "math-utils.sema")  ; binds what math-utils exports', '(import "math-utils.sema" cube)  ; binds only cube'],
  }),
  form('module', {
    signatures: ['(module name (export name ...) body ...)'],
    params: ['name', 'exports', 'body'],
    summary: 'Declares the file as module `name`; only the names in its `export` form are visible to importers.',
    examples: ['(module math-utils\n  (export square)\n  (define (square x) (* x x)))'],
  }),
  form('export', {
    signatures: ['(export name ...)'],
    params: ['names'],
    summary: 'Inside `module`, lists the names that importers receive.',
    examples: ['(export square cube)'],
  }),
  form('eval', {
    signatures: ['(eval form)'],
    params: ['form'],
    summary: 'Evaluates a data structure as code in the global environment.',
    examples: ["(eval '(+ 1 2))  ; => 3", '(eval (read "(* 3 4)"))  ; => 12'],
  }),
  form('defmacro', {
    signatures: ['(defmacro name (params ...) body ...)'],
    params: ['name', 'params', 'body'],
    summary: 'Defines a macro: a function from the unevaluated argument forms to the code that replaces the call. Usually written with a quasiquote template; use `name#` symbols for bindings the macro introduces.',
    examples: ['(defmacro unless2 (test . body) `(if ,test nil (begin ,@body)))\n(unless2 #f 1)  ; => 1'],
  }),
  form('macroexpand', {
    signatures: ['(macroexpand form)'],
    params: ['form'],
    summary: 'Expands a macro call (the argument is evaluated, so quote it) and returns the resulting code; other forms come back unchanged.',
    examples: ["(macroexpand '(unless2 #f (println \"x\")))  ; => (if #f nil (begin (println \"x\")))"],
  }),
];

const errors: BuiltinDoc[] = [
  form('try', {
    signatures: ['(try body ... (catch e handler ...))'],
    params: ['body', 'catch'],
    summary: 'Evaluates the body; if any error is raised, binds its error map to `e` and evaluates the handler instead. The map has `:type`, `:message` and `:stack-trace`, plus `:value` for thrown values and type-specific fields.',
    examples: ['(try (/ 1 0) (catch e (:type e)))  ; => :eval', '(try (throw {:code 404}) (catch e (:value e)))  ; => {:code 404}'],
  }),
  form('catch', {
    signatures: ['(catch name handler ...)'],
    params: ['name', 'handler'],
    summary: 'The handler clause at the end of a `try`; only meaningful there.',
    examples: ['(try (car 1) (catch e (:message e)))'],
  }),
  form('throw', {
    signatures: ['(throw value)'],
    params: ['value'],
    summary: 'Raises an error of type `:user` carrying any value; a `catch` sees it under `:value`. Throwing a caught error map re-raises that error.',
    examples: ['(try (throw "boom") (catch e (:value e)))  ; => "boom"'],
  }),
];

export const specialFormDocs: BuiltinDoc[] = [
  ...definitions,
  ...quoting,
  ...conditionals,
  ...threading,
  ...bindings,
  ...loops,
  ...types,
  ...modulesAndEval,
  ...errors,
];
