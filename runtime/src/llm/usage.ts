// Token usage of the last call and of the whole session, with an estimated cost from a
// small built-in price list (USD per million tokens) that `llm/set-pricing` extends.

import type { Usage } from './provider';

export interface CallUsage extends Usage {
  readonly model: string;
  readonly costUsd: number | undefined;
}

/** When BUILT_IN_PRICES was last written down (what `llm/pricing-status` reports). */
export const PRICES_UPDATED_AT = '2026-11-24';

/** [input, output] USD per million tokens. Prefix match on the model id. */
const BUILT_IN_PRICES: [string, number, number][] = [
  ['claude-opus-4', 15, 75],
  ['claude-sonnet-4', 3, 15],
  ['claude-haiku-4', 1, 5],
  ['claude-3-5-haiku', 0.8, 4],
  ['gpt-4o-mini', 0.15, 0.6],
  ['gpt-4o', 2.5, 10],
  ['gpt-4.1-mini', 0.4, 1.6],
  ['gpt-4.1', 2, 8],
];

class UsageTracker {
  last: CallUsage | undefined;
  session = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheCreationTokens: 0, costUsd: 0, calls: 0 };
  private readonly custom = new Map<string, [number, number]>();

  price(model: string): [number, number] | undefined {
    const own = this.custom.get(model);
    if (own) return own;
    const hit = BUILT_IN_PRICES.find(([prefix]) => model.startsWith(prefix));
    return hit ? [hit[1], hit[2]] : undefined;
  }

  cost(model: string, inputTokens: number, outputTokens: number): number | undefined {
    const p = this.price(model);
    return p === undefined ? undefined : (inputTokens * p[0] + outputTokens * p[1]) / 1_000_000;
  }

  /** Counts one call; returns its cost (undefined when the model has no price). */
  record(model: string, usage: Usage): number | undefined {
    const costUsd = this.cost(model, usage.inputTokens, usage.outputTokens);
    this.last = { ...usage, model, costUsd };
    const s = this.session;
    s.inputTokens += usage.inputTokens;
    s.outputTokens += usage.outputTokens;
    s.cacheReadTokens += usage.cacheReadTokens;
    s.cacheCreationTokens += usage.cacheCreationTokens;
    s.costUsd += costUsd ?? 0;
    s.calls += 1;
    return costUsd;
  }

  setPricing(model: string, input: number, output: number): void {
    this.custom.set(model, [input, output]);
  }

  reset(): void {
    this.last = undefined;
    this.session = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheCreationTokens: 0, costUsd: 0, calls: 0 };
  }
}

export const usage = new UsageTracker();
