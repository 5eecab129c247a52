// The two values of cooperative concurrency: a promise (the outcome of a task, or one made
// already settled) and a bounded FIFO channel between tasks.

import { printValue } from '../reader/printer';
import type { SemaError } from './errors';
import { Opaque, type Value } from './values';

export type PromiseState = 'pending' | 'resolved' | 'rejected' | 'cancelled';

/** A task made by `async`/`async/spawn`: its body, and whether it has started. */
export interface Task {
  readonly body: () => Value;
  readonly promise: AsyncPromise;
  /** Set once the scheduler has begun running the body (it may be suspended below). */
  started: boolean;
}

export class AsyncPromise extends Opaque {
  readonly typeName = 'async-promise';
  state: PromiseState = 'pending';
  value: Value = null;
  /** The error a rejected promise raises when awaited. */
  error: SemaError | undefined;
  /** The task that settles this promise; undefined for `async/resolved`/`async/rejected`. */
  task: Task | undefined;

  resolve(v: Value): void {
    if (this.state !== 'pending') return;
    this.state = 'resolved';
    this.value = v;
  }

  reject(e: SemaError): void {
    if (this.state !== 'pending') return;
    this.state = 'rejected';
    this.error = e;
  }

  get settled(): boolean {
    return this.state !== 'pending';
  }

  print(): string {
    switch (this.state) {
      case 'resolved':
        return `<async-promise resolved: ${printValue(this.value)}>`;
      case 'rejected':
        return `<async-promise rejected: ${this.error?.message ?? ''}>`;
      case 'cancelled':
        return '<async-promise cancelled>';
      default:
        return '<async-promise pending>';
    }
  }
}

/** A receiver parked on an empty channel; a send fills it directly (oldest first). */
export interface Receiver {
  filled: boolean;
  value: Value;
}

export class Channel extends Opaque {
  readonly typeName = 'channel';
  readonly buffer: Value[] = [];
  readonly receivers: Receiver[] = [];
  closed = false;

  constructor(readonly capacity: number) {
    super();
  }

  get full(): boolean {
    return this.buffer.length >= this.capacity;
  }

  /** Hands `v` to the longest-waiting receiver, if any; true when it was taken. */
  handOff(v: Value): boolean {
    const r = this.receivers.shift();
    if (r === undefined) return false;
    r.filled = true;
    r.value = v;
    return true;
  }

  print(): string {
    return `<channel ${this.buffer.length}/${this.capacity}${this.closed ? ' closed' : ''}>`;
  }
}
