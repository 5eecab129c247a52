// The Anthropic Messages API's wire shapes: requests built from the provider port's
// data, and answers (JSON messages or SSE event streams) read back into it. No SDK here.

import type { ChatMessage, ContentBlock, LlmRequest, LlmResponse, ToolCall } from './provider';

/** Request in the Messages API's wire shape. */
export function toParams(request: LlmRequest): Record<string, unknown> {
  const params: Record<string, unknown> = {
    model: request.model,
    max_tokens: request.maxTokens,
    messages: request.messages.map(toWireMessage),
  };
  if (request.system !== undefined) params['system'] = request.system;
  if (request.temperature !== undefined) params['temperature'] = request.temperature;
  if (request.reasoningEffort === 'none') params['thinking'] = { type: 'disabled' };
  else if (request.reasoningEffort !== undefined) {
    params['output_config'] = { effort: request.reasoningEffort === 'minimal' ? 'low' : request.reasoningEffort };
  }
  if (request.tools !== undefined && request.tools.length > 0) {
    params['tools'] = request.tools.map((t) => ({
      name: t.name,
      description: t.description,
      input_schema: t.inputSchema,
    }));
  }
  return params;
}

function toWireMessage(m: ChatMessage): Record<string, unknown> {
  return { role: m.role, content: m.content.map(toWireBlock) };
}

function toWireBlock(b: ContentBlock): Record<string, unknown> {
  switch (b.type) {
    case 'text':
      return { type: 'text', text: b.text };
    case 'image':
      return { type: 'image', source: { type: 'base64', media_type: b.mediaType, data: b.data } };
    case 'document':
      return { type: 'document', source: { type: 'base64', media_type: b.mediaType, data: b.data } };
    case 'tool_use':
      return { type: 'tool_use', id: b.id, name: b.name, input: b.input };
    case 'tool_result':
      return { type: 'tool_result', tool_use_id: b.toolUseId, content: b.content, is_error: b.isError };
    case 'thinking':
      return { type: 'thinking', thinking: b.thinking, signature: b.signature };
    case 'redacted_thinking':
      return { type: 'redacted_thinking', data: b.data };
  }
}

interface WireUsage {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
}

interface WireBlock {
  type: string;
  text?: string;
  id?: string;
  name?: string;
  input?: unknown;
  thinking?: string;
  signature?: string;
  data?: string;
}

/** A thinking block as the port carries it, or undefined for other blocks. */
function thinkingOf(b: WireBlock): ContentBlock | undefined {
  if (b.type === 'thinking') return { type: 'thinking', thinking: b.thinking ?? '', signature: b.signature ?? '' };
  if (b.type === 'redacted_thinking') return { type: 'redacted_thinking', data: b.data ?? '' };
  return undefined;
}

export interface WireMessage {
  model?: string;
  content?: WireBlock[];
  stop_reason?: string | null;
  usage?: WireUsage;
}

function usageOf(u: WireUsage | undefined, prior?: WireUsage): LlmResponse['usage'] {
  return {
    inputTokens: u?.input_tokens ?? prior?.input_tokens ?? 0,
    outputTokens: u?.output_tokens ?? prior?.output_tokens ?? 0,
    cacheReadTokens: u?.cache_read_input_tokens ?? prior?.cache_read_input_tokens ?? 0,
    cacheCreationTokens: u?.cache_creation_input_tokens ?? prior?.cache_creation_input_tokens ?? 0,
  };
}

export function fromMessage(msg: WireMessage, fallbackModel: string): LlmResponse {
  let text = '';
  const toolCalls: ToolCall[] = [];
  const thinking: ContentBlock[] = [];
  for (const block of msg.content ?? []) {
    const t = thinkingOf(block);
    if (t) thinking.push(t);
    else if (block.type === 'text') text += block.text ?? '';
    else if (block.type === 'tool_use') {
      toolCalls.push({ id: block.id ?? '', name: block.name ?? '', input: asObject(block.input) });
    }
  }
  return {
    text,
    toolCalls,
    model: msg.model ?? fallbackModel,
    stopReason: msg.stop_reason ?? 'end_turn',
    usage: usageOf(msg.usage),
    ...(thinking.length > 0 ? { thinking } : {}),
  };
}

function asObject(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export interface WireEvent {
  type: string;
  message?: WireMessage;
  index?: number;
  content_block?: WireBlock;
  delta?: { type?: string; text?: string; partial_json?: string; stop_reason?: string | null; thinking?: string; signature?: string };
  usage?: WireUsage;
}

/** Rebuilds the final message from SSE events; `add` returns the text delta, if any. */
export class StreamAccumulator {
  private text = '';
  private model: string;
  private stopReason = 'end_turn';
  private startUsage: WireUsage | undefined;
  private endUsage: WireUsage | undefined;
  private readonly tools = new Map<number, { id: string; name: string; json: string }>();
  private readonly thinking = new Map<number, WireBlock>();
  finished = false;

  constructor(model: string) {
    this.model = model;
  }

  add(event: WireEvent): string | undefined {
    switch (event.type) {
      case 'message_start':
        this.model = event.message?.model ?? this.model;
        this.startUsage = event.message?.usage;
        return undefined;
      case 'content_block_start': {
        const b = event.content_block;
        if (b?.type === 'tool_use') this.tools.set(event.index ?? 0, { id: b.id ?? '', name: b.name ?? '', json: '' });
        else if (b && thinkingOf(b)) this.thinking.set(event.index ?? 0, { ...b });
        return undefined;
      }
      case 'content_block_delta': {
        const d = event.delta;
        if (d?.type === 'text_delta' && d.text) {
          this.text += d.text;
          return d.text;
        }
        if (d?.type === 'input_json_delta') {
          const tool = this.tools.get(event.index ?? 0);
          if (tool) tool.json += d.partial_json ?? '';
        }
        const block = this.thinking.get(event.index ?? 0);
        if (block && d?.type === 'thinking_delta') block.thinking = (block.thinking ?? '') + (d.thinking ?? '');
        if (block && d?.type === 'signature_delta') block.signature = (block.signature ?? '') + (d.signature ?? '');
        return undefined;
      }
      case 'message_delta':
        if (event.delta?.stop_reason) this.stopReason = event.delta.stop_reason;
        this.endUsage = event.usage;
        return undefined;
      case 'message_stop':
        this.finished = true;
        return undefined;
      default:
        return undefined;
    }
  }

  response(): LlmResponse {
    const toolCalls = [...this.tools.values()].map((t) => ({
      id: t.id,
      name: t.name,
      input: asObject(t.json ? safeJson(t.json) : {}),
    }));
    const start = usageOf(this.startUsage);
    const end = this.endUsage;
    const thinking = [...this.thinking.entries()].sort((a, b) => a[0] - b[0]).map(([, b]) => thinkingOf(b)!);
    return {
      ...(thinking.length > 0 ? { thinking } : {}),
      text: this.text,
      toolCalls,
      model: this.model,
      stopReason: this.stopReason,
      usage: {
        inputTokens: end?.input_tokens ?? start.inputTokens,
        outputTokens: end?.output_tokens ?? start.outputTokens,
        cacheReadTokens: end?.cache_read_input_tokens ?? start.cacheReadTokens,
        cacheCreationTokens: end?.cache_creation_input_tokens ?? start.cacheCreationTokens,
      },
    };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
