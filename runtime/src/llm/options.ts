// The one schema of the options map every LLM call takes (`{:model ... :max-tokens ...}`).
// Calls validate against it before any request is sent; the catalogue (docs/llm.ts) and
// the language server's hover/completion read it too, so it imports nothing heavy.

import { SemaError, suggestSimilar } from '../eval/errors';
import { Float, Keyword, SemaHashMap, SemaMap, Vector, typeName, type Value } from '../eval/values';
import { printValue } from '../reader/printer';
import type { ReasoningEffort } from './provider';
import { ToolValue } from './values';

const EFFORTS: readonly ReasoningEffort[] = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh'];

export interface LlmOptions {
  model?: string;
  reasoningEffort?: ReasoningEffort;
  maxTokens?: number;
  temperature?: number;
  system?: string;
  tools?: ToolValue[];
  toolMode?: 'auto' | 'none';
  maxToolRounds?: number;
  timeoutMs?: number;
  /** Tracing identity (observability.md): spans of the call carry them. */
  conversationId?: string;
  sessionId?: string;
  userId?: string;
}

export interface OptionSpec {
  /** Keyword name without the colon. */
  readonly name: string;
  /** Human type, as docs and errors show it. */
  readonly type: string;
  readonly summary: string;
  /** Default as Sema source text. */
  readonly default?: string;
  /** Checks `v` and stores it into `out`; returns a problem description (after "must be") on failure. */
  readonly apply: (v: Value, out: LlmOptions) => string | undefined;
}

export const DEFAULT_MAX_TOKENS = 4096;
export const DEFAULT_MAX_TOOL_ROUNDS = 10;

function num(v: Value): number | undefined {
  if (typeof v === 'number') return v;
  if (v instanceof Float) return v.value;
  return undefined;
}

function positiveInt(v: Value): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
}

/** `:conversation-id`, `:session-id`, `:user-id`: strings the call's tracing spans carry. */
function identityOption(name: string, field: 'conversationId' | 'sessionId' | 'userId', summary: string): OptionSpec {
  return {
    name,
    type: 'string',
    summary,
    apply: (v, out) => {
      if (typeof v !== 'string' || v === '') return 'a non-empty string';
      out[field] = v;
      return undefined;
    },
  };
}

export const LLM_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'model',
    type: 'string',
    summary: "Model name, e.g. `\"claude-haiku-4-5-20251001\"`. Defaults to the provider's default model.",
    apply: (v, out) => {
      if (typeof v !== 'string' || v.trim() === '') return 'a non-empty string';
      out.model = v;
      return undefined;
    },
  },
  {
    name: 'max-tokens',
    type: 'positive integer',
    summary: 'Maximum number of tokens in the answer.',
    default: String(DEFAULT_MAX_TOKENS),
    apply: (v, out) => {
      const n = positiveInt(v);
      if (n === undefined) return 'a positive integer';
      out.maxTokens = n;
      return undefined;
    },
  },
  {
    name: 'temperature',
    type: 'number 0.0-1.0',
    summary:
      'Sampling temperature. Sent as the API\'s `temperature` field; a model that refuses it fails with `:llm/unsupported-option` (never dropped silently).',
    apply: (v, out) => {
      const n = num(v);
      if (n === undefined || !(n >= 0 && n <= 1)) return 'a number from 0.0 to 1.0';
      out.temperature = n;
      return undefined;
    },
  },
  {
    name: 'system',
    type: 'string',
    summary: 'System prompt, sent as the API\'s top-level system parameter (joined after any system messages).',
    apply: (v, out) => {
      if (typeof v !== 'string') return 'a string';
      out.system = v;
      return undefined;
    },
  },
  {
    name: 'reasoning-effort',
    type: 'keyword :none :minimal :low :medium :high :xhigh',
    summary:
      'How much a reasoning model deliberates. Anthropic: `output_config.effort` (`:minimal` as low; `:none` disables thinking); OpenAI-compatible: `reasoning_effort`.',
    apply: (v, out) => {
      const name = v instanceof Keyword ? v.name : typeof v === 'string' ? v : undefined;
      if (name === undefined || !(EFFORTS as readonly string[]).includes(name)) return 'one of :none, :minimal, :low, :medium, :high, :xhigh';
      out.reasoningEffort = name as ReasoningEffort;
      return undefined;
    },
  },
  {
    name: 'tools',
    type: 'list of tools',
    summary: 'Tools (from `deftool`) the model may call; the call runs the tool loop until a final answer.',
    default: '()',
    apply: (v, out) => {
      const items = Array.isArray(v) ? v : v instanceof Vector ? v.items : undefined;
      if (items === undefined || !items.every((t) => t instanceof ToolValue)) return 'a list or vector of tools';
      out.tools = items as ToolValue[];
      return undefined;
    },
  },
  {
    name: 'tool-mode',
    type: 'keyword :auto or :none',
    summary: '`:none` shows the tools to the model but never runs them.',
    default: ':auto',
    apply: (v, out) => {
      if (!(v instanceof Keyword) || (v.name !== 'auto' && v.name !== 'none')) return ':auto or :none';
      out.toolMode = v.name;
      return undefined;
    },
  },
  {
    name: 'max-tool-rounds',
    type: 'positive integer',
    summary: 'Most model turns the tool loop may take before giving up.',
    default: String(DEFAULT_MAX_TOOL_ROUNDS),
    apply: (v, out) => {
      const n = positiveInt(v);
      if (n === undefined) return 'a positive integer';
      out.maxToolRounds = n;
      return undefined;
    },
  },
  {
    name: 'timeout',
    type: 'positive integer (ms)',
    summary:
      'Milliseconds: a stream fails when nothing arrives for this long (default 60000); a plain call when its whole answer takes longer (default 600000).',
    apply: (v, out) => {
      const n = positiveInt(v);
      if (n === undefined) return 'a positive integer (milliseconds)';
      out.timeoutMs = n;
      return undefined;
    },
  },
  identityOption('conversation-id', 'conversationId', 'Tracing: the `gen_ai.conversation.id` of the call\'s spans (a fresh one per standalone call otherwise).'),
  identityOption('session-id', 'sessionId', 'Tracing: the `session.id` of the call\'s spans (default: the conversation id).'),
  identityOption('user-id', 'userId', 'Tracing: the `user.id` of the call\'s spans.'),
];

