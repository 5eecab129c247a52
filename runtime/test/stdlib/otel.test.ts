import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import { join } from 'node:path';
import { Interpreter } from '../../src/eval/interpreter';
import { printValue } from '../../src/reader';
import { parseHeaders, resetTelemetry } from '../../src/otel/telemetry';

const semaBin = join(__dirname, '..', '..', '..', 'bin', 'sema.js');
const OTEL_VARS = ['OTEL_EXPORTER_OTLP_ENDPOINT', 'SEMA_OTEL_FILE', 'OTEL_EXPORTER_OTLP_PROTOCOL', 'OTEL_EXPORTER_OTLP_HEADERS', 'OTEL_SERVICE_NAME',
  'SEMA_OTEL_ENVIRONMENT', 'SEMA_OTEL_RELEASE', 'SEMA_OTEL_CAPTURE_CONTENT', 'SEMA_OTEL_COMPAT', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'];

function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const v of OTEL_VARS) delete env[v];
  return env;
}

afterEach(() => {
  resetTelemetry();
  for (const v of OTEL_VARS) delete process.env[v];
});

const tmp = (): string => fs.mkdtempSync(join(os.tmpdir(), 'sema-otel-'));
type Line = { name: string; trace_id: string; span_id: string; parent_span_id: string; kind: string; status: string; attributes: Record<string, unknown> };

const PROGRAM = `
(llm/define-provider :echo {:complete (fn (req) {:content "hi" :usage {:prompt-tokens 5 :completion-tokens 2} :model "echo-v1"}) :default-model "echo-v1"})
(with-span "ingest" {:batch.size 100 :flag true :ratio 0.5}
  (otel/set-attribute :rows 42)
  (otel/event "started" {:n 1})
  (llm/complete "hello" {:max-tokens 16})
  (otel/tool-span "lookup" (lambda () 1))
  (otel/set-status :ok))
(with-session "chat-42" {:user "alice"} (with-span "inner" {} nil))
(try (with-span "boom" {} (throw "kaboom")) (catch e nil))
(display "done")
`;

describe('otel builtins with tracing off', () => {
  it('change nothing: values come back and annotations are no-ops', () => {
    const interp = new Interpreter();
    const run = (src: string): string => printValue(interp.evalString(src));
    assert.equal(run('(with-span "x" {:a 1} (otel/set-attribute :k 1) (otel/event "e") (+ 1 2))'), '3');
    assert.equal(run('(otel/llm-span {:model "m"} (lambda () (otel/llm-usage {:input-tokens 1}) "ok"))'), '"ok"');
    assert.equal(run('(otel/with-session "s" (lambda () 7))'), '7');
    assert.equal(run('(otel/configure {})'), '#f');
    assert.throws(() => interp.evalString('(otel/configure 1)'), /expected map, got int/);
    assert.throws(() => interp.evalString('(otel/span 1 (lambda () 1))'), /expected string, got int/);
    assert.throws(() => interp.evalString('(otel/set-attribute 1 2)'), /expected keyword or string, got int/);
    assert.throws(() => interp.evalString('(with-span "x")'), /with-span/);
  });
});

