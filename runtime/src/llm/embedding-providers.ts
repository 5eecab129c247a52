// Embedding (and reranking) providers: which hosted API `llm/embed` and `llm/rerank`
// talk to, chosen by `llm/configure-embeddings`, the environment or the chat provider,
// and the one JSON POST they share (through the synchronous HTTP helper the `http/*`
// builtins use), whose failures become the same `:llm/...` errors as chat calls.

import { SemaError, typeError } from '../eval/errors';
import { SemaHashMap, SemaMap, typeName, type CallContext, type Value } from '../eval/values';
import { requestSync } from '../stdlib/http-bridge';
import * as arg from './args';
import { toSemaError } from './call';
import { keyName } from './convert';
import { ProviderError } from './provider';
import { apiMessage, httpFailure } from './provider-errors';
import { providers } from './providers';

export interface EmbeddingConfig {
  readonly name: string;
  readonly dialect: 'openai' | 'cohere';
  readonly baseUrl: string;
  readonly apiKey: string | undefined;
  readonly defaultModel: string;
}

/** A hosted reranker: its default model and the name of its top-k field. */
export interface RerankDialect {
  readonly model: string;
  readonly topK: 'top_n' | 'top_k';
}

interface KnownProvider {
  readonly base: string;
  readonly model: string;
  readonly env: string;
  readonly dialect?: 'cohere';
  readonly rerank?: RerankDialect;
}

/** Known hosted embedding APIs: base URL, default model and reranker (if any). */
export const KNOWN: Record<string, KnownProvider> = {
  jina: { base: 'https://api.jina.ai/v1', model: 'jina-embeddings-v3', env: 'JINA_API_KEY', rerank: { model: 'jina-reranker-v2-base-multilingual', topK: 'top_n' } },
  voyage: { base: 'https://api.voyageai.com/v1', model: 'voyage-3', env: 'VOYAGE_API_KEY', rerank: { model: 'rerank-2.5', topK: 'top_k' } },
  cohere: { base: 'https://api.cohere.com/v2', model: 'embed-english-v3.0', env: 'COHERE_API_KEY', dialect: 'cohere', rerank: { model: 'rerank-v3.5', topK: 'top_n' } },
  together: { base: 'https://api.together.xyz/v1', model: 'BAAI/bge-base-en-v1.5', env: 'TOGETHER_API_KEY', rerank: { model: 'BAAI/bge-reranker-v2-m3', topK: 'top_n' } },
  fireworks: {
    base: 'https://api.fireworks.ai/inference/v1',
    model: 'fireworks/qwen3-embedding-8b',
    env: 'FIREWORKS_API_KEY',
    rerank: { model: 'fireworks/qwen3-reranker-8b', topK: 'top_n' },
  },
  openai: { base: 'https://api.openai.com/v1', model: 'text-embedding-3-small', env: 'OPENAI_API_KEY' },
};

/** Environment keys in the order they are tried when nothing was configured. */
export const ENV_ORDER = ['jina', 'voyage', 'cohere', 'together', 'fireworks', 'openai'];
const DEFAULT_EMBEDDING_MODEL = 'text-embedding-3-small';
const TIMEOUT_MS = 60_000;

let configured: EmbeddingConfig | undefined;

export function resetEmbeddings(): void {
  configured = undefined;
}

export function build(name: string, opts: { apiKey?: string; baseUrl?: string; model?: string }): EmbeddingConfig {
  const known = KNOWN[name];
  const envBase = name === 'openai' ? process.env['OPENAI_BASE_URL'] || undefined : undefined;
  const baseUrl = opts.baseUrl ?? envBase ?? known?.base;
  if (baseUrl === undefined) {
    throw new SemaError(
      `llm/configure-embeddings: :${name} is not a known embedding provider; give {:base-url "https://.../v1"} for an OpenAI-compatible endpoint`,
      'llm/config',
    );
  }
  return {
    name,
    dialect: known?.dialect ?? 'openai',
    baseUrl: baseUrl.replace(/\/+$/, ''),
    apiKey: opts.apiKey ?? (known ? process.env[known.env] || undefined : undefined),
    defaultModel: opts.model ?? known?.model ?? DEFAULT_EMBEDDING_MODEL,
  };
}

