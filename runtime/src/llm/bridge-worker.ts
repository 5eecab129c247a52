// Worker side of the sync bridge (see sync-bridge.ts). Runs provider requests on this
// thread's event loop and reports chunks, results and failures on the port, bumping a
// shared counter after each message so the blocked main thread wakes up at once.
// Bundlers: this file must stay a separate entry named `bridge-worker.js`.

import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { createAnthropicProvider } from './anthropic';
import { createOpenAiProvider } from './openai';
import { ProviderError, type Provider, type ProviderConfig } from './provider';
import type { BridgeEvent, BridgeRequest } from './sync-bridge';

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };
const inFlight = new Map<number, AbortController>();
const providers = new Map<string, Provider>();

function send(event: BridgeEvent): void {
  port.postMessage(event);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

function providerFor(config: ProviderConfig): Provider {
  const key = JSON.stringify(config);
  let p = providers.get(key);
  if (p === undefined) {
    p = config.kind === 'anthropic' ? createAnthropicProvider(config) : createOpenAiProvider(config);
    providers.set(key, p);
  }
  return p;
}

async function run(msg: Extract<BridgeRequest, { type: 'call' }>): Promise<void> {
  const controller = new AbortController();
  inFlight.set(msg.id, controller);
  try {
    const provider = providerFor(msg.config);
    const response = msg.stream
      ? await provider.stream(msg.request, (text) => send({ id: msg.id, type: 'chunk', text }), controller.signal)
      : await provider.complete(msg.request, controller.signal);
    send({ id: msg.id, type: 'done', response });
  } catch (err) {
    const failure =
      err instanceof ProviderError
        ? err.failure
        : { category: 'network' as const, message: `LLM request failed: ${err instanceof Error ? err.message : String(err)}` };
    send({ id: msg.id, type: 'error', failure });
  } finally {
    inFlight.delete(msg.id);
  }
}

// A failure outside a request's own promise chain must still end every waiting call.
process.on('uncaughtException', (err) => {
  for (const id of inFlight.keys()) {
    send({ id, type: 'error', failure: { category: 'network', message: `LLM worker failed: ${err.message}` } });
  }
  inFlight.clear();
});

send({ id: 0, type: 'ready' });

parentPort?.on('message', (msg: BridgeRequest) => {
  if (msg.type === 'call') void run(msg);
  else inFlight.get(msg.id)?.abort();
});
