// OpenAI-compatible chat completions (OpenAI, Ollama, LM Studio, vLLM, any base URL)
// over plain `fetch`, with SSE streaming, retries on 429/5xx and an idle watchdog.

import {
  ProviderError,
  type ChatMessage,
  type ChunkSink,
  type LlmRequest,
  type LlmResponse,
  type Provider,
  type ProviderConfig,
  type ToolCall,
} from './provider';
import {
  apiMessage,
  cancelledFailure,
  httpFailure,
  idleFailure,
  IdleWatchdog,
  linkedController,
  networkFailure,
} from './provider-errors';

export function createOpenAiProvider(config: ProviderConfig): Provider {
  const label = config.name === 'openai' ? 'OpenAI' : `provider ${config.name}`;
  const base = (config.baseUrl ?? 'https://api.openai.com/v1').replace(/\/+$/, '');

  async function post(body: unknown, controller: AbortController, watchdog: IdleWatchdog, stream: boolean): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (config.apiKey) headers['authorization'] = `Bearer ${config.apiKey}`;
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await fetch(`${base}/chat/completions`, {
          method: 'POST',
          headers,
          body: JSON.stringify(body),
          signal: controller.signal,
        });
      } catch (err) {
        throw translate(err, watchdog, controller.signal);
      }
      if (stream) watchdog.touch();
      if (res.ok) return res;
      const text = await res.text().catch(() => '');
      const retryable = res.status === 429 || res.status >= 500;
      if (!retryable || attempt >= config.maxRetries) {
        throw new ProviderError(httpFailure(label, res.status, apiMessage(text)));
      }
      await sleep(retryDelay(res, attempt), controller.signal);
      if (stream) watchdog.touch();
    }
  }

  function translate(err: unknown, watchdog: IdleWatchdog, signal: AbortSignal, streamed = false): ProviderError {
    if (err instanceof ProviderError) return err;
    if (watchdog.fired) {
      return new ProviderError(idleFailure(label, streamed ? config.idleTimeoutMs : config.requestTimeoutMs, streamed));
    }
    if (signal.aborted) return new ProviderError(cancelledFailure);
    if (streamed) {
      return new ProviderError({
        category: 'stream-interrupted',
        message: `${label} stream was cut off before the answer finished`,
      });
    }
    return new ProviderError(networkFailure(label, base, err));
  }

  return {
    name: config.name,
    async complete(request: LlmRequest, signal: AbortSignal): Promise<LlmResponse> {
      const controller = linkedController(signal);
      // Nothing streams back: the whole answer must arrive within the request timeout.
      const watchdog = new IdleWatchdog(config.requestTimeoutMs, controller);
      try {
        const res = await post(toBody(request, false), controller, watchdog, false);
        const json = (await res.json()) as WireCompletion;
        return fromCompletion(json, request.model);
      } catch (err) {
        throw translate(err, watchdog, signal);
      } finally {
        watchdog.stop();
      }
    },

    async stream(request: LlmRequest, onChunk: ChunkSink, signal: AbortSignal): Promise<LlmResponse> {
      const controller = linkedController(signal);
      const watchdog = new IdleWatchdog(config.idleTimeoutMs, controller);
      try {
        const res = await post(toBody(request, true), controller, watchdog, true);
        if (!res.body) throw translate(undefined, watchdog, signal, true);
        const acc = new ChunkAccumulator(request.model);
        const decoder = new TextDecoder();
        let buffer = '';
        try {
          for await (const bytes of res.body as unknown as AsyncIterable<Uint8Array>) {
            watchdog.touch();
            buffer += decoder.decode(bytes, { stream: true });
            let nl: number;
            while ((nl = buffer.indexOf('\n')) >= 0) {
              const line = buffer.slice(0, nl).trim();
              buffer = buffer.slice(nl + 1);
              if (!line.startsWith('data:')) continue;
              const data = line.slice(5).trim();
              if (data === '[DONE]') {
                acc.done = true;
                continue;
              }
              const text = acc.add(JSON.parse(data) as WireChunk);
              if (text) onChunk(text);
            }
          }
        } catch (err) {
          throw translate(err, watchdog, signal, true);
        }
        if (!acc.done) throw translate(undefined, watchdog, signal, true);
        return acc.response();
      } catch (err) {
        throw translate(err, watchdog, signal, true);
      } finally {
        watchdog.stop();
      }
    },
  };
}

function retryDelay(res: Response, attempt: number): number {
  const ms = Number(res.headers.get('retry-after-ms'));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const s = Number(res.headers.get('retry-after'));
  if (Number.isFinite(s) && s > 0) return s * 1000;
  return Math.min(500 * 2 ** attempt, 8000);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      reject(new ProviderError(cancelledFailure));
    });
  });
}

export function toBody(request: LlmRequest, stream: boolean): Record<string, unknown> {
  const messages: unknown[] = [];
  if (request.system !== undefined) messages.push({ role: 'system', content: request.system });
  for (const m of request.messages) messages.push(...toWireMessages(m));
  const body: Record<string, unknown> = { model: request.model, max_tokens: request.maxTokens, messages };
  if (request.temperature !== undefined) body['temperature'] = request.temperature;
  if (request.reasoningEffort !== undefined) body['reasoning_effort'] = request.reasoningEffort;
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

interface WireCompletion {
  model?: string;
  choices?: { message?: { content?: string | null; tool_calls?: WireToolCall[] }; finish_reason?: string | null }[];
  usage?: WireUsage;
}

interface WireChunk {
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

function fromCompletion(json: WireCompletion, fallbackModel: string): LlmResponse {
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

class ChunkAccumulator {
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
