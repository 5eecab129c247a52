// The provider port: what the LLM layer asks of a model API, in plain JS data (no Sema
// values), so requests and responses can cross a worker boundary and be written to
// cassettes as JSON. Anthropic and the OpenAI-compatible adapters implement it.

export type Role = 'user' | 'assistant';

export type ContentBlock =
  | { readonly type: 'text'; readonly text: string }
  /** `data` is base64. */
  | { readonly type: 'image'; readonly mediaType: string; readonly data: string }
  | { readonly type: 'document'; readonly mediaType: string; readonly data: string }
  | { readonly type: 'tool_use'; readonly id: string; readonly name: string; readonly input: unknown }
  /** Model reasoning (Anthropic); passed back unchanged within a tool loop, never shown. */
  | { readonly type: 'thinking'; readonly thinking: string; readonly signature: string }
  | { readonly type: 'redacted_thinking'; readonly data: string }
  | {
      readonly type: 'tool_result';
      readonly toolUseId: string;
      readonly content: string;
      readonly isError: boolean;
    };

export interface ChatMessage {
  readonly role: Role;
  readonly content: readonly ContentBlock[];
}

/** A tool as the model sees it: JSON Schema for its input object. */
export interface ToolSchema {
  readonly name: string;
  readonly description: string;
  readonly inputSchema: {
    readonly type: 'object';
    readonly properties: Record<string, unknown>;
    readonly required: readonly string[];
  };
}

export type ReasoningEffort = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh';

export interface LlmRequest {
  readonly model: string;
  readonly maxTokens: number;
  readonly temperature?: number;
  /** Portable reasoning effort; each adapter maps it to its API's own control. */
  readonly reasoningEffort?: ReasoningEffort;
  /** Top-level system prompt (system messages are folded in here, never sent as messages). */
  readonly system?: string;
  readonly messages: readonly ChatMessage[];
  readonly tools?: readonly ToolSchema[];
  /** Ask for a JSON object answer (OpenAI's `response_format`; Anthropic has no such switch). */
  readonly jsonMode?: boolean;
}

export interface ToolCall {
  readonly id: string;
  readonly name: string;
  readonly input: Record<string, unknown>;
}

export interface Usage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadTokens: number;
  readonly cacheCreationTokens: number;
}

export interface LlmResponse {
  /** Concatenated text blocks of the answer. */
  readonly text: string;
  readonly toolCalls: readonly ToolCall[];
  readonly model: string;
  readonly stopReason: string;
  readonly usage: Usage;
  /** Thinking blocks of the answer, in order: the next tool-loop turn must send them back. */
  readonly thinking?: readonly ContentBlock[];
}

export type ChunkSink = (text: string) => void;

export interface Provider {
  readonly name: string;
  complete(request: LlmRequest, signal: AbortSignal): Promise<LlmResponse>;
  /** Calls `onChunk` for every text delta as it arrives; resolves with the whole answer. */
  stream(request: LlmRequest, onChunk: ChunkSink, signal: AbortSignal): Promise<LlmResponse>;
}

/** `lisp`: written in Sema (`llm/define-provider`); runs on the evaluating thread. */
export type ProviderKind = 'anthropic' | 'openai' | 'lisp';

/** Everything needed to build a provider; plain data so it can be sent to the worker. */
export interface ProviderConfig {
  readonly name: string;
  readonly kind: ProviderKind;
  readonly apiKey: string | undefined;
  readonly baseUrl: string | undefined;
  readonly defaultModel: string;
  /** Retries on 429/5xx/529 (Anthropic through the SDK, OpenAI by hand). */
  readonly maxRetries: number;
  /** Abort a stream when no event arrives for this long (the SDK's timeout stops at the headers). */
  readonly idleTimeoutMs: number;
  /** Abort a plain (non-streaming) request whose whole answer takes longer than this. */
  readonly requestTimeoutMs: number;
}

/** Error categories; each becomes the `:type` (`:llm/<category>`) of the Sema error. */
export type LlmErrorCategory =
  | 'auth'
  | 'rate-limit'
  | 'overloaded'
  | 'server'
  | 'invalid-request'
  | 'unsupported-option'
  | 'network'
  | 'timeout'
  | 'stream-interrupted'
  | 'cancelled'
  | 'config';

/** A provider failure in plain data (crosses the worker boundary intact). */
export interface LlmFailure {
  readonly category: LlmErrorCategory;
  readonly message: string;
  readonly status?: number;
}

/** Thrown by adapters; `failure` is what reaches the Sema program. */
export class ProviderError extends Error {
  constructor(readonly failure: LlmFailure) {
    super(failure.message);
    this.name = 'ProviderError';
  }
}
