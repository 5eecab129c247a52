import { test } from 'node:test';
import assert from 'node:assert/strict';
import { affectsServer, defaultSettings, nodeScriptEnv, readSettings, redactKey, semaEnv } from '../src/config';
import { initializationOptions, serverLaunch, SERVER_DEBUG_PORT } from '../src/server-options';
import { bundlePaths } from '../src/paths';

const settingsFrom = (values: Record<string, unknown>) => readSettings(<T>(k: string) => values[k] as T | undefined);

test('settings are read with defaults and bad values ignored', () => {
  assert.deepEqual(settingsFrom({}), defaultSettings);
  const s = settingsFrom({ 'llm.defaultModel': ' claude-haiku-4-5 ', 'llm.maxTokens': 256, 'inlineResults.maxLength': 3 });
  assert.equal(s.defaultModel, 'claude-haiku-4-5');
  assert.equal(s.maxTokens, 256);
  assert.equal(s.inlineMaxLength, defaultSettings.inlineMaxLength);
  assert.equal(settingsFrom({ 'llm.maxTokens': 0 }).maxTokens, null);
  assert.equal(settingsFrom({ 'llm.maxTokens': 1.5 }).maxTokens, null);
});

test('the environment carries the stored key and the LLM defaults', () => {
  const s = { ...defaultSettings, defaultModel: 'm1', maxTokens: 99 };
  const env = semaEnv({ PATH: '/bin', ANTHROPIC_API_KEY: 'from-env' }, s, 'sk-stored');
  assert.equal(env.PATH, '/bin');
  assert.equal(env.ANTHROPIC_API_KEY, 'sk-stored');
  assert.equal(env.SEMA_DEFAULT_MODEL, 'm1');
  assert.equal(env.SEMA_DEFAULT_MAX_TOKENS, '99');
  assert.equal(env.ELECTRON_RUN_AS_NODE, undefined);
});

test('without a stored key the inherited one stays; unset defaults are removed', () => {
  const env = semaEnv({ ANTHROPIC_API_KEY: 'from-env', SEMA_DEFAULT_MODEL: 'stale' }, defaultSettings, undefined);
  assert.equal(env.ANTHROPIC_API_KEY, 'from-env');
  assert.equal('SEMA_DEFAULT_MODEL' in env, false);
  assert.equal('SEMA_DEFAULT_MAX_TOKENS' in env, false);
});

test('bundled scripts run on the editor executable as plain node', () => {
  assert.equal(nodeScriptEnv({}, defaultSettings, undefined).ELECTRON_RUN_AS_NODE, '1');
});

test('the key is redacted from text', () => {
  const key = 'sk-ant-abcdefgh12345';
  assert.equal(redactKey(`key=${key}; again ${key}`, key), 'key=[redacted API key]; again [redacted API key]');
  assert.equal(redactKey('nothing here', undefined), 'nothing here');
});

test('server restarts only for settings it depends on', () => {
  assert.equal(affectsServer((s) => s === 'sema.llm'), true);
  assert.equal(affectsServer((s) => s === 'sema.inlineResults.maxLength'), false);
});

test('server launch and initialization options', () => {
  const launch = serverLaunch('/ext/dist/server.js', { A: '1' });
  assert.deepEqual(launch.debugExecArgv, ['--nolazy', `--inspect=${SERVER_DEBUG_PORT}`]);
  assert.equal(SERVER_DEBUG_PORT, 6009);
  assert.deepEqual(initializationOptions(false, defaultSettings), { trusted: false, evalTimeoutMs: 30000, maxProblems: 1000 });
  assert.deepEqual(bundlePaths('/ext'), { server: '/ext/dist/server.js', cli: '/ext/dist/sema-cli.js' });
});
