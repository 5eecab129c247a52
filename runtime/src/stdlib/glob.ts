// `file/glob`: shell-style patterns over the filesystem. `*`, `?` and `[...]`/`[!...]`
// match within one path component; a `**` component matches any number of directories.
// Hidden files are matched like any other (the reference's default match options).

import { readdirSync, statSync } from 'node:fs';
import { evalError } from '../eval/errors';

function escapeRe(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? '\\' + c : c;
}

/** Compiles one component; throws the reference's syntax error for misplaced `**` or bad `[`. */
function componentRegex(seg: string, offset: number): RegExp {
  let re = '';
  const cs = Array.from(seg);
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    if (c === '*') {
      if (cs[i + 1] === '*') {
        throw evalError(`file/glob: invalid pattern: Pattern syntax error near position ${offset + i}: wildcards are either regular \`*\` or recursive \`**\``);
      }
      re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = cs.indexOf(']', i + 2);
      if (close < 0) throw evalError(`file/glob: invalid pattern: Pattern syntax error near position ${offset + i}: invalid range pattern`);
      let body = cs.slice(i + 1, close);
      let neg = false;
      if (body[0] === '!') {
        neg = true;
        body = body.slice(1);
      }
      re += '[' + (neg ? '^' : '') + body.map((b) => (b === '-' ? '-' : b === '\\' || b === ']' || b === '^' ? '\\' + b : b)).join('') + ']';
      i = close;
    } else re += escapeRe(c);
  }
  return new RegExp('^' + re + '$', 'u');
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function entries(dir: string): string[] {
  try {
    return readdirSync(dir === '' ? '.' : dir).sort();
  } catch {
    return [];
  }
}

function join(dir: string, name: string): string {
  if (dir === '') return name;
  return dir.endsWith('/') ? dir + name : dir + '/' + name;
}

/** `dir` itself and every directory below it. */
function allDirs(dir: string, into: string[]): string[] {
  into.push(dir);
  for (const name of entries(dir)) {
    const p = join(dir, name);
    if (isDir(p)) allDirs(p, into);
  }
  return into;
}

export function glob(pattern: string): string[] {
  const absolute = pattern.startsWith('/');
  const segs = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  if (absolute) segs.shift();
  let offset = absolute ? 1 : 0;
  let current: string[] = [absolute ? '/' : ''];
  segs.forEach((seg, i) => {
    const last = i === segs.length - 1;
    const next: string[] = [];
    if (seg === '**') {
      for (const dir of current) allDirs(dir, next);
      if (last) {
        // A trailing `**` matches everything below, files included.
        const all: string[] = [];
        for (const d of next) {
          if (d !== '' && d !== '/') all.push(d);
          for (const name of entries(d)) if (!isDir(join(d, name))) all.push(join(d, name));
        }
        current = all;
        return;
      }
    } else if (!/[*?[]/.test(seg)) {
      for (const dir of current) next.push(join(dir, seg));
    } else {
      const re = componentRegex(seg, offset);
      for (const dir of current) {
        for (const name of entries(dir)) if (re.test(name)) next.push(join(dir, name));
      }
    }
    current = last ? next : next.filter(isDir);
    offset += seg.length + 1;
  });
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of current) {
    if (p === '' || seen.has(p)) continue;
    try {
      statSync(p);
    } catch {
      continue;
    }
    seen.add(p);
    out.push(p);
  }
  return out.sort();
}
