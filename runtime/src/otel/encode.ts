// Finished spans as data: the OTLP/HTTP JSON request body (ExportTraceServiceRequest,
// ids as hex, 64-bit numbers as strings, per the OTLP JSON mapping) and the reference's
// JSONL line for SEMA_OTEL_FILE.

import type { AttrValue, Span, SpanKind } from './spans';

export const SEMA_VERSION = '1.0.0';
export const SCHEMA_URL = 'https://opentelemetry.io/schemas/1.37.0';

const KIND_CODE: Record<SpanKind, number> = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 };
const STATUS_CODE = { unset: 0, ok: 1, error: 2 } as const;

type AnyValue = { stringValue: string } | { intValue: string } | { doubleValue: number } | { boolValue: boolean } | { arrayValue: { values: AnyValue[] } };

function anyValue(v: AttrValue): AnyValue {
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  if (typeof v === 'number') return { intValue: String(v) };
  if (Array.isArray(v)) return { arrayValue: { values: v.map((s) => ({ stringValue: s })) } };
  return { doubleValue: v.float };
}

export const keyValues = (attrs: Iterable<[string, AttrValue]>): { key: string; value: AnyValue }[] =>
  [...attrs].map(([key, v]) => ({ key, value: anyValue(v) }));

export interface ResourceInfo { serviceName: string; environment: string | undefined }

export function resourceAttrs(r: ResourceInfo): [string, AttrValue][] {
  const attrs: [string, AttrValue][] = [
    ['service.name', r.serviceName],
    ['service.version', SEMA_VERSION],
    ['telemetry.sdk.language', 'nodejs'],
    ['process.runtime.name', 'sema'],
    ['process.runtime.version', SEMA_VERSION],
  ];
  if (r.environment) attrs.push(['deployment.environment.name', r.environment]);
  return attrs;
}

/** One OTLP/HTTP JSON export request for `spans`. */
export function otlpTraceRequest(spans: readonly Span[], resource: ResourceInfo): unknown {
  return {
    resourceSpans: [{
      resource: { attributes: keyValues(resourceAttrs(resource)) },
      schemaUrl: SCHEMA_URL,
      scopeSpans: [{
        scope: {
          name: 'sema',
          version: SEMA_VERSION,
          attributes: keyValues([['sema.otel.instrumentation', 'gen_ai'], ['telemetry.distro.name', 'sema-otel'], ['telemetry.distro.version', SEMA_VERSION]]),
        },
        schemaUrl: SCHEMA_URL,
        spans: spans.map((s) => ({
          traceId: s.traceId,
          spanId: s.spanId,
          ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}),
          name: s.name,
          kind: KIND_CODE[s.kind],
          startTimeUnixNano: String(s.startNs),
          endTimeUnixNano: String(s.endNs),
          attributes: keyValues(s.attrs),
          events: s.events.map((e) => ({ timeUnixNano: String(e.timeNs), name: e.name, attributes: keyValues(e.attrs) })),
          status: s.status.code === 'error' ? { code: STATUS_CODE.error, message: s.status.message } : { code: STATUS_CODE[s.status.code] },
        })),
      }],
    }],
  };
}

/** A float that happens to be whole still reads as a float (`1.0`), as serde writes it. */
function jsonAttr(v: AttrValue): string {
  if (typeof v === 'object' && !Array.isArray(v)) {
    if (!Number.isFinite(v.float)) return 'null';
    const s = JSON.stringify(v.float);
    return /[.eE]/.test(s) ? s : s + '.0';
  }
  return JSON.stringify(v);
}

/** The reference's JSONL schema: one object per finished span. */
export function jsonlLine(s: Span): string {
  const status = s.status.code === 'error' ? `error: ${s.status.message}` : s.status.code;
  const attrs = [...s.attrs].map(([k, v]) => `${JSON.stringify(k)}:${jsonAttr(v)}`).join(',');
  return '{' + [
    `"name":${JSON.stringify(s.name)}`,
    `"trace_id":"${s.traceId}"`,
    `"span_id":"${s.spanId}"`,
    `"parent_span_id":"${s.parentSpanId || '0000000000000000'}"`,
    `"kind":"${s.kind}"`,
    `"start_unix_nano":"${s.startNs}"`,
    `"end_unix_nano":"${s.endNs}"`,
    `"status":${JSON.stringify(status)}`,
    `"attributes":{${attrs}}`,
  ].join(',') + '}\n';
}
