// llm/embed and llm/configure-embeddings against the fake OpenAI-compatible API's
// /embeddings route (and a Cohere-style /embed), embedding accessors and vector math,
// and vector stores saved to and opened from a scratch folder.

import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { SemaError } from '../../src/eval/errors';
import { Interpreter } from '../../src/eval/interpreter';
import { printValue } from '../../src/reader/printer';
import { FakeApi } from '../support/fake-host';
import { errorOf, useFakeApi } from '../support/llm-fixture';

describe('embeddings and vector stores', () => {
  let fake: FakeApi;
  let interp: Interpreter;
  let dir: string;
  const run = (src: string): string => printValue(interp.evalString(src));
  const failure = (src: string): SemaError => errorOf(() => interp.evalString(src));

  useFakeApi('openai', (f) => (fake = f));
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sema-vectors-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    for (const k of ['JINA_API_KEY', 'VOYAGE_API_KEY', 'COHERE_API_KEY', 'TOGETHER_API_KEY', 'FIREWORKS_API_KEY', 'OPENAI_BASE_URL']) delete process.env[k];
    interp = new Interpreter({ stdout: () => {}, stderr: () => {} });
  });

  it('embeds one text or several in one request, as f64 bytevectors', async () => {
    run(`(llm/configure-embeddings :local {:base-url "${fake.url}/v1" :api-key "sk-emb" :default-model "emb-1"})`);
    await fake.enqueue({ kind: 'embeddings', vectors: [[0.5, -0.25]] });
    run('(define v (llm/embed "hello"))');
    assert.equal(run('(bytevector? v)'), '#t');
    assert.equal(run('(embedding/->list v)'), '(0.5 -0.25)');
    let req = await fake.last();
    assert.equal(req.path, '/v1/embeddings');
    assert.equal(req.headers['authorization'], 'Bearer sk-emb');
    assert.deepEqual(req.body, { model: 'emb-1', input: ['hello'] });
    await fake.enqueue({ kind: 'embeddings', vectors: [[1, 0], [0, 1], [1, 1]] });
    assert.equal(run('(map embedding/->list (llm/embed ["cat" "dog" "fish"] {:model "emb-2"}))'), '((1.0 0.0) (0.0 1.0) (1.0 1.0))');
    req = await fake.last();
    assert.deepEqual(req.body, { model: 'emb-2', input: ['cat', 'dog', 'fish'] });
    assert.equal(run('(:prompt-tokens (llm/last-usage))'), '6');
    // Embedding tokens count towards a token budget like any call's.
    await fake.enqueue({ kind: 'embeddings', vectors: [[1], [2], [3]] });
    assert.equal(errorOf(() => interp.evalString('(llm/with-budget {:max-tokens 5} (lambda () (llm/embed ["a" "b" "c"])))')).type, 'llm/budget');
    assert.match(failure('(llm/embed "x" {:max-tokens 5})').message, /llm\/embed: option :max-tokens is not supported here; allowed options: :model$/);
    assert.match(failure('(llm/embed 42)').message, /expected string or list of strings, got int/);
  });

  it('finds a provider in the environment or the OpenAI-compatible chat provider', async () => {
    assert.equal(failure('(llm/embed "x")').type, 'llm/config');
    process.env['OPENAI_API_KEY'] = 'sk-oa';
    process.env['OPENAI_BASE_URL'] = `${fake.url}/v1`;
    run('(llm/embed "from env")');
    assert.equal((await fake.last()).body['model'], 'text-embedding-3-small');
    assert.equal((await fake.last()).headers['authorization'], 'Bearer sk-oa');
    delete process.env['OPENAI_API_KEY'];
    delete process.env['OPENAI_BASE_URL'];
    run(`(llm/configure :ollama {:host "${fake.url}" :default-model "llama3"})`);
    run('(llm/embed "from chat provider")');
    const req = await fake.last();
    assert.equal(req.path, '/v1/embeddings');
    assert.equal(req.headers['authorization'], undefined);
  });

  it('speaks Cohere\'s /embed shape', async () => {
    run(`(llm/configure-embeddings :cohere {:api-key "co" :base-url "${fake.url}/v2"})`);
    await fake.enqueue({ kind: 'embeddings', vectors: [[3, 4]] });
    assert.equal(run('(embedding/->list (llm/embed "hi"))'), '(3.0 4.0)');
    const req = await fake.last();
    assert.equal(req.path, '/v2/embed');
    assert.deepEqual(req.body, { model: 'embed-english-v3.0', texts: ['hi'], input_type: 'search_document', embedding_types: ['float'] });
  });

  it('llm/rerank orders documents with the embedding provider\'s reranker', async () => {
    run(`(llm/configure-embeddings :jina {:api-key "jk" :base-url "${fake.url}/v1"})`);
    await fake.enqueue({ kind: 'rerank', results: [{ index: 1, relevance_score: 0.91 }, { index: 0, relevance_score: 0.12 }] });
    const ranked = run(`(llm/rerank "how do I read a file?" (list "vectors are cool" "use file/read to read a file" "trivia") {:top-k 2})`);
    assert.equal(ranked, '({:document "use file/read to read a file" :index 1 :score 0.91} {:document "vectors are cool" :index 0 :score 0.12})');
    const req = await fake.last();
    assert.equal(req.path, '/v1/rerank');
    assert.equal(req.headers['authorization'], 'Bearer jk');
    assert.deepEqual(req.body, { model: 'jina-reranker-v2-base-multilingual', query: 'how do I read a file?', documents: ['vectors are cool', 'use file/read to read a file', 'trivia'], top_n: 2 });
    run(`(llm/configure-embeddings :voyage {:api-key "vk" :base-url "${fake.url}/v1"})`);
    await fake.enqueue({ kind: 'rerank', key: 'data', results: [{ index: 0, relevance_score: 0.5 }] });
    assert.equal(run('(length (llm/rerank "q" ["a"] {:top-k 1 :model "rerank-lite"}))'), '1');
    assert.deepEqual((await fake.last()).body, { model: 'rerank-lite', query: 'q', documents: ['a'], top_k: 1 });
    assert.equal(run('(llm/rerank "q" ())'), '()');
    assert.match(failure('(llm/rerank "q" ["a"] {:top-k 0})').message, /option :top-k must be a positive integer, got 0/);
    assert.match(failure('(llm/rerank "q" ["a" 1])').message, /expected string document, got int/);
    run(`(llm/configure-embeddings :local {:base-url "${fake.url}/v1"})`);
    const e = failure('(llm/rerank "q" ["a"])');
    assert.equal(e.type, 'llm/config');
    assert.match(e.message, /the embedding provider :local has no reranker; use \{:provider \.\.\.\} with one of :jina, :voyage, :cohere, :together, :fireworks/);
    assert.match(failure('(llm/rerank "q" ["a"] {:provider :openai})').message, /:openai is not a reranker/);
  });

  it('turns faults into catchable :llm/... errors without raw bodies', async () => {
    run(`(llm/configure-embeddings :local {:base-url "${fake.url}/v1"})`);
    await fake.enqueue({ kind: 'error', status: 401, message: 'Incorrect API key provided' });
    let e = failure('(llm/embed "x")');
    assert.equal(e.type, 'llm/auth');
    assert.equal(e.message, 'llm/embed: provider local rejected the API key (HTTP 401): Incorrect API key provided');
    await fake.enqueue({ kind: 'error', status: 502, message: 'x', rawBody: '<html><body>Bad gateway</body></html>' });
    e = failure('(llm/embed "x")');
    assert.equal(e.type, 'llm/server');
    assert.doesNotMatch(e.message, /<html>/);
    await fake.enqueue({ kind: 'embeddings', vectors: [[1, 2]] });
    assert.equal(failure('(llm/embed ["a" "b"])').type, 'llm/invalid-response');
    run('(llm/configure-embeddings :nowhere {:base-url "http://127.0.0.1:9/v1"})');
    e = failure('(llm/embed "x")');
    assert.equal(e.type, 'llm/network');
    assert.match(e.message, /^llm\/embed: could not reach provider nowhere at http:\/\/127\.0\.0\.1:9\/v1 \(/);
    assert.equal(run('(try (llm/embed "x") (catch e (:type e)))'), ':llm/network');
    assert.match(failure('(llm/configure-embeddings :mystery {})').message, /:mystery is not a known embedding provider/);
    assert.match(failure('(llm/configure-embeddings :jina {:key "x"})').message, /unknown option :key; allowed options: :api-key, :base-url, :default-model/);
  });

  it('embedding accessors and vector math', () => {
    run("(define e (embedding/list->embedding '(3 4)))");
    assert.equal(run('(embedding/length e)'), '2');
    assert.equal(run('(embedding/ref e 1)'), '4.0');
    assert.equal(run("(vector/dot-product e (embedding/list->embedding '(1 1)))"), '7.0');
    assert.equal(run('(vector/distance e e)'), '0.0');
    assert.equal(run("(llm/similarity e (embedding/list->embedding '(6 8)))"), '1.0');
    assert.equal(run("(llm/similarity '(1 0) '(0 1))"), '0.0');
    assert.equal(run('(llm/token-count ["hello" "world!"])'), '4');
    assert.match(failure('(embedding/ref e 2)').message, /index 2 out of bounds \(length 2\)/);
    assert.match(failure('(embedding/length (bytevector 1 2 3))').message, /bytevector length 3 is not divisible by 8/);
    assert.match(failure("(vector/dot-product e (embedding/list->embedding '(1 2 3)))").message, /length mismatch \(2 vs 3\)/);
    assert.match(failure("(llm/similarity e '(1 2))").message, /both arguments must be the same type/);
    assert.match(failure("(embedding/list->embedding '(1 :a))").message, /element 1 is keyword, expected number/);
  });

  it('vector stores: add, search, delete, save and open again', async () => {
    const file = join(dir, 'docs.json');
    run(`(vector-store/open "docs" ${JSON.stringify(file)})`);
    assert.equal(run('(vector-store/count "docs")'), '0');
    // The fake's default embedding of a text is [length, 1].
    run(`(llm/configure-embeddings :local {:base-url "${fake.url}/v1"})`);
    run(`(for-each (lambda (t) (vector-store/add "docs" t (llm/embed t) {:text t :kind :note :tags ["a" "b"]}))
                   '("Rust is a systems language" "Lisp is homoiconic" "Go"))`);
    assert.equal(run('(vector-store/add "docs" "Go" (llm/embed "Go") {:text "Go" :kind :note :tags []})'), '"Go"');
    assert.equal(run('(vector-store/count "docs")'), '3');
    const hits = run('(map (fn (h) (:id h)) (vector-store/search "docs" (embedding/list->embedding \'(18 1)) 2))');
    assert.equal(hits, '("Lisp is homoiconic" "Rust is a systems language")');
    assert.equal(run('(:metadata (first (vector-store/search "docs" (embedding/list->embedding \'(2 1)) 1)))'), '{:kind :note :tags [] :text "Go"}');
    assert.equal(run(`(vector-store/save "docs")`), JSON.stringify(file));
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(saved.version, 1);
    assert.equal(saved.documents[0].metadata.kind, ':note');
    assert.equal(Buffer.from(saved.documents[0].embedding, 'base64').length, 16);
    assert.equal(run('(vector-store/delete "docs" "Go")'), '#t');
    assert.equal(run('(vector-store/delete "docs" "Go")'), '#f');
    run(`(vector-store/open "again" ${JSON.stringify(file)})`);
    assert.equal(run('(vector-store/count "again")'), '3');
    assert.equal(run('(:metadata (first (vector-store/search "again" (embedding/list->embedding \'(2 1)) 1)))'), '{:kind :note :tags () :text "Go"}');
  });

  it('vector store errors are clear', () => {
    run('(vector-store/create "s")');
    run("(vector-store/add \"s\" \"a\" (embedding/list->embedding '(1 2)) nil)");
    assert.match(failure("(vector-store/search \"s\" (embedding/list->embedding '(1 2 3)) 1)").message,
      /embedding dimension mismatch for document 'a': query has 3 dims but the stored embedding has 2 dims/);
    assert.match(failure('(vector-store/count "missing")').message, /vector store 'missing' not found/);
    assert.match(failure('(vector-store/save "s")').message, /no path associated\. Use \(vector-store\/save name path\)/);
    assert.match(failure('(vector-store/add "s" "b" (bytevector) nil)').message, /embedding length 0 is not a positive multiple of 8/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"documents": 3}');
    assert.match(failure(`(vector-store/open "b" ${JSON.stringify(bad)})`).message, /bad\.json: missing 'documents' array/);
    writeFileSync(bad, 'not json');
    assert.equal(failure(`(vector-store/open "b" ${JSON.stringify(bad)})`).type, 'io');
  });
});
