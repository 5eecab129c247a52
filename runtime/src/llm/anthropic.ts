// Anthropic Messages API through the official SDK. This is the only file that touches
// `@anthropic-ai/sdk`, and it loads it lazily inside the factory so that importing the
// LLM layer (the language server reads its option schema) never pulls the SDK in.
//
// `:temperature`: the SDK 1.x speaks API version 2026-10-21, whose types no longer list
// `temperature`. We still send it as the body field the API has always used (the SDK
// passes body fields through), so a model that accepts it honours it; a model that
// refuses it answers 400 and provider-errors.ts turns that into an `:llm/unsupported-option`
// error naming `:temperature`. Never dropped silently, never an opaque 400.

import type * as Sdk from '@anthropic-ai/sdk';
import { fromMessage, StreamAccumulator, toParams, type WireEvent, type WireMessage } from './anthropic-wire';
import { ProviderError, type ChunkSink, type LlmRequest, type LlmResponse, type Provider, type ProviderConfig } from './provider';
import {
  apiMessage,
  cancelledFailure,
  httpFailure,
  idleFailure,
  IdleWatchdog,
  linkedController,
  networkFailure,
} from './provider-errors';

type SdkModule = typeof Sdk;
type Client = InstanceType<SdkModule['default']>;

export function createAnthropicProvider(config: ProviderConfig): Provider {
  // Loaded here, not at the top: only the bridge worker ever builds this provider.
  const sdk = require('@anthropic-ai/sdk') as SdkModule;
  const client: Client = new sdk.default({
    apiKey: config.apiKey ?? null,
    baseURL: config.baseUrl ?? null,
    maxRetries: config.maxRetries,
    timeout: config.requestTimeoutMs,
  });
  const label = 'Anthropic';

  function translate(err: unknown, watchdog: IdleWatchdog | undefined, signal: AbortSignal, streamed: boolean): ProviderError {
    if (err instanceof ProviderError) return err;
    if (watchdog?.fired) return new ProviderError(idleFailure(label, config.idleTimeoutMs, streamed));
    if (signal.aborted) return new ProviderError(cancelledFailure);
    if (err instanceof sdk.APIConnectionTimeoutError) {
      return new ProviderError(idleFailure(label, streamed ? config.idleTimeoutMs : config.requestTimeoutMs, streamed));
    }
    if (err instanceof sdk.APIUserAbortError) return new ProviderError(cancelledFailure);
    if (err instanceof sdk.APIConnectionError) {
      if (streamed) return interrupted();
      return new ProviderError(networkFailure(label, config.baseUrl, err.cause ?? err));
    }
    if (err instanceof sdk.APIError) {
      const detail = apiMessage(err.error);
      if (err.status === undefined) {
        // An `event: error` inside an SSE stream carries no status, only its type.
        const kind = (err.error as { error?: { type?: string } } | undefined)?.error?.type;
        const status = kind === 'overloaded_error' ? 529 : kind === 'rate_limit_error' ? 429 : 500;
        return new ProviderError(httpFailure(label, status, detail));
      }
      return new ProviderError(httpFailure(label, err.status, detail));
    }
    return streamed ? interrupted() : new ProviderError(networkFailure(label, config.baseUrl, err));
  }

  return {
    name: config.name,
    async complete(request: LlmRequest, signal: AbortSignal): Promise<LlmResponse> {
      const controller = linkedController(signal);
      try {
        const msg = await client.messages.create(toParams(request) as never, { signal: controller.signal });
        return fromMessage(msg as unknown as WireMessage, request.model);
      } catch (err) {
        throw translate(err, undefined, signal, false);
      }
    },

    async stream(request: LlmRequest, onChunk: ChunkSink, signal: AbortSignal): Promise<LlmResponse> {
      const controller = linkedController(signal);
      const watchdog = new IdleWatchdog(config.idleTimeoutMs, controller);
      const acc = new StreamAccumulator(request.model);
      try {
        const params = { ...toParams(request), stream: true };
        const events = (await client.messages.create(params as never, {
          signal: controller.signal,
          timeout: config.idleTimeoutMs,
        })) as unknown as AsyncIterable<WireEvent>;
        for await (const event of events) {
          watchdog.touch();
          const text = acc.add(event);
          if (text) onChunk(text);
        }
        if (!acc.finished) {
          if (watchdog.fired) throw new ProviderError(idleFailure(label, config.idleTimeoutMs, true));
          if (signal.aborted) throw new ProviderError(cancelledFailure);
          throw interrupted();
        }
        return acc.response();
      } catch (err) {
        throw translate(err, watchdog, signal, true);
      } finally {
        watchdog.stop();
      }
    },
  };
}

function interrupted(): ProviderError {
  return new ProviderError({
    category: 'stream-interrupted',
    message: 'Anthropic stream was cut off before the answer finished',
  });
}
