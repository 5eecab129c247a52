import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OutputBatcher } from '../../src/eval-host/output-batcher';

test('coalesces chunks, keeps stream order, flushes on size and on demand', async () => {
  const sent: string[] = [];
  const b = new OutputBatcher((s, t) => sent.push(`${s}:${t}`), 10, 8);
  b.push('stdout', 'a');
  b.push('stdout', 'b');
  b.push('stderr', 'E');
  b.push('stdout', '12345678');
  b.push('stdout', 'c');
  assert.deepEqual(sent, ['stdout:ab', 'stderr:E', 'stdout:12345678']);
  await new Promise((r) => setTimeout(r, 30));
  assert.deepEqual(sent.slice(3), ['stdout:c']);
  b.push('stderr', 'x');
  b.flush();
  b.flush();
  assert.deepEqual(sent.slice(4), ['stderr:x']);
});