/** The configured provider, else the first embedding key in the environment, else an OpenAI-compatible chat provider. */
export function current(fn: string): EmbeddingConfig {
  if (configured) return configured;
  const fromEnv = ENV_ORDER.find((n) => process.env[KNOWN[n]!.env]);
  if (fromEnv) return build(fromEnv, {});
  const chat = providers.current();
  if (chat?.kind === 'openai' && chat.baseUrl) {
    return { name: chat.name, dialect: 'openai', baseUrl: chat.baseUrl.replace(/\/+$/, ''), apiKey: chat.apiKey, defaultModel: DEFAULT_EMBEDDING_MODEL };
  }
  throw new SemaError(
    `${fn}: no embedding provider configured. Use (llm/configure-embeddings ...) or set one of ` +
      `${ENV_ORDER.map((n) => KNOWN[n]!.env).join(', ')}`,
    'llm/config',
  );
}

const CONFIGURE_KEYS = ['api-key', 'base-url', 'default-model'];

export function configure(name: string, o: Value | undefined): void {
  const f = 'llm/configure-embeddings';
  if (!(o instanceof SemaMap || o instanceof SemaHashMap)) throw typeError(f, 'map', typeName(o ?? null), 1);
  const opts: { apiKey?: string; baseUrl?: string; model?: string } = {};
  for (const [k, v] of o.entries()) {
    const key = keyName(k);
    if (key === 'api-key') opts.apiKey = arg.str(f, v, 1);
    else if (key === 'base-url') opts.baseUrl = arg.str(f, v, 1);
    else if (key === 'default-model' || key === 'model') opts.model = arg.str(f, v, 1);
    else {
      throw new SemaError(`${f}: unknown option :${key}; allowed options: ${CONFIGURE_KEYS.map((x) => ':' + x).join(', ')}`, 'llm/invalid-option');
    }
  }
  configured = build(name, opts);
}


/** A short name for messages: "OpenAI" or "provider jina". */
export function providerLabel(c: EmbeddingConfig): string {
  return c.name === 'openai' ? 'OpenAI' : `provider ${c.name}`;
}

/**
 * POSTs `body` as JSON to `{base}/{path}` and returns the parsed answer. Transport and HTTP
 * failures become `:llm/network` / `:llm/<category>` errors; a reply that is not JSON,
 * `:llm/invalid-response`.
 */
export function postJson(ctx: CallContext, fn: string, c: EmbeddingConfig, path: string, body: unknown): unknown {
  const label = providerLabel(c);
  const headers: [string, string][] = [['content-type', 'application/json']];
  if (c.apiKey) headers.push(['authorization', `Bearer ${c.apiKey}`]);
  const reply = requestSync(
    { method: 'POST', url: `${c.baseUrl}/${path}`, headers, body: JSON.stringify(body), timeoutMs: TIMEOUT_MS },
    () => ctx.interp.interrupted(),
  );
  if (reply === 'interrupted') throw new SemaError('interrupted', 'interrupted');
  if (!reply.ok) throw new SemaError(`${fn}: could not reach ${label} at ${c.baseUrl} (${reply.error})`, 'llm/network');
  if (reply.status < 200 || reply.status >= 300) {
    throw toSemaError(fn, new ProviderError(httpFailure(label, reply.status, apiMessage(reply.body))));
  }
  try {
    return JSON.parse(reply.body);
  } catch {
    throw invalidResponse(fn, `${label} sent an answer that is not JSON`);
  }
}

export function invalidResponse(fn: string, message: string): SemaError {
  return new SemaError(`${fn}: ${message}`, 'llm/invalid-response');
}
