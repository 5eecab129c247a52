import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { diagnostics } from '../../src/features/diagnostics';
import { open, TEST_URI, testCatalogue } from '../support/fixtures';
import { catalogueFrom, runtimeCatalogueView } from '../../src/catalogue';
import { hover } from '../../src/features/hover';
import { completion } from '../../src/features/completion';

function diags(source: string) {
  const { doc, m } = open(source);
  return { list: diagnostics(doc, TEST_URI).map((d) => ({ ...d, message: String(d.message) })), m };
}

test('every parse error is reported at once, the unclosed list at its opener', () => {
  const { list, m } = diags('|(define x 1\n(+ 1 2))|)\n"abc');
  const errors = list.filter((d) => d.severity === DiagnosticSeverity.Error);
  assert.ok(errors.length >= 2, JSON.stringify(errors));
  assert.ok(errors.some((d) => /unterminated string/i.test(d.message)));
  assert.ok(errors.some((d) => /unexpected closing/.test(d.message) && d.range.start.line === m.positions[1]!.line && d.range.start.character === m.positions[1]!.character));
  const { list: l2, m: m2 } = diags('(define (f x)\n  |(+ x 1)\n');
  const unclosed = l2.find((d) => /unterminated list/.test(d.message));
  assert.ok(unclosed, JSON.stringify(l2));
  assert.equal(unclosed.range.start.line, 0, 'points at the outer opener');
  assert.ok(m2.positions.length === 1);
});

test('a bad token is an error', () => {
  const { list } = diags('(+ 1 #zz)');
  assert.ok(list.some((d) => d.severity === DiagnosticSeverity.Error));
});

test('unbound symbols warn with a did-you-mean', () => {
  const { list, m } = diags('(define (greet name) (printn |name))\n(greet "x")');
  const w = list.find((d) => d.code === 'unbound');
  assert.ok(w);
  assert.match(w.message, /unbound symbol `printn` — did you mean `println`\?/);
  assert.equal(w.range.end.character, m.positions[0]!.character - 1);
});

test('locals, parameters, named let, match and catch bindings are not unbound', () => {
  const src = `(define (f xs)
  (let loop ((i 0) (acc '()))
    (let* ((a 1) (b (+ a 1)))
      (match xs
        ([h & t] (+ h a b i))
        (x when (> x 1) x)
        (_ (try (loop (+ i 1) acc) (catch e e)))))))
(map #(+ % 1) '(1 2 unknown-in-quote))
(define-record-type point (make-point x y) point? (x point-x) (y point-y))
(point-x (make-point 1 2))`;
  assert.deepEqual(diags(src).list, []);
});

test('wrong arity for builtins, user functions and special forms', () => {
  const { list } = diags('(define (add a b) (+ a b))\n(add 1)\n(string/upper "a" "b")\n(substring "abc" 1)\n(if)');
  const msgs = list.map((d) => d.message);
  assert.ok(msgs.includes('`add` expects 2 arguments, got 1'), msgs.join('\n'));
  assert.ok(msgs.includes('`string/upper` expects 1 argument, got 2'), msgs.join('\n'));
  assert.ok(msgs.some((m) => m.startsWith('`if` expects 2 to 3 arguments, got 0')), msgs.join('\n'));
  assert.equal(msgs.filter((m) => m.includes('substring')).length, 0, 'optional [end] accepted');
});

test('malformed special forms', () => {
  const msgs = diags('(let (x 1) x)\n(defun 5 (x) x)\n(cond 1)').list.map((d) => d.message);
  assert.ok(msgs.some((m) => /let: each binding must be \(name value\)/.test(m)), msgs.join('\n'));
  assert.ok(msgs.some((m) => /defun: expected a name/.test(m)), msgs.join('\n'));
  assert.ok(msgs.some((m) => /cond: each clause/.test(m)), msgs.join('\n'));
});

test('LLM misuse: unknown option, wrong type, out of range, bad message role', () => {
  const msgs = diags('(llm/complete "hi" {:temprature 0.5 :max-tokens "ten" :temperature 7})\n(message :robot "hi")\n(message :user "ok")').list.map((d) => d.message);
  assert.ok(msgs.some((m) => /^llm\/complete: unknown option :temprature \(did you mean :temperature\?\); allowed options: :model, :max-tokens/.test(m)), msgs.join('\n'));
  assert.ok(msgs.includes(':max-tokens must be a positive integer, got "ten"'), msgs.join('\n'));
  assert.ok(msgs.includes(':temperature must be a number from 0.0 to 1.0, got 7'), msgs.join('\n'));
  assert.ok(msgs.some((m) => /message: unknown role :robot/.test(m)), msgs.join('\n'));
  assert.equal(msgs.length, 4, msgs.join('\n'));
});

test('LLM calls without catalogue options use the shared option table', () => {
  const msgs = diags("(llm/chat '() {:model 3})").list.map((d) => d.message);
  assert.deepEqual(msgs, [':model must be a string, got 3']);
});

