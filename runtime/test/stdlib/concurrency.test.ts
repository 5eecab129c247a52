import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { SemaError } from '../../src/eval/errors';
import { Interpreter } from '../../src/eval/interpreter';
import { printValue } from '../../src/reader';
import { checkAll, checkError, Session } from './text-harness';

/** Runs `src` in a fresh session; its printed value and what it printed. */
function run(src: string): { value: string; out: string; err: string } {
  const s = new Session();
  const value = printValue(s.run(src));
  return { value, out: s.out, err: s.err };
}

test('tasks start in spawn order when something waits, not when spawned', () => {
  const r = run(`
    (define a (async (println "a") 1))
    (define b (async (println "b") 2))
    (println "spawned")`);
  // Unawaited tasks run when the evaluation ends.
  assert.equal(r.out, 'spawned\na\nb\n');
  assert.equal(run('(let ((a (async (println "a"))) (b (async (println "b")))) (println "before") (await b) (await a) :ok)').out, 'before\na\nb\n');
});

test('a task waiting on a channel lets the tasks after it run, and resumes when fed', () => {
  const r = run(`
    (let* ((ch (channel/new))
           (consumer (async (println "waiting") (println "got" (channel/recv ch)) :done))
           (producer (async (println "sending") (channel/send ch 42) (println "sent"))))
      (await consumer))`);
  assert.equal(r.value, ':done');
  assert.equal(r.out, 'waiting\nsending\nsent\ngot 42\n');
});

test('receivers are served oldest first, and closing wakes the rest with nil', () => {
  checkAll([
    [`(let* ((ch (channel/new 2))
             (r1 (async (list :r1 (channel/recv ch))))
             (r2 (async (list :r2 (channel/recv ch))))
             (r3 (async (list :r3 (channel/recv ch))))
             (s (async (channel/send ch 1) (channel/send ch 2) (channel/close ch))))
        (async/all (list r1 r2 r3)))`, '((:r1 1) (:r2 2) (:r3 nil))'],
  ]);
});

test('a send inside a task never waits: a full channel keeps the values in order', () => {
  checkAll([
    [`(let ((ch (channel/new 1)))
        (await (async (channel/send ch 1) (channel/send ch 2) (channel/send ch 3)
                      (list (channel/count ch) (channel/full? ch)
                            (channel/recv ch) (channel/recv ch) (channel/recv ch)))))`, '(3 #t 1 2 3)'],
  ]);
});

test('the virtual clock wakes a later-started shorter sleep first', () => {
  const r = run(`
    (define log '())
    (async/all (list (async (async/sleep 30) (set! log (cons 'slow log)))
                     (async (async/sleep 10) (set! log (cons 'fast log)))))
    (reverse log)`);
  assert.equal(r.value, '(fast slow)');
});

test('async/timeout cancels its task, even one suspended beneath the timer', () => {
  checkAll([
    [`(let ((slow (async (async/sleep 5000) :late)))
        (list (try (async/timeout 20 slow) (catch e (:message e))) (async/cancelled? slow)))`, '("async/timeout: operation timed out" #t)'],
  ]);
  checkError('(await (async (async/timeout 20 (async (async/sleep 5000)))))', 'eval', 'async/timeout: operation timed out');
  // A try inside the timed-out task does not catch its cancellation.
  checkAll([
    [`(let ((p (async (try (async/sleep 5000) (catch e :caught)))))
        (list (try (async/timeout 20 p) (catch e :timed-out)) (async/cancelled? p)))`, '(:timed-out #t)'],
  ]);
});

test('cancelling a running task stops it at its next yield point', () => {
  checkAll([
    [`(define log '())
      (define victim (async (set! log (cons 'start log)) (async/sleep 50) (set! log (cons 'end log))))
      (define killer (async (async/cancel victim)))
      (async/run)
      (list (reverse log) (async/cancelled? victim) (async/resolved? killer))`, '((start) #t #t)'],
  ]);
});

