// The Anthropic Messages API dialect for the fake server: JSON messages, SSE event
// streams (message_start ... message_stop), tool_use blocks and error bodies.

import { sse, type Dialect, type Reply } from './fake-server-core';

type Answer = Extract<Reply, { kind: 'text' | 'tool' }>;

function usage(reply: Answer): { input_tokens: number; output_tokens: number } {
  const u = reply.kind === 'text' ? reply.usage : undefined;
  return { input_tokens: u?.input ?? 10, output_tokens: u?.output ?? 5 };
}

function modelOf(reply: Answer, requested: string): string {
  return (reply.kind === 'text' ? reply.model : undefined) ?? requested;
}

export const anthropicDialect: Dialect = {
  path: '/v1/messages',
  isStream: (body) => body['stream'] === true,

  json(reply, model) {
    const content: unknown[] = [];
    if (reply.kind === 'tool' && reply.thinking) content.push({ type: 'thinking', ...reply.thinking });
    const text = reply.kind === 'text' ? (reply.text ?? (reply.chunks ?? []).join('')) : reply.text;
    if (text) content.push({ type: 'text', text });
    if (reply.kind === 'tool') {
      for (const c of reply.calls) content.push({ type: 'tool_use', id: c.id, name: c.name, input: c.input });
    }
    return {
      id: 'msg_fake',
      type: 'message',
      role: 'assistant',
      model: modelOf(reply, model),
      content,
      stop_reason: reply.kind === 'tool' ? 'tool_use' : 'end_turn',
      stop_sequence: null,
      usage: usage(reply),
    };
  },

  streamStart(model, reply) {
    const frames = [
      sse('message_start', {
        type: 'message_start',
        message: {
          id: 'msg_fake',
          type: 'message',
          role: 'assistant',
          model: modelOf(reply, model),
          content: [],
          stop_reason: null,
          usage: { input_tokens: usage(reply).input_tokens, output_tokens: 1 },
        },
      }),
    ];
    if (reply.kind === 'text') {
      frames.push(sse('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }));
    }
    return frames;
  },

  streamChunk(text) {
    return sse('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } });
  },

  streamEnd(reply) {
    const frames: string[] = [];
    if (reply.kind === 'text') frames.push(sse('content_block_stop', { type: 'content_block_stop', index: 0 }));
    else {
      const first = reply.thinking ? 1 : 0;
      if (reply.thinking) {
        frames.push(
          sse('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } }),
          sse('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: reply.thinking.thinking } }),
          sse('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: reply.thinking.signature } }),
          sse('content_block_stop', { type: 'content_block_stop', index: 0 }),
        );
      }
      reply.calls.forEach((c, j) => {
        const i = j + first;
        frames.push(
          sse('content_block_start', {
            type: 'content_block_start',
            index: i,
            content_block: { type: 'tool_use', id: c.id, name: c.name, input: {} },
          }),
          sse('content_block_delta', {
            type: 'content_block_delta',
            index: i,
            delta: { type: 'input_json_delta', partial_json: JSON.stringify(c.input) },
          }),
          sse('content_block_stop', { type: 'content_block_stop', index: i }),
        );
      });
    }
    frames.push(
      sse('message_delta', {
        type: 'message_delta',
        delta: { stop_reason: reply.kind === 'tool' ? 'tool_use' : 'end_turn', stop_sequence: null },
        usage: { output_tokens: usage(reply).output_tokens },
      }),
      sse('message_stop', { type: 'message_stop' }),
    );
    return frames;
  },

  sseError(type) {
    return sse('error', { type: 'error', error: { type, message: type === 'overloaded_error' ? 'Overloaded' : 'Internal error' } });
  },

  errorBody(reply) {
    return { type: 'error', error: { type: reply.errorType ?? 'api_error', message: reply.message } };
  },

  temperatureError() {
    return {
      kind: 'error',
      status: 400,
      errorType: 'invalid_request_error',
      message: '`temperature` is not supported for this model in API version 2026-10-21',
    };
  },
};
