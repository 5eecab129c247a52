import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Interpreter } from '../../src/eval/interpreter';

function stderrOf(src: string): string {
  let err = '';
  new Interpreter({ stdout: () => {}, stderr: (s) => (err += s) }).evalString(src);
  return err;
}

test('spy, time and the loggers write to stderr in the reference format', () => {
  assert.equal(stderrOf('(spy "sum" (list 1 "a"))'), '[sum] (1 "a")\n');
  assert.match(stderrOf('(time (fn () 1))'), /^Elapsed: \d+\.\d{3}ms\n$/);
  assert.equal(stderrOf('(log/info "started" 3 :k)'), '[INFO] started 3 :k\n');
  assert.equal(stderrOf('(log/error "bad")'), '[ERROR] bad\n');
  assert.equal(stderrOf('(context/set :request-id "r1") (log/warn "slow")'), '[WARN] slow {:request-id "r1"}\n');
});

test('absurd sizes are clear errors, never a crash of the host', () => {
  const it = new Interpreter({ stdout: () => {}, stderr: () => {} });
  const failure = (src: string): string => {
    try {
      it.evalString(src);
      return 'no error';
    } catch (e) {
      return (e as Error).message;
    }
  };
  assert.match(failure('(list/pad [1] 1000000000 0)'), /more than a list can hold/);
  assert.match(failure('(list/times 1000000000 (fn (i) i))'), /more than a list can hold/);
  assert.match(failure('(f64-array/range 0 1000000000)'), /exceeds maximum/);
  assert.match(failure('(string/pad-right "abc" 1000000000)'), /^result string too long/);
  assert.match(failure('(math/format-fixed 2.5 1000000000)'), /at most 1100 decimals/);
});
