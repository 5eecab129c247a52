import { test } from 'node:test';
import assert from 'node:assert/strict';
import { incomingCalls, outgoingCalls, prepareCallHierarchy } from '../../src/features/call-hierarchy';
import { open, TEST_URI } from '../support/fixtures';

const source = `(defun |leaf (x) (* x 2))
(defun middle (x) (+ (le|af x) (leaf 1)))
(defun |top (x) (middle (leaf x)))
(define (unused) 0)
(leaf 5)
(define |n 3)`;

test('prepare gives the definition under the cursor, by its name or a call; not plain variables', () => {
  const { doc, store, m } = open(source);
  const [byName] = prepareCallHierarchy(doc, store, m.positions[0]!)!;
  assert.equal(byName!.name, 'leaf');
  assert.equal(byName!.uri, TEST_URI);
  assert.deepEqual(byName!.selectionRange.start, m.positions[0]);
  const [byCall] = prepareCallHierarchy(doc, store, m.positions[1]!)!;
  assert.deepEqual(byCall, byName);
  assert.equal(prepareCallHierarchy(doc, store, m.positions[3]!), null);
  const b = open('(prin|tln 1)');
  assert.equal(prepareCallHierarchy(b.doc, b.store, b.m.positions[0]!), null);
});

test('incoming calls: each calling definition once, with every call site; top-level calls have no caller', () => {
  const { doc, store, m } = open(source);
  const [leaf] = prepareCallHierarchy(doc, store, m.positions[0]!)!;
  const incoming = incomingCalls(leaf!, store);
  assert.deepEqual(incoming.map((c) => c.from.name).sort(), ['middle', 'top']);
  assert.equal(incoming.find((c) => c.from.name === 'middle')!.fromRanges.length, 2);
});

test('outgoing calls: the definitions a body calls, builtins left out', () => {
  const { doc, store, m } = open(source);
  const [top] = prepareCallHierarchy(doc, store, m.positions[2]!)!;
  const out = outgoingCalls(top!, store);
  assert.deepEqual(out.map((c) => c.to.name).sort(), ['leaf', 'middle']);
  const [leaf] = prepareCallHierarchy(doc, store, m.positions[0]!)!;
  assert.deepEqual(outgoingCalls(leaf!, store), []);
});

test('calls across files: an imported definition and its callers in the importing file', () => {
  const lib = 'file:///work/test/lib.sema';
  const { doc, store, m } = open('(import "lib.sema")\n(defun user () (lib-|fn 1))', { [lib]: '(defun lib-fn (a) a)' });
  const [item] = prepareCallHierarchy(doc, store, m.positions[0]!)!;
  assert.equal(item!.uri, lib);
  assert.deepEqual(incomingCalls(item!, store).map((c) => c.from.name), ['user']);
  const [user] = incomingCalls(item!, store).map((c) => c.from);
  assert.deepEqual(outgoingCalls(user!, store).map((c) => [c.to.name, c.to.uri]), [['lib-fn', lib]]);
});

test('items that no longer resolve (stale or forged data) give no calls', () => {
  const { doc, store, m } = open(source);
  const [leaf] = prepareCallHierarchy(doc, store, m.positions[0]!)!;
  assert.deepEqual(incomingCalls({ ...leaf!, data: { uri: TEST_URI, nameStart: 9999 } }, store), []);
  assert.deepEqual(outgoingCalls({ ...leaf!, data: 'junk' }, store), []);
  assert.deepEqual(incomingCalls({ ...leaf!, data: undefined }, store), []);
});