describe('otel/configure with a file', () => {
  it('writes nested spans with typed attributes, events, status and sessions', () => {
    const file = join(tmp(), 'trace.jsonl');
    const interp = new Interpreter();
    assert.equal(printValue(interp.evalString(`(otel/configure {:file ${JSON.stringify(file)}})`)), '#t');
    assert.equal(printValue(interp.evalString('(otel/configure {:file "/elsewhere"})')), '#f');
    interp.evalString(PROGRAM);
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Line);
    const span = (name: string): Line => lines.find((l) => l.name === name)!;
    assert.deepEqual(lines.map((l) => l.name), ['chat echo-v1', 'lookup', 'ingest', 'inner', 'boom']);
    const ingest = span('ingest');
    assert.deepEqual(ingest.attributes, { 'batch.size': 100, flag: true, ratio: 0.5, rows: 42 });
    assert.equal(ingest.status, 'ok');
    assert.equal(ingest.parent_span_id, '0000000000000000');
    for (const child of ['chat echo-v1', 'lookup']) {
      assert.equal(span(child).parent_span_id, ingest.span_id);
      assert.equal(span(child).trace_id, ingest.trace_id);
    }
    const chat = span('chat echo-v1');
    assert.equal(chat.kind, 'client');
    assert.equal(chat.attributes['gen_ai.provider.name'], 'echo');
    assert.equal(chat.attributes['gen_ai.request.model'], 'echo-v1');
    assert.equal(chat.attributes['gen_ai.usage.input_tokens'], 5);
    assert.equal(chat.attributes['gen_ai.usage.total_tokens'], 7);
    assert.deepEqual(chat.attributes['gen_ai.response.finish_reasons'], ['end_turn']);
    assert.equal(span('lookup').attributes['gen_ai.tool.name'], 'lookup');
    assert.deepEqual(span('inner').attributes, { 'gen_ai.conversation.id': 'chat-42', 'session.id': 'chat-42', 'user.id': 'alice' });
    assert.match(span('boom').status, /^error: /);
    assert.equal(span('boom').attributes['error.type'], 'error');
  });

  it('records prompt and answer text only when content capture is on', () => {
    const file = join(tmp(), 'trace.jsonl');
    const interp = new Interpreter();
    interp.evalString(`(otel/configure {:file ${JSON.stringify(file)}})
      (llm/define-provider :echo {:complete (fn (req) "pong") :default-model "e"})
      (llm/complete "ping")`);
    process.env['SEMA_OTEL_CAPTURE_CONTENT'] = 'true';
    interp.evalString('(llm/complete "ping" {:system "Be brief."})');
    const [off, on] = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Line);
    assert.equal(off!.attributes['gen_ai.input.messages'], undefined);
    assert.match(String(on!.attributes['gen_ai.input.messages']), /ping/);
    assert.match(String(on!.attributes['gen_ai.output.messages']), /pong/);
    assert.equal(on!.attributes['gen_ai.system_instructions'], 'Be brief.');
  });

  it('adds the compat names of SEMA_OTEL_COMPAT modes', () => {
    const file = join(tmp(), 'trace.jsonl');
    process.env['SEMA_OTEL_COMPAT'] = 'openinference,langfuse,bogus';
    const interp = new Interpreter();
    interp.evalString(`(otel/configure {:file ${JSON.stringify(file)}})`);
    interp.evalString('(otel/llm-span {:model "m" :provider "anthropic"} (lambda () (otel/llm-usage {:input-tokens 120 :output-tokens 30})))');
    interp.evalString('(otel/retrieval-span "search" (lambda () 1) {:top-k 5})');
    interp.evalString('(llm/define-provider :echo {:complete (fn (req) "pong") :default-model "e"}) (llm/stream "hi" (fn (c) c))');
    const [llm, retrieval, stream] = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Line);
    assert.equal(stream!.attributes['langfuse.observation.type'], 'generation');
    assert.match(String(stream!.attributes['langfuse.observation.completion_start_time']), /^\d{4}-\d\d-\d\dT/);
    assert.equal(stream!.attributes['sema.gen_ai.is_streaming'], true);
    assert.equal(llm!.attributes['openinference.span.kind'], 'LLM');
    assert.equal(llm!.attributes['llm.token_count.prompt'], 120);
    assert.equal(llm!.attributes['gen_ai.usage.total_tokens'], 150);
    assert.equal(retrieval!.attributes['openinference.span.kind'], 'RETRIEVER');
    assert.equal(retrieval!.attributes['top-k'], 5);
  });

  it('traces an agent run as invoke_agent over its chat and execute_tool spans, in one session', () => {
    const file = join(tmp(), 'trace.jsonl');
    const interp = new Interpreter();
    interp.evalString(`(otel/configure {:file ${JSON.stringify(file)}})
      (define n 0)
      (llm/define-provider :scripted
        {:complete (fn (req)
           (set! n (+ n 1))
           (if (= n 1)
               {:content "" :tool-calls (list {:id "c1" :name "double" :arguments {:n 21}})}
               {:content "42"}))
         :default-model "s-1"})
      (deftool double "Double a number" {:n {:type :integer}} (fn (n) (* n 2)))
      (defagent bot {:system "x" :tools [double]})
      (agent/run bot "Double 21" {:session-id "chat-42" :user-id "alice"})`);
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Line);
    assert.deepEqual(lines.map((l) => l.name), ['chat s-1', 'execute_tool double', 'chat s-1', 'invoke_agent bot']);
    const agent = lines[3]!;
    for (const l of lines.slice(0, 3)) assert.equal(l.parent_span_id, agent.span_id);
    for (const l of lines) {
      assert.equal(l.attributes['session.id'], 'chat-42');
      assert.equal(l.attributes['user.id'], 'alice');
      assert.equal(l.attributes['gen_ai.conversation.id'], agent.attributes['gen_ai.conversation.id']);
    }
    assert.equal(lines[1]!.attributes['gen_ai.tool.call.id'], 'c1');
    assert.equal(agent.attributes['gen_ai.agent.name'], 'bot');
  });

  it('parses OTLP header lists as the spec says', () => {
    assert.deepEqual(parseHeaders('Authorization=Basic YWJjOmRlZg==, x-project=my%2Capp,bad'), { Authorization: 'Basic YWJjOmRlZg==', 'x-project': 'my,app' });
  });
});

