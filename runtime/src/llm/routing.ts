// Where a request goes and when: the fallback chain of `llm/with-fallback` (providers
// tried in order until one answers) and the pacing of `llm/with-rate-limit` (at most
// N requests per second). Both are scoped: the previous setting comes back afterwards.

import type { CallContext } from '../eval/values';
import { pause } from '../stdlib/pause';

/** One link of a fallback chain: a provider name, and a model that wins over the call's. */
export interface FallbackEntry {
  readonly provider: string;
  readonly model?: string;
}

class Routing {
  chain: readonly FallbackEntry[] | undefined;
  requestsPerSecond: number | undefined;
  private lastRequestAt = 0;

  withChain<T>(chain: readonly FallbackEntry[], body: () => T): T {
    return this.scoped('chain', chain, body);
  }

  withRate<T>(rps: number, body: () => T): T {
    return this.scoped('requestsPerSecond', rps, body);
  }

  /** Sets `key` for the extent of `body`; the previous value comes back afterwards. */
  private scoped<K extends 'chain' | 'requestsPerSecond', T>(key: K, value: this[K], body: () => T): T {
    const saved = this[key];
    this[key] = value;
    try {
      return body();
    } finally {
      this[key] = saved;
    }
  }

  /** True when requests must go one by one (a chain to walk or a pace to keep). */
  get sequential(): boolean {
    return this.chain !== undefined || this.requestsPerSecond !== undefined;
  }

  /** Waits until the next request may go under the active rate limit. */
  pace(ctx: CallContext): void {
    const rps = this.requestsPerSecond;
    if (rps === undefined) return;
    const interval = 1000 / rps;
    const wait = this.lastRequestAt + interval - Date.now();
    if (this.lastRequestAt > 0 && wait > 0) pause(ctx, Math.ceil(wait));
    this.lastRequestAt = Date.now();
  }

  reset(): void {
    this.chain = undefined;
    this.requestsPerSecond = undefined;
    this.lastRequestAt = 0;
  }
}

export const routing = new Routing();
