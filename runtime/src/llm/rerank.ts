// `llm/rerank`: orders documents by relevance to a query with a hosted cross-encoder
// (`POST {base}/rerank` with {model, query, documents, top_n|top_k}; the answer lists
// {index, relevance_score} under `results` or `data`).

import { SemaError, typeError } from '../eval/errors';
import { Float, Keyword, typeName, Vector, type CallContext, type Value } from '../eval/values';
import { mapFromPairs } from '../eval/equality';
import { fn, type BuiltinSpec } from '../stdlib/registry';
import * as arg from './args';
import { build, current, invalidResponse, KNOWN, postJson, providerLabel, type EmbeddingConfig, type RerankDialect } from './embedding-providers';
import { parseOptionSet } from './options';
import { RERANK_OPTIONS } from './task-options';

const RERANKERS = Object.keys(KNOWN).filter((n) => KNOWN[n]!.rerank !== undefined);

/** The reranker named by `:provider`, else the embedding provider when it has one. */
function reranker(fn: string, named: Value | undefined): [EmbeddingConfig, RerankDialect] {
  const embedding = named === undefined ? current(fn) : undefined;
  const name = named === undefined ? embedding!.name : named instanceof Keyword ? named.name : String(named);
  const dialect = KNOWN[name]?.rerank;
  if (dialect === undefined) {
    throw new SemaError(
      `${fn}: ${named === undefined ? `the embedding provider :${name} has no reranker` : `:${name} is not a reranker`}; ` +
        `use {:provider ...} with one of ${RERANKERS.map((r) => ':' + r).join(', ')}`,
      'llm/config',
    );
  }
  const config = embedding?.name === name ? embedding : build(name, {});
  if (!config.apiKey) throw new SemaError(`${fn}: no API key for :${name}; set ${KNOWN[name]!.env} or use llm/configure-embeddings`, 'llm/config');
  return [config, dialect];
}

function documents(fn: string, v: Value | undefined): string[] {
  const items = Array.isArray(v) ? v : v instanceof Vector ? v.items : undefined;
  if (items === undefined) throw typeError(fn, 'list of strings', typeName(v ?? null), 1);
  return items.map((d) => {
    if (typeof d !== 'string') throw typeError(fn, 'string document', typeName(d), 1);
    return d;
  });
}

function rerank(ctx: CallContext, args: Value[]): Value {
  const name = 'llm/rerank';
  const query = arg.str(name, args[0], 0);
  const docs = documents(name, args[1]);
  const { opts, extra } = parseOptionSet(name, args[2], RERANK_OPTIONS);
  if (docs.length === 0) return [];
  const [config, dialect] = reranker(name, extra.get('provider'));
  const topK = extra.get('top-k');
  const body = { model: opts.model ?? dialect.model, query, documents: docs, ...(topK !== undefined ? { [dialect.topK]: topK } : {}) };
  const json = postJson(ctx, name, config, 'rerank', body) as { results?: unknown; data?: unknown };
  const list = Array.isArray(json.results) ? json.results : Array.isArray(json.data) ? json.data : undefined;
  if (list === undefined) throw invalidResponse(name, `${providerLabel(config)} sent no rerank results`);
  const ranked = (list as { index?: unknown; relevance_score?: unknown }[]).filter(
    (r) => typeof r.index === 'number' && r.index >= 0 && r.index < docs.length && typeof r.relevance_score === 'number',
  ) as { index: number; relevance_score: number }[];
  ranked.sort((a, b) => b.relevance_score - a.relevance_score);
  return ranked.map((r) =>
    mapFromPairs([Keyword.of('index'), r.index, Keyword.of('score'), new Float(r.relevance_score), Keyword.of('document'), docs[r.index]!]),
  );
}

export const rerankBuiltins: BuiltinSpec[] = [fn('llm/rerank', 2, 3, (args, ctx) => rerank(ctx, args))];
