// One model request as the Sema builtins see it: cassette first, then the default
// provider through the sync bridge; usage recorded; every failure becomes one Sema
// error with `:type :llm/<category>`.

import { resolve } from 'node:path';
import { SemaError } from '../eval/errors';
import type { CallContext } from '../eval/values';
import { budget } from './budget';
import { Cassette, cassetteKey } from './cassette';
import { DEFAULT_MAX_TOKENS, type LlmOptions } from './options';
import { ProviderError, type ChatMessage, type LlmRequest, type LlmResponse, type ProviderConfig, type ToolSchema } from './provider';
import { providers } from './providers';
import { callLispProvider } from './lisp-provider';
import { callAllSync, callSync, type Cancellation } from './sync-bridge';
import { cacheKey, responseCache } from './response-cache';
import { routing } from './routing';
import { usage } from './usage';
import { tracedChat, withCallIdentity, type ChatTrace } from '../otel/llm-spans';
import { tracingEnabled } from '../otel/telemetry';

let activeCassette: Cassette | undefined;
let envChecked = false;

/**
 * SEMA_LLM_CASSETTE (and SEMA_LLM_CASSETTE_MODE: auto, record or replay) put a whole
 * run under one tape, no code changes; it is written after every new recording since
 * the evaluating thread may be stopped without warning.
 */
function cassetteFromEnv(): Cassette | undefined {
  envChecked = true;
  const path = process.env['SEMA_LLM_CASSETTE'];
  if (!path) return undefined;
  const mode = process.env['SEMA_LLM_CASSETTE_MODE'] || 'auto';
  if (mode !== 'auto' && mode !== 'record' && mode !== 'replay') {
    throw new SemaError(`SEMA_LLM_CASSETTE_MODE must be auto, record or replay, got ${mode}`, 'llm/cassette');
  }
  return new Cassette(resolve(path), mode, path, true);
}

export function currentCassette(): Cassette | undefined {
  if (!envChecked) activeCassette ??= cassetteFromEnv();
  return activeCassette;
}

export function setCassette(c: Cassette | undefined): void {
  envChecked = true;
  activeCassette = c;
}

/** No cassette; the environment is read again on the next call. */
export function clearCassettes(): void {
  activeCassette = undefined;
  envChecked = false;
}

export interface TurnInput {
  readonly system: string | undefined;
  readonly messages: readonly ChatMessage[];
  readonly tools?: readonly ToolSchema[];
  readonly jsonMode?: boolean;
}

function cancellation(ctx: CallContext): Cancellation {
  return { isCancelled: () => ctx.interp.interrupted() };
}

export function toSemaError(fn: string, err: ProviderError): SemaError {
  const f = err.failure;
  // Ctrl+C / editor Cancel: the same error the evaluator raises when interrupted, so
  // the CLI reports "Interrupted" and try/catch does not swallow it.
  if (f.category === 'cancelled') return new SemaError('interrupted', 'interrupted');
  return new SemaError(`${fn}: ${f.message}`, `llm/${f.category}`, f.status !== undefined ? { status: f.status } : {});
}

