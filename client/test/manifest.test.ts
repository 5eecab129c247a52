// The manifest (root package.json) and the files and code it points at must agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string; icon: string; publisher: string; license: string; engines: Record<string, string>;
  repository: { url: string }; categories: string[]; workspaces: string[]; scripts: Record<string, string>;
  capabilities: { untrustedWorkspaces: { supported: string } };
  contributes: {
    languages: Array<{ id: string; extensions: string[]; configuration: string; icon: { light: string; dark: string } }>;
    grammars: Array<{ language: string; scopeName: string; path: string }>;
    commands: Array<{ command: string; title: string; category: string }>;
    keybindings: Array<{ command: string; key: string }>;
    menus: Record<string, Array<{ command: string }>>;
    configuration: { properties: Record<string, unknown> };
  };
};
const c = manifest.contributes;
const clientSources = (dir: string): string => readdirSync(dir, { withFileTypes: true })
  .map((d) => (d.isDirectory() ? clientSources(path.join(dir, d.name)) : d.name.endsWith('.ts') ? readFileSync(path.join(dir, d.name), 'utf8') : ''))
  .join('\n');
const source = clientSources(path.join(root, 'client', 'src'));

test('marketplace fields are present', () => {
  assert.ok(manifest.publisher && manifest.license && manifest.repository.url && manifest.categories.length);
  assert.match(manifest.engines.vscode ?? '', /^\^1\.\d+/);
  assert.equal(manifest.main, './dist/extension.js');
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.deepEqual(manifest.workspaces, ['runtime', 'server', 'client']);
});

test('icon is a 128x128 PNG', () => {
  const png = readFileSync(path.join(root, manifest.icon));
  assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
  assert.equal(png.readUInt32BE(16), 128);
  assert.equal(png.readUInt32BE(20), 128);
});

test('the sema language, its configuration, icon and grammar exist', () => {
  const [lang] = c.languages;
  assert.equal(lang?.id, 'sema');
  assert.deepEqual(lang?.extensions, ['.sema']);
  for (const p of [lang!.configuration, lang!.icon.light, lang!.icon.dark, c.grammars[0]!.path]) assert.ok(existsSync(path.join(root, p)), p);
  assert.equal(c.grammars[0]?.scopeName, 'source.sema');
  const grammar = JSON.parse(readFileSync(path.join(root, c.grammars[0]!.path), 'utf8')) as { scopeName: string };
  assert.equal(grammar.scopeName, 'source.sema');
});

test('every contributed command is registered by the extension, and every command used is contributed', () => {
  const contributed = new Set(c.commands.map((x) => x.command));
  for (const id of contributed) assert.ok(source.includes(`'${id}'`), `${id} is never registered`);
  for (const k of c.keybindings) assert.ok(contributed.has(k.command), `keybinding for unknown ${k.command}`);
  for (const [menu, items] of Object.entries(c.menus)) for (const i of items) assert.ok(contributed.has(i.command), `${menu}: ${i.command}`);
  for (const x of c.commands) assert.equal(x.category, 'Sema');
});

test('Calva-style keys: Ctrl+Enter evaluates the selection, Alt+Enter the top-level form', () => {
  const key = (cmd: string) => c.keybindings.find((k) => k.command === cmd)?.key;
  assert.equal(key('sema.evaluateSelection'), 'ctrl+enter');
  assert.equal(key('sema.evaluateTopLevelForm'), 'alt+enter');
  assert.equal(key('sema.evaluateCurrentForm'), 'shift+alt+enter');
  assert.ok(key('sema.runFile'));
});

test('Run File is an editor title button', () => {
  assert.ok(c.menus['editor/title/run']?.some((m) => m.command === 'sema.runFile'));
});

test('every setting the client reads is contributed', () => {
  const read = [...source.matchAll(/get<[^>]+>\('([\w.]+)'\)/g)].map((m) => `sema.${m[1]}`);
  assert.ok(read.length >= 5);
  for (const key of read) assert.ok(key in c.configuration.properties, `${key} not contributed`);
  assert.ok('sema.llm.defaultModel' in c.configuration.properties);
  assert.ok('sema.llm.maxTokens' in c.configuration.properties);
  assert.ok('sema.trace.server' in c.configuration.properties);
});

test('npm test runs the build, the unit tests and the end-to-end tests', () => {
  assert.match(manifest.scripts.test ?? '', /npm run build.*run-tests\.mjs.*test:e2e/);
  assert.ok(manifest.scripts.package && manifest.scripts['publish:ovsx']);
});
