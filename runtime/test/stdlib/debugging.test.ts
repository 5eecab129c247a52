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
