// async/*: spawning tasks, waiting for promises (one, all, the first, with a deadline),
// cancelling them, sleeping, and the concurrent maps. The scheduling itself is in
// eval/scheduler.ts; these are its Sema-facing entry points.

import { AsyncPromise } from '../eval/async-values';
import { awaitPromise, outcome } from '../eval/await';
import { MAX_WAIT_MS, schedulerOf, type Scheduler } from '../eval/scheduler';
import { Lambda, MultiMethod, NativeFn, Vector, type CallContext, type Value } from '../eval/values';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { badType, evalFail, seqItems } from './support';

function scheduler(ctx: CallContext): Scheduler {
  return schedulerOf(ctx.interp as Parameters<typeof schedulerOf>[0]);
}

function promiseArg(name: string, v: Value): AsyncPromise {
  if (v instanceof AsyncPromise) return v;
  throw badType(name, 'async-promise', v);
}

/** The promises of a list or vector argument. */
function promiseList(name: string, v: Value): AsyncPromise[] {
  if (!Array.isArray(v) && !(v instanceof Vector)) {
    throw badType(name, 'list or vector', v, `${name} expects a list or vector of promises`);
  }
  return seqItems(v, name).map((p) => promiseArg(name, p));
}

/** A duration in milliseconds: an integer from 0 to one day. */
function duration(name: string, v: Value, hint: string): number {
  if (typeof v !== 'number') throw badType(name, 'int', v);
  if (v < 0) throw evalFail(`${name}: duration must be non-negative`);
  if (v > MAX_WAIT_MS) throw evalFail(`${name}: duration ${v} ms exceeds maximum ${MAX_WAIT_MS} ms (1 day)`, hint);
  return v;
}

function isProcedure(v: Value): boolean {
  return v instanceof Lambda || v instanceof NativeFn || v instanceof MultiMethod;
}

/** Spawns a call of `f` with `args` as a task. */
function spawnCall(ctx: CallContext, f: Value, args: Value[]): AsyncPromise {
  return scheduler(ctx).spawn(() => ctx.apply(f, args.slice()));
}

const failed = (p: AsyncPromise): boolean => p.state === 'rejected' || p.state === 'cancelled';

/** `async/all`: every value in order, or the first failure raised. */
function awaitAll(s: Scheduler, ps: AsyncPromise[]): Value[] {
  s.checkCancelled();
  // Done when all have settled or any has failed. Checked after every task step, so the
  // check is incremental: settled ones are passed once, and the whole list is looked at
  // again only when some task somewhere has failed since the last look.
  let next = 0;
  let failuresSeen = -1;
  s.drive(() => {
    for (; next < ps.length && ps[next]!.settled; next++) if (failed(ps[next]!)) return true;
    if (next === ps.length) return true;
    if (s.failures === failuresSeen) return false;
    failuresSeen = s.failures;
    return ps.some(failed);
  });
  const bad = ps.find(failed);
  if (bad !== undefined) outcome(bad, 'async/all');
  return ps.map((p) => outcome(p, 'async/all'));
}

const yielding = (spec: BuiltinSpec): BuiltinSpec => ({ ...spec, yields: true });

const promiseState = (name: string, state: AsyncPromise['state']): BuiltinSpec =>
  fn(name, 1, 1, ([p]) => promiseArg(name, p!).state === state);

