// Architecture invariants read from esbuild's metafiles (dist/meta/*.json, written by esbuild.mjs):
// the client bundle leaves `vscode` external and holds no runtime or server internals except the
// protocol module; the language server bundle never contains the Anthropic SDK.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..', '..');

interface Metafile {
  inputs: Record<string, unknown>;
  outputs: Record<string, { imports: Array<{ path: string; external?: boolean }> }>;
}
function meta(name: string): Metafile {
  const file = path.join(root, 'dist', 'meta', `${name}.json`);
  assert.ok(existsSync(file), `${file} missing: run \`npm run build\``);
  return JSON.parse(readFileSync(file, 'utf8')) as Metafile;
}

test('client bundle: vscode is external, no runtime or server code but the protocol', () => {
  const m = meta('extension');
  const imports = Object.values(m.outputs).flatMap((o) => o.imports);
  assert.ok(imports.some((i) => i.path === 'vscode' && i.external));
  const inputs = Object.keys(m.inputs);
  assert.ok(inputs.some((i) => i.startsWith('client/src/')));
  assert.deepEqual(inputs.filter((i) => i.startsWith('runtime/')), []);
  // The protocol module may come from source or, through the @sema/server package, from its build.
  assert.deepEqual(inputs.filter((i) => i.startsWith('server/') && !/^server\/(src|out\/src)\/protocol\.[jt]s$/.test(i)), []);
  assert.deepEqual(inputs.filter((i) => i.includes('@anthropic-ai')), []);
});

// The server, evaluator and CLI bundles exist once their sources do (see esbuild.mjs).
const serverEntry = path.join(root, 'server', 'src', 'main.ts');
test('server bundle (when the server exists): no Anthropic SDK inside', { skip: !existsSync(serverEntry) && 'server/src/main.ts not merged yet' }, () => {
  const inputs = Object.keys(meta('server').inputs);
  assert.deepEqual(inputs.filter((i) => i.includes('@anthropic-ai/sdk')), []);
});

for (const [name, entry] of [['worker', 'server/src/eval-host/worker.ts'], ['sema-cli', 'runtime/src/cli/main.ts'], ['sema-eval-worker', 'runtime/src/cli/eval-worker.ts'], ['bridge-worker', 'runtime/src/llm/bridge-worker.ts']] as const) {
  test(`${name} bundle is built from ${entry}`, { skip: !existsSync(path.join(root, entry)) && `${entry} not merged yet` }, () => {
    assert.ok(Object.keys(meta(name).inputs).includes(entry));
    assert.ok(existsSync(path.join(root, 'dist', `${name}.js`)));
  });
}

// The stdlib starts helper threads by script name (runtime/src/stdlib/helper-thread.ts): each
// must be bundled next to the CLI and shipped in the .vsix, or the bundled CLI cannot use it.
test('every helper thread script is bundled and packaged', () => {
  const stdlib = path.join(root, 'runtime', 'src', 'stdlib');
  const { readdirSync } = require('node:fs') as typeof import('node:fs');
  const scripts = new Set<string>();
  for (const f of readdirSync(stdlib, { recursive: true }) as string[]) {
    if (!f.endsWith('.ts')) continue;
    for (const m of readFileSync(path.join(stdlib, f), 'utf8').matchAll(/helperScript\('([\w-]+)\.js'/g)) scripts.add(m[1]!);
  }
  assert.ok(scripts.size >= 3, [...scripts].join(', '));
  const packaged = readFileSync(path.join(root, '.vscodeignore'), 'utf8');
  for (const name of scripts) {
    assert.ok(existsSync(path.join(root, 'dist', `${name}.js`)), `dist/${name}.js missing (add it to esbuild.mjs)`);
    assert.ok(packaged.includes(`!dist/${name}.js`), `dist/${name}.js is not re-included in .vscodeignore`);
  }
});

test('the bundled CLI makes HTTP requests (its helper thread is found)', async () => {
  const http = await import('node:http');
  const { spawn } = await import('node:child_process');
  const server = http.createServer((_req, res) => res.end('pong'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  try {
    const child = spawn(process.execPath, [path.join(root, 'dist', 'sema-cli.js'), '-p', `(:body (http/get "http://127.0.0.1:${port}/"))`]);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill(), 20_000);
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    clearTimeout(timer);
    assert.equal(code, 0);
    assert.equal(out, '"pong"\n');
  } finally {
    server.close();
  }
});