test('blocked tasks that nothing can wake are an error, never a hang', () => {
  checkError('(await (async (channel/recv (channel/new))))', 'eval', 'deadlock detected');
  checkError('(define p (async (await p))) (await p)', 'eval', 'await: a task cannot await itself');
  // A consumer started beneath a producer that waits for it cannot resume here.
  checkError(`(let* ((ping (channel/new)) (pong (channel/new))
                     (a (async (channel/recv ping) (channel/send pong 1) (channel/recv ping)))
                     (b (async (channel/send ping 1) (channel/recv pong) (channel/send ping 2))))
                (async/all (list a b)))`, 'eval', 'async scheduler');
});

test('a background task failing at the end of the evaluation is a warning', () => {
  const r = run('(define p (async (channel/recv (channel/new)))) :ok');
  assert.equal(r.value, ':ok');
  assert.match(r.err, /^warning: background task error: async scheduler: all tasks blocked/);
});

test('rejections keep the task\'s own error; cancellations and argument errors are clear', () => {
  checkAll([
    ['(try (await (async (error "zz"))) (catch e (:message e)))', '"zz"'],
    ['(try (async/race (list (async (error "r")))) (catch e (:message e)))', '"r"'],
    ['(try (await (async/rejected "boom")) (catch e (:message e)))', '"async/await: task rejected: boom"'],
    // The first to resolve wins; a loser still suspended above the race is cancelled.
    ['(define slow (async (async/sleep 5000) 1)) (list (async/race (list slow (async 2))) (async/cancelled? slow))', '(2 #t)'],
  ]);
  checkError('(async/timeout 1.5 (async 1))', 'type-error', 'expected int');
  checkError('(async/pool-map (fn (x) x) (list 1) "2")', 'eval', 'concurrency must be a positive integer');
  checkError('(channel/new "1")', 'type-error', 'expected int');
  checkError('(async/map 5 (list 1))', 'eval', 'not callable');
});

test('a yielding native passed straight to a higher-order native fails only where it would suspend', () => {
  checkAll([
    // Outside a task, and inside one when a value is ready, it just runs.
    ['(let ((ch (channel/new 2))) (channel/send ch 1) (channel/send ch 2) (map channel/recv (list ch ch)))', '(1 2)'],
    ['(let ((ch (channel/new 2))) (channel/send ch 1) (await (async (map channel/recv (list ch)))))', '(1)'],
    ['(await (async (apply async/await (list (async/resolved 3)))))', '3'],
    ['(await (async (for-each (fn (ms) (async/sleep ms)) (list 1 2)) :ok))', ':ok'],
  ]);
  checkError('(let ((ch (channel/new))) (await (async (map channel/recv (list ch)))))', 'eval', 'wrap it in a lambda');
  checkError('(await (async (for-each async/sleep (list 1))))', 'eval', 'yielding native passed directly');
  checkError('(await (async (apply async/await (list (async 1)))))', 'eval', 'yielding native passed directly');
});

test('async/sleep is interrupted by the interrupt flag, in a task or not', async () => {
  for (const src of ['(async/sleep 60000)', '(await (async (async/sleep 60000)))']) {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const interp = new Interpreter({ stdout: () => {}, stderr: () => {}, interruptFlag: flag });
    const setter = new Worker(
      'const { workerData } = require("node:worker_threads"); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50); Atomics.store(workerData, 0, 1);',
      { eval: true, workerData: flag },
    );
    await new Promise((resolve) => setter.once('online', resolve));
    assert.throws(() => interp.evalString(src), (e: unknown) => e instanceof SemaError && e.type === 'interrupted', src);
    await setter.terminate();
  }
});

test('event/select returns the first ready source, or nil after the timeout', () => {
  checkAll([
    ['(:type (event/select (list (time/tick 5))))', ':timer'],
    ['(event/select (list {:type :proc :handle 99999}) 10)', 'nil'],
    ['(time/tick -3)', '{:ms 0 :type :timer}'],
    ['(:source (event/select [(time/tick 1)] 100))', '{:ms 1 :type :timer}'],
  ]);
  checkError('(event/select 5)', 'type-error', 'expected list of source maps');
  checkError('(time/tick "x")', 'type-error', 'expected integer');
});
