// The automatic span around each model request (`chat {model}`, CLIENT) with the GenAI
// attributes observability.md lists: provider, request/response model, token counts,
// finish reason, cost, cache hits, streaming time-to-first-token, and the prompt and
// answer text only when content capture is on.

import { randomBytes } from 'node:crypto';
import { SemaError } from '../eval/errors';
import type { ChatMessage, LlmResponse } from '../llm/provider';
import { dispatchAttrs, genAiProviderName, spanKindAttrs, streamingAttrs, usageAttrs } from './compat';
import { currentConversation, endSpan, setError, startSpan, withIdentity, type AttrValue, type Span } from './spans';
import { contentCaptureOn, tracingEnabled } from './telemetry';
import { recordLlmCall } from './metrics';

export interface ChatTrace {
  /** The answer came from the response cache: no provider was called. */
  cacheHit(): void;
  /** Wraps a stream's chunk sink to note when the first chunk arrived. */
  firstToken<F extends ((t: string) => void) | undefined>(sink: F): F;
}

export interface ChatRequestInfo {
  provider: () => string;
  model: () => string;
  maxTokens: number | undefined;
  temperature: number | undefined;
  messages: readonly ChatMessage[];
  system: string | undefined;
  cost: (model: string, input: number, output: number) => number | undefined;
}

const MAX_CONTENT = 16_000;
const scrub = (s: string): string => (s.length > MAX_CONTENT ? s.slice(0, MAX_CONTENT) + '…[truncated]' : s);

function safe(get: () => string): string {
  try {
    return get();
  } catch {
    return '';
  }
}

function respond(span: Span, info: ChatRequestInfo, response: LlmResponse, cacheHit: boolean): void {
  const { inputTokens, outputTokens, cacheReadTokens, cacheCreationTokens } = response.usage;
  span.set('gen_ai.usage.input_tokens', inputTokens);
  span.set('gen_ai.usage.output_tokens', outputTokens);
  span.set('gen_ai.usage.total_tokens', inputTokens + outputTokens);
  if (cacheReadTokens > 0) span.set('gen_ai.usage.cache_read.input_tokens', cacheReadTokens);
  if (cacheCreationTokens > 0) span.set('gen_ai.usage.cache_creation.input_tokens', cacheCreationTokens);
  if (response.model !== '') span.set('gen_ai.response.model', response.model);
  if (response.stopReason !== '') span.set('gen_ai.response.finish_reasons', [response.stopReason]);
  const cost = info.cost(response.model, inputTokens, outputTokens);
  if (cost !== undefined) {
    span.set('gen_ai.usage.cost_usd', { float: cost });
    span.set('gen_ai.usage.cost', { float: cost });
  }
  if (cacheHit) span.set('sema.gen_ai.cache.hit', true);
  for (const [k, v] of usageAttrs(inputTokens, outputTokens, cost)) span.set(k, v);
  if (contentCaptureOn()) {
    const input = scrub(JSON.stringify(info.messages));
    const output = scrub(JSON.stringify([{ role: 'assistant', content: response.text }]));
    span.set('gen_ai.input.messages', input);
    span.set('gen_ai.output.messages', output);
    // Langfuse shows a generation's input and output only from its own keys.
    span.set('langfuse.observation.input', input);
    span.set('langfuse.observation.output', output);
    if (info.system !== undefined) span.set('gen_ai.system_instructions', scrub(info.system));
  }
}

/** Runs one model request inside its span (or untraced when tracing is off). */
export function tracedChat(info: ChatRequestInfo, run: (trace: ChatTrace | undefined) => LlmResponse): LlmResponse {
  if (!tracingEnabled()) return run(undefined);
  const provider = safe(info.provider);
  const model = safe(info.model);
  const span = startSpan(model ? `chat ${model}` : 'chat', 'client', [['gen_ai.operation.name', 'chat'], ...spanKindAttrs('llm')]);
  if (!span) return run(undefined);
  if (provider !== '') span.set('gen_ai.provider.name', genAiProviderName(provider));
  if (model !== '') span.set('gen_ai.request.model', model);
  if (info.maxTokens !== undefined) span.set('gen_ai.request.max_tokens', info.maxTokens);
  if (info.temperature !== undefined) span.set('gen_ai.request.temperature', { float: info.temperature });
  for (const [k, v] of dispatchAttrs('chat', provider, model)) span.set(k, v);
  // A standalone completion is its own conversation.
  if (currentConversation() === undefined) span.set('gen_ai.conversation.id', `conv_${randomBytes(8).toString('hex')}`);
  let cacheHit = false;
  let firstSeen = false;
  const trace: ChatTrace = {
    cacheHit: () => { cacheHit = true; },
    firstToken: (sink) => (sink === undefined ? sink : ((t: string) => {
      if (!firstSeen) {
        firstSeen = true;
        span.set('sema.gen_ai.is_streaming', true);
        span.set('sema.gen_ai.server.time_to_first_token', { float: Number(process.hrtime.bigint() - started) / 1e9 });
        for (const [k, v] of streamingAttrs(new Date())) span.set(k, v);
      }
      sink(t);
    }) as typeof sink),
  };
  const started = process.hrtime.bigint();
  try {
    const response = run(trace);
    respond(span, info, response, cacheHit);
    // A cache hit called no provider: recording it would add a misleading zero sample.
    if (!cacheHit) {
      recordLlmCall({ operation: 'chat', provider: provider === '' ? '' : genAiProviderName(provider), requestModel: model, responseModel: response.model },
        response.usage.inputTokens, response.usage.outputTokens, Number(process.hrtime.bigint() - started) / 1e9);
    }
    return response;
  } catch (e) {
    setError(span, e instanceof Error ? e.message : String(e));
    if (e instanceof SemaError) span.set('error.type', e.type);
    throw e;
  } finally {
    endSpan(span);
  }
}

