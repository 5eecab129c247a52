// The OpenAI chat-completions wire shapes: request bodies built from the provider
// port's data, and answers (JSON or SSE chunks) read back into it.

import type { ChatMessage, LlmRequest, LlmResponse, ToolCall } from './provider';

export function toBody(request: LlmRequest, stream: boolean): Record<string, unknown> {
  const messages: unknown[] = [];
  if (request.system !== undefined) messages.push({ role: 'system', content: request.system });
  for (const m of request.messages) messages.push(...toWireMessages(m));
  const body: Record<string, unknown> = { model: request.model, max_tokens: request.maxTokens, messages };
  if (request.temperature !== undefined) body['temperature'] = request.temperature;
  if (request.reasoningEffort !== undefined) body['reasoning_effort'] = request.reasoningEffort;
  if (request.jsonMode) body['response_format'] = { type: 'json_object' };
  if (request.tools !== undefined && request.tools.length > 0) {
    body['tools'] = request.tools.map((t) => ({
      type: 'function',
      function: { name: t.name, description: t.description, parameters: t.inputSchema },
    }));
  }
  if (stream) {
    body['stream'] = true;
    body['stream_options'] = { include_usage: true };
  }
  return body;
}

function toWireMessages(m: ChatMessage): unknown[] {
  const out: unknown[] = [];
  const parts: unknown[] = [];
  const toolCalls: unknown[] = [];
  let text = '';
  let multimodal = false;
  for (const b of m.content) {
    switch (b.type) {
      case 'text':
        text += b.text;
        parts.push({ type: 'text', text: b.text });
        break;
      case 'image':
        multimodal = true;
        parts.push({ type: 'image_url', image_url: { url: `data:${b.mediaType};base64,${b.data}` } });
        break;
      case 'document':
        multimodal = true;
        parts.push({
          type: 'file',
          file: { filename: 'document.pdf', file_data: `data:${b.mediaType};base64,${b.data}` },
        });
        break;
      case 'tool_use':
        toolCalls.push({ id: b.id, type: 'function', function: { name: b.name, arguments: JSON.stringify(b.input) } });
        break;
      case 'tool_result':
        out.push({ role: 'tool', tool_call_id: b.toolUseId, content: b.content });
        break;
    }
  }
  if (toolCalls.length > 0) {
    out.unshift({ role: 'assistant', content: text || null, tool_calls: toolCalls });
  } else if (parts.length > 0) {
    out.push({ role: m.role, content: multimodal ? parts : text });
  }
  return out;
}

interface WireUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number };
}

interface WireToolCall {
  index?: number;
  id?: string;
  function?: { name?: string; arguments?: string };
}

export interface WireCompletion {
  model?: string;
  choices?: { message?: { content?: string | null; tool_calls?: WireToolCall[] }; finish_reason?: string | null }[];
  usage?: WireUsage;
}

export interface WireChunk {
  model?: string;
  choices?: { delta?: { content?: string | null; tool_calls?: WireToolCall[] }; finish_reason?: string | null }[];
  usage?: WireUsage | null;
}

function usageOf(u: WireUsage | undefined | null): LlmResponse['usage'] {
  return {
    inputTokens: u?.prompt_tokens ?? 0,
    outputTokens: u?.completion_tokens ?? 0,
    cacheReadTokens: u?.prompt_tokens_details?.cached_tokens ?? 0,
    cacheCreationTokens: 0,
  };
}

function parseArgs(text: string | undefined): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text || '{}');
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function fromCompletion(json: WireCompletion, fallbackModel: string): LlmResponse {
  const choice = json.choices?.[0];
  const toolCalls: ToolCall[] = (choice?.message?.tool_calls ?? []).map((c) => ({
    id: c.id ?? '',
    name: c.function?.name ?? '',
    input: parseArgs(c.function?.arguments),
  }));
  return {
    text: choice?.message?.content ?? '',
    toolCalls,
    model: json.model ?? fallbackModel,
    stopReason: choice?.finish_reason ?? 'stop',
    usage: usageOf(json.usage),
  };
}

export class ChunkAccumulator {
  private text = '';
  private model: string;
  private stopReason = 'stop';
  private usage: WireUsage | undefined;
  private readonly tools = new Map<number, { id: string; name: string; args: string }>();
  done = false;

  constructor(model: string) {
    this.model = model;
  }

  add(chunk: WireChunk): string | undefined {
    if (chunk.model) this.model = chunk.model;
    if (chunk.usage) this.usage = chunk.usage;
    const choice = chunk.choices?.[0];
    if (choice?.finish_reason) this.stopReason = choice.finish_reason;
    for (const call of choice?.delta?.tool_calls ?? []) {
      const i = call.index ?? 0;
      const t = this.tools.get(i) ?? { id: '', name: '', args: '' };
      if (call.id) t.id = call.id;
      if (call.function?.name) t.name += call.function.name;
      if (call.function?.arguments) t.args += call.function.arguments;
      this.tools.set(i, t);
    }
    const text = choice?.delta?.content;
    if (text) {
      this.text += text;
      return text;
    }
    return undefined;
  }

  response(): LlmResponse {
    return {
      text: this.text,
      toolCalls: [...this.tools.values()].map((t) => ({ id: t.id, name: t.name, input: parseArgs(t.args) })),
      model: this.model,
      stopReason: this.stopReason,
      usage: usageOf(this.usage),
    };
  }
}
