// `otel/*` (llm/observability.md): user spans that nest with the built-in LLM spans,
// annotations on the innermost span, session grouping and `otel/configure`. Everything
// is a no-op while tracing is off and none of it changes a program's values.

import { SemaError } from '../eval/errors';
import { Float, Keyword, type CallContext, type Value } from '../eval/values';
import { printValue } from '../reader/printer';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { isMapLike } from './support';
import { str, typeErr } from './text-args';
import { dispatchAttrs, genAiProviderName, spanKindAttrs, usageAttrs, type CompatKind } from '../otel/compat';
import { currentSpan, endSpan, nowNs, setError, startSpan, withIdentity, type AttrValue, type SpanKind } from '../otel/spans';
import { configure, tracingEnabled, type OtelConfig } from '../otel/telemetry';

/** Map entries keyed by keyword or string; anything else (or a non-map) gives none. */
function entries(v: Value | undefined): [string, Value][] {
  if (v === undefined || !isMapLike(v)) return [];
  return v.entries().flatMap(([k, val]): [string, Value][] =>
    k instanceof Keyword ? [[k.name, val]] : typeof k === 'string' ? [[k, val]] : []);
}

/** Booleans, integers and floats keep their type; anything else is written out. */
function attrValue(v: Value): AttrValue {
  if (typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
  if (v instanceof Float) return { float: v.value };
  return printValue(v);
}

const attrs = (v: Value | undefined): [string, AttrValue][] => entries(v).map(([k, val]) => [k, attrValue(val)]);

function name(fnName: string, v: Value): string {
  if (v instanceof Keyword) return v.name;
  if (typeof v === 'string') return v;
  throw typeErr(fnName, 'keyword or string', v);
}

/** Runs `thunk` inside a span: error status when it throws, ended either way. */
function inSpan(ctx: CallContext, spanName: string, kind: SpanKind, compat: CompatKind, extra: [string, AttrValue][], thunk: Value, after?: [string, AttrValue][]): Value {
  if (!tracingEnabled()) return ctx.apply(thunk, []);
  const span = startSpan(spanName, kind, [...extra, ...spanKindAttrs(compat), ...(after ?? [])]);
  try {
    return ctx.apply(thunk, []);
  } catch (e) {
    setError(span, e instanceof SemaError ? e.message : e instanceof Error ? e.message : String(e));
    throw e;
  } finally {
    endSpan(span);
  }
}

function typedSpan(fnName: string, kind: 'tool' | 'retriever') {
  return fn(fnName, 2, 3, (args, ctx) => {
    const spanName = str(fnName, args, 0);
    const base: [string, AttrValue][] = kind === 'tool' ? [['gen_ai.operation.name', 'execute_tool'], ['gen_ai.tool.name', spanName]] : [];
    return inSpan(ctx, spanName, 'internal', kind, [...base, ...attrs(args[2])], args[1]!);
  });
}

function configOf(v: Value): OtelConfig {
  const cfg: OtelConfig = {};
  const headers: string[] = [];
  let headerText: string | undefined;
  for (const [k, val] of entries(v)) {
    const text = val instanceof Keyword ? val.name : typeof val === 'string' ? val : undefined;
    switch (k) {
      case 'endpoint': if (text !== undefined) cfg.endpoint = text; break;
      case 'file': if (typeof val === 'string') cfg.file = val; break;
      case 'protocol': if (text !== undefined) cfg.protocol = text; break;
      case 'service-name': case 'service': if (text !== undefined) cfg.serviceName = text; break;
      case 'environment': case 'env': if (text !== undefined) cfg.environment = text; break;
      case 'release': if (text !== undefined) cfg.release = text; break;
      case 'capture-content': cfg.captureContent = val === true; break;
      case 'key': if (typeof val === 'string') headers.push(`Authorization=Bearer ${val}`); break;
      case 'headers':
        if (typeof val === 'string') headerText = val;
        else for (const [hk, hv] of entries(val)) headers.push(`${hk}=${typeof hv === 'string' ? hv : printValue(hv)}`);
        break;
    }
  }
  if (headerText !== undefined) headers.push(headerText);
  if (headers.length > 0) cfg.headers = headers.join(',');
  return cfg;
}

const builtins: BuiltinSpec[] = [
  fn('otel/span', 2, 3, (args, ctx) => inSpan(ctx, str('otel/span', args, 0), 'internal', 'chain', attrs(args[2]), args[1]!)),
  fn('otel/llm-span', 2, 2, (args, ctx) => {
    let model = '', provider = '', op = '';
    const extra: [string, AttrValue][] = [];
    for (const [k, val] of entries(args[0])) {
      const text = typeof val === 'string' ? val : '';
      if (k === 'model') model = text;
      else if (k === 'provider') provider = text;
      else if (k === 'operation') op = text;
      else extra.push([k, attrValue(val)]);
    }
    op ||= 'chat';
    const base: [string, AttrValue][] = [['gen_ai.operation.name', op]];
    if (provider !== '') base.push(['gen_ai.provider.name', genAiProviderName(provider)]);
    if (model !== '') base.push(['gen_ai.request.model', model]);
    return inSpan(ctx, op, 'client', 'llm', [...base, ...extra], args[1]!, dispatchAttrs(op, provider, model));
  }),
  typedSpan('otel/tool-span', 'tool'),
  typedSpan('otel/retrieval-span', 'retriever'),
  fn('otel/set-attribute', 2, 2, (args) => {
    const key = name('otel/set-attribute', args[0]!);
    if (tracingEnabled()) currentSpan()?.set(key, attrValue(args[1]!));
    return null;
  }),
  fn('otel/set-attributes', 1, 1, (args) => {
    if (tracingEnabled()) for (const [k, v] of attrs(args[0])) currentSpan()?.set(k, v);
    return null;
  }),
  fn('otel/set-status', 1, 2, (args) => {
    const status = name('otel/set-status', args[0]!);
    if (!tracingEnabled()) return null;
    const span = currentSpan();
    if (status === 'error') setError(span, typeof args[1] === 'string' ? args[1] : 'error');
    else if (span) span.status = { code: 'ok', message: '' };
    return null;
  }),
  fn('otel/llm-usage', 1, 1, (args) => {
    let input = 0, output = 0;
    let cost: number | undefined;
    for (const [k, v] of entries(args[0])) {
      if (k === 'input-tokens' && typeof v === 'number') input = Math.max(0, v);
      else if (k === 'output-tokens' && typeof v === 'number') output = Math.max(0, v);
      else if (k === 'cost-usd') cost = typeof v === 'number' ? v : v instanceof Float ? v.value : undefined;
    }
    const span = tracingEnabled() ? currentSpan() : undefined;
    if (!span) return null;
    span.set('gen_ai.usage.input_tokens', input);
    span.set('gen_ai.usage.output_tokens', output);
    span.set('gen_ai.usage.total_tokens', input + output);
    if (cost !== undefined) {
      span.set('gen_ai.usage.cost_usd', { float: cost });
      span.set('gen_ai.usage.cost', { float: cost });
    }
    for (const [k, v] of usageAttrs(input, output, cost)) span.set(k, v);
    return null;
  }),
  fn('otel/with-session', 2, 3, (args, ctx) => {
    const session = str('otel/with-session', args, 0);
    const user = args.length === 3 ? entries(args[1]).find(([k]) => k === 'user')?.[1] : undefined;
    const thunk = args[args.length - 1]!;
    return withIdentity(session, session, typeof user === 'string' ? user : undefined, () => ctx.apply(thunk, []));
  }),
  fn('otel/event', 1, 2, (args) => {
    const eventName = str('otel/event', args, 0);
    const span = tracingEnabled() ? currentSpan() : undefined;
    if (span) {
      const eventAttrs = new Map<string, AttrValue>();
      for (const [k, v] of entries(args[1])) if (k !== '__proto__' && k !== 'constructor' && k !== 'prototype') eventAttrs.set(k, typeof v === 'string' ? v : printValue(v));
      span.events.push({ name: eventName, timeNs: nowNs(), attrs: eventAttrs });
    }
    return null;
  }),
  fn('otel/configure', 1, 1, (args) => {
    if (!isMapLike(args[0]!)) throw typeErr('otel/configure', 'map', args[0]!);
    return configure(configOf(args[0]!));
  }),
];

export const otelModule: StdlibModule = { name: 'otel', builtins };