const builtins: BuiltinSpec[] = [
  fn('async/spawn', 1, 1, ([thunk], ctx) => {
    if (!isProcedure(thunk!)) throw evalFail('async/spawn: argument must be a function', 'pass a zero-argument function, e.g. (fn () ...)');
    return spawnCall(ctx, thunk!, []);
  }),
  yielding(fn('async/await', 1, 1, ([p], ctx) => awaitPromise(scheduler(ctx), promiseArg('async/await', p!), 'async/await'))),
  fn('async/run', 0, 0, (_args, ctx) => {
    scheduler(ctx).runAll();
    return null;
  }),
  fn('async/resolved', 1, 1, ([v]) => {
    const p = new AsyncPromise();
    p.resolve(v!);
    return p;
  }),
  fn('async/rejected', 1, 1, ([msg]) => {
    if (typeof msg !== 'string') throw badType('async/rejected', 'string', msg!);
    const p = new AsyncPromise();
    p.reject(evalFail(`async/await: task rejected: ${msg}`));
    return p;
  }),
  fn('async/promise?', 1, 1, ([v]) => v instanceof AsyncPromise),
  promiseState('async/resolved?', 'resolved'),
  promiseState('async/rejected?', 'rejected'),
  promiseState('async/pending?', 'pending'),
  promiseState('async/cancelled?', 'cancelled'),
  fn('async/cancel', 1, 1, ([p], ctx) => scheduler(ctx).cancel(promiseArg('async/cancel', p!))),
  fn('async/all', 1, 1, ([ps], ctx) => awaitAll(scheduler(ctx), promiseList('async/all', ps!))),
  fn('async/race', 1, 1, ([arg], ctx) => {
    const ps = promiseList('async/race', arg!);
    if (ps.length === 0) throw evalFail('async/race: requires at least one promise');
    const s = scheduler(ctx);
    s.checkCancelled();
    s.drive(() => ps.some((p) => p.state === 'resolved') || ps.every((p) => p.settled), { preempts: true });
    const won = ps.find((p) => p.state === 'resolved') ?? ps.find((p) => p.state === 'rejected');
    if (won === undefined) throw evalFail('async/race: no promise resolved');
    return outcome(won, 'async/race');
  }),
  fn('async/timeout', 2, 2, ([ms, p], ctx) => {
    const limit = duration('async/timeout', ms!, 'split into smaller timeouts or remove the timeout entirely');
    const promise = promiseArg('async/timeout', p!);
    const s = scheduler(ctx);
    if (promise.state === 'pending') {
      s.checkCancelled();
      const how = s.drive(() => promise.settled, { deadline: s.now + limit, timeout: true, prefer: promise.task });
      if (how === 'timeout') {
        s.cancel(promise);
        throw evalFail('async/timeout: operation timed out');
      }
    }
    return outcome(promise, 'async/timeout');
  }),
  yielding(fn('async/sleep', 1, 1, ([ms], ctx) => {
    const s = scheduler(ctx);
    s.enterYielding(true);
    const wait = duration('async/sleep', ms!, 'use a shorter sleep, or loop with smaller sleeps');
    if (s.inTask) s.sleepInTask(wait);
    else s.pause(wait);
    return null;
  })),
  fn('async/map', 2, 2, ([f, items], ctx) =>
    awaitAll(scheduler(ctx), seqItems(items!, 'async/map').map((item) => spawnCall(ctx, f!, [item])))),
  fn('async/spawn-all', 1, 1, ([thunks], ctx) =>
    awaitAll(scheduler(ctx), seqItems(thunks!, 'async/spawn-all').map((th) => spawnCall(ctx, th, [])))),
  fn('async/pool-map', 3, 3, ([f, items, n], ctx) => {
    if (typeof n !== 'number' || n < 1) throw evalFail('async/pool-map: concurrency must be a positive integer', 'pass how many calls may run at once, e.g. 8');
    const s = scheduler(ctx);
    const ps: AsyncPromise[] = [];
    // A call is spawned only while fewer than n are unsettled: the pool's bound.
    let active: AsyncPromise[] = [];
    for (const item of seqItems(items!, 'async/pool-map')) {
      s.drive(() => (active = active.filter((p) => !p.settled)).length < n);
      const p = spawnCall(ctx, f!, [item]);
      ps.push(p);
      active.push(p);
    }
    return awaitAll(s, ps);
  }),
];

export const asyncModule: StdlibModule = { name: 'async', builtins };
