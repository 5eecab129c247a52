import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OutputBatcher, skippedNotice, type Timers } from '../src/output/batcher';

/** Timers that only fire when the test says so. */
function manualTimers(): Timers & { fire(): void; pending(): number } {
  let queue: Array<() => void> = [];
  return {
    setTimeout: (fn) => { queue.push(fn); return fn; },
    clearTimeout: (h) => { queue = queue.filter((f) => f !== h); },
    fire: () => { const q = queue; queue = []; q.forEach((f) => f()); },
    pending: () => queue.length,
  };
}

test('chunks arriving together are written as one batch on the next tick', () => {
  const timers = manualTimers();
  const writes: string[] = [];
  const b = new OutputBatcher((t) => writes.push(t), { intervalMs: 10 }, timers);
  b.push('a');
  b.push('b');
  b.push('c');
  assert.deepEqual(writes, []);
  assert.equal(timers.pending(), 1);
  timers.fire();
  assert.deepEqual(writes, ['abc']);
});

test('a batch never exceeds maxBatchChars; the rest follows on later ticks', () => {
  const timers = manualTimers();
  const writes: string[] = [];
  const b = new OutputBatcher((t) => writes.push(t), { maxBatchChars: 4, maxPendingChars: 100 }, timers);
  b.push('0123456789');
  timers.fire();
  timers.fire();
  timers.fire();
  assert.deepEqual(writes, ['0123', '4567', '89']);
  assert.equal(timers.pending(), 0);
});

test('output beyond maxPendingChars drops the oldest part and says how much', () => {
  const timers = manualTimers();
  const writes: string[] = [];
  const b = new OutputBatcher((t) => writes.push(t), { maxBatchChars: 1000, maxPendingChars: 5 }, timers);
  b.push('abc');
  b.push('defgh');
  timers.fire();
  assert.deepEqual(writes, [skippedNotice(3) + 'defgh']);
});

test('flush writes everything now, in order, and cancels the timer', () => {
  const timers = manualTimers();
  const writes: string[] = [];
  const b = new OutputBatcher((t) => writes.push(t), { maxBatchChars: 3 }, timers);
  b.push('hello');
  b.flush();
  assert.deepEqual(writes, ['hel', 'lo']);
  assert.equal(timers.pending(), 0);
});

test('megabytes of output reach the sink in a bounded number of bounded writes', () => {
  const timers = manualTimers();
  const writes: string[] = [];
  const b = new OutputBatcher((t) => writes.push(t), {}, timers);
  const line = 'x'.repeat(99) + '\n';
  for (let i = 0; i < 50_000; i++) b.push(line); // 5 MB in 50 000 chunks
  let ticks = 0;
  while (timers.pending()) { timers.fire(); ticks++; }
  assert.ok(writes.length <= 20, `${writes.length} writes`);
  assert.ok(writes.every((w) => w.length <= 64 * 1024 + 100));
  assert.ok(writes[0]!.includes('characters of output skipped'));
  const all = writes.join('');
  assert.ok(all.endsWith(line.repeat(3)));
  assert.equal(all.length, 1024 * 1024 + skippedNotice(5_000_000 - 1024 * 1024).length);
  assert.equal(ticks, writes.length);
});
