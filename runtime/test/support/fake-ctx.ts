// A minimal interpreter stand-in for calling the LLM natives directly: `apply` runs
// natives and test lambdas, `writeOut` records each write separately.

import { writeSync } from 'node:fs';
import { Keyword, Lambda, NativeFn, type CallContext, type InterpreterLike, type Value } from '../../src/eval/values';
import { mapFromPairs } from '../../src/eval/equality';
import { llmModule } from '../../src/llm/index';
import { promptEntries } from '../../src/llm/builtins-prompts';
import { PromptValue } from '../../src/llm/values';
import { toNative } from '../../src/stdlib/registry';

export class TestInterp implements InterpreterLike {
  readonly writes: string[] = [];
  currentFile: string | undefined;
  interrupt: Int32Array | undefined;
  /** Also copy output to the real stdout (child-process tests). */
  toStdout = false;
  writeOut(text: string): void {
    this.writes.push(text);
    if (this.toStdout) writeSync(1, text);
  }
  writeErr(_text: string): void {}
  interrupted(): boolean {
    return this.interrupt !== undefined && Atomics.load(this.interrupt, 0) !== 0;
  }
  get out(): string {
    return this.writes.join('');
  }
}

export function makeCtx(interp: InterpreterLike = new TestInterp()): CallContext {
  const ctx: CallContext = {
    interp,
    apply(fn: Value, args: Value[]): Value {
      if (fn instanceof NativeFn) return fn.impl(args, ctx);
      if (fn instanceof TestLambda) return fn.body(...args);
      throw new Error('test ctx: cannot apply ' + String(fn));
    },
    apply1: (fn: Value, a: Value): Value => ctx.apply(fn, [a]),
    apply2: (fn: Value, a: Value, b: Value): Value => ctx.apply(fn, [a, b]),
  };
  return ctx;
}

const natives = new Map(llmModule.builtins.map((b) => [b.name, toNative(b)]));

export function native(name: string): NativeFn {
  const n = natives.get(name);
  if (n === undefined) throw new Error(`no builtin ${name}`);
  return n;
}

/** Calls an LLM builtin by name with a context. */
export function call(ctx: CallContext, name: string, ...args: Value[]): Value {
  return native(name).impl(args, ctx);
}

/** A lambda whose body is JS (the evaluator's closures are not needed here). */
export class TestLambda extends Lambda {
  constructor(
    params: string[],
    readonly body: (...args: Value[]) => Value,
    name?: string,
  ) {
    super(name, { required: params, optional: [], rest: undefined }, undefined);
  }
}

export function lambda(params: string[], body: (...args: Value[]) => Value, name?: string): Lambda {
  return new TestLambda(params, body, name);
}

export const kw = Keyword.of;

/** `{:a 1 :b 2}` from ['a', 1, 'b', 2]. */
export function map(...pairs: Value[]): Value {
  return mapFromPairs(pairs.map((v, i) => (i % 2 === 0 && typeof v === 'string' ? kw(v) : v)));
}

export { makeAgent, makeTool } from '../../src/llm/builtins-tools';

/** What `(prompt ...)` builds from its evaluated entries (role pairs or messages). */
export function promptOf(entries: Value[]): PromptValue {
  return new PromptValue(promptEntries(entries));
}
