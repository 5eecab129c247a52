// Runs every compiled test file (<package>/out/test/**/*.test.js) with node's own test runner.
// Node 20's `--test` takes no globs, so the files are collected here.
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const packages = ['runtime', 'server', 'client', 'syntaxes'];
const only = process.argv.slice(2);

function collect(dir, into) {
  if (!existsSync(dir)) return into;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) collect(full, into);
    else if (name.endsWith('.test.js')) into.push(full);
  }
  return into;
}

const files = [];
for (const pkg of packages) collect(join(pkg, 'out', 'test'), files);
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
if (selected.length === 0) {
  console.error('no test files found: run `npm run build:types` first');
  process.exit(1);
}
// The interpreter's real hosts (the CLI's and the language server's evaluation threads) run
// with a large stack; give the test processes more than node's default ~1 MB as well.
// 3800 KB stays well inside the usual 8 MB main-thread stack.
const result = spawnSync(process.execPath, ['--stack-size=3800', '--test', '--test-reporter=spec', ...selected.sort()], { stdio: 'inherit' });
process.exit(result.status ?? 1);
