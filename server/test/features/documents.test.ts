import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentStore } from '../../src/documents';
import { testCatalogue } from '../support/fixtures';

const main = 'file:///w/main.sema';
const lib = 'file:///w/lib.sema';

test('analysis is computed once per version', () => {
  const store = new DocumentStore(testCatalogue);
  store.set(main, 1, '(define x 1)');
  const a = store.get(main);
  assert.equal(store.get(main), a);
  store.set(main, 2, '(define x 2)');
  assert.notEqual(store.get(main), a);
  assert.equal(store.get(main)!.version, 2);
});

test('editing an imported open document re-analyses its importers', () => {
  const store = new DocumentStore(testCatalogue);
  store.set(lib, 1, '(define (helper) 1)');
  store.set(main, 1, '(import "lib.sema")\n(helper2)');
  assert.deepEqual(store.get(main)!.analysis.warnings.map((w) => w.code), ['unbound']);
  const dependents = store.set(lib, 2, '(define (helper2) 1)');
  assert.deepEqual(dependents, [main]);
  assert.deepEqual(store.get(main)!.analysis.warnings, []);
});

test('closing forgets the document', () => {
  const store = new DocumentStore(testCatalogue);
  store.set(main, 1, 'x');
  store.delete(main);
  assert.equal(store.get(main), undefined);
  assert.deepEqual(store.openDocuments(), []);
});

test('an import that cannot be read turns unbound-symbol warnings off for the file', () => {
  const store = new DocumentStore(testCatalogue);
  store.set(main, 1, '(import "missing.sema")\n(from-missing 1)\n(string/upper "a" "b")');
  assert.deepEqual(store.get(main)!.analysis.warnings.map((w) => w.code), ['arity']);
});
