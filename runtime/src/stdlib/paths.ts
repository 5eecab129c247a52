// Path arithmetic with the reference's (Rust `std::path`) rules, on `/`-separated paths:
// parent, file name, extension and stem, joining, and lexical absolutisation.

import { existsSync, realpathSync } from 'node:fs';

/** Drops trailing `/` and `/.` components, keeping a lone root. */
function trimTail(p: string): string {
  let t = p;
  for (;;) {
    if (t.length > 1 && t.endsWith('/')) t = t.slice(0, -1);
    else if (t.endsWith('/.') && t.length > 2) t = t.slice(0, -2);
    else if (t === '.') return '';
    else return t;
  }
}

/** Rust `Path::parent`, or "" when there is none. */
export function parentOf(p: string): string {
  const t = trimTail(p);
  if (t === '' || t === '/') return '';
  const i = t.lastIndexOf('/');
  if (i < 0) return '';
  if (i === 0) return '/';
  let d = t.slice(0, i);
  while (d.length > 1 && d.endsWith('/')) d = d.slice(0, -1);
  return d;
}

/** Rust `Path::file_name`, or "" when there is none (`/`, `..`, ""). */
export function fileNameOf(p: string): string {
  const t = trimTail(p);
  const name = t.slice(t.lastIndexOf('/') + 1);
  return name === '..' ? '' : name;
}

/** Splits a file name into stem and extension the way Rust does (`.hidden` has no extension). */
function splitName(name: string): { stem: string; ext: string | undefined } {
  if (name === '..') return { stem: name, ext: undefined };
  const i = name.lastIndexOf('.');
  if (i <= 0) return { stem: name, ext: undefined };
  return { stem: name.slice(0, i), ext: name.slice(i + 1) };
}

export function extensionOf(p: string): string {
  return splitName(fileNameOf(p)).ext ?? '';
}

export function stemOf(p: string): string {
  const name = fileNameOf(p);
  return name === '' ? '' : splitName(name).stem;
}

/** `PathBuf::push` for each part: an absolute part replaces what came before. */
export function joinPaths(parts: readonly string[]): string {
  let out = '';
  for (const s of parts) {
    if (s.startsWith('/') || out === '') out = s;
    else out = out.endsWith('/') ? out + s : out + '/' + s;
  }
  return out;
}

/** Components of an absolute path after resolving `.` and `..` without the filesystem. */
export function lexicalAbsolute(p: string): string[] {
  const base = p.startsWith('/') ? [] : process.cwd().split('/').filter((s) => s !== '');
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(seg);
  }
  return base;
}

/** `(path/relative-to base target)`: pure path arithmetic. */
export function relativeTo(base: string, target: string): string {
  const b = lexicalAbsolute(base);
  const t = lexicalAbsolute(target);
  let i = 0;
  while (i < b.length && i < t.length && b[i] === t[i]) i++;
  const rel = [...b.slice(i).map(() => '..'), ...t.slice(i)];
  return rel.length === 0 ? '.' : rel.join('/');
}

/**
 * Real path of `p` for containment checks: the whole path when it exists, else the
 * deepest existing ancestor's real path plus the rest, so symlinks in the existing
 * prefix are resolved even for files not created yet.
 */
export function resolvedPath(p: string): string[] {
  const abs = lexicalAbsolute(p);
  for (let n = abs.length; n >= 0; n--) {
    const prefix = '/' + abs.slice(0, n).join('/');
    if (!existsSync(prefix)) continue;
    try {
      const real = realpathSync(prefix).split('/').filter((s) => s !== '');
      return [...real, ...abs.slice(n)];
    } catch {
      continue;
    }
  }
  return abs;
}

export function isWithin(base: string, child: string): boolean {
  const b = resolvedPath(base);
  const c = resolvedPath(child);
  return b.length <= c.length && b.every((seg, i) => c[i] === seg);
}
