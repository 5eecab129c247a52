// Conversations: immutable chat histories; `say` returns a new conversation with the
// user message and the model's reply appended.

import { typeError } from '../eval/errors';
import { Float, isTruthy, typeName, type CallContext, type Value } from '../eval/values';
import { fn, type BuiltinSpec } from '../stdlib/registry';
import * as arg from './args';
import { toChatMessages } from './convert';
import { mergeOptions, parseOptions } from './options';
import { runToolLoop } from './tool-loop';
import { usage } from './usage';
import { ConversationValue, MessageValue, PromptValue } from './values';

function conv(fn: string, v: Value | undefined, i: number): ConversationValue {
  if (v instanceof ConversationValue) return v;
  throw typeError(fn, 'conversation', typeName(v ?? null), i);
}

function say(
  ctx: CallContext,
  name: string,
  c: ConversationValue,
  text: string,
  rawOpts: Value | undefined,
  systemOverride?: string,
): ConversationValue {
  const opts = mergeOptions(c.options, parseOptions(name, rawOpts));
  const user = new MessageValue('user', text);
  const history = systemOverride === undefined ? c.messages : c.messages.filter((m) => m.role !== 'system');
  const { system, messages } = toChatMessages([...history, user], systemOverride ?? opts.system);
  const { text: reply } = runToolLoop(ctx, name, { system, messages, options: { ...opts, system: undefined } });
  return c.with([...c.messages, user, new MessageValue('assistant', reply)]);
}

function tokenEstimate(c: ConversationValue): number {
  const chars = c.messages.reduce((n, m) => n + m.content.length, 0);
  return Math.ceil(chars / 4);
}

export const conversationBuiltins: BuiltinSpec[] = [
  fn('conversation/new', 0, 1, ([o]) => {
    const opts = parseOptions('conversation/new', o);
    return new ConversationValue([], opts.model, opts);
  }),
  fn('conversation/say', 2, 3, ([c, text, o], ctx) =>
    say(ctx, 'conversation/say', conv('conversation/say', c, 0), arg.str('conversation/say', text, 1), o),
  ),
  fn('conversation/say-as', 3, 4, ([c, sys, text, o], ctx) => {
    const name = 'conversation/say-as';
    let system: string;
    if (sys instanceof PromptValue) {
      system = sys.messages.filter((m) => m.role === 'system').map((m) => m.content).join('\n\n');
    } else system = arg.str(name, sys, 1);
    return say(ctx, name, conv(name, c, 0), arg.str(name, text, 2), o, system);
  }),
  fn('conversation/add-message', 3, 3, ([c, r, text]) => {
    const name = 'conversation/add-message';
    const cv = conv(name, c, 0);
    return cv.with([...cv.messages, new MessageValue(arg.role(name, r, 1), arg.str(name, text, 2))]);
  }),
  fn('conversation/last-reply', 1, 1, ([c]) => {
    const ms = conv('conversation/last-reply', c, 0).messages;
    for (let i = ms.length - 1; i >= 0; i--) if (ms[i]!.role === 'assistant') return ms[i]!.content;
    return null;
  }),
  fn('conversation/messages', 1, 1, ([c]) => [...conv('conversation/messages', c, 0).messages]),
  // A conversation without a model gives "", as the reference does.
  fn('conversation/model', 1, 1, ([c]) => conv('conversation/model', c, 0).model ?? ''),
  fn('conversation/system', 1, 1, ([c]) => {
    const sys = conv('conversation/system', c, 0).messages.filter((m) => m.role === 'system');
    return sys.length === 0 ? null : sys.map((m) => m.content).join('\n\n');
  }),
  fn('conversation/set-system', 2, 2, ([c, text]) => {
    const cv = conv('conversation/set-system', c, 0);
    const sys = new MessageValue('system', arg.str('conversation/set-system', text, 1));
    return cv.with([sys, ...cv.messages.filter((m) => m.role !== 'system')]);
  }),
  fn('conversation/filter', 2, 2, ([c, pred], ctx) => {
    const cv = conv('conversation/filter', c, 0);
    const f = arg.procedure('conversation/filter', pred, 1);
    return cv.with(cv.messages.filter((m) => isTruthy(ctx.apply(f, [m]))));
  }),
  fn('conversation/map', 2, 2, ([c, f], ctx) => {
    const cv = conv('conversation/map', c, 0);
    const g = arg.procedure('conversation/map', f, 1);
    return cv.messages.map((m) => ctx.apply(g, [m]));
  }),
  fn('conversation/token-count', 1, 1, ([c]) => tokenEstimate(conv('conversation/token-count', c, 0))),
  fn('conversation/cost', 1, 1, ([c]) => {
    const cv = conv('conversation/cost', c, 0);
    if (cv.model === undefined) return null;
    const cost = usage.cost(cv.model, tokenEstimate(cv), 0);
    return cost === undefined ? null : new Float(cost);
  }),
  fn('conversation/fork', 1, 1, ([c]) => {
    const cv = conv('conversation/fork', c, 0);
    return cv.with([...cv.messages]);
  }),
  fn('conversation?', 1, 1, ([v]) => v instanceof ConversationValue),
];
