// The cooperative task scheduler behind `async`, `await`, `async/*` and `channel/*`.
//
// The evaluator is synchronous JS and cannot suspend a task's stack, so a task that must
// wait (a `channel/recv` on an empty channel, an `await` on a pending promise, an
// `async/sleep`) stays on the JS stack and runs the scheduler *nested*: it starts the
// not-yet-started tasks, in spawn order, until what it waits for has happened, then
// continues. Consequences, all deterministic:
// - a task suspended beneath others resumes only when those above it have finished
//   or are suspended themselves (last-in, first-out); so a shorter sleep wakes first
//   only when it was started later, and two tasks that take turns on channels
//   (ping-pong) stop with an error saying so;
// - `channel/send` inside a task never waits: a full channel buffers past its capacity,
//   so a producer runs ahead of its consumer (the values and their order are unchanged);
// - time is a virtual clock that advances only when nothing can run, to the nearest
//   deadline, and the thread really waits that long (interruptibly);
// - a timeout that fires beneath running tasks, and a race whose winner is known beneath
//   them, unwind those tasks (cancelling them) rather than wait for them.
// When nothing can run and no deadline is pending the program gets a clear error
// instead of a hang.

import { asSemaError } from './special-forms/control';
import { SemaError } from './errors';
import { AsyncPromise, type Channel, type Task } from './async-values';
import type { Value } from './values';

/** What the scheduler needs from the interpreter. */
export interface SchedulerHost {
  interrupted(): boolean;
  writeErr(text: string): void;
  depth?: number;
}

/** One suspended wait on the stack of nested scheduler runs. */
interface Wait {
  readonly ready: () => boolean;
  /** Virtual-clock time at which a sleep ends or a timeout fires. */
  readonly deadline: number | undefined;
  readonly timeout: boolean;
  /** The task that waits (undefined at top level). */
  readonly owner: Task | undefined;
  /**
   * Once ready, this wait may cut short the tasks suspended above it (they are cancelled)
   * rather than wait for them to finish: `async/race` has its winner and must not wait
   * for the losers' sleeps.
   */
  readonly preempts: boolean;
}

/**
 * Unwinds the JS stack to a timed-out wait (`wait`) or out of a cancelled task (`task`).
 * `try` does not catch it (type `cancelled`); each task it passes through is cancelled.
 */
export class TaskUnwind extends SemaError {
  constructor(readonly wait: Wait | undefined, readonly task: Task | undefined) {
    super('async/await: task was cancelled', 'cancelled');
  }
}

/** Nothing can run and nothing will change: unwinds to the outermost wait, failing each task on the way. */
export class SchedulerStuck extends SemaError {}

/** Longest sleep or timeout, as the reference (1 day). */
export const MAX_WAIT_MS = 86_400_000;
/** Values a task may queue past a channel's capacity before the send is an error. */
const OVERFLOW_LIMIT = 100_000;

const sleeper = new Int32Array(new SharedArrayBuffer(4));

export class Scheduler {
  /**
   * Tasks in spawn order from `head` on; those started or cancelled meanwhile are skipped
   * when reached (so taking the next task and cancelling one cost O(1)).
   */
  private queue: Task[] = [];
  private head = 0;
  /** The waits of the nested scheduler runs now on the JS stack, outermost first. */
  private readonly waits: Wait[] = [];
  /** The task whose code is running (the innermost one on the stack). */
  current: Task | undefined;
  /** Virtual clock, in milliseconds. */
  now = 0;
  /** Set while a higher-order native calls a yielding native directly (see `asCallback`). */
  callback = false;
  /** How many tasks have been rejected or cancelled: waits on many promises rescan only when it moves. */
  failures = 0;

  constructor(private readonly host: SchedulerHost) {}

  get inTask(): boolean {
    return this.current !== undefined;
  }

  spawn(body: () => Value): AsyncPromise {
    const promise = new AsyncPromise();
    const task: Task = { body, promise, started: false };
    promise.task = task;
    this.queue.push(task);
    return promise;
  }

