// async/await: `(async body...)` makes a task that runs when first awaited (or when the
// top-level evaluation that made it ends); `await` gives its value or raises its error.
// There is one thread, so tasks run to completion one at a time.

import { defineSpecialForm } from '../compiler';
import { arityError, SemaError } from '../errors';
import { Opaque, type Value } from '../values';
import { printValue } from '../../reader/printer';
import { asSemaError } from './control';
import type { Interpreter } from '../interpreter';

export class AsyncPromise extends Opaque {
  readonly typeName = 'async-promise';
  state: 'pending' | 'running' | 'resolved' | 'rejected' = 'pending';
  value: Value = null;
  error: SemaError | undefined;

  constructor(private task: (() => Value) | undefined) {
    super();
  }

  static resolved(v: Value): AsyncPromise {
    const p = new AsyncPromise(undefined);
    p.state = 'resolved';
    p.value = v;
    return p;
  }

  /** Runs the task if it has not run yet. */
  run(): void {
    if (this.state !== 'pending') return;
    const task = this.task!;
    this.task = undefined;
    this.state = 'running';
    try {
      this.value = task();
      this.state = 'resolved';
    } catch (e) {
      const err = asSemaError(e);
      if (err.type === 'interrupted' || err.type === 'exit') throw e;
      this.error = err;
      this.state = 'rejected';
    }
  }

  print(): string {
    switch (this.state) {
      case 'resolved':
        return `<async-promise resolved: ${printValue(this.value)}>`;
      case 'rejected':
        return `<async-promise rejected: ${this.error?.message ?? ''}>`;
      default:
        return '<async-promise pending>';
    }
  }
}

/** Tasks made but not yet run, per interpreter (run when the top-level evaluation ends). */
const pending = new WeakMap<Interpreter, AsyncPromise[]>();

export function runPendingTasks(interp: Interpreter): void {
  const queue = pending.get(interp);
  while (queue && queue.length > 0) queue.shift()!.run();
}

export function await_(v: Value): Value {
  if (!(v instanceof AsyncPromise)) return v;
  v.run();
  if (v.state === 'running') throw new SemaError('await: a task cannot await itself', 'eval');
  if (v.state === 'rejected') throw v.error!;
  return v.value;
}

export function installAsyncForms(): void {
  defineSpecialForm('async', (c, form, scope, _tail, span) => {
    if (form.length < 2) throw arityError('async', '1+', form.length - 1);
    const body = c.compileBody(form.slice(1), scope, false, form, 1, span);
    const interp = c.interp;
    return (f) => {
      const p = new AsyncPromise(() => body(f));
      let queue = pending.get(interp);
      if (!queue) pending.set(interp, (queue = []));
      queue.push(p);
      return p;
    };
  });

  defineSpecialForm('await', (c, form, scope, _tail, span) => {
    if (form.length !== 2) throw arityError('await', '1', form.length - 1);
    const arg = c.compile(form[1]!, scope, false, c.childSpan(form, 1, span));
    return (f) => await_(arg(f));
  });
}
