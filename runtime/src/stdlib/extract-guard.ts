// Where an archive entry may be written: shared by `zip/extract` and `tar/extract`. An
// entry name becomes a path relative to the destination only if it cannot leave it
// (no `..`, no absolute path); the directories on the way must not be symlinks out of
// it; two entries may not write the same file; and the total size is capped.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { evalError } from '../eval/errors';
import { io } from './file-io';

/** Most bytes one entry may inflate to. */
export const MAX_ENTRY_BYTES = 1024 * 1024 * 1024;
/** Most bytes one extraction may write in all. */
const MAX_TOTAL_BYTES = 4 * MAX_ENTRY_BYTES;

/**
 * The entry name as a relative path, or undefined when it would escape (a `..` part, a
 * leading `/`) or names nothing. `.` parts and repeated slashes are dropped.
 */
export function safeRelative(name: string): string | undefined {
  if (name.startsWith('/') || name.includes('\0')) return undefined;
  const parts: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') return undefined;
    parts.push(part);
  }
  return parts.length === 0 ? undefined : parts.join('/');
}

export class Extraction {
  private readonly root: string;
  private readonly seen = new Set<string>();
  private total = 0;

  constructor(
    private readonly fn: string,
    dest: string,
  ) {
    this.io(dest, () => fs.mkdirSync(dest, { recursive: true }));
    this.root = fs.realpathSync(dest);
  }

  private io<T>(what: string, body: () => T): T {
    return io(`${this.fn} ${what}`, body);
  }

  /** Fails unless `dir` (existing) resolves to the destination or a directory inside it. */
  private checkInside(dir: string, name: string): void {
    const real = fs.realpathSync(dir);
    if (real !== this.root && !real.startsWith(this.root + path.sep)) {
      throw evalError(`${this.fn}: entry ${name} would be written outside the destination (through a symlink)`);
    }
  }

  /** Creates `rel` and its parents as directories inside the destination. */
  private makeDirs(rel: string, name: string): string {
    let dir = this.root;
    for (const part of rel.split('/')) {
      dir = path.join(dir, part);
      if (!fs.existsSync(dir)) this.io(name, () => fs.mkdirSync(dir));
      this.checkInside(dir, name);
    }
    return dir;
  }

  directory(rel: string, name: string): void {
    this.makeDirs(rel, name);
  }

  /** Writes one file entry; `rel` comes from safeRelative. */
  file(rel: string, name: string, data: Uint8Array, mode?: number, mtime?: number): void {
    if (this.seen.has(rel)) throw evalError(`${this.fn}: duplicate entry target ${rel} — refusing to overwrite`);
    this.seen.add(rel);
    this.total += data.length;
    if (this.total > MAX_TOTAL_BYTES) throw evalError(`${this.fn}: archive expands to more than ${MAX_TOTAL_BYTES} bytes; refusing to extract`);
    const slash = rel.lastIndexOf('/');
    const parent = slash < 0 ? this.root : this.makeDirs(rel.slice(0, slash), name);
    const target = path.join(parent, rel.slice(slash + 1));
    const existing = fs.lstatSync(target, { throwIfNoEntry: false });
    if (existing?.isSymbolicLink()) throw evalError(`${this.fn}: entry ${name} would be written through the symlink ${target}`);
    this.io(name, () => fs.writeFileSync(target, data));
    if (mode !== undefined) this.io(name, () => fs.chmodSync(target, mode & 0o777));
    if (mtime !== undefined) this.io(name, () => fs.utimesSync(target, mtime, mtime));
  }
}