test('no analysis warnings while the file does not parse', () => {
  const { list } = diags('(printn 1)\n(');
  assert.ok(list.every((d) => d.code === 'syntax'), JSON.stringify(list));
});

test('imported definitions are known', () => {
  const { doc } = open('(import "lib.sema")\n(helper 1)', { 'file:///work/test/lib.sema': '(define (helper x) x)' });
  assert.deepEqual(diagnostics(doc, TEST_URI).map((d) => d.message), []);
});

test('option values known only at run time are not judged; keyword options are', () => {
  const msgs = diags('(define n 5)\n(define t 1)\n(llm/complete "hi" {:max-tokens n :tools [t] :tool-mode :sometimes :temperature 0.5})').list.map((d) => d.message);
  assert.deepEqual(msgs, [':tool-mode must be :auto or :none, got :sometimes']);
});

test('operands of macros (user or builtin) may bind names: no unbound warnings inside', () => {
  const src = '(defmacro with-it (form) form)\n(with-it (+ it 1))\n(dotimes (i 3) (println i))';
  assert.deepEqual(diags(src).list.map((d) => d.message), []);
});

test('threading macros add the threaded value to each step when checking arity', () => {
  const src = "(define (f x) x)\n(define xs '(1 2))\n(->> xs (map f))\n(-> 1 (f))\n(-> xs (string/upper 1))\n(map f)";
  const msgs = diags(src).list.map((d) => d.message);
  assert.deepEqual(msgs, ['`string/upper` expects 1 argument, got 2', '`map` expects at least 2 arguments, got 1']);
});

test('internal defines are visible throughout their body (mutual recursion)', () => {
  const src = `(define (parity n)
  (define (ev? k) (if (= k 0) #t (od? (- k 1))))
  (define (od? k) (if (= k 0) #f (ev? (- k 1))))
  (ev? n))
(od? 1)`;
  assert.deepEqual(diags(src).list.map((d) => d.message), ['unbound symbol `od?`']);
});

test('unknown option keys are flagged on llm/* calls only; known keys are checked everywhere', () => {
  const extra = fixturesWithAgent();
  const msgs = extra.list.map((d) => d.message);
  assert.deepEqual(msgs, [':max-tokens must be a positive integer, got 0']);
});

function fixturesWithAgent() {
  // agent/run documents the call options but accepts more (:on-tool-call, :messages).
  const src = '(define bot 1)\n(agent/run bot "hi" {:on-tool-call 1 :max-tokens 0})';
  const { doc } = open(src, {}, catalogueFrom([
    ...testCatalogue.all(),
    { name: 'agent/run', kind: 'function', module: 'llm', signatures: ['(agent/run agent message opts)'], params: [], summary: '', examples: [], options: testCatalogue.lookup('llm/complete')!.options! },
  ]));
  return { list: diagnostics(doc, TEST_URI).map((d) => ({ ...d, message: String(d.message) })) };
}

test('the standard library constants are known: no unbound warning, hover and completion as constants', () => {
  const { doc, store, m } = open('(define (area r) (* p|i r r))\n(println e math/infinity math/nan *stdout* *stderr* *stdin*)', {}, runtimeCatalogueView());
  assert.deepEqual(diagnostics(doc, TEST_URI), []);
  const h = hover(doc, store, m.positions[0]!)!;
  assert.match((h.contents as { value: string }).value, /π[\s\S]*\*constant\*/);
  const typing = open('(ma|', {}, runtimeCatalogueView());
  const items = completion(typing.doc, typing.store, typing.m.positions[0]!) as { items: { label: string; kind?: number }[] };
  assert.equal(items.items.find((i) => i.label === 'math/infinity')?.kind, 21); // CompletionItemKind.Constant
});

test('defmethod in both shapes: a handler, or the (params) body... shorthand binding its params', () => {
  const { doc } = open('(defmulti area :shape)\n(defmethod area :circle (fn (s) (:r s)))\n(defmethod area :square [s] (:side s))', {}, runtimeCatalogueView());
  assert.deepEqual(diagnostics(doc, TEST_URI), []);
});

test('only the opts argument of a call is read as its options map (a schema map is not)', () => {
  const options = testCatalogue.lookup('llm/complete')!.options!;
  const { doc } = open('(llm/extract {:vendor {:type :string}} "text" {:retrys 2 :max-tokens 0})', {}, catalogueFrom([
    ...testCatalogue.all(),
    { name: 'llm/extract', kind: 'function', module: 'llm', signatures: ['(llm/extract schema text)', '(llm/extract schema text opts)'], params: [], summary: '', examples: [], options },
  ]));
  const msgs = diagnostics(doc, TEST_URI).map((d) => String(d.message));
  assert.ok(!msgs.some((m) => /:vendor/.test(m)), msgs.join('\n'));
  assert.ok(msgs.some((m) => /^llm\/extract: unknown option :retrys/.test(m)), msgs.join('\n'));
  assert.ok(msgs.includes(':max-tokens must be a positive integer, got 0'), msgs.join('\n'));
});