const byName = new Map(LLM_OPTIONS.map((o) => [o.name, o]));
const ALL_CALL_OPTIONS = LLM_OPTIONS.map((o) => o.name);

/** Options the reference documents that this implementation does not offer (yet). */
const NOT_OFFERED = new Set(['tags', 'metadata', 'stop-sequences']);

/**
 * An option one function takes besides the call options (`llm/extract`'s `:retries`,
 * `llm/with-cache`'s `:ttl`): documented and checked like the call options.
 */
export interface ExtraOption {
  readonly name: string;
  readonly type: string;
  readonly summary: string;
  readonly default?: string;
  /** Returns a problem description (after "must be") when `v` does not fit. */
  readonly check: (v: Value) => string | undefined;
}

/** Which options a function accepts: some (default all) call options, plus its own. */
export interface OptionSet {
  readonly call?: readonly string[];
  readonly extra?: readonly ExtraOption[];
}

/** Validated options: the call options, and the function's own ones by name. */
export interface ParsedOptions {
  readonly opts: LlmOptions;
  readonly extra: ReadonlyMap<string, Value>;
}

export function allowedList(extra: readonly string[] = [], call: readonly string[] = ALL_CALL_OPTIONS): string {
  return [...call, ...extra].map((n) => ':' + n).join(', ');
}

function invalid(message: string, option?: string): SemaError {
  return new SemaError(message, 'llm/invalid-option', option ? { option: Keyword.of(option) } : {});
}

function show(v: Value): string {
  const text = printValue(v);
  return text.startsWith('<') || text.length > 60 ? `a ${typeName(v)}` : text;
}

/**
 * Validates an options map (nil or missing = no options) against `set`. Throws
 * `:llm/invalid-option` naming the offending key and listing the allowed ones.
 */
export function parseOptionSet(fn: string, v: Value | undefined, set: OptionSet): ParsedOptions {
  const out: LlmOptions = {};
  const extra = new Map<string, Value>();
  if (v === undefined || v === null) return { opts: out, extra };
  const call = set.call ?? ALL_CALL_OPTIONS;
  const own = new Map((set.extra ?? []).map((o) => [o.name, o]));
  const allowed = allowedList([...own.keys()], call);
  if (!(v instanceof SemaMap || v instanceof SemaHashMap)) {
    throw invalid(`${fn}: expected an options map like {:max-tokens 100}, got ${show(v)}`);
  }
  for (const [key, value] of v.entries()) {
    if (!(key instanceof Keyword)) {
      throw invalid(`${fn}: option keys must be keywords, got ${show(key)}; allowed options: ${allowed}`);
    }
    const mine = own.get(key.name);
    if (mine !== undefined) {
      const problem = mine.check(value);
      if (problem !== undefined) throw invalid(`${fn}: option :${key.name} must be ${problem}, got ${show(value)}`, key.name);
      extra.set(key.name, value);
      continue;
    }
    const spec = call.includes(key.name) ? byName.get(key.name) : undefined;
    if (spec === undefined && (NOT_OFFERED.has(key.name) || byName.has(key.name))) {
      throw invalid(`${fn}: option :${key.name} is not supported here; allowed options: ${allowed}`, key.name);
    }
    if (spec === undefined) {
      const near = suggestSimilar(key.name, [...call, ...own.keys()]);
      const hint = near ? ` (did you mean :${near}?)` : '';
      throw invalid(`${fn}: unknown option :${key.name}${hint}; allowed options: ${allowed}`, key.name);
    }
    const problem = spec.apply(value, out);
    if (problem !== undefined) {
      throw invalid(`${fn}: option :${spec.name} must be ${problem}, got ${show(value)}`, spec.name);
    }
  }
  return { opts: out, extra };
}

/**
 * Validates a call's options map. `extra` keys belong to the caller (checked there) and
 * are skipped here.
 */
export function parseOptions(fn: string, v: Value | undefined, extra: readonly string[] = []): LlmOptions {
  const skipped: ExtraOption[] = extra.map((name) => ({ name, type: '', summary: '', check: () => undefined }));
  return parseOptionSet(fn, v, { extra: skipped }).opts;
}

/** Later options win key by key (conversation defaults, then per-call options). */
export function mergeOptions(base: LlmOptions, over: LlmOptions): LlmOptions {
  return { ...base, ...Object.fromEntries(Object.entries(over).filter(([, x]) => x !== undefined)) };
}