/** A collector on 127.0.0.1 that records each export request. */
async function collector(respond: 'ok' | 'never' = 'ok'): Promise<{ url: string; requests: { path: string; type: string; headers: http.IncomingHttpHeaders; body: Buffer }[]; close: () => void }> {
  const requests: { path: string; type: string; headers: http.IncomingHttpHeaders; body: Buffer }[] = [];
  const server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      requests.push({ path: req.url ?? '', type: req.headers['content-type'] ?? '', headers: req.headers, body: Buffer.concat(parts) });
      if (respond === 'ok') res.end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, requests, close: () => { server.closeAllConnections(); server.close(); } };
}

function runCli(program: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string; err: string; ms: number }> {
  const file = join(tmp(), 'prog.sema');
  fs.writeFileSync(file, program);
  const started = Date.now();
  const proc = spawn(process.execPath, [semaBin, file], { env: { ...cleanEnv(), ...env } });
  let out = '', err = '';
  proc.stdout.setEncoding('utf8').on('data', (t: string) => (out += t));
  proc.stderr.setEncoding('utf8').on('data', (t: string) => (err += t));
  return new Promise((resolve) => proc.on('close', (code) => resolve({ code, out, err, ms: Date.now() - started })));
}

/** Field `n` of a protobuf message, as raw bytes, for each occurrence (length-delimited fields only). */
function protoFields(buf: Buffer, n: number): Buffer[] {
  const out: Buffer[] = [];
  let i = 0;
  const varint = (): number => { let v = 0, shift = 0, b; do { b = buf[i++]!; v += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80); return v; };
  while (i < buf.length) {
    const key = varint();
    const wire = key & 7;
    if (wire === 0) varint();
    else if (wire === 1) i += 8;
    else if (wire === 5) i += 4;
    else { const len = varint(); if (key >> 3 === n) out.push(buf.subarray(i, i + len)); i += len; }
  }
  return out;
}

