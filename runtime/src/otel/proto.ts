// OTLP/HTTP protobuf (the default protocol): the ExportTraceServiceRequest message
// written with a minimal protobuf encoder, field numbers from opentelemetry-proto.

import type { AttrValue, Span, SpanKind } from './spans';
import { resourceAttrs, SCHEMA_URL, SEMA_VERSION, type ResourceInfo } from './encode';

export class Writer {
  private readonly parts: Buffer[] = [];

  private varint(n: bigint): void {
    const bytes: number[] = [];
    let v = BigInt.asUintN(64, n);
    do {
      let b = Number(v & 0x7fn);
      v >>= 7n;
      if (v !== 0n) b |= 0x80;
      bytes.push(b);
    } while (v !== 0n);
    this.parts.push(Buffer.from(bytes));
  }

  private tag(field: number, wire: number): void {
    this.varint(BigInt((field << 3) | wire));
  }

  uint(field: number, n: number | bigint): this {
    this.tag(field, 0);
    this.varint(BigInt(n));
    return this;
  }

  fixed64(field: number, n: bigint): this {
    this.tag(field, 1);
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt.asUintN(64, n));
    this.parts.push(b);
    return this;
  }

  double(field: number, x: number): this {
    this.tag(field, 1);
    const b = Buffer.alloc(8);
    b.writeDoubleLE(x);
    this.parts.push(b);
    return this;
  }

  bytes(field: number, b: Buffer): this {
    this.tag(field, 2);
    this.varint(BigInt(b.length));
    this.parts.push(b);
    return this;
  }

  string(field: number, s: string): this {
    return this.bytes(field, Buffer.from(s, 'utf8'));
  }

  message(field: number, build: (w: Writer) => void): this {
    const inner = new Writer();
    build(inner);
    return this.bytes(field, inner.finish());
  }

  finish(): Buffer {
    return Buffer.concat(this.parts);
  }
}

function anyValue(w: Writer, v: AttrValue): void {
  if (typeof v === 'string') w.string(1, v);
  else if (typeof v === 'boolean') w.uint(2, v ? 1 : 0);
  else if (typeof v === 'number') w.uint(3, BigInt(v));
  else if (Array.isArray(v)) w.message(5, (a) => v.forEach((s) => a.message(1, (x) => x.string(1, s))));
  else w.double(4, v.float);
}

export function keyValues(w: Writer, field: number, attrs: Iterable<[string, AttrValue]>): void {
  for (const [k, v] of attrs) w.message(field, (kv) => kv.string(1, k).message(2, (a) => anyValue(a, v)));
}

const KIND: Record<SpanKind, number> = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 };
const STATUS = { unset: 0, ok: 1, error: 2 } as const;

export function otlpTraceProto(spans: readonly Span[], resource: ResourceInfo): Buffer {
  return new Writer().message(1, (rs) => {
    rs.message(1, (r) => keyValues(r, 1, resourceAttrs(resource)));
    rs.message(2, (ss) => {
      ss.message(1, (scope) => {
        scope.string(1, 'sema').string(2, SEMA_VERSION);
        keyValues(scope, 3, [['sema.otel.instrumentation', 'gen_ai'], ['telemetry.distro.name', 'sema-otel'], ['telemetry.distro.version', SEMA_VERSION]]);
      });
      for (const s of spans) {
        ss.message(2, (w) => {
          w.bytes(1, Buffer.from(s.traceId, 'hex')).bytes(2, Buffer.from(s.spanId, 'hex'));
          if (s.parentSpanId) w.bytes(4, Buffer.from(s.parentSpanId, 'hex'));
          w.string(5, s.name).uint(6, KIND[s.kind]).fixed64(7, s.startNs).fixed64(8, s.endNs);
          keyValues(w, 9, s.attrs);
          for (const e of s.events) w.message(11, (ev) => { ev.fixed64(1, e.timeNs).string(2, e.name); keyValues(ev, 3, e.attrs); });
          w.message(15, (st) => { if (s.status.message) st.string(2, s.status.message); st.uint(3, STATUS[s.status.code]); });
        });
      }
      ss.string(3, SCHEMA_URL);
    });
    rs.string(3, SCHEMA_URL);
  }).finish();
}
