// OpenAI-compatible chat completions (OpenAI, Ollama, LM Studio, vLLM, any base URL)
// over plain `fetch`, with SSE streaming, retries on 429/5xx and an idle watchdog.

import { ChunkAccumulator, fromCompletion, toBody, type WireChunk, type WireCompletion } from './openai-wire';
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