/** SEMA_DEFAULT_MAX_TOKENS (the editor's `sema.llm.maxTokens`) applies when a call gives none. */
function envMaxTokens(): number | undefined {
  const raw = process.env['SEMA_DEFAULT_MAX_TOKENS'];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

function baseRequest(opts: LlmOptions, turn: TurnInput): Omit<LlmRequest, 'model'> {
  return {
    maxTokens: opts.maxTokens ?? envMaxTokens() ?? DEFAULT_MAX_TOKENS,
    ...(opts.temperature !== undefined ? { temperature: opts.temperature } : {}),
    ...(opts.reasoningEffort !== undefined ? { reasoningEffort: opts.reasoningEffort } : {}),
    ...(turn.system !== undefined ? { system: turn.system } : {}),
    messages: turn.messages,
    ...(turn.tools && turn.tools.length > 0 ? { tools: turn.tools } : {}),
    ...(turn.jsonMode ? { jsonMode: true } : {}),
  };
}

function cassetteMiss(fn: string, tape: Cassette, opts: LlmOptions, turn: TurnInput): SemaError {
  return new SemaError(
    `${fn}: cassette miss in :replay mode: this call (model ${opts.model ?? 'default'}, ${turn.messages.length} message(s)) ` +
      `is not recorded in ${tape.label}; re-record it with {:mode :auto}`,
    'llm/cassette-miss',
  );
}

function providerConfig(fn: string, opts: LlmOptions, named?: string): ProviderConfig {
  const provider = named === undefined ? providers.require(fn) : providers.configured(fn, named);
  return opts.timeoutMs !== undefined
    ? { ...provider, idleTimeoutMs: opts.timeoutMs, requestTimeoutMs: opts.timeoutMs }
    : provider;
}

/** Usage and budget bookkeeping for one answer (replayed or fresh). */
function account(ctx: CallContext, fn: string, response: LlmResponse, streaming: boolean): void {
  const cost = usage.record(response.model, response.usage);
  const tokens = response.usage.inputTokens + response.usage.outputTokens;
  budget.afterCall(fn, response.model, tokens, cost, streaming, (text) => ctx.interp.writeErr(text));
}

/** A Sema-defined provider answers on this thread; a stream gets one chunk. */
function lispAnswer(ctx: CallContext, fn: string, config: ProviderConfig, request: LlmRequest, sink?: (t: string) => void): LlmResponse {
  const response = callLispProvider(ctx, fn, config.name, providers.lispHandlers.get(config.name)!, request);
  if (sink && response.text !== '') sink(response.text);
  return response;
}

function bridged<T>(fn: string, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof ProviderError) throw toSemaError(fn, err);
    throw err;
  }
}

/** One request to one provider, paced by the active rate limit. */
function send(ctx: CallContext, fn: string, config: ProviderConfig, request: LlmRequest, sink?: (t: string) => void): LlmResponse {
  routing.pace(ctx);
  return config.kind === 'lisp'
    ? lispAnswer(ctx, fn, config, request, sink)
    : bridged(fn, () => callSync(config, request, sink, cancellation(ctx)));
}

/**
 * Sends `base` to the default provider, or down the `llm/with-fallback` chain: each
 * provider in turn (with the chain's model for it, else the call's, else its default)
 * until one answers. A stream falls over only before its first chunk arrived.
 */
function dispatch(ctx: CallContext, fn: string, opts: LlmOptions, base: Omit<LlmRequest, 'model'>, sink?: (t: string) => void): LlmResponse {
  const chain = routing.chain;
  if (chain === undefined) {
    const config = providerConfig(fn, opts);
    return send(ctx, fn, config, { ...base, model: opts.model ?? config.defaultModel }, sink);
  }
  let last: SemaError | undefined;
  for (const entry of chain) {
    let delivered = false;
    const tracked = sink
      ? (t: string): void => {
          delivered = true;
          sink(t);
        }
      : undefined;
    try {
      const config = providerConfig(fn, opts, entry.provider);
      return send(ctx, fn, config, { ...base, model: entry.model ?? opts.model ?? config.defaultModel }, tracked);
    } catch (err) {
      if (!(err instanceof SemaError) || err.type === 'interrupted' || delivered) throw err;
      ctx.interp.writeErr(`Provider '${entry.provider}' failed: ${err.message}, trying next...\n`);
      last = err;
    }
  }
  throw last ?? new SemaError(`${fn}: the fallback chain is empty`, 'llm/config');
}

/** The model a call logically uses, for its cache key (the chain's first link decides under a fallback). */
function keyModel(fn: string, opts: LlmOptions): string {
  if (opts.model !== undefined) return opts.model;
  const first = routing.chain?.[0];
  if (first !== undefined) return first.model ?? providers.configured(fn, first.provider).defaultModel;
  return providers.require(fn).defaultModel;
}

/** What the request's tracing span records before the answer is known. */
function chatInfo(fn: string, opts: LlmOptions, turn: TurnInput) {
  return {
    provider: () => routing.chain?.[0]?.provider ?? providers.require(fn).name,
    model: () => keyModel(fn, opts),
    maxTokens: opts.maxTokens ?? envMaxTokens() ?? DEFAULT_MAX_TOKENS,
    temperature: opts.temperature,
    messages: turn.messages,
    system: turn.system,
    cost: (model: string, input: number, output: number) => usage.cost(model, input, output),
  };
}

