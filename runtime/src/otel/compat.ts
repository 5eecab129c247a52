// SEMA_OTEL_COMPAT: extra attribute names for backends that key off their own
// conventions (otel-compat.md). Unknown mode names are ignored; unset adds nothing.

import type { AttrValue } from './spans';

const OI = 1, TL = 2, LS = 4, LF = 8, BT = 16;
const MODES: Record<string, number> = {
  openinference: OI, phoenix: OI, arize: OI, traceloop: TL, openllmetry: TL, langsmith: LS, langfuse: LF, braintrust: BT,
  all: OI | TL | LS | LF | BT,
};

let active = 0;

export function setCompat(spec: string | undefined): void {
  active = 0;
  for (const tok of (spec ?? '').split(',')) active |= MODES[tok.trim().toLowerCase()] ?? 0;
}

export type CompatKind = 'llm' | 'embedding' | 'tool' | 'agent' | 'chain' | 'retriever' | 'reranker';

/** The span-type attribute of each active backend. */
export function spanKindAttrs(kind: CompatKind): [string, AttrValue][] {
  const out: [string, AttrValue][] = [];
  if (active & OI) out.push(['openinference.span.kind', kind.toUpperCase()]);
  if (active & TL) out.push(['traceloop.span.kind', kind === 'llm' || kind === 'embedding' ? 'task' : kind === 'tool' ? 'tool' : kind === 'agent' ? 'agent' : 'workflow']);
  if (active & LS) {
    const ls = { llm: 'llm', embedding: 'embedding', tool: 'tool', agent: 'chain', chain: 'chain', retriever: 'retriever', reranker: 'chain' }[kind];
    out.push(['langsmith.span.kind', ls]);
  }
  if (active & LF) out.push(['langfuse.observation.type', kind === 'llm' || kind === 'embedding' ? 'generation' : 'span']);
  return out;
}

const OI_PROVIDER: Record<string, string> = { gemini: 'google', vertex: 'google', mistral: 'mistralai', x_ai: 'xai' };
const OI_SYSTEM: Record<string, string> = {
  openai: 'openai', anthropic: 'anthropic', gemini: 'vertexai', vertex: 'vertexai', mistral: 'mistralai', cohere: 'cohere', x_ai: 'xai', xai: 'xai', deepseek: 'deepseek',
};

/** Provider and model under each backend's names (the raw Sema provider name in). */
export function dispatchAttrs(op: string, provider: string, model: string): [string, AttrValue][] {
  const out: [string, AttrValue][] = [];
  if (active === 0 || provider === '') return out;
  if (active & OI) {
    if (model !== '') out.push(['llm.model_name', model]);
    out.push(['llm.provider', OI_PROVIDER[provider] ?? provider]);
    if (OI_SYSTEM[provider]) out.push(['llm.system', OI_SYSTEM[provider]!]);
  }
  if (active & TL) {
    out.push(['llm.request.type', op === 'embeddings' ? 'embedding' : 'chat']);
    if (model !== '') out.push(['traceloop.entity.name', model]);
  }
  if (active & LS) out.push(['gen_ai.system', provider]);
  if ((active & LF) && model !== '') out.push(['langfuse.observation.model.name', model]);
  return out;
}

/** Token counts and cost under each backend's names. */
export function usageAttrs(input: number, output: number, cost: number | undefined): [string, AttrValue][] {
  const out: [string, AttrValue][] = [];
  const total = input + output;
  if (active & OI) {
    out.push(['llm.token_count.prompt', input], ['llm.token_count.completion', output], ['llm.token_count.total', total]);
    if (cost !== undefined) out.push(['llm.cost.total', { float: cost }]);
  }
  if (active & TL) out.push(['llm.usage.total_tokens', total], ['gen_ai.usage.prompt_tokens', input], ['gen_ai.usage.completion_tokens', output]);
  if (active & LF) {
    out.push(['langfuse.observation.usage_details', JSON.stringify({ input, output, total, input_cached: 0 })]);
    if (cost !== undefined) out.push(['langfuse.observation.cost_details', JSON.stringify({ total: cost })]);
  }
  if ((active & BT) && cost !== undefined) out.push(['braintrust.metrics', JSON.stringify({ cost })]);
  return out;
}

/** OTel GenAI provider names for Sema's (gemini is `gcp.gemini` in the conventions). */
export function genAiProviderName(provider: string): string {
  return { gemini: 'gcp.gemini', vertex: 'gcp.vertex_ai', mistral: 'mistral_ai' }[provider] ?? provider;
}

/** Trace identity some backends read from their own keys. */
export function identityAttrs(session: string | undefined, release: string | undefined): [string, AttrValue][] {
  const out: [string, AttrValue][] = [];
  if ((active & LS) && session !== undefined) out.push(['langsmith.trace.session_id', session]);
  if ((active & LF) && release !== undefined) out.push(['langfuse.release', release]);
  return out;
}

/** A stream's first token: Langfuse's absolute completion start, OpenLLMetry's streaming flag. */
export function streamingAttrs(completionStart: Date): [string, AttrValue][] {
  const out: [string, AttrValue][] = [];
  if (active & LF) out.push(['langfuse.observation.completion_start_time', completionStart.toISOString()]);
  if (active & TL) out.push(['gen_ai.is_streaming', true]);
  return out;
}
