import { test } from 'node:test';
import assert from 'node:assert/strict';
import { printValue } from '../../src/reader';
import { contextDocs } from '../../src/docs/context';
import { contextSnapshot } from '../../src/stdlib/context';
import { Session } from './text-harness';
import { checkExamples } from './example-check';

const runner = (s: Session) => (src: string): string => printValue(s.run(src));

test('catalogue examples evaluate to what they show', () => checkExamples(contextDocs));

test('each interpreter has its own context, stacks and hidden values', () => {
  const a = new Session();
  const b = new Session();
  a.run('(context/set :user "ada") (context/push :steps 1) (context/set-hidden :key "k")');
  assert.equal(runner(b)('(list (context/get :user) (context/stack :steps) (context/get-hidden :key) (context/all))'), '(nil () nil {})');
  assert.equal(runner(a)('(list (context/get :user) (context/stack :steps) (context/get-hidden :key))'), '("ada" (1) "k")');
  assert.equal(printValue(contextSnapshot(a.interp)), '{:user "ada"}');
  assert.equal(printValue(contextSnapshot(b.interp)), '{}');
});

test('context/with drops its frame when the thunk fails, and takes native thunks', () => {
  const s = new Session();
  const run = runner(s);
  run('(context/set :env "prod")');
  assert.throws(() => s.run('(context/with {:env "test"} (lambda () (car 1)))'), /car: expected list or vector/);
  assert.equal(run('(context/get :env)'), '"prod"');
  assert.equal(run('(context/with {:extra 1} context/all)'), '{:env "prod" :extra 1}');
  assert.equal(run('(context/all)'), '{:env "prod"}');
});

test('keys are compared by value, whatever their type', () => {
  const run = runner(new Session());
  run('(context/set [1 2] "vec") (context/set "k" "str") (context/push (list 1) :a) (context/push (list 1) :b)');
  assert.equal(run('(list (context/get [1 2]) (context/get "k") (context/get :k) (context/stack (list 1)))'), '("vec" "str" nil (:a :b))');
  assert.equal(run('(list (context/pop (list 1)) (context/pop (list 1)) (context/pop (list 1)))'), '(:b :a nil)');
});

test('merge and with take hash maps as well as sorted maps', () => {
  const run = runner(new Session());
  run('(context/merge (hash-map :b 2 :a 1))');
  assert.equal(run('(context/all)'), '{:a 1 :b 2}');
  assert.equal(run('(context/with (hash-map :c 3) (lambda () (context/get :c)))'), '3');
});

test('bad arguments name the function and the expected type', () => {
  const s = new Session();
  assert.throws(() => s.run('(context/merge 5)'), /^SemaError: context\/merge: expected map, got int$/m);
  s.run('(defmulti area :shape)');
  assert.throws(() => s.run('(context/with {} area)'), /context\/with: expected function, got multimethod/);
  assert.throws(() => s.run('(context/set :a)'), /context\/set expects 2 args, got 1/);
});
