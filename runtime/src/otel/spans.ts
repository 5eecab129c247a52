// The span model and the active-span stack. Spans nest by the stack: a span started
// while another is open becomes its child (same trace). Everything here is a no-op until
// telemetry is switched on (see telemetry.ts), so instrumented code costs nothing by default.

import { randomBytes } from 'node:crypto';

export type AttrValue = string | number | boolean | { float: number } | string[];
export type SpanKind = 'internal' | 'client' | 'server' | 'producer' | 'consumer';

export interface SpanEvent { name: string; timeNs: bigint; attrs: Map<string, AttrValue> }

export class Span {
  readonly attrs = new Map<string, AttrValue>();
  readonly events: SpanEvent[] = [];
  status: { code: 'unset' | 'ok' | 'error'; message: string } = { code: 'unset', message: '' };
  endNs = 0n;
  constructor(
    public name: string,
    readonly kind: SpanKind,
    readonly traceId: string,
    readonly spanId: string,
    readonly parentSpanId: string,
    readonly startNs: bigint,
  ) {}

  set(key: string, value: AttrValue): void {
    if (!POLLUTING.has(key)) this.attrs.set(key, value);
  }
}

const POLLUTING = new Set(['__proto__', 'constructor', 'prototype']);
/** Wall-clock nanoseconds with the monotonic clock's resolution. */
const epochOffset = BigInt(Date.now()) * 1_000_000n - process.hrtime.bigint();
export const nowNs = (): bigint => process.hrtime.bigint() + epochOffset;

const stack: Span[] = [];
const identity: { conversation?: string; session?: string; user?: string } = {};

/** Where finished spans go; set by telemetry.ts when an exporter is installed. */
let sink: ((span: Span) => void) | undefined;
let decorate: ((span: Span) => void) | undefined;

/** `onStart` may add attributes every span carries; no `onEnd` switches tracing off. */
export function installSink(onEnd: ((span: Span) => void) | undefined, onStart?: (span: Span) => void): void {
  sink = onEnd;
  decorate = onStart;
}

export const tracingOn = (): boolean => sink !== undefined;

/** Opens a span under the innermost open one; undefined when tracing is off. */
export function startSpan(name: string, kind: SpanKind, attrs: Iterable<[string, AttrValue]> = []): Span | undefined {
  if (!sink) return undefined;
  const parent = stack[stack.length - 1];
  const span = new Span(name, kind, parent?.traceId ?? randomBytes(16).toString('hex'), randomBytes(8).toString('hex'), parent?.spanId ?? '', nowNs());
  for (const [k, v] of attrs) span.set(k, v);
  if (identity.conversation !== undefined) span.set('gen_ai.conversation.id', identity.conversation);
  if (identity.session !== undefined) span.set('session.id', identity.session);
  if (identity.user !== undefined) span.set('user.id', identity.user);
  decorate?.(span);
  stack.push(span);
  return span;
}

/** Closes `span` (and any child left open above it, e.g. by a non-local exit). */
export function endSpan(span: Span | undefined): void {
  if (!span) return;
  const at = stack.lastIndexOf(span);
  if (at < 0) return;
  const closing = stack.splice(at).reverse();
  const end = nowNs();
  for (const s of closing) {
    s.endNs = end;
    sink?.(s);
  }
}

export const currentSpan = (): Span | undefined => stack[stack.length - 1];

export function setError(span: Span | undefined, message: string): void {
  if (!span) return;
  span.set('error.type', 'error');
  span.status = { code: 'error', message };
}

/** Runs `body` with the conversation/session/user identity every new span carries. */
export function withIdentity<T>(conversation: string, session: string | undefined, user: string | undefined, body: () => T): T {
  const saved = { ...identity };
  identity.conversation = conversation;
  identity.session = session ?? conversation;
  if (user !== undefined) identity.user = user;
  try {
    return body();
  } finally {
    identity.conversation = saved.conversation;
    identity.session = saved.session;
    identity.user = saved.user;
    if (saved.conversation === undefined) delete identity.conversation;
    if (saved.session === undefined) delete identity.session;
    if (saved.user === undefined) delete identity.user;
  }
}

export const currentConversation = (): string | undefined => identity.conversation;

/** Forgets open spans and identity (a fresh interpreter in tests). */
export function resetSpans(): void {
  stack.length = 0;
  delete identity.conversation;
  delete identity.session;
  delete identity.user;
}
