// `npm run publish:ovsx`: publishes dist/sema-<version>.vsix (run `npm run package` first) to
// Open VSX with ovsx. The token comes from the environment (OVSX_PAT), never from a file.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsix = join(root, 'dist', `sema-${version}.vsix`);
if (!existsSync(vsix)) {
  console.error(`${vsix} not found: run \`npm run package\` first`);
  process.exit(1);
}
if (!process.env.OVSX_PAT) {
  console.error('OVSX_PAT is not set: create an access token on open-vsx.org and export it as OVSX_PAT');
  process.exit(1);
}
const ovsx = join(dirname(createRequire(import.meta.url).resolve('ovsx/package.json')), 'bin', 'ovsx');
// ovsx reads OVSX_PAT itself, so the token never appears on a command line.
const r = spawnSync(process.execPath, [ovsx, 'publish', vsix, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