export interface CallIdentity { conversationId?: string; sessionId?: string; userId?: string }

/** Runs `body` under the identity a call's options give, if any. */
export function withCallIdentity<T>(id: CallIdentity, body: () => T): T {
  if (id.conversationId === undefined && id.sessionId === undefined && id.userId === undefined) return body();
  const conversation = id.conversationId ?? currentConversation() ?? `conv_${randomBytes(8).toString('hex')}`;
  return withIdentity(conversation, id.sessionId, id.userId, body);
}

function traced<T>(span: Span | undefined, body: () => T, failed?: (value: T) => string | undefined): T {
  if (!span) return body();
  try {
    const value = body();
    const problem = failed?.(value);
    if (problem !== undefined) setError(span, problem);
    return value;
  } catch (e) {
    setError(span, e instanceof Error ? e.message : String(e));
    throw e;
  } finally {
    endSpan(span);
  }
}

/** `invoke_agent {name}` around an agent run or a tools-enabled completion. */
export function tracedAgent<T>(name: string | undefined, body: () => T): T {
  if (!tracingEnabled()) return body();
  const attrs: [string, AttrValue][] = [['gen_ai.operation.name', 'invoke_agent'], ...spanKindAttrs('agent')];
  if (name) attrs.push(['gen_ai.agent.name', name]);
  // Every turn of one run belongs to one conversation.
  const run = (): T => traced(startSpan(name ? `invoke_agent ${name}` : 'invoke_agent', 'internal', attrs), body);
  return currentConversation() === undefined ? withIdentity(`conv_${randomBytes(8).toString('hex')}`, undefined, undefined, run) : run();
}

/** `execute_tool {name}` around one tool dispatch; an error result marks the span. */
export function tracedTool<T extends { isError: boolean; text: string }>(name: string, callId: string, body: () => T): T {
  if (!tracingEnabled()) return body();
  const span = startSpan(`execute_tool ${name}`, 'internal', [
    ['gen_ai.operation.name', 'execute_tool'], ['gen_ai.tool.name', name], ['gen_ai.tool.call.id', callId], ['gen_ai.tool.type', 'function'],
    ...spanKindAttrs('tool'),
  ]);
  return traced(span, body, (r) => (r.isError ? r.text : undefined));
}

export type EmbedUsage = (tokens: number, responseModel: string, cost: number | undefined) => void;

/** `embeddings {model}` (CLIENT) around one `llm/embed` request. */
export function tracedEmbeddings<T>(provider: string, model: string, body: (note: EmbedUsage) => T): T {
  if (!tracingEnabled()) return body(() => undefined);
  const span = startSpan(`embeddings ${model}`, 'client', [
    ['gen_ai.operation.name', 'embeddings'], ['gen_ai.provider.name', genAiProviderName(provider)], ['gen_ai.request.model', model],
    ...spanKindAttrs('embedding'), ...dispatchAttrs('embeddings', provider, model),
  ]);
  const started = process.hrtime.bigint();
  return traced(span, () => body((tokens, responseModel, cost) => {
    recordLlmCall({ operation: 'embeddings', provider: genAiProviderName(provider), requestModel: model, responseModel }, tokens, 0, Number(process.hrtime.bigint() - started) / 1e9);
    if (!span) return;
    span.set('gen_ai.usage.input_tokens', tokens);
    span.set('gen_ai.response.model', responseModel);
    if (cost !== undefined) {
      span.set('gen_ai.usage.cost_usd', { float: cost });
      span.set('gen_ai.usage.cost', { float: cost });
    }
  }));
}
