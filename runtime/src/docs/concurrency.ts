// Catalogue entries for cooperative concurrency: promises and tasks (stdlib/async.ts) and
// channels (stdlib/channel.ts), and the event selector (stdlib/event.ts).

import type { BuiltinDoc } from './types';
import { fnDoc } from './entry';

const a = (sig: string, summary: string, examples: readonly string[]): BuiltinDoc => fnDoc('async', sig, summary, examples);
const c = (sig: string | readonly string[], summary: string, examples: readonly string[]): BuiltinDoc => fnDoc('channel', sig, summary, examples);

export const asyncDocs: BuiltinDoc[] = [
  a('(async/spawn thunk)', 'Spawns a zero-argument function as a task on the cooperative scheduler and returns its promise. Tasks start when something waits (`await`, `async/all`, ...) or when the evaluation ends, in spawn order.', [
    '(async/await (async/spawn (fn () (+ 1 2))))  ; => 3',
  ]),
  a('(async/await promise)', 'Runs the scheduler until `promise` settles and gives its value; a rejected promise raises its error, a cancelled one "async/await: task was cancelled".', [
    '(async/await (async (* 6 7)))  ; => 42',
  ]),
  a('(async/all promises)', 'Waits for every promise of a list or vector and gives their values in order; the first failure is raised.', [
    '(async/all (list (async 10) (async 20) (async 30)))  ; => (10 20 30)',
  ]),
  a('(async/race promises)', 'The value of the first promise of a list or vector to resolve.', [
    '(async/race (list (async/resolved 7) (async 8)))  ; => 7',
  ]),
  a('(async/resolved value)', 'An already-resolved promise holding `value`.', ['(async/await (async/resolved 5))  ; => 5']),
  a('(async/rejected message)', 'An already-rejected promise: awaiting it raises `message`.', ['(async/rejected? (async/rejected "failed"))  ; => #t']),
  a('(async/run)', 'Runs every pending task to completion.', ['(async/run)  ; => nil']),
  a('(async/sleep ms)', 'Inside a task, waits `ms` milliseconds on the scheduler\'s virtual clock, which advances (and really waits) only when no task can run; outside a task, sleeps. At most one day; Ctrl+C interrupts it.', [
    '(await (async (async/sleep 10) :woke))  ; => :woke',
  ]),
  a('(async/timeout ms promise)', 'Waits for `promise` at most `ms` milliseconds of virtual time; on expiry the task is cancelled and "async/timeout: operation timed out" raised. Work that is ready at once still finishes with `ms` = 0.', [
    '(async/timeout 0 (async 5))  ; => 5',
  ]),
  a('(async/cancel promise)', 'Cancels a spawned task that has not settled: it never starts, or stops at its next yield point. `#t` if this call cancelled it, `#f` if there was nothing to cancel.', [
    '(async/cancel (async/resolved 1))  ; => #f',
    '(let ((p (async (async/sleep 100)))) (async/cancel p))  ; => #t',
  ]),
  a('(async/cancelled? promise)', 'Is `promise` cancelled? (A rejection is not a cancellation.)', ['(async/cancelled? (async/rejected "cancelled"))  ; => #f']),
  a('(async/promise? x)', 'Is `x` an async promise?', ['(async/promise? (async 1))  ; => #t']),
  a('(async/resolved? promise)', 'Is `promise` resolved?', ['(async/resolved? (async/resolved 1))  ; => #t']),
  a('(async/rejected? promise)', 'Is `promise` rejected (not counting cancelled)?', ['(async/rejected? (async/resolved 1))  ; => #f']),
  a('(async/pending? promise)', 'Is `promise` still pending (not resolved, rejected or cancelled)?', ['(async/pending? (async/resolved 1))  ; => #f']),
  a('(async/pool-map f items n)', 'Maps `f` over `items` in tasks, at most `n` unsettled at once; results in input order, the first failure raised.', [
    '(async/pool-map (fn (x) (* x 10)) \'(1 2 3) 2)  ; => (10 20 30)',
  ]),
  a('(async/map f items)', 'Concurrent `map`: each call of `f` in its own task, results in input order.', [
    '(async/map (fn (i) (* i i)) \'(1 2 3 4))  ; => (1 4 9 16)',
  ]),
  a('(async/spawn-all thunks)', 'Spawns each zero-argument function as a task and waits for them all, results in input order.', [
    '(async/spawn-all (list (fn () 1) (fn () 2)))  ; => (1 2)',
  ]),
];

export const channelDocs: BuiltinDoc[] = [
  c(['(channel/new)', '(channel/new capacity)'], 'A bounded FIFO channel holding up to `capacity` values (default 1, at least 1).', ['(channel/new 3)  ; => <channel 0/3>']),
  c('(channel/send ch value)', 'Puts `value` on the channel, handing it to the longest-waiting receiver if there is one. Outside a task a full channel is an error; a closed channel always is.', [
    '(let ((ch (channel/new))) (channel/send ch 1) (channel/recv ch))  ; => 1',
  ]),
  c('(channel/recv ch)', 'Takes the next value. Inside a task an empty channel waits for one; outside it is an error. A closed, empty channel gives nil.', [
    '(let ((ch (channel/new 2))) (channel/send ch :a) (channel/recv ch))  ; => :a',
  ]),
  c('(channel/try-recv ch)', 'Takes the next value, or nil if the channel is empty.', ['(channel/try-recv (channel/new))  ; => nil']),
  c('(channel/close ch)', 'Closes the channel: later sends are errors, receivers get the values left and then nil.', [
    '(let ((ch (channel/new))) (channel/close ch) (channel/recv ch))  ; => nil',
  ]),
  c('(channel? x)', 'Is `x` a channel?', ['(channel? (channel/new))  ; => #t']),
  c('(channel/closed? ch)', 'Is the channel closed?', ['(channel/closed? (channel/new))  ; => #f']),
  c('(channel/empty? ch)', 'Is the channel\'s buffer empty?', ['(channel/empty? (channel/new))  ; => #t']),
  c('(channel/full? ch)', 'Is the channel\'s buffer at capacity?', ['(let ((ch (channel/new))) (channel/send ch 1) (channel/full? ch))  ; => #t']),
  c('(channel/count ch)', 'How many values the buffer holds.', ['(channel/count (channel/new))  ; => 0']),
];

export const eventDocs: BuiltinDoc[] = [
  fnDoc('event', ['(event/select sources)', '(event/select sources timeout-ms)'], 'Polls a list of source maps until one is ready and returns its event (`:source`, `:type` and details), or nil after the timeout (default: the shortest timer, else 10 s). Sources: `{:type :key}` (a keypress, event `:value`), `{:type :timer :ms n}` (n ms after the call), `{:type :proc :handle h}` (subprocess output or exit).', [
    '(:type (event/select (list (time/tick 1))))  ; => :timer',
  ]),
  fnDoc('event', '(time/tick ms)', 'A timer source for `event/select` that is ready `ms` milliseconds after the select begins.', [
    '(time/tick 16)  ; => {:ms 16 :type :timer}',
  ]),
];
