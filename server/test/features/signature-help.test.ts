import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signatureHelp } from '../../src/features/signature-help';
import { open } from '../support/fixtures';

function help(source: string) {
  const { doc, store, m } = open(source);
  return signatureHelp(doc, store, m.positions[0]!);
}

test('builtin signature with the active parameter', () => {
  const h = help('(substring "abc" |)')!;
  assert.equal(h.signatures[0]!.label, '(substring s start [end])');
  assert.equal(h.activeParameter, 1);
  const p = h.signatures[0]!.parameters![1]!.label as [number, number];
  assert.equal(h.signatures[0]!.label.slice(p[0], p[1]), 'start');
});

test('user function signature, cursor in the first argument', () => {
  const h = help('(defun add (a b) (+ a b))\n(add 1| 2)')!;
  assert.equal(h.signatures[0]!.label, '(add a b)');
  assert.equal(h.activeParameter, 0);
});

test('variadic parameter stays active', () => {
  const h = help('(println 1 2 3 |)')!;
  assert.equal(h.activeParameter, 0);
});

test('innermost call wins; nothing on the head', () => {
  assert.equal(help('(println (string/upper |))')!.signatures[0]!.label, '(string/upper s)');
  assert.equal(help('(prin|tln 1)'), null);
});

test('several signatures: the first that takes the operands is active', () => {
  const h = help('(llm/complete "hi" |)')!;
  assert.deepEqual(h.signatures.map((s) => s.label), ['(llm/complete prompt)', '(llm/complete prompt opts)']);
  assert.equal(h.activeSignature, 1);
  assert.equal(h.activeParameter, 1);
  assert.equal(help('(llm/complete |)')!.activeSignature, 0);
});

test('user variadic functions keep the rest parameter active', () => {
  const h = help('(define (f a . more) a)\n(f 1 2 3 |)')!;
  assert.equal(h.signatures[0]!.label, '(f a . more)');
  assert.equal(h.activeParameter, 1);
});

test('odd parameter text (a character literal closer) cannot stall the signature scan', () => {
  // Regression: a `]` at the start of an operand used to loop forever (found by fuzzing).
  const h = help('(define (f #\\] y) 1)\n(f 1 |)')!;
  assert.equal(h.signatures[0]!.label, '(f ] y)');
  assert.equal(h.activeParameter, 1);
});
