import { test } from 'node:test';
import assert from 'node:assert/strict';
import { definition, documentHighlight, prepareRename, references, rename, RenameError } from '../../src/features/navigation';
import { open, TEST_URI } from '../support/fixtures';

test('go to definition lands on the name, in this file and in imported files', () => {
  const { doc, store, m } = open('(defun |square (x) (* x x))\n(squ|are 3)');
  const loc = definition(doc, store, m.positions[1]!)!;
  assert.equal(loc.uri, TEST_URI);
  assert.deepEqual(loc.range.start, m.positions[0]);
  assert.equal(loc.range.end.character, m.positions[0]!.character + 'square'.length);
  const lib = 'file:///work/test/lib.sema';
  const r = open('(import "lib.sema")\n(lib-|fn 1)', { [lib]: '\n\n(defun lib-fn (a) a)' });
  const l2 = definition(r.doc, r.store, r.m.positions[0]!)!;
  assert.equal(l2.uri, lib);
  assert.deepEqual(l2.range.start, { line: 2, character: 7 });
  const i = open('(import "li|b.sema")');
  assert.equal(definition(i.doc, i.store, i.m.positions[0]!)!.uri, lib);
});

test('locals resolve to the nearest binding', () => {
  const { doc, store, m } = open('(define x 1)\n(let ((|x 2)) (+ |x 1))\n(+ |x 1)');
  assert.deepEqual(definition(doc, store, m.positions[1]!)!.range.start, m.positions[0]);
  assert.deepEqual(definition(doc, store, m.positions[2]!)!.range.start, { line: 0, character: 8 });
});

test('references across open documents, with and without the declaration', () => {
  const other = 'file:///work/test/other.sema';
  const { doc, store, m } = open('(define (|helper x) x)\n(helper 1) "helper" ; helper\n:helper', { [other]: '(import "main.sema")\n(helper 2)' });
  const all = references(doc, store, m.positions[0]!, true);
  assert.equal(all.length, 3, JSON.stringify(all));
  assert.ok(all.some((l) => l.uri === other));
  assert.equal(references(doc, store, m.positions[0]!, false).length, 2);
});

test('document highlight marks the declaration as a write', () => {
  const { doc, m } = open('(let ((|n 1)) (+ n n))');
  const hs = documentHighlight(doc, m.positions[0]!);
  assert.equal(hs.length, 3);
  assert.equal(hs.filter((h) => h.kind === 3).length, 1);
});

test('rename edits symbols only, never strings, comments or keywords; refused on builtins', () => {
  const { doc, store, m } = open('(define (|greet who) (println "greet" who))\n; greet\n(greet :greet)');
  assert.equal(prepareRename(doc, m.positions[0]!)!.placeholder, 'greet');
  const edit = rename(doc, store, m.positions[0]!, 'hello');
  const edits = edit.changes![TEST_URI]!;
  assert.equal(edits.length, 2);
  const b = open('(prin|tln 1)');
  assert.equal(prepareRename(b.doc, b.m.positions[0]!), null);
  assert.throws(() => rename(b.doc, b.store, b.m.positions[0]!, 'x'), RenameError);
  assert.throws(() => rename(doc, store, m.positions[0]!, 'bad name'), /not a valid symbol/);
});

test('internal defines: definition and references, including uses before the define', () => {
  const { doc, store, m } = open('(define (p n)\n  (define (e? k) (|o? k))\n  (define (|o? k) (e? k))\n  (o? n))');
  assert.deepEqual(definition(doc, store, m.positions[0]!)!.range.start, m.positions[1]);
  assert.equal(references(doc, store, m.positions[1]!, true).length, 3);
});

test('references of a builtin are its uses, not shadowing locals', () => {
  const { doc, store, m } = open('(prin|tln 1)\n(let ((println 2)) println)\n(println 3)');
  assert.equal(references(doc, store, m.positions[0]!, true).length, 2);
});