/** Sends one request; `onChunk` makes it a streaming request. Traced as a `chat` span. */
export function runModel(
  ctx: CallContext,
  fn: string,
  opts: LlmOptions,
  turn: TurnInput,
  onChunk?: (text: string) => void,
): LlmResponse {
  return withCallIdentity(opts, () =>
    tracedChat(chatInfo(fn, opts, turn), (trace) => runModelUntraced(ctx, fn, opts, turn, trace?.firstToken(onChunk) ?? onChunk, trace)));
}

function runModelUntraced(
  ctx: CallContext,
  fn: string,
  opts: LlmOptions,
  turn: TurnInput,
  onChunk: ((text: string) => void) | undefined,
  trace: ChatTrace | undefined,
): LlmResponse {
  const kind = onChunk ? 'stream' : 'complete';
  budget.beforeCall(fn, onChunk !== undefined);
  const base = baseRequest(opts, turn);
  const tape = currentCassette();
  const key = tape ? cassetteKey(kind, opts.model, { ...base, model: opts.model ?? '' }) : '';
  const replay = tape?.lookup(key);
  if (replay) {
    if (onChunk) for (const c of replay.chunks ?? [replay.response.text]) onChunk(c);
    account(ctx, fn, replay.response, onChunk !== undefined);
    return replay.response;
  }
  if (tape && !tape.canCallModel) throw cassetteMiss(fn, tape, opts, turn);
  // The response cache serves plain answers only: not streams, tool turns or taped calls.
  const cached = responseCache.enabled && !onChunk && !tape && base.tools === undefined;
  const cacheId = cached ? cacheKey({ ...base, model: keyModel(fn, opts) }) : '';
  const hit = cached ? responseCache.lookup(cacheId) : undefined;
  if (hit) {
    trace?.cacheHit();
    account(ctx, fn, hit, false);
    return hit;
  }
  const chunks: string[] = [];
  const sink = onChunk
    ? (text: string): void => {
        chunks.push(text);
        onChunk(text);
      }
    : undefined;
  const response = dispatch(ctx, fn, opts, base, sink);
  if (cached && response.toolCalls.length === 0) responseCache.store(cacheId, response);
  tape?.record(key, { kind, response, ...(onChunk ? { chunks } : {}) });
  account(ctx, fn, response, onChunk !== undefined);
  return response;
}

/**
 * Sends several plain requests at once (`llm/batch`, `llm/pmap`); answers in order.
 * Recorded ones are replayed; the rest go out concurrently.
 */
export function runModels(ctx: CallContext, fn: string, opts: LlmOptions, turns: readonly TurnInput[]): LlmResponse[] {
  // A fallback chain, a rate limit or the cache decide per request, and tracing gives each
  // request its own span: send them one by one.
  if (routing.sequential || responseCache.enabled || tracingEnabled()) return turns.map((t) => runModel(ctx, fn, opts, t));
  budget.beforeCall(fn, false);
  const tape = currentCassette();
  const bases = turns.map((t) => baseRequest(opts, t));
  const keys = bases.map((b) => (tape ? cassetteKey('complete', opts.model, { ...b, model: opts.model ?? '' }) : ''));
  const answers: (LlmResponse | undefined)[] = keys.map((k) => (tape ? tape.lookup(k)?.response : undefined));
  const missing = answers.flatMap((a, i) => (a === undefined ? [i] : []));
  if (tape && !tape.canCallModel && missing.length > 0) throw cassetteMiss(fn, tape, opts, turns[missing[0]!]!);
  if (missing.length > 0) {
    const config = providerConfig(fn, opts);
    const requests = missing.map((i) => ({ ...bases[i]!, model: opts.model ?? config.defaultModel }));
    const fresh =
      config.kind === 'lisp'
        ? requests.map((r) => lispAnswer(ctx, fn, config, r, undefined))
        : bridged(fn, () => callAllSync(config, requests, cancellation(ctx)));
    missing.forEach((i, j) => {
      answers[i] = fresh[j]!;
      tape?.record(keys[i]!, { kind: 'complete', response: fresh[j]! });
    });
  }
  return answers.map((a) => {
    account(ctx, fn, a!, false);
    return a!;
  });
}
