// Scopes around LLM calls: the response cache (`llm/with-cache` and its inspectors),
// provider fallback chains, rate limiting, and where prices come from.

import { mapFromPairs } from '../eval/equality';
import { SemaError, typeError } from '../eval/errors';
import { Float, Keyword, SemaHashMap, SemaMap, typeName, Vector, type Value } from '../eval/values';
import { fn, type BuiltinSpec } from '../stdlib/registry';
import * as arg from './args';
import { keyName, lookup } from './convert';
import { parseOptionSet } from './options';
import { providers } from './providers';
import { cacheKey, responseCache } from './response-cache';
import { CACHE_KEY_OPTIONS, DEFAULT_CACHE_TTL_SECONDS, WITH_CACHE_OPTIONS } from './task-options';
import { routing, type FallbackEntry } from './routing';
import { PRICES_UPDATED_AT } from './usage';

const kw = Keyword.of;

function providerName(fn: string, v: Value | undefined, what: string): string {
  if (v instanceof Keyword) return v.name;
  if (typeof v === 'string') return v;
  throw new SemaError(`${fn}: ${what} must be a provider keyword like :anthropic, got ${typeName(v ?? null)}`, 'type-error');
}

/** `:anthropic`, `[:openai "gpt-5.5"]` or `{:provider :openai :model "gpt-5.5"}`. */
function fallbackEntry(fn: string, v: Value, i: number): FallbackEntry {
  const where = `chain entry ${i + 1}`;
  if (v instanceof Keyword || typeof v === 'string') return { provider: providerName(fn, v, where) };
  if (v instanceof SemaMap || v instanceof SemaHashMap) {
    for (const [k] of v.entries()) {
      if (keyName(k) !== 'provider' && keyName(k) !== 'model') {
        throw new SemaError(`${fn}: ${where}: unknown key :${keyName(k)}; allowed keys: :provider, :model`, 'llm/invalid-option');
      }
    }
    const model = lookup(v, 'model');
    return {
      provider: providerName(fn, lookup(v, 'provider'), `${where} :provider`),
      ...(model === undefined || model === null ? {} : { model: arg.str(fn, model, 0) }),
    };
  }
  const pair = Array.isArray(v) ? v : v instanceof Vector ? v.items : undefined;
  if (pair !== undefined && pair.length === 2 && typeof pair[1] === 'string') {
    return { provider: providerName(fn, pair[0], `${where} provider`), model: pair[1] };
  }
  throw new SemaError(
    `${fn}: ${where} must be a provider keyword, a [provider "model"] pair or {:provider ... :model ...}, got ${typeName(v)}`,
    'type-error',
  );
}

export const resilienceBuiltins: BuiltinSpec[] = [
  // (llm/with-cache thunk) or (llm/with-cache opts thunk): the options come first.
  fn('llm/with-cache', 1, 2, (args, ctx) => {
    const name = 'llm/with-cache';
    const body = arg.procedure(name, args[args.length - 1], args.length - 1);
    const ttl = args.length === 2 ? parseOptionSet(name, args[0], WITH_CACHE_OPTIONS).extra.get('ttl') : undefined;
    return responseCache.scoped(true, (ttl as number | undefined) ?? DEFAULT_CACHE_TTL_SECONDS, () => ctx.apply(body, []));
  }),
  fn('llm/cache-key', 1, 2, ([p, o]) => {
    const name = 'llm/cache-key';
    const prompt = arg.str(name, p, 0);
    const { opts } = parseOptionSet(name, o, CACHE_KEY_OPTIONS);
    // Without :model the key uses the model a call would get: the default provider's.
    const model = opts.model ?? providers.current()?.defaultModel ?? '';
    return cacheKey({
      model,
      ...(opts.temperature !== undefined ? { temperature: opts.temperature } : {}),
      ...(opts.system !== undefined ? { system: opts.system } : {}),
      messages: [{ role: 'user', content: [{ type: 'text', text: prompt }] }],
    });
  }),
  fn('llm/cache-stats', 0, 0, () =>
    mapFromPairs([kw('hits'), responseCache.hits, kw('misses'), responseCache.misses, kw('size'), responseCache.size]),
  ),
  fn('llm/cache-clear', 0, 0, () => responseCache.clear()),

  fn('llm/with-fallback', 2, 2, ([chain, thunk], ctx) => {
    const name = 'llm/with-fallback';
    const items = Array.isArray(chain) ? chain : chain instanceof Vector ? chain.items : undefined;
    if (items === undefined || items.length === 0) {
      throw typeError(name, 'non-empty list or vector of providers', typeName(chain ?? null), 0);
    }
    const entries = items.map((v, i) => fallbackEntry(name, v, i));
    const body = arg.procedure(name, thunk, 1);
    return routing.withChain(entries, () => ctx.apply(body, []));
  }),
  fn('llm/with-rate-limit', 2, 2, ([rate, thunk], ctx) => {
    const name = 'llm/with-rate-limit';
    const rps = typeof rate === 'number' ? rate : rate instanceof Float ? rate.value : undefined;
    if (rps === undefined || !(rps > 0) || !Number.isFinite(rps)) {
      throw typeError(name, 'positive number (requests per second)', typeName(rate ?? null), 0);
    }
    const body = arg.procedure(name, thunk, 1);
    return routing.withRate(rps, () => ctx.apply(body, []));
  }),

  fn('llm/pricing-status', 0, 0, () => mapFromPairs([kw('source'), 'embedded', kw('updated-at'), PRICES_UPDATED_AT])),
];