describe('OTLP/HTTP export from the CLI', () => {
  it('posts OTLP JSON with nested spans, resource and headers', async () => {
    const c = await collector();
    try {
      const r = await runCli(PROGRAM, { OTEL_EXPORTER_OTLP_ENDPOINT: c.url, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_HEADERS: 'x-project=app', OTEL_SERVICE_NAME: 'svc' });
      assert.equal(r.code, 0, r.err);
      assert.equal(r.out, 'done');
      assert.equal(r.err, '');
      assert.deepEqual(c.requests.map((q) => q.path), ['/v1/traces', '/v1/metrics']);
      const req = c.requests[0]!;
      assert.equal(req.path, '/v1/traces');
      assert.equal(req.type, 'application/json');
      assert.equal(req.headers['x-project'], 'app');
      const body = JSON.parse(req.body.toString('utf8'));
      const rs = body.resourceSpans[0];
      assert.deepEqual(rs.resource.attributes.find((a: { key: string }) => a.key === 'service.name').value, { stringValue: 'svc' });
      const spans: { name: string; spanId: string; parentSpanId?: string; kind: number; attributes: { key: string; value: unknown }[]; events: { name: string }[]; status: { code: number } }[] = rs.scopeSpans[0].spans;
      const ingest = spans.find((s) => s.name === 'ingest')!;
      const chat = spans.find((s) => s.name === 'chat echo-v1')!;
      assert.equal(chat.parentSpanId, ingest.spanId);
      assert.equal(chat.kind, 3);
      assert.deepEqual(chat.attributes.find((a) => a.key === 'gen_ai.usage.input_tokens')!.value, { intValue: '5' });
      assert.deepEqual(ingest.attributes.find((a) => a.key === 'ratio')!.value, { doubleValue: 0.5 });
      assert.deepEqual(ingest.events.map((e) => e.name), ['started']);
      assert.equal(ingest.status.code, 1);
      assert.equal(spans.find((s) => s.name === 'boom')!.status.code, 2);
      // The model call also lands in the two GenAI histograms.
      const metrics: { name: string; unit: string; histogram: { aggregationTemporality: number; dataPoints: { count: string; sum: number; attributes: { key: string; value: { stringValue?: string } }[] }[] } }[] =
        JSON.parse(c.requests[1]!.body.toString('utf8')).resourceMetrics[0].scopeMetrics[0].metrics;
      assert.deepEqual(metrics.map((m) => m.name), ['gen_ai.client.token.usage', 'gen_ai.client.operation.duration']);
      const tokens = metrics[0]!.histogram;
      assert.equal(tokens.aggregationTemporality, 2);
      const byType = (t: string) => tokens.dataPoints.find((p) => p.attributes.some((a) => a.key === 'gen_ai.token.type' && a.value.stringValue === t))!;
      assert.equal(byType('input').sum, 5);
      assert.equal(byType('output').sum, 2);
      assert.equal(metrics[1]!.histogram.dataPoints[0]!.count, '1');
    } finally {
      c.close();
    }
  });

  it('sends http/protobuf by default', async () => {
    const c = await collector();
    try {
      const r = await runCli(`(llm/define-provider :echo {:complete (fn (req) {:content "hi" :usage {:prompt-tokens 5 :completion-tokens 2}}) :default-model "echo-v1"})
        (with-span "ingest" {:n 1} (otel/set-attribute :rows 42))
        (llm/complete "x")`, { OTEL_EXPORTER_OTLP_ENDPOINT: c.url + '/' });
      assert.equal(r.code, 0, r.err);
      const req = c.requests[0]!;
      assert.equal(req.path, '/v1/traces');
      assert.equal(req.type, 'application/x-protobuf');
      const span = protoFields(protoFields(protoFields(req.body, 1)[0]!, 2)[0]!, 2)[0]!;
      assert.equal(protoFields(span, 5)[0]!.toString(), 'ingest');
      assert.equal(protoFields(span, 1)[0]!.length, 16);
      const keys = protoFields(span, 9).map((kv) => protoFields(kv, 1)[0]!.toString());
      assert.deepEqual(keys, ['n', 'rows']);
      const metricsReq = c.requests.find((q) => q.path === '/v1/metrics')!;
      assert.equal(metricsReq.type, 'application/x-protobuf');
      const metrics = protoFields(protoFields(protoFields(metricsReq.body, 1)[0]!, 2)[0]!, 2);
      assert.deepEqual(metrics.map((m) => protoFields(m, 1)[0]!.toString()), ['gen_ai.client.token.usage', 'gen_ai.client.operation.duration']);
      assert.equal(protoFields(protoFields(metrics[0]!, 9)[0]!, 1).length, 2);
    } finally {
      c.close();
    }
  });

  it('traces llm/embed as an embeddings span', async () => {
    const api = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => res.end(JSON.stringify({ data: [{ embedding: [1, 2], index: 0 }], usage: { prompt_tokens: 3 }, model: 'emb-1' })));
    });
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
    const file = join(tmp(), 'trace.jsonl');
    try {
      const url = `http://127.0.0.1:${(api.address() as AddressInfo).port}/v1`;
      const r = await runCli(`(llm/configure-embeddings :local {:base-url "${url}" :api-key "k" :default-model "emb-1"}) (display (bytevector-length (llm/embed "hi")))`, { SEMA_OTEL_FILE: file });
      assert.equal(r.code, 0, r.err);
      assert.equal(r.out, '16');
      const line = JSON.parse(fs.readFileSync(file, 'utf8').trim()) as Line;
      assert.equal(line.name, 'embeddings emb-1');
      assert.equal(line.kind, 'client');
      assert.equal(line.attributes['gen_ai.operation.name'], 'embeddings');
      assert.equal(line.attributes['gen_ai.usage.input_tokens'], 3);
    } finally {
      api.close();
    }
  });

  it('a collector that is down costs a warning, not the run', async () => {
    const c = await collector();
    c.close();
    const r = await runCli('(with-span "x" {} (display (+ 1 2)))', { OTEL_EXPORTER_OTLP_ENDPOINT: c.url });
    assert.equal(r.code, 0);
    assert.equal(r.out, '3');
    assert.match(r.err, /^sema: otel: export to http:\/\/127\.0\.0\.1:\d+\/v1\/traces failed: ECONNREFUSED \(spans dropped\)\n$/);
  });

  it('a collector that never answers delays exit by the export timeout at most', async () => {
    const c = await collector('never');
    try {
      const r = await runCli('(with-span "x" {} (display 1))', { OTEL_EXPORTER_OTLP_ENDPOINT: c.url, OTEL_EXPORTER_OTLP_TIMEOUT: '300' });
      assert.equal(r.code, 0);
      assert.equal(r.out, '1');
      assert.match(r.err, /failed: no answer within 300 ms/);
      assert.ok(r.ms < 8000, `took ${r.ms} ms`);
    } finally {
      c.close();
    }
  });
});
