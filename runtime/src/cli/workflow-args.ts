// Parsing of `sema workflow run|check ...` (llm/workflows.md "CLI reference").

import { DEFAULT_RUNS_ROOT } from '../workflow/run-state';
import type { RunOptions } from './args';

export type WorkflowCommand =
  | { kind: 'workflow-run'; file: string; argsJson: string; runDir: string; resume: string | undefined; opts: RunOptions }
  | { kind: 'workflow-check'; file: string; strict: boolean; json: boolean }
  | { kind: 'error'; message: string };

const VIEWER = 'this implementation has no workflow web viewer';

/**
 * `argv` after `workflow`. `runOption` reads the options every command shares
 * (--sandbox, --chat-model, ...): argv entries used, 0 for none, or an error.
 */
export function parseWorkflow(argv: string[], runOption: (argv: string[], i: number, opts: RunOptions) => number | string): WorkflowCommand {
  const sub = argv[0];
  if (sub === 'view' || sub === 'index') return { kind: 'error', message: `sema workflow ${sub} is not supported (${VIEWER})` };
  if (sub !== 'run' && sub !== 'check') {
    return { kind: 'error', message: sub === undefined ? 'sema workflow needs a subcommand: run or check' : `unknown workflow subcommand: ${sub} (expected run or check)` };
  }
  let file: string | undefined;
  let argsJson = '{}';
  let runDir = DEFAULT_RUNS_ROOT;
  let resume: string | undefined;
  let strict = false;
  let json = false;
  const opts: RunOptions = { env: {} };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string | undefined => (eq > 0 ? a.slice(eq + 1) : argv[++i]);
    const need = (v: string | undefined): string | { kind: 'error'; message: string } => (v === undefined || v === '' ? { kind: 'error', message: `${name} needs a value` } : v);
    if (sub === 'run') {
      const used = runOption(argv, i, opts);
      if (typeof used === 'string') return { kind: 'error', message: used };
      if (used > 0) {
        i += used - 1;
        continue;
      }
      if (name === '--args' || name === '--run-dir' || name === '--resume') {
        const v = need(value());
        if (typeof v !== 'string') return v;
        if (name === '--args') argsJson = v;
        else if (name === '--run-dir') runDir = v;
        else resume = v;
        continue;
      }
      if (name === '--view' || name === '--port' || name === '-p') return { kind: 'error', message: `${name} is not supported (${VIEWER})` };
    } else if (name === '--strict') {
      strict = true;
      continue;
    } else if (name === '--json') {
      json = true;
      continue;
    }
    if (a.startsWith('-')) return { kind: 'error', message: `unknown option for workflow ${sub}: ${a}` };
    if (file !== undefined) return { kind: 'error', message: `workflow ${sub} takes one file (got ${file} and ${a})` };
    file = a;
  }
  if (file === undefined) return { kind: 'error', message: `sema workflow ${sub} needs a FILE` };
  return sub === 'run' ? { kind: 'workflow-run', file, argsJson, runDir, resume, opts } : { kind: 'workflow-check', file, strict, json };
}