  /** Runs the scheduler until `ready()` holds; 'timeout' if the deadline came first. */
  drive(ready: () => boolean, opts: { deadline?: number; timeout?: boolean; prefer?: Task; preempts?: boolean } = {}): 'ready' | 'timeout' {
    const owner = this.current;
    const wait: Wait = { ready, deadline: opts.deadline, timeout: opts.timeout === true, owner, preempts: opts.preempts === true };
    this.waits.push(wait);
    try {
      for (;;) {
        this.checkInterrupt();
        if (owner !== undefined && owner.promise.state === 'cancelled') throw new TaskUnwind(undefined, owner);
        if (ready()) return 'ready';
        const prefer = opts.prefer;
        const next = prefer !== undefined && startable(prefer) ? prefer : this.nextQueued();
        if (next !== undefined) {
          this.runTask(next);
          continue;
        }
        const preempting = this.waits.find((w) => w.preempts && w !== wait && w.ready());
        if (preempting !== undefined) throw new TaskUnwind(preempting, undefined);
        const due = this.nextDeadline();
        if (due === undefined) throw this.stuck(wait);
        if (due.deadline! > this.now) {
          this.pause(due.deadline! - this.now);
          this.now = due.deadline!;
        }
        if (due.timeout) {
          if (due === wait) return 'timeout';
          throw new TaskUnwind(due, undefined);
        }
      }
    } catch (e) {
      if (e instanceof TaskUnwind && e.wait === wait) return wait.timeout ? 'timeout' : 'ready';
      if (e instanceof SemaError && e.type === 'interrupted') this.clearQueue();
      throw e;
    } finally {
      this.waits.pop();
    }
  }

  /**
   * At the entry of a yielding native: refuses to suspend when it was handed directly to a
   * higher-order native inside a task, as the reference (which cannot resume it) does.
   * Call before anything that may run other code.
   */
  enterYielding(wouldSuspend: boolean): void {
    const callback = this.callback;
    this.callback = false;
    if (callback && wouldSuspend && this.inTask) {
      throw new SemaError(
        'yielding native passed directly to a higher-order function — wrap it in a lambda so the yield can suspend cleanly. For example, `(map (fn (x) (channel/recv x)) ...)` instead of `(map channel/recv ...)`.',
        'eval',
      );
    }
  }

  /** Raises the cancellation of the running task, if it was cancelled (a yield point). */
  checkCancelled(): void {
    const t = this.current;
    if (t !== undefined && t.promise.state === 'cancelled') throw new TaskUnwind(undefined, t);
  }

  /** Cancels a spawned task that has not settled; false when there was nothing to cancel. */
  cancel(p: AsyncPromise): boolean {
    const t = p.task;
    if (t === undefined || p.state !== 'pending') return false;
    p.state = 'cancelled';
    this.failures++;
    // A running task unwinds at its next yield point; one not started never runs.
    return true;
  }

  /** Runs every task not yet started (and those they spawn). */
  runAll(): void {
    this.drive(() => this.nextQueued() === undefined);
  }

  /** At the end of a top-level evaluation: tasks nobody awaited still run. */
  drain(): void {
    if (this.nextQueued() === undefined || this.waits.length > 0) return;
    try {
      this.runAll();
    } catch (e) {
      const err = asSemaError(e);
      if (err.type === 'interrupted' || err.type === 'exit') throw e;
      this.host.writeErr(`warning: background task error: ${err.message}\n`);
    }
  }

  /** Waits `ms` of virtual time inside a task (real time too, when nothing else can run). */
  sleepInTask(ms: number): void {
    this.checkCancelled();
    const wake = this.now + ms;
    this.drive(() => this.now >= wake, { deadline: wake });
  }

  /** Waits for a value on an empty channel (inside a task); nil once it is closed. */
  receive(ch: Channel): Value {
    this.checkCancelled();
    const r = { filled: false, value: null as Value };
    ch.receivers.push(r);
    try {
      this.drive(() => r.filled || ch.closed);
    } finally {
      if (!r.filled) ch.receivers.splice(ch.receivers.indexOf(r), 1);
    }
    return r.filled ? r.value : null;
  }

