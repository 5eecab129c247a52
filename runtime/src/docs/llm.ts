// Catalogue entries for the LLM module. Option tables come from the one option schema
// (llm/options.ts), so hover, completion and docs can never disagree with validation.

import { LLM_OPTIONS, type OptionSet } from '../llm/options';
import { CACHE_KEY_OPTIONS, EXTRACT_OPTIONS, RERANK_OPTIONS, SUMMARIZE_OPTIONS, TASK_OPTIONS, WITH_CACHE_OPTIONS } from '../llm/task-options';
import type { BuiltinDoc, EntryKind, OptionDoc } from './types';

const callOptions: readonly OptionDoc[] = LLM_OPTIONS.map((o) => ({
  name: o.name,
  type: o.type,
  summary: o.summary,
  ...(o.default !== undefined ? { default: o.default } : {}),
}));

/** The documented options of a function that takes some call options and some of its own. */
function optionsOf(set: OptionSet): { options: readonly OptionDoc[] } {
  const call = callOptions.filter((o) => set.call === undefined || set.call.includes(o.name));
  const own = (set.extra ?? []).map((o) => ({
    name: o.name,
    type: o.type,
    summary: o.summary,
    ...(o.default !== undefined ? { default: o.default } : {}),
  }));
  return { options: [...call, ...own] };
}

/** Parameter names of a signature like `(llm/stream prompt [callback] [opts])`. */
function paramsOf(signature: string): string[] {
  return signature
    .replace(/^\(|\)$/g, '')
    .split(/\s+/)
    .slice(1)
    .map((p) => p.replace(/[[\]]/g, ''))
    .filter((p) => p !== '' && p !== '...');
}

function entry(
  name: string,
  signatures: string[],
  summary: string,
  examples: string[],
  extra: { kind?: EntryKind; options?: readonly OptionDoc[]; aliases?: string[] } = {},
): BuiltinDoc {
  return {
    name,
    kind: extra.kind ?? 'function',
    module: 'llm',
    signatures,
    params: paramsOf(signatures[0]!),
    summary,
    examples,
    ...(extra.options ? { options: extra.options } : {}),
    ...(extra.aliases ? { aliases: extra.aliases } : {}),
  };
}

const errorsNote =
  ' Fails with a catchable error whose `:type` is `:llm/auth`, `:llm/rate-limit`, `:llm/overloaded`, `:llm/server`, ' +
  '`:llm/timeout`, `:llm/stream-interrupted`, `:llm/cancelled`, `:llm/config` (no provider: set `ANTHROPIC_API_KEY`) or `:llm/invalid-option`.';

const withOpts = { options: callOptions };

