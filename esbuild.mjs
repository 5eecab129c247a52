// Builds the bundles the extension ships (tsc -b only type-checks and builds tests):
//   dist/extension.js         the VS Code client (client/src/extension.ts; `vscode` external)
//   dist/server.js            the language server (server/src/main.ts)
//   dist/worker.js            the evaluator process the server forks (server/src/eval-host/worker.ts;
//                             host.ts looks for worker.js next to itself)
//   dist/sema-cli.js          the `sema` command line (runtime/src/cli/main.ts)
//   dist/sema-eval-worker.js  the CLI's evaluation thread (runtime/src/cli/eval-worker.ts; session.ts
//                             looks for it next to the CLI)
//   dist/bridge-worker.js     the thread that makes LLM requests for the synchronous evaluator
//                             (runtime/src/llm/bridge-worker.ts; sync-bridge.ts looks next to itself)
// Each bundle's esbuild metafile goes to dist/meta/<name>.json (checked by client/test/bundles.test.ts).
//
//   node esbuild.mjs [--watch] [--production] [--require-all]
// --require-all fails when an entry point is missing (packaging uses it); otherwise a missing
// entry (a part not merged yet) is reported and skipped.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const args = new Set(process.argv.slice(2));
const watch = args.has('--watch');
const production = args.has('--production');
const requireAll = args.has('--require-all');

export const bundles = [
  { name: 'extension', entry: 'client/src/extension.ts', external: ['vscode'] },
  { name: 'server', entry: 'server/src/main.ts', external: [] },
  { name: 'worker', entry: 'server/src/eval-host/worker.ts', external: [] },
  { name: 'sema-cli', entry: 'runtime/src/cli/main.ts', external: [] },
  { name: 'sema-eval-worker', entry: 'runtime/src/cli/eval-worker.ts', external: [] },
  { name: 'bridge-worker', entry: 'runtime/src/llm/bridge-worker.ts', external: [] },
  // Helper threads the stdlib starts by file name next to the code that starts them.
  { name: 'http-worker', entry: 'runtime/src/stdlib/http-worker.ts', external: [] },
  { name: 'server-worker', entry: 'runtime/src/stdlib/server-worker.ts', external: [] },
  { name: 'fs-watch-worker', entry: 'runtime/src/stdlib/fs-watch-worker.ts', external: [] },
  { name: 'proc-worker', entry: 'runtime/src/stdlib/proc-worker.ts', external: [] },
];

/** Prints errors in the `✘ [ERROR] message` + `file:line:col:` shape the tasks.json problem matcher reads. */
const problemMatcher = (name) => ({
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log(`[watch] build started (${name})`));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (result.metafile) {
        mkdirSync(join(root, 'dist', 'meta'), { recursive: true });
        writeFileSync(join(root, 'dist', 'meta', `${name}.json`), JSON.stringify(result.metafile));
      }
      console.log(`[watch] build finished (${name})`);
    });
  },
});

const present = bundles.filter((b) => existsSync(join(root, b.entry)));
const missing = bundles.filter((b) => !present.includes(b));
if (missing.length) {
  const list = missing.map((b) => `${b.entry} (dist/${b.name}.js)`).join(', ');
  if (requireAll) {
    console.error(`esbuild: missing entry points: ${list}`);
    process.exit(1);
  }
  console.warn(`esbuild: skipping bundles whose entry does not exist yet: ${list}`);
}

const contexts = await Promise.all(present.map((b) => esbuild.context({
  absWorkingDir: root,
  entryPoints: { [b.name]: b.entry },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: b.external,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  metafile: true,
  logLevel: 'silent',
  plugins: [problemMatcher(b.name)],
})));

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  let failed = false;
  for (const c of contexts) {
    try {
      await c.rebuild();
    } catch {
      failed = true;
    }
    await c.dispose();
  }
  if (failed) process.exit(1);
}
