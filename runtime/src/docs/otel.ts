// Catalogue entries for tracing (stdlib/otel.ts, the with-span/with-session macros).

import type { BuiltinDoc } from './types';
import { fnDoc } from './entry';

const d = (sig: string | string[], summary: string, examples: string[]): BuiltinDoc => fnDoc('otel', sig, summary, examples);
const OFF = ' A no-op while tracing is off.';

export const otelDocs: BuiltinDoc[] = [
  d('(otel/configure config)', 'Switches tracing on from code: `:endpoint` (OTLP/HTTP), `:file` (JSONL spans), `:protocol` (`"http/protobuf"` default or `"http/json"`), `:key` (sent as `Authorization: Bearer`), `:headers` (map or `"name=value,..."`), `:service-name`, `:environment`, `:release`, `:capture-content`. Returns #t when this call turned tracing on, #f when nothing was configured or tracing was already on (environment settings win).', [
    '(otel/configure {:file "/tmp/sema-trace.jsonl"})',
  ]),
  d(['(otel/span name thunk)', '(otel/span name thunk attrs)'], 'Calls `thunk` inside a span named `name` carrying the `attrs` map; spans started inside nest under it. A throw marks the span as an error and propagates; the thunk\'s value is returned.' + OFF, [
    '(otel/span "load" (lambda () 42) {:rows 10})  ; => 42',
  ]),
  d('(otel/llm-span config thunk)', 'Calls `thunk` inside an LLM (CLIENT) span for a model call made by hand: `config` gives `:model`, `:provider` and `:operation` (default `"chat"`); other keys become attributes.' + OFF, [
    '(otel/llm-span {:model "m" :provider "myco"} (lambda () "answer"))  ; => "answer"',
  ]),
  d(['(otel/tool-span name thunk)', '(otel/tool-span name thunk attrs)'], 'Calls `thunk` inside a tool span (`gen_ai.operation.name` `execute_tool`, `gen_ai.tool.name` = `name`).' + OFF, [
    '(otel/tool-span "lookup-weather" (lambda () "sunny"))  ; => "sunny"',
  ]),
  d(['(otel/retrieval-span name thunk)', '(otel/retrieval-span name thunk attrs)'], 'Calls `thunk` inside a retrieval span (a RETRIEVER under the compat modes).' + OFF, [
    '(otel/retrieval-span "vector-search" (lambda () (list 1 2)) {:top-k 5})  ; => (1 2)',
  ]),
  d('(otel/set-attribute key value)', 'Sets one attribute (key a keyword or string) on the innermost open span; integers, floats and booleans keep their type. Returns nil.' + OFF, [
    '(otel/set-attribute :http.status 200)  ; => nil',
  ]),
  d('(otel/set-attributes attrs)', 'Sets every entry of a map as an attribute of the innermost open span. Returns nil.' + OFF, [
    '(otel/set-attributes {:rows 42 :cache.hit true})  ; => nil',
  ]),
  d(['(otel/set-status :ok)', '(otel/set-status :error message)'], 'Sets the innermost span\'s status; `:error` also records `error.type`. Returns nil.' + OFF, [
    '(otel/set-status :error "upstream timeout")  ; => nil',
  ]),
  d(['(otel/event name)', '(otel/event name attrs)'], 'Adds a point-in-time event to the innermost span; attribute values are recorded as text. Returns nil.' + OFF, [
    '(otel/event "cache-miss" {:key "user:42"})  ; => nil',
  ]),
  d('(otel/llm-usage usage)', 'Records `:input-tokens`, `:output-tokens` and `:cost-usd` on the innermost span under the same `gen_ai.usage.*` names the built-in LLM spans use. Returns nil.' + OFF, [
    '(otel/llm-usage {:input-tokens 120 :output-tokens 30 :cost-usd 0.001})  ; => nil',
  ]),
  d(['(otel/with-session id thunk)', '(otel/with-session id config thunk)'], 'Calls `thunk` with every span started inside carrying the session `id` (`session.id`, `gen_ai.conversation.id`) and the `:user` of `config` (`user.id`).', [
    '(otel/with-session "chat-42" {:user "alice"} (lambda () 1))  ; => 1',
  ]),
  {
    name: 'with-span', kind: 'macro', module: 'otel', signatures: ['(with-span name attrs body ...)'], params: ['name', 'attrs', 'body'],
    summary: 'Evaluates the body inside a span named `name` carrying the `attrs` map (`{}` for none) and returns its value: `(otel/span name (lambda () body ...) attrs)`.',
    examples: ['(with-span "ingest-batch" {:batch.size 100} (+ 1 2))  ; => 3'],
  },
  {
    name: 'with-session', kind: 'macro', module: 'otel', signatures: ['(with-session id config body ...)'], params: ['id', 'config', 'body'],
    summary: 'Evaluates the body with every span started inside grouped under session `id` (and `:user` from `config`): `(otel/with-session id config (lambda () body ...))`.',
    examples: ['(with-session "chat-42" {:user "alice"} (+ 1 2))  ; => 3'],
  },
];
