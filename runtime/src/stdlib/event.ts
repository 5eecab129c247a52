// `event/select` and `time/tick`: one poll-based wait over several sources for a TUI loop.
// A source is a plain map: `{:type :key}` (a keypress on stdin), `{:type :timer :ms n}`
// (n ms after the select began; `time/tick` makes one) or `{:type :proc :handle h}`
// (a subprocess handle with output or exited). Sources are polled every few
// milliseconds until one is ready or the timeout passes (nil then).

import { mapFromPairs, mapGet } from '../eval/equality';
import { SemaError } from '../eval/errors';
import { Keyword, SemaMap, type CallContext, type Value } from '../eval/values';
import { decodeKey, type ByteSource } from './key-decoder';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { readByte, stdinReady } from './stdin';
import { badType, seqItems } from './support';

/** Extra fields of the event when a source is ready, or undefined when it is not. */
export type SourcePoll = (source: SemaMap) => Value[] | undefined;

/**
 * Pollers by source type beyond :key and :timer. A module with handles (subprocesses)
 * registers its own; a source of a type nobody polls is never ready, as in the reference.
 */
const pollers = new Map<string, SourcePoll>();

export function registerEventSource(type: string, poll: SourcePoll): void {
  pollers.set(type, poll);
}

const kw = (name: string): Keyword => Keyword.of(name);
const stdinBytes: ByteSource = { read: readByte, ready: stdinReady };
const pause = new Int32Array(new SharedArrayBuffer(4));
const POLL_MS = 5;
const DEFAULT_TIMEOUT_MS = 10_000;

function ready(source: Value, elapsed: number): Value[] | undefined {
  if (!(source instanceof SemaMap)) return undefined;
  const type = mapGet(source, kw('type'));
  if (!(type instanceof Keyword)) return undefined;
  switch (type.name) {
    case 'key': {
      if (!stdinReady(0)) return undefined;
      const key = decodeKey(stdinBytes);
      return key === null ? undefined : [kw('value'), key];
    }
    case 'timer': {
      const ms = mapGet(source, kw('ms'));
      return elapsed >= (typeof ms === 'number' ? Math.max(ms, 0) : 0) ? [] : undefined;
    }
    default:
      return pollers.get(type.name)?.(source);
  }
}

/** The event for a ready source: the source itself, its type, and the details. */
function fire(source: SemaMap, extra: Value[]): SemaMap {
  return mapFromPairs([kw('source'), source, kw('type'), mapGet(source, kw('type')) ?? null, ...extra]);
}

function select(args: Value[], ctx: CallContext): Value {
  let sources: readonly Value[];
  try {
    sources = seqItems(args[0]!, 'event/select');
  } catch {
    throw badType('event/select', 'list of source maps', args[0]!);
  }
  // An explicit timeout, else the shortest timer among the sources, else ten seconds.
  const explicit = args[1];
  const timers = sources.flatMap((s) => {
    if (!(s instanceof SemaMap) || mapGet(s, kw('type')) !== kw('timer')) return [];
    const ms = mapGet(s, kw('ms'));
    return typeof ms === 'number' ? [ms] : [];
  });
  const timeout = Math.max(0, typeof explicit === 'number' ? explicit : timers.length > 0 ? Math.min(...timers) : DEFAULT_TIMEOUT_MS);
  const started = Date.now();
  for (;;) {
    const elapsed = Date.now() - started;
    for (const s of sources) {
      const extra = ready(s, elapsed);
      if (extra !== undefined) return fire(s as SemaMap, extra);
    }
    if (elapsed >= timeout) return null;
    Atomics.wait(pause, 0, 0, POLL_MS);
    if (ctx.interp.interrupted()) throw new SemaError('interrupted', 'interrupted');
  }
}

const builtins: BuiltinSpec[] = [
  fn('time/tick', 1, 1, ([ms]) => {
    if (typeof ms !== 'number') throw badType('time/tick', 'integer', ms!);
    return mapFromPairs([kw('type'), kw('timer'), kw('ms'), Math.max(ms, 0)]);
  }),
  fn('event/select', 1, 2, select),
];

export const eventModule: StdlibModule = { name: 'event', builtins };
