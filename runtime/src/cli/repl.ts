// The interactive REPL: multi-line input until a form is complete, history kept in
// ~/.sema/history.txt, `,quit` (or `:quit`) to leave, Ctrl+C to interrupt a running
// evaluation, and the `,` commands of repl-commands.ts.

import { createInterface } from 'node:readline';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from '../reader/parser';
import { EvalSession } from './session';
import { loadFiles } from './load-files';

const HISTORY_FILE = join(process.env['SEMA_HOME'] || join(homedir(), '.sema'), 'history.txt');
const HISTORY_MAX = 1000;

/** True when `text` ends inside an open list, string or comment, so more lines are needed. */
export function needsMoreInput(text: string): boolean {
  return parse(text).diagnostics.some((d) => /^unterminated|requires an expression after it|requires a form after it/.test(d.message));
}

function loadHistory(): string[] {
  try {
    return readFileSync(HISTORY_FILE, 'utf8').split('\n').filter(Boolean).reverse().slice(0, HISTORY_MAX);
  } catch {
    return [];
  }
}

function saveHistory(entry: string): void {
  try {
    mkdirSync(dirname(HISTORY_FILE), { recursive: true });
    appendFileSync(HISTORY_FILE, entry.replace(/\n/g, ' ') + '\n');
  } catch {
    // History is a convenience; an unwritable home directory must not break the REPL.
  }
}

const REPL_HELP = `Sema REPL Commands:
  ,quit / ,q       Exit the REPL (also :quit, Ctrl+D)
  ,help / ,h       Show this help
  ,env             Show defined variables
  ,builtins        List all builtin functions
  ,type EXPR       Show the type of a value
  ,time EXPR       Evaluate and show elapsed time
  ,doc NAME        Show info about a binding

History Variables:
  *1, *2, *3   Last three results (most recent first)
  *e           Last error message

Type Sema forms; a form spanning several lines is evaluated once it is complete.
`;

const QUIT = new Set([',quit', ',exit', ',q', ':quit', ':q', ':exit']);

export async function startRepl(loads: string[], quiet: boolean, version: string, existing?: EvalSession): Promise<number> {
  const session = existing ?? new EvalSession({ args: [], onStdout: (s) => process.stdout.write(s), onStderr: (s) => process.stderr.write(s) });
  await loadFiles(session, loads, false);
  if (!quiet) process.stdout.write(`Sema ${version} — ,help for help, ,quit to leave\n`);
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY === true, history: loadHistory(), historySize: HISTORY_MAX, prompt: 'sema> ' });
  let buffer = '';
  rl.on('SIGINT', () => {
    if (session.busy) session.interrupt();
    else {
      buffer = '';
      process.stdout.write('\n');
      rl.setPrompt('sema> ');
      rl.prompt();
    }
  });
  rl.prompt();
  for await (const line of rl) {
    const trimmed = line.trim();
    if (buffer === '' && QUIT.has(trimmed)) break;
    if (buffer === '' && (trimmed === ',help' || trimmed === ',h' || trimmed === ':help')) {
      process.stdout.write(REPL_HELP);
      rl.prompt();
      continue;
    }
    if (buffer === '' && trimmed.startsWith(',')) {
      rl.pause();
      const r = await session.eval(trimmed, undefined, 'never', false, undefined, 'command');
      if (!r.ok && r.error) process.stderr.write(r.error.report + '\n');
      rl.resume();
      rl.prompt();
      continue;
    }
    buffer += (buffer ? '\n' : '') + line;
    if (needsMoreInput(buffer)) {
      rl.setPrompt('  ... ');
      rl.prompt();
      continue;
    }
    const code = buffer;
    buffer = '';
    rl.setPrompt('sema> ');
    if (code.trim() !== '') {
      saveHistory(code);
      rl.pause();
      const r = await session.eval(code, undefined, 'non-nil', false, undefined, 'repl');
      if (!r.ok && r.error) process.stderr.write(r.error.report + '\n');
      if (r.exitCode !== undefined) {
        rl.close();
        await session.close();
        return r.exitCode;
      }
      rl.resume();
    }
    rl.prompt();
  }
  rl.close();
  await session.close();
  return 0;
}
