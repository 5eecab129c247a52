// The ambient context (`context/*`): key-value frames that `context/with` pushes and
// pops, named stacks that ignore those frames, and hidden values that `context/get` and
// `context/all` never show. The state belongs to each interpreter, so several
// interpreters in one process (tests, the editor's eval host) never see each other's.

import { mapKey } from '../eval/equality';
import { typeError } from '../eval/errors';
import { Lambda, NativeFn, SemaHashMap, SemaMap, typeName, type InterpreterLike, type MapKey, type Value } from '../eval/values';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';

type Frame = Map<MapKey, [Value, Value]>;

class ContextState {
  /** Innermost frame last; there is always at least one. */
  frames: Frame[] = [new Map()];
  readonly hidden: Frame = new Map();
  readonly stacks = new Map<MapKey, Value[]>();

  get(key: Value): Value | undefined {
    const k = mapKey(key);
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const entry = this.frames[i]!.get(k);
      if (entry !== undefined) return entry[1];
    }
    return undefined;
  }

  set(key: Value, value: Value): void {
    this.frames[this.frames.length - 1]!.set(mapKey(key), [key, value]);
  }

  /** Removes `key` from every frame; the value it had in the innermost one that held it. */
  remove(key: Value): Value {
    const k = mapKey(key);
    let found: Value | undefined;
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const entry = this.frames[i]!.get(k);
      if (entry === undefined) continue;
      found ??= entry[1];
      this.frames[i]!.delete(k);
    }
    return found ?? null;
  }

  /** Every visible key with its innermost value, as a map. */
  all(): SemaMap {
    const merged: Frame = new Map();
    for (const frame of this.frames) for (const [k, entry] of frame) merged.set(k, entry);
    return new SemaMap(merged);
  }
}

const states = new WeakMap<InterpreterLike, ContextState>();

function state(interp: InterpreterLike): ContextState {
  let s = states.get(interp);
  if (s === undefined) {
    s = new ContextState();
    states.set(interp, s);
  }
  return s;
}

/** The interpreter's visible context as a map (empty when nothing was set). */
export function contextSnapshot(interp: InterpreterLike): SemaMap {
  return state(interp).all();
}

function mapArg(name: string, v: Value): SemaMap | SemaHashMap {
  if (v instanceof SemaMap || v instanceof SemaHashMap) return v;
  throw typeError(name, 'map', typeName(v));
}

const builtins: BuiltinSpec[] = [
  fn('context/set', 2, 2, ([k, v], ctx) => {
    state(ctx.interp).set(k!, v!);
    return null;
  }),
  fn('context/get', 1, 1, ([k], ctx) => state(ctx.interp).get(k!) ?? null),
  fn('context/has?', 1, 1, ([k], ctx) => state(ctx.interp).frames.some((f) => f.has(mapKey(k!)))),
  fn('context/remove', 1, 1, ([k], ctx) => state(ctx.interp).remove(k!)),
  fn('context/pull', 1, 1, ([k], ctx) => state(ctx.interp).remove(k!)),
  fn('context/all', 0, 0, (_args, ctx) => state(ctx.interp).all()),
  fn('context/merge', 1, 1, ([m], ctx) => {
    const s = state(ctx.interp);
    for (const [k, v] of mapArg('context/merge', m!).entries()) s.set(k, v);
    return null;
  }),
  fn('context/clear', 0, 0, (_args, ctx) => {
    state(ctx.interp).frames = [new Map()];
    return null;
  }),
  fn('context/with', 2, 2, ([bindings, thunk], ctx) => {
    const frame: Frame = new Map();
    for (const [k, v] of mapArg('context/with', bindings!).entries()) frame.set(mapKey(k), [k, v]);
    if (!(thunk instanceof Lambda || thunk instanceof NativeFn)) throw typeError('context/with', 'function', typeName(thunk!));
    const s = state(ctx.interp);
    s.frames.push(frame);
    try {
      return ctx.apply(thunk, []);
    } finally {
      // The thunk may have cleared the context; the outermost frame always stays.
      if (s.frames.length > 1) s.frames.pop();
    }
  }),

  fn('context/push', 2, 2, ([k, v], ctx) => {
    const stacks = state(ctx.interp).stacks;
    const key = mapKey(k!);
    const stack = stacks.get(key);
    if (stack === undefined) stacks.set(key, [v!]);
    else stack.push(v!);
    return null;
  }),
  fn('context/stack', 1, 1, ([k], ctx) => [...(state(ctx.interp).stacks.get(mapKey(k!)) ?? [])]),
  fn('context/pop', 1, 1, ([k], ctx) => {
    const stacks = state(ctx.interp).stacks;
    const key = mapKey(k!);
    const stack = stacks.get(key);
    if (stack === undefined) return null;
    const top = stack.pop() ?? null;
    if (stack.length === 0) stacks.delete(key);
    return top;
  }),

  fn('context/set-hidden', 2, 2, ([k, v], ctx) => {
    state(ctx.interp).hidden.set(mapKey(k!), [k!, v!]);
    return null;
  }),
  fn('context/get-hidden', 1, 1, ([k], ctx) => state(ctx.interp).hidden.get(mapKey(k!))?.[1] ?? null),
  fn('context/has-hidden?', 1, 1, ([k], ctx) => state(ctx.interp).hidden.has(mapKey(k!))),
];

export const contextModule: StdlibModule = { name: 'context', builtins };