export const llmDocs: readonly BuiltinDoc[] = [
  entry('llm/complete', ['(llm/complete prompt)', '(llm/complete prompt opts)'],
    'Sends one prompt string and returns the answer text.' + errorsNote,
    ['(llm/complete "Say hello in 5 words" {:max-tokens 50})'], withOpts),
  entry('llm/stream', ['(llm/stream prompt)', '(llm/stream prompt opts)', '(llm/stream prompt callback)', '(llm/stream prompt callback opts)'],
    'Streams the answer to a string, prompt or list of messages, printing each chunk as it arrives and a newline at the end (or calling `callback` with each chunk), and returns the whole text. Text already printed stays printed if the stream fails or is cancelled.' + errorsNote,
    ['(llm/stream "Tell me a story" {:max-tokens 200})', '(define story (llm/stream "Tell me a story" (fn (c) (display c)) {:max-tokens 200}))'], withOpts),
  entry('llm/chat', ['(llm/chat messages)', '(llm/chat messages opts)'],
    'Sends a list or vector of messages and returns the answer. System messages become the API\'s top-level system parameter. With `:tools`, runs the tool loop until a final answer.' + errorsNote,
    ['(llm/chat (list (message :system "Be brief.") (message :user "What is Lisp?")) {:max-tokens 100})'], withOpts),
  entry('llm/send', ['(llm/send prompt)', '(llm/send prompt opts)'],
    'Sends a prompt value (from `prompt`) and returns the answer.' + errorsNote,
    ['(llm/send (prompt (system "Be concise.") (user "Review this.")) {:max-tokens 200})'], withOpts),

  entry('llm/batch', ['(llm/batch prompts)', '(llm/batch prompts opts)'],
    'Sends a list of prompt strings concurrently and returns the answers, in order. The first failure aborts the rest.' + errorsNote,
    ['(llm/batch (list "Translate \'hello\' to French" "Translate \'hello\' to Spanish") {:max-tokens 50})'], withOpts),
  entry('llm/pmap', ['(llm/pmap f items)', '(llm/pmap f items opts)'],
    'Builds a prompt with `f` from each item, sends them all concurrently and returns the answers, in order.' + errorsNote,
    ['(llm/pmap (fn (word) (format "Define: ~a" word)) \'("serendipity" "ephemeral") {:max-tokens 50})'], withOpts),

  entry('message', ['(message role content)'], 'A message: role `:system`, `:user` or `:assistant` and text content.',
    ['(message :user "What is Lisp?")']),
  entry('message/role', ['(message/role msg)'], 'The role of a message, as a keyword.', ['(message/role (message :user "hi")) ; => :user']),
  entry('message/content', ['(message/content msg)'], 'The text content of a message.', ['(message/content (message :user "hi")) ; => "hi"']),
  entry('message/with-image', ['(message/with-image role text bytes)'],
    'A message with an attached image or PDF (a bytevector). PNG, JPEG, GIF and WebP are sent as images, PDF as a document; the type is detected from the first bytes and anything else is an `:llm/unsupported-media` error.',
    ['(message/with-image :user "Describe this image." (file/read-bytes "photo.png"))']),
  entry('message?', ['(message? v)'], 'True if `v` is a message.', ['(message? (message :user "hi")) ; => #t']),

  entry('prompt', ['(prompt entry ...)'],
    'Builds a prompt from `(system ...)`, `(user ...)`, `(assistant ...)` entries (their parts are joined) and message or prompt values.',
    ['(prompt (system "You are a code reviewer.") (user "Review this function."))'], { kind: 'special-form' }),
  entry('prompt/messages', ['(prompt/messages prompt)'], 'The messages of a prompt, as a list.', ['(length (prompt/messages p)) ; => 2']),
  entry('prompt/append', ['(prompt/append p1 p2 ...)'], 'A prompt with the messages of all the given prompts, in order.',
    ['(prompt/append base question)']),
  entry('prompt/concat', ['(prompt/concat p1 p2 ...)'], 'Same as `prompt/append`.', ['(prompt/concat safety domain task)']),
  entry('prompt/fill', ['(prompt/fill prompt values)'], 'Replaces `{{key}}` slots in every message with the values of a map; unfilled slots stay.',
    ['(prompt/fill template {:role "expert" :language "Rust"})']),
  entry('prompt/slots', ['(prompt/slots prompt)'], 'The unfilled `{{slot}}` names as keywords, without duplicates.',
    ['(prompt/slots template) ; => (:role :language :query)']),
  entry('prompt/set-system', ['(prompt/set-system prompt text)'], 'Replaces all system messages by one new system message (first); other messages are kept.',
    ['(prompt/set-system p "new system instructions")']),
  entry('prompt?', ['(prompt? v)'], 'True if `v` is a prompt.', ['(prompt? 42) ; => #f']),

  entry('deftool', ['(deftool name description params handler)'],
    'Defines a tool the model may call: `params` maps parameter keywords to `{:type :string :description "..." :optional #t}`; `handler` receives the arguments by parameter name.',
    ['(deftool lookup-capital "Look up the capital of a country"\n  {:country {:type :string :description "Country name"}}\n  (lambda (country) (if (= country "Norway") "Oslo" "Unknown")))'],
    { kind: 'special-form' }),
  entry('tool/name', ['(tool/name tool)'], 'The name of a tool.', ['(tool/name lookup-capital) ; => "lookup-capital"']),
  entry('tool/description', ['(tool/description tool)'], 'The description of a tool.', ['(tool/description lookup-capital)']),
  entry('tool/parameters', ['(tool/parameters tool)'], 'The parameter map of a tool, as written.', ['(tool/parameters lookup-capital)']),
  entry('tool?', ['(tool? v)'], 'True if `v` is a tool.', ['(tool? lookup-capital) ; => #t']),

  entry('defagent', ['(defagent name opts)'],
    'Defines an agent: `{:system "..." :tools [...] :model "..." :max-turns 10}`.',
    ['(defagent weather-bot {:system "You are a weather assistant." :tools [get-weather] :max-turns 3})'], { kind: 'special-form' }),
  entry('agent/run', ['(agent/run agent message)', '(agent/run agent message opts)'],
    'Runs the agent\'s tool loop on a user message and returns the final answer. With an options map (`:messages` prior history, `:on-tool-call` observer, and call options such as `:max-tokens`) it returns `{:response text :messages history}`. Stops with `:llm/tool-loop` after `:max-turns` turns or 5 tool errors in a row.',
    ['(agent/run weather-bot "What\'s the weather in Tokyo?")'], withOpts),
  entry('agent/name', ['(agent/name agent)'], 'The name of an agent.', ['(agent/name weather-bot) ; => "weather-bot"']),
  entry('agent/system', ['(agent/system agent)'], 'The system prompt of an agent.', ['(agent/system weather-bot)']),
  entry('agent/tools', ['(agent/tools agent)'], 'The tools of an agent, as a list.', ['(agent/tools weather-bot)']),
  entry('agent/model', ['(agent/model agent)'], 'The model of an agent, or nil for the provider default.', ['(agent/model weather-bot)']),
  entry('agent/max-turns', ['(agent/max-turns agent)'], 'The turn limit of an agent (default 10).', ['(agent/max-turns weather-bot) ; => 3']),
  entry('agent?', ['(agent? v)'], 'True if `v` is an agent.', ['(agent? weather-bot) ; => #t']),

  entry('conversation/new', ['(conversation/new)', '(conversation/new opts)'], 'A new, empty conversation; its options apply to every `conversation/say`.',
    ['(define conv (conversation/new {:model "claude-haiku-4-5-20251001"}))'], withOpts),
  entry('conversation/say', ['(conversation/say conv text)', '(conversation/say conv text opts)'],
    'Sends `text` with the whole history and returns a new conversation with the user message and the reply appended.' + errorsNote,
    ['(define conv (conversation/say conv "Remember: the secret number is 7"))'], withOpts),
  entry('conversation/say-as', ['(conversation/say-as conv system text)', '(conversation/say-as conv system text opts)'],
    'Like `conversation/say` with a different system prompt (a string or a prompt\'s system messages) for this turn only.',
    ['(conversation/say-as conv "You argue AGAINST Lisp." "Rebut the argument.")'], withOpts),
  entry('conversation/add-message', ['(conversation/add-message conv role text)'], 'Appends a message without calling the model.',
    ['(conversation/add-message (conversation/new) :user "hello")']),
  entry('conversation/last-reply', ['(conversation/last-reply conv)'], 'The content of the last assistant message, or nil.', ['(conversation/last-reply conv)']),
  entry('conversation/messages', ['(conversation/messages conv)'], 'All messages, as a list.', ['(length (conversation/messages conv))']),
  entry('conversation/model', ['(conversation/model conv)'], 'The conversation\'s `:model`, or nil.', ['(conversation/model conv)']),
  entry('conversation/system', ['(conversation/system conv)'], 'The system message content, or nil.', ['(conversation/system (conversation/new)) ; => nil']),
  entry('conversation/set-system', ['(conversation/set-system conv text)'], 'Replaces all system messages by one.', ['(conversation/set-system (conversation/new) "You are a code reviewer.")']),
  entry('conversation/filter', ['(conversation/filter conv pred)'], 'A conversation with only the messages `pred` accepts.',
    ['(conversation/filter conv (fn (m) (= (message/role m) :user)))']),
  entry('conversation/map', ['(conversation/map conv f)'], 'A list of `f` applied to each message.', ['(conversation/map conv message/content)']),
  entry('conversation/token-count', ['(conversation/token-count conv)'], 'Estimated tokens of the history (about 4 characters per token).', ['(conversation/token-count conv)']),
  entry('conversation/cost', ['(conversation/cost conv)'], 'Estimated input cost in USD at the model\'s price, or nil when the price is unknown.', ['(conversation/cost conv)']),
  entry('conversation/fork', ['(conversation/fork conv)'], 'An independent copy of a conversation.', ['(define alt (conversation/fork conv))']),
  entry('conversation?', ['(conversation? v)'], 'True if `v` is a conversation.', ['(conversation? 42) ; => #f']),

  entry('llm/configure', ['(llm/configure provider opts)'],
    'Configures a provider and makes it the default. `:anthropic` uses the Anthropic SDK (`:api-key`, else `ANTHROPIC_API_KEY`); `:openai`, `:ollama`, `:lmstudio` or any name with `:base-url` use an OpenAI-compatible endpoint. Options: `:api-key`, `:base-url`, `:host`, `:default-model`, `:max-retries` (default 2), `:timeout` (ms; default 60000 idle for streams, 600000 for plain calls).',
    ['(llm/configure :anthropic {:api-key "sk-..."})', '(llm/configure :ollama {:host "http://localhost:11434" :default-model "llama3"})']),
  entry('llm/define-provider', ['(llm/define-provider name opts)'],
    'Defines a provider in Sema and makes it the default: `:complete` gets the request map (`:model :messages :max-tokens :temperature :system :tools`) and returns a string or `{:content :model :stop-reason :usage {:prompt-tokens :completion-tokens} :tool-calls [{:id :name :arguments}]}`; `:default-model` defaults to `"default"`. Streams get the answer as one chunk.',
    ['(llm/define-provider :echo {:complete (fn (req) (:content (last (:messages req)))) :default-model "echo-v1"})']),
  entry('llm/auto-configure', ['(llm/auto-configure)'], 'Reads the environment again (`ANTHROPIC_API_KEY`, `OPENAI_API_KEY`, ...) and returns the default provider, or nil.',
    ['(llm/auto-configure)']),
  entry('llm/set-default', ['(llm/set-default provider)'], 'Makes a configured provider the default.', ['(llm/set-default :openai)']),
  entry('llm/current-provider', ['(llm/current-provider)'], 'The default provider and its default model, or nil.',
    ['(llm/current-provider) ; => {:model "claude-sonnet-4-6" :name :anthropic}'], { aliases: ['llm/default-provider'] }),
  entry('llm/list-providers', ['(llm/list-providers)'], 'The configured providers, as keywords.', ['(llm/list-providers) ; => (:anthropic)'],
    { aliases: ['llm/providers'] }),

  entry('llm/with-cassette', ['(llm/with-cassette path thunk)', '(llm/with-cassette path opts thunk)'],
    'Runs `thunk` with LLM calls recorded to / replayed from an NDJSON tape. `:mode` `:auto` (default: replay what is there, record the rest), `:record` or `:replay` (a call not on the tape is an `:llm/cassette-miss` error; needs no provider). Records complete, chat and stream (with chunk boundaries) and each tool-loop turn.',
    ['(llm/with-cassette "tapes/greeting.jsonl" {:mode :replay} (fn () (llm/complete "Say hello.")))']),
  entry('llm/cassette-load', ['(llm/cassette-load path)', '(llm/cassette-load path opts)'], 'Turns a cassette on for all following calls.', ['(llm/cassette-load "tapes/suite.jsonl" {:mode :replay})']),
  entry('llm/cassette-save', ['(llm/cassette-save)'], 'Writes the active cassette; #t if one is active.', ['(llm/cassette-save)']),
  entry('llm/cassette-eject', ['(llm/cassette-eject)'], 'Writes and turns off the active cassette; #t if one was active.', ['(llm/cassette-eject)']),

  entry('llm/last-usage', ['(llm/last-usage)'], 'Token usage of the last call: `:prompt-tokens`, `:completion-tokens`, `:total-tokens`, cache counts, `:model` and `:cost-usd` (nil when the price is unknown); nil before any call.',
    ['(llm/last-usage)']),
  entry('llm/session-usage', ['(llm/session-usage)'], 'Token usage and cost summed over the session.', ['(llm/session-usage)']),
  entry('llm/reset-usage', ['(llm/reset-usage)'], 'Resets the usage counters.', ['(llm/reset-usage)']),
  entry('llm/set-budget', ['(llm/set-budget max-cost-usd)'],
    'Sets a session spending limit in USD. A plain call is refused once it is spent, and the call that crosses it fails with `:llm/budget` after the fact; streams count but are not stopped.',
    ['(llm/set-budget 1.00)']),
  entry('llm/clear-budget', ['(llm/clear-budget)'], 'Removes the spending limits.', ['(llm/clear-budget)']),
  entry('llm/budget-remaining', ['(llm/budget-remaining)'],
    'The budget status: `{:limit :spent :remaining}` for a cost budget, plus `:token-limit`, `:tokens-spent`, `:tokens-remaining` for a token budget; nil without a budget.',
    ['(llm/budget-remaining) ; => nil']),
  entry('llm/with-budget', ['(llm/with-budget opts thunk)'],
    'Runs `thunk` under its own limits, `:max-cost-usd` and/or `:max-tokens` (whichever is hit first), and restores the previous budget afterwards. `:on-stream :pre-gate` also refuses to open a stream once the budget is spent.',
    ['(llm/with-budget {:max-tokens 10000} (fn () (llm/complete "Limited tokens")))']),
  entry('llm/set-pricing', ['(llm/set-pricing model input output)'], 'Sets the price of a model in USD per million input and output tokens.',
    ['(llm/set-pricing "my-model" 1.0 3.0)']),
  entry('llm/pricing-status', ['(llm/pricing-status)'],
    'Where model prices come from: `{:source "embedded" :updated-at "YYYY-MM-DD"}`, the built-in price list and the date it was written down. Prices set with `llm/set-pricing` win over it.',
    ['(llm/pricing-status) ; => {:source "embedded" :updated-at "2026-11-24"}']),

  entry('llm/extract', ['(llm/extract schema text)', '(llm/extract schema text opts)'],
    'Asks the model for the data `schema` describes, found in `text`, as a map. Schema fields are `{:type :string|:number|:boolean|:list :optional #t :validate pred :message "..."}` (checked) or a bare type keyword (a hint only). A result that is missing required keys, has the wrong types or fails a `:validate` predicate is asked for again (`:retries` times, showing the model its problems with `:reask?`), then fails with `:llm/extraction`; a reply that is not JSON fails with `:llm/invalid-response`.' + errorsNote,
    ['(llm/extract {:vendor {:type :string} :amount {:type :number}} "I bought coffee for $4.50 at Blue Bottle")', '(llm/extract {:age {:type :number :validate pos?}} "She is 30." {:retries 0})'],
    optionsOf(EXTRACT_OPTIONS)),
  entry('llm/extract-from-image', ['(llm/extract-from-image schema source)', '(llm/extract-from-image schema source opts)'],
    'Like `llm/extract` for an image (or PDF): `source` is a file path or a bytevector; the type is detected from the first bytes (PNG, JPEG, GIF, WebP, PDF; anything else is `:llm/unsupported-media`). The result is not validated.' + errorsNote,
    ['(llm/extract-from-image {:text :string :background_color :string} "assets/logo.png")'], optionsOf(TASK_OPTIONS)),
  entry('llm/classify', ['(llm/classify labels text)', '(llm/classify labels text opts)'],
    'Asks the model which of `labels` (keywords or strings) fits `text`. Returns the label keyword when the answer names a keyword label, else the answer as a string.' + errorsNote,
    ['(llm/classify (list :positive :negative :neutral) "This product is amazing!")'], optionsOf(TASK_OPTIONS)),
  entry('llm/summarize', ['(llm/summarize text)', '(llm/summarize text opts)'],
    'A summary of `text`: a paragraph, bullet points (`:style :bullet-points`) or one sentence (`:style :one-line`), under `:max-length` words if given.' + errorsNote,
    ['(llm/summarize "Long article text here..." {:style :bullet-points :max-length 50})'], optionsOf(SUMMARIZE_OPTIONS)),
  entry('llm/compare', ['(llm/compare text-a text-b)', '(llm/compare text-a text-b opts)'],
    'Compares two texts; returns the model\'s JSON answer as a map, `{:similarity 0.0-1.0 :differences [...] :summary "..."}`.' + errorsNote,
    ['(llm/compare "The cat sat." "A cat was sitting.")'], optionsOf(TASK_OPTIONS)),

  entry('llm/with-cache', ['(llm/with-cache thunk)', '(llm/with-cache opts thunk)'],
    'Runs `thunk` with the response cache on: a plain call (not a stream, tool-loop turn or cassette call) whose model, temperature, system prompt and messages match a stored answer younger than `:ttl` seconds is answered from the cache, with zero token usage. Answers are kept in memory and under `~/.sema/cache/llm/`, so a later run can reuse them. The previous cache setting comes back afterwards.',
    ['(llm/with-cache (lambda () (llm/complete "hello")))', '(llm/with-cache {:ttl 7200} (lambda () (llm/complete "hello")))'], optionsOf(WITH_CACHE_OPTIONS)),
  entry('llm/cache-key', ['(llm/cache-key prompt)', '(llm/cache-key prompt opts)'],
    'The SHA-256 cache key (hex) of a one-message call with these options; without `:model`, the default provider\'s model.',
    ['(llm/cache-key "hello" {:model "gpt-4" :temperature 0.5})'], optionsOf(CACHE_KEY_OPTIONS)),
  entry('llm/cache-stats', ['(llm/cache-stats)'], 'Cache hits and misses of the session and the entries in memory: `{:hits :misses :size}`.',
    ['(llm/cache-stats) ; => {:hits 0 :misses 0 :size 0}']),
  entry('llm/cache-clear', ['(llm/cache-clear)'], 'Empties the response cache (memory and `~/.sema/cache/llm/`), resets the hit counts and returns how many entries were in memory.',
    ['(llm/cache-clear)']),

  entry('llm/with-fallback', ['(llm/with-fallback providers thunk)'],
    'Runs `thunk` with a provider chain: each call tries the providers in order until one answers, noting each failure on stderr; the last failure is raised. Entries are a provider keyword (its default model, or the call\'s `:model`), a `[provider "model"]` pair or `{:provider ... :model ...}` (the model wins over the call\'s). A stream falls over only before its first chunk.',
    ['(llm/with-fallback [:anthropic :openai] (lambda () (llm/complete "Hello")))', '(llm/with-fallback [[:anthropic "claude-opus-4-8"] {:provider :openai}] (lambda () (llm/complete "Hello")))']),
  entry('llm/with-rate-limit', ['(llm/with-rate-limit requests-per-second thunk)'],
    'Runs `thunk` sending at most `requests-per-second` model requests a second (waiting before a request when needed; cache hits do not count).',
    ['(llm/with-rate-limit 5 (lambda () (llm/complete "Hello")))']),

  entry('llm/configure-embeddings', ['(llm/configure-embeddings provider opts)'],
    'Sets the provider `llm/embed` uses, apart from the chat provider: `:jina`, `:voyage`, `:cohere`, `:together`, `:fireworks`, `:openai` (their hosted APIs, key from `:api-key` or the provider\'s environment variable), or any name with `:base-url` (an OpenAI-compatible `/embeddings` endpoint). `:default-model` picks the model.',
    ['(llm/configure-embeddings :voyage {:api-key (env "VOYAGE_API_KEY") :default-model "voyage-3-large"})', '(llm/configure-embeddings :local {:base-url "http://localhost:11434/v1" :default-model "nomic-embed-text"})']),
  entry('llm/embed', ['(llm/embed text)', '(llm/embed text opts)', '(llm/embed texts opts)'],
    'The embedding of a string as a bytevector of little-endian f64s, or a list of them for a list of strings (one request). Without `llm/configure-embeddings` the first of `JINA_API_KEY`, `VOYAGE_API_KEY`, `COHERE_API_KEY`, `TOGETHER_API_KEY`, `FIREWORKS_API_KEY`, `OPENAI_API_KEY` is used, else an OpenAI-compatible chat provider\'s endpoint.' + errorsNote,
    ['(define v (llm/embed "hello world"))', '(llm/embed ["cat" "dog" "fish"] {:model "text-embedding-3-small"})'], optionsOf({ call: ['model'] })),
  entry('llm/rerank', ['(llm/rerank query documents)', '(llm/rerank query documents opts)'],
    'Orders `documents` (strings) by relevance to `query` with a hosted cross-encoder (Cohere, Jina, Voyage, Together AI or Fireworks AI: the embedding provider, or `:provider`) and returns `{:index :score :document}` maps, best first; `:index` points into `documents`.' + errorsNote,
    ['(llm/rerank "how do I read a file?" (list "vectors are cool" "use file/read to read a file") {:top-k 1})'], optionsOf(RERANK_OPTIONS)),
  entry('llm/similarity', ['(llm/similarity a b)'], 'Cosine similarity (-1.0 to 1.0) of two embeddings, both bytevectors or both lists of numbers; 0.0 when one is all zeros.',
    ["(llm/similarity '(1 0) '(1 0)) ; => 1.0"]),
  entry('embedding/length', ['(embedding/length v)'], 'The number of dimensions (f64s) of an embedding bytevector.',
    ["(embedding/length (embedding/list->embedding '(0.1 0.2 0.3))) ; => 3"]),
  entry('embedding/ref', ['(embedding/ref v i)'], 'Dimension `i` of an embedding, as a float.', ["(embedding/ref (embedding/list->embedding '(0.5 0.25)) 1) ; => 0.25"]),
  entry('embedding/->list', ['(embedding/->list v)'], 'An embedding bytevector as a list of floats.', ["(embedding/->list (embedding/list->embedding '(1 2))) ; => (1.0 2.0)"]),
  entry('embedding/list->embedding', ['(embedding/list->embedding numbers)'], 'A list or vector of numbers as an embedding bytevector (packed little-endian f64s).',
    ["(embedding/length (embedding/list->embedding [1 2 3 4])) ; => 4"]),
  entry('vector/cosine-similarity', ['(vector/cosine-similarity a b)'], 'Cosine similarity of two embedding bytevectors of the same length.',
    ["(vector/cosine-similarity (embedding/list->embedding '(1.0 0.0)) (embedding/list->embedding '(0.0 1.0))) ; => 0.0"]),
  entry('vector/dot-product', ['(vector/dot-product a b)'], 'Dot product of two embedding bytevectors.',
    ["(vector/dot-product (embedding/list->embedding '(1.0 2.0 3.0)) (embedding/list->embedding '(4.0 5.0 6.0))) ; => 32.0"]),
  entry('vector/normalize', ['(vector/normalize v)'], 'A unit-length copy of an embedding (all zeros stays all zeros).',
    ["(embedding/->list (vector/normalize (embedding/list->embedding '(3.0 4.0)))) ; => (0.6 0.8)"]),
  entry('vector/distance', ['(vector/distance a b)'], 'Euclidean distance between two embedding bytevectors.',
    ["(vector/distance (embedding/list->embedding '(0.0 0.0)) (embedding/list->embedding '(3.0 4.0))) ; => 5.0"]),
  entry('llm/token-count', ['(llm/token-count text)'], 'Estimated tokens: UTF-8 bytes / 4, rounded up; a list sums its items\' estimates. No tokenizer.',
    ['(llm/token-count "hello world") ; => 3']),
  entry('llm/token-estimate', ['(llm/token-estimate text)'], 'The estimate with its method: `{:method "chars/4" :tokens n}`.',
    ['(llm/token-estimate "hello world") ; => {:method "chars/4" :tokens 3}']),

  entry('vector-store/create', ['(vector-store/create name)'], 'A new, empty in-memory vector store called `name` (replacing one of that name); returns the name.',
    ['(vector-store/create "my-store") ; => "my-store"']),
  entry('vector-store/open', ['(vector-store/open name path)'], 'A store loaded from a file saved by `vector-store/save` (empty if the file does not exist), remembering `path` for `vector-store/save`.',
    ['(vector-store/open "docs" "my-docs.json")']),
  entry('vector-store/add', ['(vector-store/add store id embedding metadata)'], 'Adds a document (replacing one with the same id); returns the id.',
    ['(vector-store/add "my-store" "doc-1" (llm/embed "Hello world") {:source "greeting.txt" :page 1})']),
  entry('vector-store/search', ['(vector-store/search store query k)'], 'The `k` documents most similar (cosine) to the query embedding, best first, as `{:id :score :metadata}` maps. Embeddings of another length than the query are an error.',
    ['(vector-store/search "my-store" (llm/embed "Hi there") 5)']),
  entry('vector-store/delete', ['(vector-store/delete store id)'], 'Removes a document; #t if it was there.', ['(vector-store/delete "my-store" "doc-1")']),
  entry('vector-store/count', ['(vector-store/count store)'], 'The number of documents in a store.', ['(vector-store/count "my-store")']),
  entry('vector-store/save', ['(vector-store/save store)', '(vector-store/save store path)'],
    'Writes a store as JSON (embeddings base64, metadata as JSON, keywords as ":name" strings) to `path` or the path it was opened from; returns the path.',
    ['(vector-store/save "docs")', '(vector-store/save "my-store" "embeddings.json")']),
];
