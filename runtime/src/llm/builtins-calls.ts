// llm/complete, llm/stream, llm/chat and llm/send. Options are validated before any
// request; with `:tools` each of them runs the tool loop to a final answer.

import { SemaError, typeError } from '../eval/errors';
import { isProcedure, SemaHashMap, SemaMap, typeName, Vector, type CallContext, type Value } from '../eval/values';
import { displayValue } from '../reader/printer';
import { fn, type BuiltinSpec } from '../stdlib/registry';
import * as arg from './args';
import { runModels } from './call';
import { toChatMessages } from './convert';
import { parseOptions, type LlmOptions } from './options';
import { runToolLoop } from './tool-loop';
import { MessageValue, PromptValue } from './values';

function ask(
  ctx: CallContext,
  name: string,
  msgs: readonly MessageValue[],
  opts: LlmOptions,
  onChunk?: (text: string) => void,
): string {
  const { system, messages } = toChatMessages(msgs, opts.system);
  if (messages.length === 0) {
    throw new SemaError(`${name}: there is no user message to send (only system messages)`, 'llm/invalid-request');
  }
  return runToolLoop(ctx, name, { system, messages, options: opts, ...(onChunk ? { onChunk } : {}) }).text;
}

function streamMessages(name: string, v: Value | undefined): MessageValue[] {
  if (typeof v === 'string') return [new MessageValue('user', v)];
  if (v instanceof PromptValue) return [...v.messages];
  if (Array.isArray(v) || v instanceof Vector) return arg.messages(name, v, 0);
  throw typeError(name, 'string, prompt or list of messages', typeName(v ?? null), 0);
}

function isOptionsMap(v: Value | undefined): boolean {
  return v === null || v instanceof SemaMap || v instanceof SemaHashMap;
}

/** Answers to many one-message prompts, sent concurrently (no tools: each is one turn). */
function askMany(ctx: CallContext, name: string, prompts: readonly string[], opts: LlmOptions): Value {
  if (opts.tools !== undefined) {
    throw new SemaError(`${name}: :tools is not supported here (use llm/chat for the tool loop)`, 'llm/invalid-option');
  }
  const turns = prompts.map((p) => toChatMessages([new MessageValue('user', p)], opts.system));
  return runModels(ctx, name, opts, turns).map((r) => r.text);
}

function items(name: string, v: Value | undefined, i: number): Value[] {
  if (Array.isArray(v)) return v;
  if (v instanceof Vector) return v.items;
  throw typeError(name, 'list or vector', typeName(v ?? null), i);
}

export const callBuiltins: BuiltinSpec[] = [
  fn('llm/complete', 1, 2, ([p, o], ctx) => {
    const text = arg.str('llm/complete', p, 0);
    const opts = parseOptions('llm/complete', o);
    return ask(ctx, 'llm/complete', [new MessageValue('user', text)], opts);
  }),

  // (llm/stream prompt), (llm/stream prompt opts), (llm/stream prompt callback [opts]);
  // `prompt` may also be a prompt value or a list of messages.
  fn('llm/stream', 1, 3, (args, ctx) => {
    const name = 'llm/stream';
    const msgs = streamMessages(name, args[0]);
    let callback: Value | undefined;
    let rawOpts: Value | undefined;
    if (args.length === 2 && isOptionsMap(args[1])) rawOpts = args[1];
    else if (args.length >= 2) {
      if (!isProcedure(args[1]!)) {
        throw new SemaError(
          `${name}: expected a callback function or an options map as argument 2, got ${typeName(args[1]!)}`,
          'type-error',
        );
      }
      callback = args[1];
      rawOpts = args[2];
    }
    const opts = parseOptions(name, rawOpts);
    const onChunk = callback
      ? (chunk: string): void => void ctx.apply(callback, [chunk])
      : (chunk: string): void => ctx.interp.writeOut(chunk);
    const answer = ask(ctx, name, msgs, opts, onChunk);
    // Printed output ends its line, as the reference does; a callback gets chunks only.
    if (!callback) ctx.interp.writeOut('\n');
    return answer;
  }),

  fn('llm/chat', 1, 2, ([ms, o], ctx) => {
    const msgs = arg.messages('llm/chat', ms, 0);
    const opts = parseOptions('llm/chat', o);
    return ask(ctx, 'llm/chat', msgs, opts);
  }),

  fn('llm/batch', 1, 2, ([ps, o], ctx) => {
    const prompts = items('llm/batch', ps, 0).map(displayValue);
    return askMany(ctx, 'llm/batch', prompts, parseOptions('llm/batch', o));
  }),

  fn('llm/pmap', 2, 3, ([f, xs, o], ctx) => {
    const g = arg.procedure('llm/pmap', f, 0);
    const opts = parseOptions('llm/pmap', o);
    // Prompts are built first (in order, on this thread); only the requests overlap.
    const prompts = items('llm/pmap', xs, 1).map((x) => displayValue(ctx.apply(g, [x])));
    return askMany(ctx, 'llm/pmap', prompts, opts);
  }),

  fn('llm/send', 1, 2, ([p, o], ctx) => {
    const pr = arg.prompt('llm/send', p, 0);
    const opts = parseOptions('llm/send', o);
    return ask(ctx, 'llm/send', pr.messages, opts);
  }),
];
