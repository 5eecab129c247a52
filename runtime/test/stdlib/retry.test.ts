// `retry`: attempts, backoff waits, the last error re-raised, option checks.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, checkError, errorOf, evalText } from './harness';

test('returns the first success, calling again after failures', () => {
  check([
    ['(retry (fn () 1))', '1'],
    ['(define tries 0)', 'nil'],
    ['(retry (fn () (set! tries (+ tries 1)) (if (< tries 3) (error "flaky") tries)) {:base-delay-ms 1})', '3'],
    ['tries', '3'],
  ]);
});

test('re-raises the last error after :max-attempts calls', () => {
  evalText('(define calls 0)');
  const e = errorOf('(retry (fn () (set! calls (+ calls 1)) (error (str "failure " calls))) {:max-attempts 4 :base-delay-ms 0})');
  assert.match(e.message, /failure 4/);
  check([['calls', '4']]);
  check([['(try (retry (fn () (throw :nope)) {:max-attempts 2 :base-delay-ms 0}) (catch e "caught"))', '"caught"']]);
});

test('waits base-delay-ms, growing by :backoff', () => {
  const started = Date.now();
  errorOf('(retry (fn () (error "x")) {:max-attempts 3 :base-delay-ms 20 :backoff 2})');
  assert.ok(Date.now() - started >= 55, 'waited 20 + 40 ms between the three calls');
});

test('checks its arguments', () => {
  checkError('(retry 5)', 'retry: expected function, got int', 'type-error');
  checkError('(retry (fn () 1) {:max-attempt 2})', 'retry: unknown option :max-attempt; allowed options: :max-attempts, :base-delay-ms, :backoff');
  checkError('(retry (fn () 1) {:max-attempts 0})', 'retry: option :max-attempts must be a positive integer, got 0');
  checkError('(retry (fn () 1) {:backoff "2"})', 'retry: option :backoff must be a non-negative number, got "2"');
  checkError('(retry (fn () 1) [1])', 'retry: expected options map, got vector');
});
