// Embeddings: `llm/configure-embeddings` and `llm/embed`. Providers speak the
// OpenAI-compatible `POST {base}/embeddings` ({model, input} -> {data: [{embedding}]})
// except Cohere (`POST /v2/embed`). Requests go through the synchronous HTTP helper the
// `http/*` builtins use; failures become the same `:llm/...` errors as chat calls.

import { SemaError, typeError } from '../eval/errors';
import { Keyword, SemaHashMap, SemaMap, typeName, Vector, type CallContext, type Value } from '../eval/values';
import { printValue } from '../reader/printer';
import { requestSync } from '../stdlib/http-bridge';
import { fn, type BuiltinSpec } from '../stdlib/registry';
import * as arg from './args';
import { toSemaError } from './call';
import { keyName } from './convert';
import { packFloats } from './builtins-vectors';
import { parseOptionSet } from './options';
import { ProviderError } from './provider';
import { apiMessage, httpFailure } from './provider-errors';
import { providers } from './providers';
import { usage } from './usage';

interface EmbeddingConfig {
  readonly name: string;
  readonly dialect: 'openai' | 'cohere';
  readonly baseUrl: string;
  readonly apiKey: string | undefined;
  readonly defaultModel: string;
}

/** Known hosted embedding APIs: base URL and default model. */
const KNOWN: Record<string, { base: string; model: string; env: string; dialect?: 'cohere' }> = {
  jina: { base: 'https://api.jina.ai/v1', model: 'jina-embeddings-v3', env: 'JINA_API_KEY' },
  voyage: { base: 'https://api.voyageai.com/v1', model: 'voyage-3', env: 'VOYAGE_API_KEY' },
  cohere: { base: 'https://api.cohere.com/v2', model: 'embed-english-v3.0', env: 'COHERE_API_KEY', dialect: 'cohere' },
  together: { base: 'https://api.together.xyz/v1', model: 'BAAI/bge-base-en-v1.5', env: 'TOGETHER_API_KEY' },
  fireworks: { base: 'https://api.fireworks.ai/inference/v1', model: 'fireworks/qwen3-embedding-8b', env: 'FIREWORKS_API_KEY' },
  openai: { base: 'https://api.openai.com/v1', model: 'text-embedding-3-small', env: 'OPENAI_API_KEY' },
};

/** Environment keys in the order they are tried when nothing was configured. */
const ENV_ORDER = ['jina', 'voyage', 'cohere', 'together', 'fireworks', 'openai'];
const DEFAULT_EMBEDDING_MODEL = 'text-embedding-3-small';
const TIMEOUT_MS = 60_000;

let configured: EmbeddingConfig | undefined;

export function resetEmbeddings(): void {
  configured = undefined;
}

function build(name: string, opts: { apiKey?: string; baseUrl?: string; model?: string }): EmbeddingConfig {
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
function current(fn: string): EmbeddingConfig {
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

function configure(name: string, o: Value | undefined): void {
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

function requestBody(c: EmbeddingConfig, model: string, texts: readonly string[]): unknown {
  return c.dialect === 'cohere'
    ? { model, texts, input_type: 'search_document', embedding_types: ['float'] }
    : { model, input: texts };
}

/** The vectors of an answer, or undefined when it does not have the expected shape. */
function vectorsOf(c: EmbeddingConfig, json: unknown): number[][] | undefined {
  const body = json as { data?: { embedding?: unknown; index?: number }[]; embeddings?: { float?: unknown } };
  const raw =
    c.dialect === 'cohere'
      ? body.embeddings?.float
      : Array.isArray(body.data)
        ? [...body.data].sort((a, b) => (a.index ?? 0) - (b.index ?? 0)).map((d) => d.embedding)
        : undefined;
  if (!Array.isArray(raw) || !raw.every((v) => Array.isArray(v) && v.every((x) => typeof x === 'number'))) return undefined;
  return raw as number[][];
}

function embed(ctx: CallContext, fn: string, texts: readonly string[], model: string | undefined): number[][] {
  const c = current(fn);
  const label = c.name === 'openai' ? 'OpenAI' : `provider ${c.name}`;
  const url = c.dialect === 'cohere' ? `${c.baseUrl}/embed` : `${c.baseUrl}/embeddings`;
  const headers: [string, string][] = [['content-type', 'application/json']];
  if (c.apiKey) headers.push(['authorization', `Bearer ${c.apiKey}`]);
  const chosen = model ?? c.defaultModel;
  const reply = requestSync(
    { method: 'POST', url, headers, body: JSON.stringify(requestBody(c, chosen, texts)), timeoutMs: TIMEOUT_MS },
    () => ctx.interp.interrupted(),
  );
  if (reply === 'interrupted') throw new SemaError('interrupted', 'interrupted');
  const fail = (category: 'network' | 'invalid-response', message: string): SemaError => new SemaError(`${fn}: ${message}`, `llm/${category}`);
  if (!reply.ok) throw fail('network', `could not reach ${label} at ${c.baseUrl} (${reply.error})`);
  if (reply.status < 200 || reply.status >= 300) {
    throw toSemaError(fn, new ProviderError(httpFailure(label, reply.status, apiMessage(reply.body))));
  }
  let json: unknown;
  try {
    json = JSON.parse(reply.body);
  } catch {
    throw fail('invalid-response', `${label} sent an embedding answer that is not JSON`);
  }
  const vectors = vectorsOf(c, json);
  if (vectors === undefined || vectors.length !== texts.length) {
    throw fail('invalid-response', `${label} sent no usable embeddings (expected ${texts.length})`);
  }
  const u = (json as { usage?: { prompt_tokens?: number; total_tokens?: number } }).usage;
  const tokens = u?.prompt_tokens ?? u?.total_tokens ?? 0;
  usage.record(typeof (json as { model?: unknown }).model === 'string' ? (json as { model: string }).model : chosen, {
    inputTokens: tokens,
    outputTokens: 0,
    cacheReadTokens: 0,
    cacheCreationTokens: 0,
  });
  return vectors;
}

export const embeddingBuiltins: BuiltinSpec[] = [
  fn('llm/configure-embeddings', 2, 2, ([name, o]) => {
    const n = name instanceof Keyword ? name.name : arg.str('llm/configure-embeddings', name, 0);
    configure(n, o);
    return null;
  }),
  fn('llm/embed', 1, 2, ([input, o], ctx) => {
    const f = 'llm/embed';
    const single = typeof input === 'string';
    const items = single ? [input] : Array.isArray(input) ? input : input instanceof Vector ? input.items : undefined;
    if (items === undefined) throw typeError(f, 'string or list of strings', typeName(input ?? null), 0);
    const texts = items.map((x) => (typeof x === 'string' ? x : printValue(x)));
    if (texts.length === 0) return [];
    const { opts } = parseOptionSet(f, o, { call: ['model'] });
    const vectors = embed(ctx, f, texts, opts.model).map(packFloats);
    return single ? vectors[0]! : vectors;
  }),
];
