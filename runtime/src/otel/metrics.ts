// The two GenAI metric histograms (observability.md "Metrics"): token usage by token
// type, and operation duration in seconds. Recorded only when exporting over OTLP;
// cumulative, so each export carries the totals so far.

import { keyValues, resourceAttrs, SCHEMA_URL, SEMA_VERSION, type ResourceInfo } from './encode';
import { keyValues as protoKeyValues, Writer } from './proto';
import { nowNs, type AttrValue } from './spans';

interface Series { attrs: [string, AttrValue][]; count: number; sum: number; min: number; max: number; buckets: number[] }
interface Histogram { name: string; description: string; unit: string; bounds: number[]; series: Map<string, Series> }

// The bucket boundaries the GenAI semantic conventions advise for these two instruments.
const TOKEN_BOUNDS = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864];
const DURATION_BOUNDS = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];

const tokenUsage: Histogram = { name: 'gen_ai.client.token.usage', description: 'Number of input and output tokens used', unit: '{token}', bounds: TOKEN_BOUNDS, series: new Map() };
const duration: Histogram = { name: 'gen_ai.client.operation.duration', description: 'GenAI operation duration', unit: 's', bounds: DURATION_BOUNDS, series: new Map() };
const startNs = nowNs();
let changed = false;
let recording = false;

export function setMetricsRecording(on: boolean): void {
  recording = on;
  if (!on) {
    tokenUsage.series.clear();
    duration.series.clear();
    changed = false;
  }
}

function record(h: Histogram, attrs: [string, AttrValue][], value: number): void {
  const key = JSON.stringify(attrs);
  let s = h.series.get(key);
  if (!s) h.series.set(key, (s = { attrs, count: 0, sum: 0, min: Infinity, max: -Infinity, buckets: new Array<number>(h.bounds.length + 1).fill(0) }));
  s.count++;
  s.sum += value;
  s.min = Math.min(s.min, value);
  s.max = Math.max(s.max, value);
  const at = h.bounds.findIndex((b) => value <= b);
  s.buckets[at < 0 ? h.bounds.length : at]!++;
  changed = true;
}

export interface CallDims { operation: string; provider: string; requestModel: string; responseModel: string }

export function recordLlmCall(d: CallDims, input: number, output: number, seconds: number): void {
  if (!recording) return;
  const base: [string, AttrValue][] = [
    ['gen_ai.operation.name', d.operation], ['gen_ai.provider.name', d.provider], ['gen_ai.request.model', d.requestModel], ['gen_ai.response.model', d.responseModel],
  ];
  record(tokenUsage, [...base, ['gen_ai.token.type', 'input']], input);
  record(tokenUsage, [...base, ['gen_ai.token.type', 'output']], output);
  record(duration, base.slice(0, 3), seconds);
}

/** Whether anything was recorded since the last export. */
export function takeMetricsChanged(): boolean {
  const was = changed;
  changed = false;
  return was;
}

const histograms = (): Histogram[] => [tokenUsage, duration].filter((h) => h.series.size > 0);
const SCOPE_ATTRS: [string, AttrValue][] = [['sema.otel.instrumentation', 'gen_ai']];

export function otlpMetricsRequest(resource: ResourceInfo): unknown {
  const time = String(nowNs());
  return {
    resourceMetrics: [{
      resource: { attributes: keyValues(resourceAttrs(resource)) },
      schemaUrl: SCHEMA_URL,
      scopeMetrics: [{
        scope: { name: 'sema', version: SEMA_VERSION, attributes: keyValues(SCOPE_ATTRS) },
        schemaUrl: SCHEMA_URL,
        metrics: histograms().map((h) => ({
          name: h.name,
          description: h.description,
          unit: h.unit,
          histogram: {
            aggregationTemporality: 2,
            dataPoints: [...h.series.values()].map((s) => ({
              attributes: keyValues(s.attrs), startTimeUnixNano: String(startNs), timeUnixNano: time,
              count: String(s.count), sum: s.sum, min: s.min, max: s.max, bucketCounts: s.buckets.map(String), explicitBounds: h.bounds,
            })),
          },
        })),
      }],
    }],
  };
}

function packedFixed64(values: number[]): Buffer {
  const b = Buffer.alloc(values.length * 8);
  values.forEach((v, i) => b.writeBigUInt64LE(BigInt(v), i * 8));
  return b;
}

function packedDouble(values: number[]): Buffer {
  const b = Buffer.alloc(values.length * 8);
  values.forEach((v, i) => b.writeDoubleLE(v, i * 8));
  return b;
}

export function otlpMetricsProto(resource: ResourceInfo): Buffer {
  const time = nowNs();
  return new Writer().message(1, (rm) => {
    rm.message(1, (r) => protoKeyValues(r, 1, resourceAttrs(resource)));
    rm.message(2, (sm) => {
      sm.message(1, (scope) => { scope.string(1, 'sema').string(2, SEMA_VERSION); protoKeyValues(scope, 3, SCOPE_ATTRS); });
      for (const h of histograms()) {
        sm.message(2, (m) => {
          m.string(1, h.name).string(2, h.description).string(3, h.unit);
          m.message(9, (hist) => {
            for (const s of h.series.values()) {
              hist.message(1, (p) => {
                p.fixed64(2, startNs).fixed64(3, time).fixed64(4, BigInt(s.count)).double(5, s.sum);
                p.bytes(6, packedFixed64(s.buckets)).bytes(7, packedDouble(h.bounds));
                protoKeyValues(p, 9, s.attrs);
                p.double(11, s.min).double(12, s.max);
              });
            }
            hist.uint(2, 2);
          });
        });
      }
      sm.string(3, SCHEMA_URL);
    });
    rm.string(3, SCHEMA_URL);
  }).finish();
}
