// Finding a program as exec would: shared by the proc/* helper thread (which checks
// before starting a launcher) and pty/spawn (which needs util-linux `script`).

import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

/** The executable `file` names (searched on PATH when it has no slash), or undefined. */
export function executable(file: string, env: Record<string, string>, cwd: string | undefined): string | undefined {
  const runnable = (p: string): boolean => {
    try {
      accessSync(p, constants.X_OK);
      return statSync(p).isFile();
    } catch {
      return false;
    }
  };
  if (file.includes('/')) {
    const p = isAbsolute(file) ? file : resolve(cwd ?? '.', file);
    return runnable(p) ? p : undefined;
  }
  return (env.PATH ?? '').split(delimiter).map((d) => join(d || '.', file)).find(runnable);
}

