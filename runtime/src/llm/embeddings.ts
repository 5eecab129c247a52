// `llm/configure-embeddings` and `llm/embed`: OpenAI-compatible providers answer
// `POST {base}/embeddings` ({model, input} -> {data: [{embedding}]}), Cohere
// `POST /v2/embed`; the vectors come back as bytevectors of little-endian f64s.

import { typeError } from '../eval/errors';
import { Keyword, typeName, Vector, type CallContext } from '../eval/values';
import { printValue } from '../reader/printer';
import { fn, type BuiltinSpec } from '../stdlib/registry';
import * as arg from './args';
import { packFloats } from './builtins-vectors';
import { configure, current, invalidResponse, postJson, providerLabel, type EmbeddingConfig } from './embedding-providers';
import { parseOptionSet } from './options';
import { budget } from './budget';
import { usage } from './usage';
import { tracedEmbeddings } from '../otel/llm-spans';

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
  budget.beforeCall(fn, false);
  const chosen = model ?? c.defaultModel;
  return tracedEmbeddings(c.name, chosen, (note) => {
    const json = postJson(ctx, fn, c, c.dialect === 'cohere' ? 'embed' : 'embeddings', requestBody(c, chosen, texts));
    const vectors = vectorsOf(c, json);
    if (vectors === undefined || vectors.length !== texts.length) {
      throw invalidResponse(fn, `${providerLabel(c)} sent no usable embeddings (expected ${texts.length})`);
    }
    const u = (json as { usage?: { prompt_tokens?: number; total_tokens?: number } }).usage;
    const tokens = u?.prompt_tokens ?? u?.total_tokens ?? 0;
    const served = typeof (json as { model?: unknown }).model === 'string' ? (json as { model: string }).model : chosen;
    const cost = usage.record(served, { inputTokens: tokens, outputTokens: 0, cacheReadTokens: 0, cacheCreationTokens: 0 });
    budget.afterCall(fn, served, tokens, cost, false, (text) => ctx.interp.writeErr(text));
    note(tokens, served, cost);
    return vectors;
  });
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
