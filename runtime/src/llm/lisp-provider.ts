// Providers written in Sema (`llm/define-provider`): the `:complete` function gets the
// request as a map and returns a string or a response map. They run on the evaluating
// thread (no HTTP, no bridge); a stream gets the whole answer as one chunk.

import { mapFromPairs } from '../eval/equality';
import { SemaError } from '../eval/errors';
import { Keyword, SemaHashMap, SemaMap, Vector, typeName, type CallContext, type Value } from '../eval/values';
import { jsonToValue, keyName, lookup, valueToJson } from './convert';
import type { ChatMessage, LlmRequest, LlmResponse, ToolCall } from './provider';

const kw = Keyword.of;

function messageMap(m: ChatMessage): Value[] {
  const out: Value[] = [];
  let text = '';
  const calls: Value[] = [];
  for (const b of m.content) {
    if (b.type === 'text') text += b.text;
    else if (b.type === 'tool_use') {
      calls.push(mapFromPairs([kw('id'), b.id, kw('name'), b.name, kw('arguments'), jsonToValue(b.input)]));
    } else if (b.type === 'tool_result') {
      out.push(mapFromPairs([kw('role'), 'tool', kw('content'), b.content, kw('tool-call-id'), b.toolUseId]));
    }
  }
  if (calls.length > 0 || text !== '' || out.length === 0) {
    const pairs: Value[] = [kw('role'), m.role, kw('content'), text];
    if (calls.length > 0) pairs.push(kw('tool-calls'), calls);
    out.unshift(mapFromPairs(pairs));
  }
  return out;
}

/** The request map the `:complete` function receives. */
export function requestMap(req: LlmRequest): Value {
  return mapFromPairs([
    kw('model'), req.model,
    kw('messages'), req.messages.flatMap(messageMap),
    kw('max-tokens'), req.maxTokens,
    kw('temperature'), req.temperature === undefined ? null : jsonToValue(req.temperature),
    kw('system'), req.system ?? null,
    kw('tools'), req.tools ? req.tools.map((t) => jsonToValue({ name: t.name, description: t.description, parameters: t.inputSchema })) : null,
    kw('stop-sequences'), null,
  ]);
}

function int(v: Value | undefined): number {
  return typeof v === 'number' ? v : 0;
}

/** Reads the function's answer: a string, or `{:content :model :stop-reason :usage :tool-calls}`. */
export function responseFrom(fn: string, provider: string, v: Value, req: LlmRequest): LlmResponse {
  const empty = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheCreationTokens: 0 };
  if (typeof v === 'string') return { text: v, toolCalls: [], model: req.model, stopReason: 'end_turn', usage: empty };
  if (!(v instanceof SemaMap || v instanceof SemaHashMap)) {
    throw new SemaError(`${fn}: provider :${provider} returned ${typeName(v)}; expected a string or a response map`, 'llm/provider');
  }
  const content = lookup(v, 'content');
  const usage = lookup(v, 'usage');
  const rawCalls = lookup(v, 'tool-calls');
  const callItems = Array.isArray(rawCalls) ? rawCalls : rawCalls instanceof Vector ? rawCalls.items : [];
  const toolCalls: ToolCall[] = callItems.map((c, i) => {
    if (!(c instanceof SemaMap || c instanceof SemaHashMap)) {
      throw new SemaError(`${fn}: provider :${provider}: each of :tool-calls must be a map with :id, :name and :arguments`, 'llm/provider');
    }
    const args = valueToJson(lookup(c, 'arguments') ?? null);
    const id = lookup(c, 'id');
    return {
      id: typeof id === 'string' ? id : `call_${i + 1}`,
      name: keyName(lookup(c, 'name') ?? ''),
      input: typeof args === 'object' && args !== null && !Array.isArray(args) ? (args as Record<string, unknown>) : {},
    };
  });
  const model = lookup(v, 'model');
  const stop = lookup(v, 'stop-reason');
  return {
    text: typeof content === 'string' ? content : '',
    toolCalls,
    model: typeof model === 'string' ? model : req.model,
    stopReason: typeof stop === 'string' ? stop : toolCalls.length > 0 ? 'tool_use' : 'end_turn',
    usage:
      usage instanceof SemaMap || usage instanceof SemaHashMap
        ? { ...empty, inputTokens: int(lookup(usage, 'prompt-tokens')), outputTokens: int(lookup(usage, 'completion-tokens')) }
        : empty,
  };
}

export function callLispProvider(ctx: CallContext, fn: string, provider: string, complete: Value, req: LlmRequest): LlmResponse {
  return responseFrom(fn, provider, ctx.apply(complete, [requestMap(req)]), req);
}
