// The options of the LLM task and scope functions (`llm/extract`, `llm/summarize`,
// `llm/with-cache`, ...), beside the call options they accept. Kept free of anything
// heavy: the catalogue (and through it the language server) reads these for hover.

import { Keyword, type Value } from '../eval/values';
import type { ExtraOption, OptionSet } from './options';

export const DEFAULT_CACHE_TTL_SECONDS = 3600;

/** The call options a task takes: its instruction is its own, and it never runs tools. */
export const TASK_CALL_OPTIONS = ['model', 'max-tokens', 'temperature', 'reasoning-effort', 'timeout'];

const boolean = (v: Value): string | undefined => (typeof v === 'boolean' ? undefined : '#t or #f');

export const EXTRACT_OPTIONS: OptionSet = {
  call: TASK_CALL_OPTIONS,
  extra: [
    { name: 'validate', type: 'boolean', summary: 'Check the result against the schema.', default: '#t', check: boolean },
    {
      name: 'retries',
      type: 'non-negative integer',
      summary: 'How many times to ask again when the result does not match the schema.',
      default: '2',
      check: (v) => (typeof v === 'number' && v >= 0 ? undefined : 'a non-negative integer'),
    },
    { name: 'reask?', type: 'boolean', summary: 'Show the model its previous answer and the problems when asking again.', default: '#t', check: boolean },
  ],
};

export const TASK_OPTIONS: OptionSet = { call: TASK_CALL_OPTIONS };

const SUMMARY_STYLES = ['paragraph', 'bullet-points', 'bullets', 'one-line'];

export const SUMMARIZE_OPTIONS: OptionSet = {
  call: TASK_CALL_OPTIONS,
  extra: [
    {
      name: 'max-length',
      type: 'positive integer (words)',
      summary: 'Asks for a summary under this many words.',
      check: (v) => (typeof v === 'number' && v > 0 ? undefined : 'a positive integer'),
    },
    {
      name: 'style',
      type: 'keyword :paragraph :bullet-points :bullets :one-line',
      summary: 'The shape of the summary (`:bullets` is the same as `:bullet-points`).',
      default: ':paragraph',
      check: (v) => (SUMMARY_STYLES.includes(styleName(v)) ? undefined : 'one of :paragraph, :bullet-points, :bullets, :one-line'),
    },
  ] satisfies ExtraOption[],
};

export function styleName(v: Value): string {
  return v instanceof Keyword ? v.name : typeof v === 'string' ? v : '';
}

export const WITH_CACHE_OPTIONS: OptionSet = {
  call: [],
  extra: [
    {
      name: 'ttl',
      type: 'positive integer (seconds)',
      summary: 'How long a stored answer may be served.',
      default: String(DEFAULT_CACHE_TTL_SECONDS),
      check: (v) => (typeof v === 'number' && v > 0 ? undefined : 'a positive integer (seconds)'),
    },
  ],
};

/** The options that make up a cache key (`llm/cache-key`). */
export const CACHE_KEY_OPTIONS: OptionSet = { call: ['model', 'temperature', 'system'] };


/** `llm/rerank`'s options beside `:model`. */
export const RERANK_OPTIONS: OptionSet = {
  call: ['model'],
  extra: [
    {
      name: 'top-k',
      type: 'positive integer',
      summary: 'How many of the best documents to return (default: all).',
      check: (v) => (typeof v === 'number' && v > 0 ? undefined : 'a positive integer'),
    },
    {
      name: 'provider',
      type: 'keyword :cohere :jina :voyage :together :fireworks',
      summary: 'The hosted reranker to use (default: the embedding provider).',
      check: (v) => (v instanceof Keyword || typeof v === 'string' ? undefined : 'a provider keyword like :cohere'),
    },
  ],
};
