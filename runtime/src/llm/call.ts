// One model request as the Sema builtins see it: cassette first, then the default
// provider through the sync bridge; usage recorded; every failure becomes one Sema
// error with `:type :llm/<category>`.

import { SemaError } from '../eval/errors';
import type { CallContext } from '../eval/values';
import { resolve } from 'node:path';
import { Cassette, cassetteKey } from './cassette';
import { DEFAULT_MAX_TOKENS, type LlmOptions } from './options';
import { ProviderError, type ChatMessage, type LlmRequest, type LlmResponse, type ToolSchema } from './provider';
import { providers } from './providers';
import { callSync, type Cancellation } from './sync-bridge';
import { usage } from './usage';

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

/** Sends one request; `onChunk` makes it a streaming request. */
export function runModel(
  ctx: CallContext,
  fn: string,
  opts: LlmOptions,
  turn: TurnInput,
  onChunk?: (text: string) => void,
): LlmResponse {
  const kind = onChunk ? 'stream' : 'complete';
  const base: Omit<LlmRequest, 'model'> = {
    maxTokens: opts.maxTokens ?? DEFAULT_MAX_TOKENS,
    ...(opts.temperature !== undefined ? { temperature: opts.temperature } : {}),
    ...(turn.system !== undefined ? { system: turn.system } : {}),
    messages: turn.messages,
    ...(turn.tools && turn.tools.length > 0 ? { tools: turn.tools } : {}),
  };
  const tape = currentCassette();
  const key = tape ? cassetteKey(kind, opts.model, { ...base, model: opts.model ?? '' }) : '';
  const replay = tape?.lookup(key);
  if (replay) {
    if (onChunk) for (const c of replay.chunks ?? [replay.response.text]) onChunk(c);
    usage.record(replay.response.model, replay.response.usage);
    return replay.response;
  }
  if (tape && !tape.canCallModel) {
    throw new SemaError(
      `${fn}: cassette miss in :replay mode: this call (model ${opts.model ?? 'default'}, ${turn.messages.length} message(s)) ` +
        `is not recorded in ${tape.label}; re-record it with {:mode :auto}`,
      'llm/cassette-miss',
    );
  }
  const provider = providers.require(fn);
  const config =
    opts.timeoutMs !== undefined ? { ...provider, idleTimeoutMs: opts.timeoutMs, requestTimeoutMs: opts.timeoutMs } : provider;
  const request: LlmRequest = { ...base, model: opts.model ?? config.defaultModel };
  const chunks: string[] = [];
  const sink = onChunk
    ? (text: string): void => {
        chunks.push(text);
        onChunk(text);
      }
    : undefined;
  let response: LlmResponse;
  try {
    response = callSync(config, request, sink, cancellation(ctx));
  } catch (err) {
    if (err instanceof ProviderError) throw toSemaError(fn, err);
    throw err;
  }
  usage.record(response.model, response.usage);
  tape?.record(key, { kind, response, ...(onChunk ? { chunks } : {}) });
  return response;
}
