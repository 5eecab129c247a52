// Small pure pieces: cassette fingerprints, provider configuration from the
// environment, tool schemas, and error text from API bodies.

import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { cassetteKey } from '../../src/llm/cassette';
import { toolSchema } from '../../src/llm/convert';
import type { LlmRequest } from '../../src/llm/provider';
import { apiMessage, httpFailure } from '../../src/llm/provider-errors';
import { providers } from '../../src/llm/providers';
import { kw, lambda, makeTool, map } from '../support/fake-ctx';

const base: LlmRequest = { model: '', maxTokens: 100, messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] };

describe('cassette keys', () => {
  it('depend on kind, requested model, system, temperature, messages and tools only', () => {
    const k = cassetteKey('complete', undefined, base);
    assert.equal(cassetteKey('complete', undefined, { ...base, maxTokens: 5 }), k, 'max tokens do not matter');
    const variants = [
      cassetteKey('stream', undefined, base),
      cassetteKey('complete', 'm', base),
      cassetteKey('complete', undefined, { ...base, system: 's' }),
      cassetteKey('complete', undefined, { ...base, temperature: 0.5 }),
      cassetteKey('complete', undefined, { ...base, messages: [{ role: 'user', content: [{ type: 'text', text: 'hello' }] }] }),
      cassetteKey('complete', undefined, { ...base, tools: [{ name: 't', description: '', inputSchema: { type: 'object', properties: {}, required: [] } }] }),
    ];
    assert.equal(new Set([k, ...variants]).size, 7);
    assert.match(k, /^[0-9a-f]{32}$/);
  });
});

describe('providers from the environment', () => {
  it('reads both keys, prefers SEMA_CHAT_PROVIDER, applies SEMA_CHAT_MODEL', () => {
    providers.reset();
    providers.loadEnv({ ANTHROPIC_API_KEY: 'a', OPENAI_API_KEY: 'o', SEMA_CHAT_PROVIDER: 'openai', SEMA_CHAT_MODEL: 'my-model' });
    assert.deepEqual(providers.names(), ['anthropic', 'openai']);
    assert.equal(providers.current()?.name, 'openai');
    assert.equal(providers.current()?.defaultModel, 'my-model');
    providers.reset();
    providers.loadEnv({});
    assert.equal(providers.current(), undefined);
    assert.throws(() => providers.require('llm/chat'), /llm\/chat: no LLM provider configured\. Set ANTHROPIC_API_KEY/);
    providers.reset();
  });
});

describe('tool schemas', () => {
  it('maps types, descriptions, enums and optional parameters', () => {
    const t = makeTool(
      'pick',
      'Pick one',
      map('colour', map('type', kw('string'), 'enum', [kw('red'), 'blue']), 'count', map('type', kw('integer'), 'optional', true)),
      lambda(['colour', 'count'], () => null),
    );
    assert.deepEqual(toolSchema(t).inputSchema, {
      type: 'object',
      properties: { colour: { type: 'string', enum: ['red', 'blue'] }, count: { type: 'integer' } },
      required: ['colour'],
    });
  });
});

describe('API error text', () => {
  it('quotes only the API message, never the JSON or HTML around it', () => {
    assert.equal(apiMessage('{"type":"error","error":{"type":"x","message":"bad key"}}'), 'bad key');
    assert.equal(apiMessage('<html><body>502</body></html>'), undefined);
    assert.equal(httpFailure('Anthropic', 503, undefined).message, 'Anthropic server error (HTTP 503)');
    assert.equal(httpFailure('Anthropic', 400, 'max_tokens: too large').category, 'invalid-request');
    assert.equal(httpFailure('Anthropic', 400, 'temperature is deprecated').category, 'unsupported-option');
  });
});
