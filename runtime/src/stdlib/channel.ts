// channel/*: bounded FIFO channels between tasks. Receiving from an empty channel inside a
// task waits on the scheduler (eval/scheduler.ts); outside a task it is an error, as is
// sending to a full one.

import { Channel } from '../eval/async-values';
import { schedulerOf } from '../eval/scheduler';
import { printValue } from '../reader/printer';
import type { CallContext, Value } from '../eval/values';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { badType, evalFail } from './support';

function channelArg(name: string, v: Value): Channel {
  if (v instanceof Channel) return v;
  throw badType(name, 'channel', v);
}

function scheduler(ctx: CallContext) {
  return schedulerOf(ctx.interp as Parameters<typeof schedulerOf>[0]);
}

const yielding = (spec: BuiltinSpec): BuiltinSpec => ({ ...spec, yields: true });

/** A predicate or accessor of one channel. */
const about = (name: string, f: (ch: Channel) => Value): BuiltinSpec => fn(name, 1, 1, ([ch]) => f(channelArg(name, ch!)));

const builtins: BuiltinSpec[] = [
  fn('channel/new', 0, 1, (args) => {
    if (args.length === 0) return new Channel(1);
    const n = args[0]!;
    if (typeof n !== 'number') throw badType('channel/new', 'int', n);
    if (n <= 0) throw evalFail('channel/new: capacity must be at least 1');
    return new Channel(n);
  }),
  yielding(fn('channel/send', 2, 2, ([c, v], ctx) => {
    const ch = channelArg('channel/send', c!);
    const s = scheduler(ctx);
    // A full channel is where the reference suspends the sender.
    s.enterYielding(!ch.closed && ch.receivers.length === 0 && ch.full);
    if (ch.closed) throw evalFail(`channel/send: channel is closed; value ${printValue(v!)} was dropped`);
    s.checkCancelled();
    if (ch.handOff(v!)) return null;
    if (!ch.full) ch.buffer.push(v!);
    else if (s.inTask) s.overflow(ch, v!, () => printValue(v!));
    else throw evalFail('channel/send: channel is full', 'Use async to run in an async context where send will yield until space is available');
    return null;
  })),
  yielding(fn('channel/recv', 1, 1, ([c], ctx) => {
    const ch = channelArg('channel/recv', c!);
    const s = scheduler(ctx);
    s.enterYielding(ch.buffer.length === 0 && !ch.closed);
    if (ch.buffer.length > 0) return ch.buffer.shift()!;
    if (ch.closed) return null;
    if (!s.inTask) throw evalFail('channel/recv: channel is empty', 'receive inside an async task to wait for a value');
    return s.receive(ch);
  })),
  about('channel/try-recv', (ch) => (ch.buffer.length > 0 ? ch.buffer.shift()! : null)),
  about('channel/close', (ch) => {
    ch.closed = true;
    return null;
  }),
  fn('channel?', 1, 1, ([v]) => v instanceof Channel),
  about('channel/closed?', (ch) => ch.closed),
  about('channel/empty?', (ch) => ch.buffer.length === 0),
  about('channel/full?', (ch) => ch.full),
  about('channel/count', (ch) => ch.buffer.length),
];

export const channelModule: StdlibModule = { name: 'channel', builtins };
