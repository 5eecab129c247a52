// async/await: `(async body...)` spawns a task on the interpreter's cooperative scheduler
// (eval/scheduler.ts); `(await p)` runs the scheduler until `p` settles, then gives its
// value or raises its error. Awaiting a value that is not a promise gives it back.

import { defineSpecialForm } from '../compiler';
import { arityError } from '../errors';
import { AsyncPromise } from '../async-values';
import { awaitPromise } from '../await';
import { schedulerOf } from '../scheduler';
import type { Interpreter } from '../interpreter';

export { AsyncPromise };

/** Runs the tasks nobody awaited (the end of a top-level evaluation). */
export function runPendingTasks(interp: Interpreter): void {
  schedulerOf(interp).drain();
}

export function installAsyncForms(): void {
  defineSpecialForm('async', (c, form, scope, _tail, span) => {
    if (form.length < 2) throw arityError('async', '1+', form.length - 1);
    const body = c.compileBody(form.slice(1), scope, false, form, 1, span);
    const scheduler = schedulerOf(c.interp);
    return (f) => scheduler.spawn(() => body(f));
  });

  defineSpecialForm('await', (c, form, scope, _tail, span) => {
    if (form.length !== 2) throw arityError('await', '1', form.length - 1);
    const arg = c.compile(form[1]!, scope, false, c.childSpan(form, 1, span));
    const scheduler = schedulerOf(c.interp);
    return (f) => {
      const v = arg(f);
      return v instanceof AsyncPromise ? awaitPromise(scheduler, v, 'async/await') : v;
    };
  });
}
