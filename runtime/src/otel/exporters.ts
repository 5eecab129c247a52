// Where finished spans go. SEMA_OTEL_FILE: one JSON line per span, appended synchronously.
// OTLP/HTTP: spans are batched here and posted by a background thread, so a slow or dead
// collector never holds up evaluation; `flush` waits for it only up to a fixed budget and
// failures come back as one warning each, never as an error.

import * as fs from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { jsonlLine, otlpTraceRequest, type ResourceInfo } from './encode';
import { otlpTraceProto } from './proto';
import { otlpMetricsProto, otlpMetricsRequest, takeMetricsChanged } from './metrics';
import type { Span } from './spans';

export interface Exporter {
  export(span: Span): void;
  flush(): void;
  close(): void;
}

export type Warn = (message: string) => void;

export class FileExporter implements Exporter {
  constructor(private readonly fd: number, private readonly path: string, private readonly warn: Warn) {}

  static open(path: string, warn: Warn): FileExporter | undefined {
    try {
      return new FileExporter(fs.openSync(path, 'a'), path, warn);
    } catch (e) {
      warn(`cannot open trace file ${path}: ${(e as Error).message}; file export is off`);
      return undefined;
    }
  }

  export(span: Span): void {
    try {
      fs.writeSync(this.fd, jsonlLine(span));
    } catch (e) {
      this.warn(`cannot write trace file ${this.path}: ${(e as Error).message}`);
    }
  }

  flush(): void {}

  close(): void {
    try { fs.closeSync(this.fd); } catch { /* already closed */ }
  }
}

/** The exporting thread: posts each body in order, reports failures, acknowledges flushes. */
const WORKER_SOURCE = String.raw`
const { workerData } = require('node:worker_threads');
const { port, counter, url, headers, timeoutMs } = workerData;
let chain = Promise.resolve();
async function send(m) {
  try {
    const res = await fetch(m.url || url, { method: 'POST', headers: { ...headers, 'content-type': m.contentType }, body: m.body, signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer().catch(() => {});
    if (!res.ok) port.postMessage({ t: 'warn', message: 'the collector answered HTTP ' + res.status, url: m.url || url });
  } catch (e) {
    const why = e && e.name === 'TimeoutError' ? 'no answer within ' + timeoutMs + ' ms'
      : (e && e.cause && (e.cause.code || e.cause.message)) || (e && e.message) || String(e);
    port.postMessage({ t: 'warn', message: why, url: m.url || url });
  }
}
port.on('message', (m) => {
  if (m.t === 'export') chain = chain.then(() => send(m));
  else if (m.t === 'flush') chain = chain.then(() => { Atomics.store(counter, 0, m.seq); Atomics.notify(counter, 0); });
});
`;

export interface OtlpOptions {
  url: string;
  /** Where the GenAI metric histograms go; none when only a traces endpoint is set. */
  metricsUrl: string | undefined;
  protocol: 'http/json' | 'http/protobuf';
  headers: Record<string, string>;
  timeoutMs: number;
  maxBatch: number;
  maxQueue: number;
  scheduleDelayMs: number;
  resource: ResourceInfo;
}

const FLUSH_BUDGET_MS = 4000;

export class OtlpExporter implements Exporter {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly counter = new Int32Array(new SharedArrayBuffer(4));
  private pending: Span[] = [];
  private lastSend = Date.now();
  private seq = 0;
  private flushes = 0;
  private dropped = 0;
  private readonly warned = new Set<string>();

  constructor(private readonly opts: OtlpOptions, private readonly warn: Warn) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { port: port2, counter: this.counter, url: opts.url, headers: opts.headers, timeoutMs: opts.timeoutMs },
      transferList: [port2],
    });
    this.worker.on('error', (e) => this.report(`the export thread failed: ${e.message}`));
    // Telemetry never keeps the process alive on its own.
    this.worker.unref();
    this.port.unref();
  }

  private report(message: string, url = this.opts.url): void {
    const text = `export to ${url} failed: ${message} (${url === this.opts.url ? 'spans' : 'metrics'} dropped)`;
    if (this.warned.has(text)) return;
    this.warned.add(text);
    this.warn(text);
  }

  private drainWarnings(): void {
    for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
      const msg = m.message as { t: string; message: string; url: string };
      if (msg.t === 'warn') this.report(msg.message, msg.url);
    }
  }

  export(span: Span): void {
    if (this.pending.length >= this.opts.maxQueue) {
      this.dropped++;
      return;
    }
    this.pending.push(span);
    if (this.pending.length >= this.opts.maxBatch || Date.now() - this.lastSend >= this.opts.scheduleDelayMs) this.sendPending();
    this.drainWarnings();
  }

  private sendPending(): void {
    this.lastSend = Date.now();
    if (this.pending.length === 0) return;
    const spans = this.pending;
    this.pending = [];
    const json = this.opts.protocol === 'http/json';
    const body = json ? JSON.stringify(otlpTraceRequest(spans, this.opts.resource)) : otlpTraceProto(spans, this.opts.resource);
    this.port.postMessage({ t: 'export', body, contentType: json ? 'application/json' : 'application/x-protobuf' });
    this.seq++;
  }

  /** Sends what is batched and waits (at most a few seconds) until the thread has posted it. */
  flush(): void {
    this.sendPending();
    if (this.opts.metricsUrl !== undefined && takeMetricsChanged()) {
      const json = this.opts.protocol === 'http/json';
      const body = json ? JSON.stringify(otlpMetricsRequest(this.opts.resource)) : otlpMetricsProto(this.opts.resource);
      this.port.postMessage({ t: 'export', url: this.opts.metricsUrl, body, contentType: json ? 'application/json' : 'application/x-protobuf' });
      this.seq++;
    }
    if (this.dropped > 0) {
      this.report(`the span queue was full (${this.dropped} span(s))`);
      this.dropped = 0;
    }
    if (this.seq === 0) return this.drainWarnings();
    const budget = Math.min(FLUSH_BUDGET_MS, this.opts.timeoutMs * this.seq + 250);
    this.seq = 0;
    const ack = ++this.flushes;
    this.port.postMessage({ t: 'flush', seq: ack });
    const deadline = Date.now() + budget;
    for (let seen = Atomics.load(this.counter, 0); seen < ack; seen = Atomics.load(this.counter, 0)) {
      const left = deadline - Date.now();
      if (left <= 0) {
        this.report(`still sending after ${budget} ms; not waiting longer`);
        break;
      }
      Atomics.wait(this.counter, 0, seen, left);
    }
    this.drainWarnings();
  }

  close(): void {
    void this.worker.terminate();
  }
}
