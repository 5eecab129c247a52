// Finds error reports in a run's stderr. The CLI prints
//     Error: Unbound variable: foo
//       --> /path/file.sema:3:7
// (a message line, then an arrow line with the location); a one-line `path:line:col: message`
// form is understood too.
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

const arrowLine = /^-->\s*(.+?):(\d+):(\d+)\s*$/;
const messageLine = /^(?:[A-Za-z ]*error|Error)(?:\[[^\]]*\])?:\s*(.*)$/;

export function parseErrorLocations(stderr: string, cwd: string): ErrorLocation[] {
  const out: ErrorLocation[] = [];
  let lastMessage = '';
  for (const raw of stderr.split(/\r?\n/)) {
    const text = raw.trim();
    const arrow = arrowLine.exec(text);
    if (arrow) {
      const [, file = '', l = '', c = ''] = arrow;
      out.push({ file: path.resolve(cwd, file), line: Number(l), col: Number(c), message: lastMessage || 'error' });
      lastMessage = '';
      continue;
    }
    const msg = messageLine.exec(text);
    if (msg) {
      lastMessage = msg[1] ?? '';
      continue;
    }
    const m = errorLine.exec(text);
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
  return text.replace(/^(\s*--> )?([^\s:][^:\n]*?\.sema):(\d+):(\d+)/gm, (all, arrow: string | undefined, file: string, line: string, col: string) =>
    path.isAbsolute(file) ? all : `${arrow ?? ''}${path.resolve(cwd, file)}:${line}:${col}`);
}
