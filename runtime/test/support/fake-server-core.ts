// A scripted HTTP server on 127.0.0.1 shared by the fake Anthropic and OpenAI APIs.
// Tests queue replies (text, tool calls, HTTP errors, streams that are cut or stall);
// the server records every request body it receives so tests can inspect them.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface ToolCallScript {
  readonly id: string;
  readonly name: string;
  readonly input: Record<string, unknown>;
}

export type Reply =
  /** Accept the request and never answer. */
  | { readonly kind: 'hang' }
  | {
      readonly kind: 'text';
      readonly text?: string;
      /** Only for a request whose last user message contains this (concurrent requests). */
      readonly forPrompt?: string;
      /** Answer "echo: <last user text>" (tells concurrent answers apart). */
      readonly echo?: boolean;
      /** Hold the answer until this many requests are open at once (proves overlap). */
      readonly barrier?: number;
      /** Stream in these pieces (default: the whole text in one chunk). */
      readonly chunks?: readonly string[];
      /**
       * Send each chunk after the first only once the test calls `release()` (which it does
       * when it has seen the previous chunk); without one within 3 s the stream is cut.
       * Proves chunk-by-chunk delivery without measuring time.
       */
      readonly gated?: boolean;
      /** Pause before each chunk, or before a JSON answer. */
      readonly delayMs?: number;
      /** Destroy the socket after this many chunks. */
      readonly cutAfter?: number;
      /** Stop sending (but keep the connection open) after this many chunks. */
      readonly stallAfter?: number;
      /** Anthropic only: send an `event: error` of this type after the chunks. */
      readonly sseErrorType?: string;
      readonly model?: string;
      readonly usage?: { readonly input: number; readonly output: number };
    }
  | {
      readonly kind: 'tool';
      readonly calls: readonly ToolCallScript[];
      readonly text?: string;
      /** Anthropic only: a thinking block before the tool calls. */
      readonly thinking?: { readonly thinking: string; readonly signature: string };
    }
  /** An embeddings answer (`/embeddings`, or Cohere's `/embed`): one vector per input. */
  | { readonly kind: 'embeddings'; readonly vectors: readonly (readonly number[])[]; readonly model?: string }
  /** A rerank answer (`/rerank`): `{index, relevance_score}` entries under `key` (default `results`). */
  | { readonly kind: 'rerank'; readonly results: readonly { index: number; relevance_score: number }[]; readonly key?: 'results' | 'data' }
  | {
      readonly kind: 'error';
      readonly status: number;
      readonly message: string;
      readonly errorType?: string;
      readonly headers?: Record<string, string>;
      /** Send this raw body instead of a JSON error object. */
      readonly rawBody?: string;
    };

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: Record<string, unknown>;
  /** True when the client hung up before the reply was finished. */
  clientClosed: boolean;
  /** ms from request start to the client hanging up, when it did. */
  closedAfterMs?: number;
}

export interface FakeOptions {
  /** Answer 400 (as the API would) to any request that carries `temperature`. */
  rejectTemperature?: boolean;
}

