// Finds the .sema files of the workspace folders, for workspace symbols. Bounded, and
// skipping dependency and build folders, so a huge folder cannot stall the server.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const SKIP = new Set(['node_modules', '.git', 'out', 'dist', 'target', '.vscode-test']);

export function semaFiles(roots: readonly string[], limit = 2000): string[] {
  const out: string[] = [];
  const stack = [...roots];
  while (stack.length > 0 && out.length < limit) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!SKIP.has(e.name) && !e.name.startsWith('.')) stack.push(join(dir, e.name));
      } else if (e.isFile() && e.name.endsWith('.sema')) {
        out.push(join(dir, e.name));
        if (out.length >= limit) break;
      }
    }
  }
  return out.sort();
}
