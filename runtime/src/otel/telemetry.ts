// Switching tracing on: from the environment (OTEL_EXPORTER_OTLP_ENDPOINT, SEMA_OTEL_FILE,
// read once, on first use) or from `otel/configure`, which writes the same variables and
// takes the same path. One installation per process: the first one wins.

import { identityAttrs, setCompat, spanKindAttrs } from './compat';
import { FileExporter, OtlpExporter, type Exporter } from './exporters';
import { installSink, resetSpans, type Span } from './spans';
import { setMetricsRecording } from './metrics';

let envChecked = false;
let exporters: Exporter[] = [];
let warnSink: (text: string) => void = (text) => process.stderr.write(text);

const env = (name: string): string | undefined => {
  const v = process.env[name];
  return v === undefined || v === '' ? undefined : v;
};

/** Warnings go to the evaluating interpreter's stderr when it has said where that is. */
export function setWarningWriter(write: (text: string) => void): void {
  warnSink = write;
}

const warn = (message: string): void => warnSink(`sema: otel: ${message}\n`);

/** `name=value,name2=value2`, split at the first `=`; values may be percent-encoded. */
export function parseHeaders(spec: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (spec ?? '').split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    try { value = decodeURIComponent(value); } catch { /* keep it as written */ }
    if (name !== '') out[name] = value;
  }
  return out;
}

const positiveInt = (name: string, fallback: number): number => {
  const n = Number(env(name));
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

export const contentCaptureOn = (): boolean =>
  ['true', '1'].includes(env('OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT') ?? env('SEMA_OTEL_CAPTURE_CONTENT') ?? '');

export const release = (): string | undefined => env('SEMA_OTEL_RELEASE');

function otlpUrl(): string | undefined {
  const traces = env('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  if (traces) return traces;
  const base = env('OTEL_EXPORTER_OTLP_ENDPOINT');
  return base ? base.replace(/\/+$/, '') + '/v1/traces' : undefined;
}

/** Builds the exporters the environment asks for; false when it asks for none. */
function installFromEnv(): boolean {
  if (exporters.length > 0) return false;
  const file = env('SEMA_OTEL_FILE');
  const url = otlpUrl();
  if (!file && !url) return false;
  setCompat(env('SEMA_OTEL_COMPAT'));
  const made: Exporter[] = [];
  if (file) {
    const f = FileExporter.open(file, warn);
    if (f) made.push(f);
  }
  if (url) {
    let protocol = env('OTEL_EXPORTER_OTLP_PROTOCOL') ?? 'http/protobuf';
    if (protocol !== 'http/json' && protocol !== 'http/protobuf') {
      warn(`protocol ${protocol} is not supported here; sending http/protobuf to ${url}`);
      protocol = 'http/protobuf';
    }
    const base = env('OTEL_EXPORTER_OTLP_ENDPOINT');
    const metricsUrl = env('OTEL_EXPORTER_OTLP_METRICS_ENDPOINT') ?? (base ? base.replace(/\/+$/, '') + '/v1/metrics' : undefined);
    setMetricsRecording(metricsUrl !== undefined);
    made.push(new OtlpExporter({
      url,
      metricsUrl,
      protocol: protocol as 'http/json' | 'http/protobuf',
      headers: parseHeaders(env('OTEL_EXPORTER_OTLP_HEADERS')),
      timeoutMs: positiveInt('OTEL_EXPORTER_OTLP_TIMEOUT', 10_000),
      maxBatch: positiveInt('OTEL_BSP_MAX_EXPORT_BATCH_SIZE', 512),
      maxQueue: positiveInt('OTEL_BSP_MAX_QUEUE_SIZE', 2048),
      scheduleDelayMs: positiveInt('OTEL_BSP_SCHEDULE_DELAY', 5000),
      resource: { serviceName: env('OTEL_SERVICE_NAME') ?? 'sema', environment: env('SEMA_OTEL_ENVIRONMENT') ?? env('DEPLOYMENT_ENVIRONMENT') },
    }, warn));
  }
  if (made.length === 0) return false;
  exporters = made;
  installSink((span: Span) => { for (const e of exporters) e.export(span); }, decorateSpan);
  process.once('exit', flushTelemetry);
  return true;
}

/** Every span names its backend identity when a compat mode wants it (LangSmith session, Langfuse release). */
function decorateSpan(span: Span): void {
  const session = span.attrs.get('session.id');
  for (const [k, v] of identityAttrs(typeof session === 'string' ? session : undefined, release())) span.set(k, v);
}

/** Whether tracing is on, installing it from the environment the first time. */
export function tracingEnabled(): boolean {
  if (!envChecked) {
    envChecked = true;
    installFromEnv();
  }
  return exporters.length > 0;
}

export interface OtelConfig {
  endpoint?: string;
  file?: string;
  protocol?: string;
  headers?: string;
  serviceName?: string;
  environment?: string;
  release?: string;
  captureContent?: boolean;
}

/** `otel/configure`: true when this call switched tracing on. */
export function configure(cfg: OtelConfig): boolean {
  if (tracingEnabled()) return false;
  const set = (name: string, v: string | undefined): void => {
    if (v !== undefined && v !== '') process.env[name] = v;
  };
  set('OTEL_EXPORTER_OTLP_ENDPOINT', cfg.endpoint);
  set('SEMA_OTEL_FILE', cfg.file);
  set('OTEL_EXPORTER_OTLP_PROTOCOL', cfg.protocol);
  set('OTEL_EXPORTER_OTLP_HEADERS', cfg.headers);
  set('OTEL_SERVICE_NAME', cfg.serviceName);
  set('SEMA_OTEL_ENVIRONMENT', cfg.environment);
  set('SEMA_OTEL_RELEASE', cfg.release);
  if (cfg.captureContent !== undefined) process.env['SEMA_OTEL_CAPTURE_CONTENT'] = cfg.captureContent ? 'true' : 'false';
  return installFromEnv();
}

/** Hands batched spans to the exporters and waits briefly for them; never throws. */
export function flushTelemetry(): void {
  for (const e of exporters) {
    try {
      e.flush();
    } catch (err) {
      warn(`flush failed: ${(err as Error).message}`);
    }
  }
}

/** The compat span-type attributes, for the span builders. */
export { spanKindAttrs };

/** Back to "off, environment not yet read" (tests that install several times). */
export function resetTelemetry(): void {
  for (const e of exporters) e.close();
  exporters = [];
  envChecked = false;
  installSink(undefined);
  process.removeListener('exit', flushTelemetry);
  resetSpans();
  setCompat(undefined);
  setMetricsRecording(false);
}