/** How one API renders replies on the wire. */
export interface Dialect {
  readonly path: string;
  isStream(body: Record<string, unknown>): boolean;
  json(reply: Extract<Reply, { kind: 'text' | 'tool' }>, model: string): unknown;
  /** SSE frames for a streamed reply: `start`, per text chunk, and `end`. */
  streamStart(model: string, reply: Extract<Reply, { kind: 'text' | 'tool' }>): string[];
  streamChunk(text: string): string;
  streamEnd(reply: Extract<Reply, { kind: 'text' | 'tool' }>): string[];
  sseError?(type: string): string;
  errorBody(reply: Extract<Reply, { kind: 'error' }>): unknown;
  temperatureError(): Extract<Reply, { kind: 'error' }>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class ScriptedServer {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: Reply[] = [];
  private server: Server | undefined;
  private open = 0;
  private released = 0;
  private wakeUp: (() => void) | undefined;
  options: FakeOptions = {};

  constructor(private readonly dialect: Dialect) {}

  enqueue(...replies: Reply[]): void {
    this.queue.push(...replies);
  }

  /** Lets one held chunk of a `gated` stream go. */
  release(): void {
    this.released++;
    this.wakeUp?.();
  }

  private async waitForRelease(ms: number): Promise<boolean> {
    const until = Date.now() + ms;
    while (this.released === 0 && Date.now() < until) {
      await new Promise<void>((resolve) => {
        this.wakeUp = resolve;
        setTimeout(resolve, 50);
      });
    }
    if (this.released === 0) return false;
    this.released--;
    return true;
  }

  reset(): void {
    this.released = 0;
    this.queue.length = 0;
    this.requests.length = 0;
    this.options = {};
  }

  async listen(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const addr = this.server.address();
    if (addr === null || typeof addr === 'string') throw new Error('no address');
    return `http://127.0.0.1:${addr.port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    let raw = '';
    for await (const piece of req) raw += String(piece);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
    const record: RecordedRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      headers,
      body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {},
      clientClosed: false,
    };
    this.requests.push(record);
    res.on('close', () => {
      if (!res.writableFinished) {
        record.clientClosed = true;
        record.closedAfterMs = Date.now() - started;
      }
    });
    if (/\/(embeddings|embed)$/.test(record.path)) return this.embeddings(res, record);
    if (record.path.endsWith('/rerank')) return this.rerank(res);
    if (!record.path.endsWith(this.dialect.path)) return this.sendError(res, { kind: 'error', status: 404, message: `no route ${record.path}` });
    const reply =
      this.options.rejectTemperature && record.body['temperature'] !== undefined
        ? this.dialect.temperatureError()
        : (this.take(record.body) ?? { kind: 'text', text: 'ok' });
    if (reply.kind === 'error') return this.sendError(res, reply);
    if (reply.kind === 'hang') return;
    if (reply.kind === 'embeddings' || reply.kind === 'rerank') return this.sendError(res, { kind: 'error', status: 500, message: `a ${reply.kind} reply was queued for a chat request` });
    const model = String(record.body['model'] ?? 'unknown-model');
    if (!this.dialect.isStream(record.body)) {
      if (reply.kind === 'text' && reply.delayMs) await sleep(reply.delayMs);
      if (reply.kind === 'text' && reply.barrier !== undefined) {
        this.open++;
        const until = Date.now() + 3000;
        while (this.open < reply.barrier && Date.now() < until) await sleep(10);
        const reached = this.open >= reply.barrier;
        await sleep(20); // let the other waiters see the count too
        this.open--;
        if (!reached) return this.sendError(res, { kind: 'error', status: 500, message: `only ${this.open + 1} requests open at once` });
      }
      if (reply.kind === 'text' && reply.echo) {
        const text = `echo: ${lastUserText(record.body)}`;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(this.dialect.json({ ...reply, text }, model)));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(this.dialect.json(reply, model)));
      return;
    }
    await this.stream(res, reply, model);
  }

  /**
   * Answers an embeddings request with the next queued reply, or by default with
   * `[text length, 1]` for each input text.
   */
  private embeddings(res: ServerResponse, record: RecordedRequest): void {
    const texts = (record.body['input'] ?? record.body['texts'] ?? []) as string[];
    const i = this.queue.findIndex((r) => r.kind === 'embeddings' || r.kind === 'error');
    const reply = i < 0 ? undefined : this.queue.splice(i, 1)[0];
    if (reply?.kind === 'error') return this.sendError(res, reply);
    const vectors = reply?.kind === 'embeddings' ? reply.vectors : texts.map((t) => [t.length, 1]);
    const model = (reply?.kind === 'embeddings' ? reply.model : undefined) ?? String(record.body['model'] ?? 'unknown-model');
    const body = record.path.endsWith('/embed')
      ? { id: 'emb', embeddings: { float: vectors }, meta: { billed_units: { input_tokens: texts.length } } }
      : {
          object: 'list',
          model,
          data: vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })),
          usage: { prompt_tokens: texts.length * 2, total_tokens: texts.length * 2 },
        };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  /** Answers a rerank request with the next queued `rerank` (or `error`) reply; none is a 500. */
  private rerank(res: ServerResponse): void {
    const i = this.queue.findIndex((r) => r.kind === 'rerank' || r.kind === 'error');
    const reply = i < 0 ? undefined : this.queue.splice(i, 1)[0];
    if (reply?.kind !== 'rerank') return this.sendError(res, reply?.kind === 'error' ? reply : { kind: 'error', status: 500, message: 'no rerank reply queued' });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: 'rr', [reply.key ?? 'results']: reply.results }));
  }

  /** The reply meant for this request's prompt, else the next general one. */
  private take(body: Record<string, unknown>): Reply | undefined {
    const said = lastUserText(body);
    let i = this.queue.findIndex((r) => r.kind === 'text' && r.forPrompt !== undefined && said.includes(r.forPrompt));
    if (i < 0) i = this.queue.findIndex((r) => r.kind !== 'text' || r.forPrompt === undefined);
    return i < 0 ? undefined : this.queue.splice(i, 1)[0];
  }

  private sendError(res: ServerResponse, reply: Extract<Reply, { kind: 'error' }>): void {
    res.writeHead(reply.status, { 'content-type': 'application/json', ...(reply.headers ?? {}) });
    res.end(reply.rawBody ?? JSON.stringify(this.dialect.errorBody(reply)));
  }

  /** Drops the connection after what was written has left (a cut, not a refusal). */
  private async cut(res: ServerResponse): Promise<void> {
    await sleep(30);
    res.socket?.destroy();
  }

  private async stream(res: ServerResponse, reply: Extract<Reply, { kind: 'text' | 'tool' }>, model: string): Promise<void> {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    for (const frame of this.dialect.streamStart(model, reply)) res.write(frame);
    const chunks = reply.kind === 'text' ? (reply.chunks ?? (reply.text ? [reply.text] : [])) : [];
    for (let i = 0; i < chunks.length; i++) {
      if (reply.kind === 'text') {
        if (reply.cutAfter === i) return this.cut(res);
        if (reply.stallAfter === i) return; // keep the socket open, send nothing more
        if (reply.delayMs) await sleep(reply.delayMs);
        if (reply.gated && i > 0 && !(await this.waitForRelease(3000))) return this.cut(res);
      }
      if (res.destroyed) return;
      await new Promise((r) => res.write(this.dialect.streamChunk(chunks[i]!), r));
    }
    if (reply.kind === 'text') {
      if (reply.cutAfter === chunks.length) return this.cut(res);
      if (reply.stallAfter === chunks.length) return;
      if (reply.sseErrorType && this.dialect.sseError) {
        res.end(this.dialect.sseError(reply.sseErrorType));
        return;
      }
    }
    for (const frame of this.dialect.streamEnd(reply)) res.write(frame);
    res.end();
  }
}

function lastUserText(body: Record<string, unknown>): string {
  const messages = (body['messages'] ?? []) as { role: string; content: unknown }[];
  const last = [...messages].reverse().find((m) => m.role === 'user');
  if (typeof last?.content === 'string') return last.content;
  const blocks = (last?.content ?? []) as { type: string; text?: string }[];
  return blocks.filter((b) => b.type === 'text').map((b) => b.text).join('');
}

export function sse(event: string | undefined, data: unknown): string {
  return `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
}
