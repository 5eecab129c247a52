// Finds `path:line:col: message` error reports (the CLI's format) in a run's stderr.
import * as path from 'node:path';

export interface ErrorLocation {
  /** Absolute path of the file the error is in. */
  file: string;
  /** 1-based, as printed. */
  line: number;
  col: number;
  message: string;
}

// Lazy path so `C:\dir\f.sema:3:4: msg` keeps its drive letter.
const errorLine = /^(.+?):(\d+):(\d+):\s*(.*)$/;

export function parseErrorLocations(stderr: string, cwd: string): ErrorLocation[] {
  const out: ErrorLocation[] = [];
  for (const raw of stderr.split(/\r?\n/)) {
    const m = errorLine.exec(raw.trim());
    if (!m) continue;
    const [, file = '', line = '', col = '', message = ''] = m;
    if (/\s/.test(file) && !file.endsWith('.sema')) continue; // prose that happens to contain colons
    out.push({ file: path.resolve(cwd, file), line: Number(line), col: Number(col), message });
  }
  return out;
}

/** `file:line:col`, the form VS Code's output panel turns into a link. */
export function formatLocation(loc: ErrorLocation): string {
  return `${loc.file}:${loc.line}:${loc.col}`;
}

/**
 * Rewrites relative error paths in stderr text to absolute ones, so that the output panel's
 * link detection can open them.
 */
export function absolutizeErrorPaths(text: string, cwd: string): string {
  return text.replace(/^([^\s:][^:\n]*?\.sema):(\d+):(\d+):/gm, (all, file: string, line: string, col: string) =>
    path.isAbsolute(file) ? all : `${path.resolve(cwd, file)}:${line}:${col}:`);
}
