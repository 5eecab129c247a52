// `npm run package`: builds every bundle (vsce runs `vscode:prepublish`) and writes
// dist/sema-<version>.vsix with @vscode/vsce. Extra arguments go to `vsce package`.
import { readFileSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = join('dist', `sema-${version}.vsix`);
mkdirSync(join(root, 'dist'), { recursive: true });
const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
// --no-dependencies: the bundles already contain what they need, and npm workspaces confuse vsce's dependency walk.
const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
if (r.status === 0) console.log(`packaged ${out}`);
process.exit(r.status ?? 1);
