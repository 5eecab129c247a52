// The response cache behind `llm/with-cache`: answers keyed by a SHA-256 of model,
// temperature, system prompt and messages, kept in memory for the session and as one
// JSON file per entry under ~/.sema/cache/llm/ (the place the reference uses, with the
// same key and file fields, so either implementation can read the other's entries).

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ChatMessage, LlmResponse } from './provider';
import { DEFAULT_CACHE_TTL_SECONDS } from './task-options';


/** What the key covers; `:max-tokens` and `:tools` deliberately are not part of it. */
export interface CacheKeyInput {
  readonly model: string;
  readonly temperature?: number;
  readonly system?: string;
  readonly messages: readonly ChatMessage[];
}

interface Entry {
  content: string;
  model: string;
  prompt_tokens: number;
  completion_tokens: number;
  /** Unix seconds. */
  cached_at: number;
}

/** The text of a message as the key sees it (images and documents do not count, as upstream). */
function messageText(m: ChatMessage): string {
  return m.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
}

export function cacheKey(input: CacheKeyInput): string {
  const h = createHash('sha256');
  h.update(input.model);
  if (input.temperature !== undefined) {
    const bytes = Buffer.alloc(8);
    bytes.writeDoubleLE(input.temperature);
    h.update(bytes);
  }
  if (input.system !== undefined) h.update(input.system);
  for (const m of input.messages) {
    h.update(m.role);
    h.update(messageText(m));
  }
  return h.digest('hex');
}

/** ~/.sema/cache/llm, with HOME read at call time (tests point it at a scratch folder). */
export function cacheDir(): string {
  const home = process.env['HOME'] || process.env['USERPROFILE'] || homedir();
  return join(home, '.sema', 'cache', 'llm');
}

const now = (): number => Math.floor(Date.now() / 1000);

class ResponseCache {
  enabled = false;
  ttlSeconds = DEFAULT_CACHE_TTL_SECONDS;
  hits = 0;
  misses = 0;
  private readonly memory = new Map<string, Entry>();

  get size(): number {
    return this.memory.size;
  }

  /** Runs `body` with the cache on (or off) and the given TTL; the previous state comes back. */
  scoped<T>(enabled: boolean, ttlSeconds: number, body: () => T): T {
    const saved = { enabled: this.enabled, ttl: this.ttlSeconds };
    this.enabled = enabled;
    this.ttlSeconds = ttlSeconds;
    try {
      return body();
    } finally {
      this.enabled = saved.enabled;
      this.ttlSeconds = saved.ttl;
    }
  }

  /** A fresh stored answer, counted as a hit (with zero usage: no provider was asked), or undefined (a miss). */
  lookup(key: string): LlmResponse | undefined {
    const entry = this.memory.get(key) ?? this.fromDisk(key);
    if (entry === undefined || now() - entry.cached_at >= this.ttlSeconds) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    return {
      text: entry.content,
      toolCalls: [],
      model: entry.model,
      stopReason: 'cache_hit',
      usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheCreationTokens: 0 },
    };
  }

  store(key: string, response: LlmResponse): void {
    const entry: Entry = {
      content: response.text,
      model: response.model,
      prompt_tokens: response.usage.inputTokens,
      completion_tokens: response.usage.outputTokens,
      cached_at: now(),
    };
    this.memory.set(key, entry);
    // The disk copy is a convenience: a read-only or full disk must not fail the call.
    try {
      mkdirSync(cacheDir(), { recursive: true });
      writeFileSync(join(cacheDir(), `${key}.json`), JSON.stringify(entry));
    } catch {
      /* kept in memory only */
    }
  }

  /** Empties memory and the cache folder's entry files; returns how many were in memory. */
  clear(): number {
    const count = this.memory.size;
    this.memory.clear();
    let names: string[] = [];
    try {
      names = readdirSync(cacheDir());
    } catch {
      /* no folder, nothing on disk */
    }
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      try {
        rmSync(join(cacheDir(), name), { force: true });
      } catch {
        /* an entry that cannot be removed stays; the rest still go */
      }
    }
    this.hits = 0;
    this.misses = 0;
    return count;
  }

  /** Forgets the session's state (not the disk). */
  reset(): void {
    this.enabled = false;
    this.ttlSeconds = DEFAULT_CACHE_TTL_SECONDS;
    this.hits = 0;
    this.misses = 0;
    this.memory.clear();
  }

  private fromDisk(key: string): Entry | undefined {
    let entry: Entry;
    try {
      entry = JSON.parse(readFileSync(join(cacheDir(), `${key}.json`), 'utf8')) as Entry;
    } catch {
      return undefined;
    }
    if (typeof entry.content !== 'string' || typeof entry.cached_at !== 'number') return undefined;
    this.memory.set(key, entry);
    return entry;
  }
}

export const responseCache = new ResponseCache();