  /** Queues `v` on a full channel from inside a task (see the header: sends never wait). */
  overflow(ch: Channel, v: Value, shown: () => string): void {
    if (ch.buffer.length >= ch.capacity + OVERFLOW_LIMIT) {
      throw new SemaError(
        `channel/send: channel is full and ${OVERFLOW_LIMIT} more values wait for a receiver; value ${shown()} was dropped`,
        'eval',
        {},
        'a receiver runs only when this task waits or finishes: receive in the same task, or bound the producer',
      );
    }
    ch.buffer.push(v);
  }

  /** Really waits `ms` milliseconds, in slices so Ctrl+C is noticed. */
  pause(ms: number): void {
    const until = Date.now() + ms;
    for (let left = ms; left > 0; left = until - Date.now()) {
      Atomics.wait(sleeper, 0, 0, Math.min(left, 50));
      this.checkInterrupt();
    }
  }

  private checkInterrupt(): void {
    if (this.host.interrupted()) {
      this.clearQueue();
      throw new SemaError('interrupted', 'interrupted');
    }
  }

  /** The first task of the queue still to start. */
  private nextQueued(): Task | undefined {
    while (this.head < this.queue.length) {
      const t = this.queue[this.head]!;
      if (startable(t)) {
        if (this.head > 1024 && this.head * 2 > this.queue.length) {
          this.queue = this.queue.slice(this.head);
          this.head = 0;
        }
        return t;
      }
      this.head++;
    }
    this.clearQueue();
    return undefined;
  }

  private clearQueue(): void {
    this.queue = [];
    this.head = 0;
  }

  private runTask(t: Task): void {
    t.started = true;
    const prev = this.current;
    const depth = this.host.depth;
    this.current = t;
    try {
      t.promise.resolve(t.body());
    } catch (e) {
      if (e instanceof TaskUnwind) {
        // Passing through (or aimed at) this task: it cannot be resumed, so it is cancelled.
        if (t.promise.state === 'pending') {
          t.promise.state = 'cancelled';
          this.failures++;
        }
        if (e.task === t) return;
        throw e;
      }
      const err = asSemaError(e);
      if (depth !== undefined) this.host.depth = depth;
      // The task settles either way; a stuck scheduler, an interrupt, `exit` or the host's
      // stack running out (nested waits use it too) still unwinds to the outermost wait.
      if (t.promise.state === 'pending') this.failures++;
      t.promise.reject(err);
      if (err.type === 'interrupted' || err.type === 'exit' || e instanceof SchedulerStuck || e instanceof RangeError) throw e;
    } finally {
      this.current = prev;
    }
  }

  /** The wait whose deadline comes next (timeouts whose promise settled, and sleeps already due, skipped). */
  private nextDeadline(): Wait | undefined {
    let due: Wait | undefined;
    for (const w of this.waits) {
      if (w.deadline === undefined) continue;
      if (w.timeout ? w.ready() : w.deadline <= this.now) continue;
      if (due === undefined || w.deadline < due.deadline!) due = w;
    }
    return due;
  }

  private stuck(top: Wait): SchedulerStuck {
    const beneath = this.waits.some((w) => w !== top && w.owner !== undefined && w.ready());
    if (beneath) {
      return new SchedulerStuck(
        'async scheduler: this task is blocked, and the task that could continue is suspended beneath it',
        'eval',
        {},
        'tasks here resume last-in, first-out: start the waiting side (e.g. the receiver) before the side it waits for',
      );
    }
    return new SchedulerStuck(
      'async scheduler: all tasks blocked (deadlock detected)',
      'eval',
      {},
      'every task is waiting on a channel or promise that nothing left to run can satisfy',
    );
  }
}

function startable(t: Task): boolean {
  return !t.started && t.promise.state === 'pending';
}

const schedulers = new WeakMap<object, Scheduler>();

/** The interpreter's scheduler (made on first use). */
export function schedulerOf(host: SchedulerHost): Scheduler {
  let s = schedulers.get(host);
  if (s === undefined) schedulers.set(host, (s = new Scheduler(host)));
  return s;
}

/** Calls a yielding native on behalf of a higher-order native (`map`, `for-each`, `apply`, ...). */
export function asCallback(s: Scheduler, call: () => Value): Value {
  s.callback = true;
  try {
    return call();
  } finally {
    s.callback = false;
  }
}
