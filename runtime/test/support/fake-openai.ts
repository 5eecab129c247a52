// The OpenAI chat-completions dialect for the fake server: JSON completions, SSE
// `data:` chunks ending in `[DONE]`, function tool calls and error bodies.

import { sse, type Dialect, type Reply } from './fake-server-core';

type Answer = Extract<Reply, { kind: 'text' | 'tool' }>;

function usage(reply: Answer): { prompt_tokens: number; completion_tokens: number; total_tokens: number } {
  const u = reply.kind === 'text' ? reply.usage : undefined;
  const p = u?.input ?? 10;
  const c = u?.output ?? 5;
  return { prompt_tokens: p, completion_tokens: c, total_tokens: p + c };
}

function toolCalls(reply: Answer): unknown[] | undefined {
  if (reply.kind !== 'tool') return undefined;
  return reply.calls.map((c, i) => ({
    index: i,
    id: c.id,
    type: 'function',
    function: { name: c.name, arguments: JSON.stringify(c.input) },
  }));
}

export const openAiDialect: Dialect = {
  path: '/chat/completions',
  isStream: (body) => body['stream'] === true,

  json(reply, model) {
    const text = reply.kind === 'text' ? (reply.text ?? (reply.chunks ?? []).join('')) : (reply.text ?? null);
    return {
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      model: (reply.kind === 'text' ? reply.model : undefined) ?? model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: text, tool_calls: toolCalls(reply) },
          finish_reason: reply.kind === 'tool' ? 'tool_calls' : 'stop',
        },
      ],
      usage: usage(reply),
    };
  },

  streamStart(model, reply) {
    const m = (reply.kind === 'text' ? reply.model : undefined) ?? model;
    return [sse(undefined, { id: 'c', model: m, choices: [{ index: 0, delta: { role: 'assistant' } }] })];
  },

  streamChunk(text) {
    return sse(undefined, { id: 'c', choices: [{ index: 0, delta: { content: text } }] });
  },

  streamEnd(reply) {
    const frames: string[] = [];
    const calls = toolCalls(reply);
    if (calls) frames.push(sse(undefined, { id: 'c', choices: [{ index: 0, delta: { tool_calls: calls } }] }));
    frames.push(
      sse(undefined, { id: 'c', choices: [{ index: 0, delta: {}, finish_reason: calls ? 'tool_calls' : 'stop' }] }),
      sse(undefined, { id: 'c', choices: [], usage: usage(reply) }),
      sse(undefined, '[DONE]'),
    );
    return frames;
  },

  errorBody(reply) {
    return { error: { message: reply.message, type: reply.errorType ?? 'api_error' } };
  },

  temperatureError() {
    return { kind: 'error', status: 400, errorType: 'invalid_request_error', message: 'Unsupported parameter: temperature' };
  },
};
