// Cassettes: record model answers to a file once, replay them offline after.
// Format: NDJSON, one line per recorded call:
//   {"v":1,"kind":"complete"|"stream","key":"<fingerprint>","model":"...","text":"...",
//    "chunks":[...] (stream only),"tool_calls":[...],"stop_reason":"...","usage":{...}}
// The key is a SHA-256 of the call's meaningful inputs (kind, model as requested, system,
// temperature, messages, tool schemas); prompt text and API keys are never written.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SemaError } from '../eval/errors';
import type { ContentBlock, LlmRequest, LlmResponse } from './provider';

export type CassetteMode = 'auto' | 'record' | 'replay';

export interface Recording {
  readonly kind: 'complete' | 'stream';
  readonly response: LlmResponse;
  readonly chunks?: readonly string[];
}

interface Line {
  v: 1;
  kind: 'complete' | 'stream';
  key: string;
  model: string;
  text: string;
  chunks?: string[];
  tool_calls: { id: string; name: string; input: Record<string, unknown> }[];
  stop_reason: string;
  /** Thinking blocks (with signatures), replayed so later tool-loop turns match. */
  thinking?: ContentBlock[];
  usage: { input_tokens: number; output_tokens: number; cache_read_tokens: number; cache_creation_tokens: number };
}

/** Fingerprint of a call. `model` is the model as the program asked for it (or null). */
export function cassetteKey(kind: 'complete' | 'stream', requestedModel: string | undefined, req: LlmRequest): string {
  const canonical = JSON.stringify({
    kind,
    model: requestedModel ?? null,
    system: req.system ?? null,
    temperature: req.temperature ?? null,
    messages: req.messages,
    tools: req.tools ?? [],
    // Only when set, so tapes recorded without it keep their keys.
    ...(req.reasoningEffort !== undefined ? { reasoningEffort: req.reasoningEffort } : {}),
    ...(req.jsonMode ? { jsonMode: true } : {}),
  });
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

export class Cassette {
  private readonly entries = new Map<string, Line>();
  private dirty = false;

  constructor(
    readonly path: string,
    readonly mode: CassetteMode,
    /** The path as the program wrote it, for messages. */
    readonly label: string = path,
    /** Write the file after every recording (tapes not tied to a block). */
    private readonly autosave = false,
  ) {
    if (mode !== 'record' && existsSync(path)) this.load();
    if (mode === 'replay' && !existsSync(path)) {
      throw new SemaError(`llm/with-cassette: cassette file not found in :replay mode: ${label}`, 'llm/cassette');
    }
  }

  private load(): void {
    const text = readFileSync(this.path, 'utf8');
    text.split('\n').forEach((raw, i) => {
      const line = raw.trim();
      if (line === '') return;
      let parsed: Line;
      try {
        parsed = JSON.parse(line) as Line;
      } catch {
        throw new SemaError(`cassette ${this.label}: line ${i + 1} is not valid JSON`, 'llm/cassette');
      }
      if (parsed.v !== 1 || typeof parsed.key !== 'string') {
        throw new SemaError(`cassette ${this.label}: line ${i + 1} is not a version-1 cassette entry`, 'llm/cassette');
      }
      // One answer per call: the first recording wins.
      if (!this.entries.has(parsed.key)) this.entries.set(parsed.key, parsed);
    });
  }

  /** The recorded answer, unless this mode always calls the model. */
  lookup(key: string): Recording | undefined {
    if (this.mode === 'record') return undefined;
    const line = this.entries.get(key);
    if (line === undefined) return undefined;
    return {
      kind: line.kind,
      chunks: line.chunks,
      response: {
        text: line.text,
        toolCalls: line.tool_calls,
        model: line.model,
        stopReason: line.stop_reason,
        ...(line.thinking ? { thinking: line.thinking } : {}),
        usage: {
          inputTokens: line.usage.input_tokens,
          outputTokens: line.usage.output_tokens,
          cacheReadTokens: line.usage.cache_read_tokens,
          cacheCreationTokens: line.usage.cache_creation_tokens,
        },
      },
    };
  }

  get canCallModel(): boolean {
    return this.mode !== 'replay';
  }

  record(key: string, rec: Recording): void {
    const r = rec.response;
    const line: Line = {
      v: 1,
      kind: rec.kind,
      key,
      model: r.model,
      text: r.text,
      ...(rec.chunks ? { chunks: [...rec.chunks] } : {}),
      tool_calls: r.toolCalls.map((c) => ({ id: c.id, name: c.name, input: c.input })),
      stop_reason: r.stopReason,
      ...(r.thinking ? { thinking: [...r.thinking] } : {}),
      usage: {
        input_tokens: r.usage.inputTokens,
        output_tokens: r.usage.outputTokens,
        cache_read_tokens: r.usage.cacheReadTokens,
        cache_creation_tokens: r.usage.cacheCreationTokens,
      },
    };
    this.entries.set(key, line);
    this.dirty = true;
    if (this.autosave) this.save();
  }

  /** Writes the tape (creating folders) if anything new was recorded. */
  save(): boolean {
    if (!this.dirty) return false;
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileSync(this.path, [...this.entries.values()].map((l) => JSON.stringify(l)).join('\n') + '\n');
    this.dirty = false;
    return true;
  }
}
