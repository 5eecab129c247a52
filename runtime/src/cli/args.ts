// Command-line parsing for `sema`. Pure: argv in, a command description out.

import { parseAllowedPaths, parseSandboxMode, type Capability, type SandboxSpec } from '../eval/sandbox';
import { existsSync } from 'node:fs';
import { parseWorkflow, type WorkflowCommand } from './workflow-args';

/** Options every way of running code takes: restrictions and LLM defaults. */
export interface RunOptions {
  /** What the program may not do (`--sandbox`, `--allowed-paths`); absent = unrestricted. */
  sandbox?: SandboxSpec;
  /** Environment settings for the evaluation (`--chat-model` -> SEMA_CHAT_MODEL, ...). */
  env: Record<string, string>;
}

export type Command =
  | { kind: 'run'; file: string; scriptArgs: string[]; loads: string[]; interactive: boolean; opts: RunOptions }
  | { kind: 'expr'; code: string; alwaysPrint: boolean; loads: string[]; interactive: boolean; opts: RunOptions }
  | { kind: 'eval'; code: string | undefined; stdin: boolean; json: boolean; path: string | undefined; timeoutMs: number; opts: RunOptions }
  | { kind: 'repl'; loads: string[]; quiet: boolean; opts: RunOptions }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'error'; message: string }
  | WorkflowCommand;

const DEFAULT_EVAL_TIMEOUT_MS = 5000;

/** The reference's other subcommands: a clear answer instead of "cannot read file lsp". */
const UNSUPPORTED: Record<string, string> = {
  lsp: 'the language server is its own command, `sema-language-server --stdio` (package @sema/server; the VS Code extension starts it for you)',
  fmt: 'format with your editor (the language server formats documents and ranges)',
  ast: '',
  compile: '',
  build: '',
  disasm: '',
  pkg: '',
  notebook: '',
  completions: '',
};

/** The environment variable each LLM-default option sets. */
const ENV_OPTIONS: Record<string, string> = {
  '--chat-model': 'SEMA_CHAT_MODEL',
  '--chat-provider': 'SEMA_CHAT_PROVIDER',
  '--embedding-model': 'SEMA_EMBEDDING_MODEL',
  '--embedding-provider': 'SEMA_EMBEDDING_PROVIDER',
};

/**
 * Reads one of the options shared by all commands at argv[i] into `opts`: the number of
 * argv entries it used (0 = not one of them), or an error message.
 */
function runOption(argv: string[], i: number, opts: RunOptions): number | string {
  const a = argv[i]!;
  const eq = a.indexOf('=');
  const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
  const inline = name !== a ? a.slice(eq + 1) : undefined;
  const takes = name === '--sandbox' || name === '--allowed-paths' || name in ENV_OPTIONS;
  if (name === '--no-llm') {
    opts.env['SEMA_NO_LLM'] = '1';
    return 1;
  }
  if (!takes) return 0;
  const value = inline ?? argv[i + 1];
  if (value === undefined || value === '') return `${name} needs a value`;
  if (name === '--sandbox') {
    const denied = parseSandboxMode(value);
    if (!Array.isArray(denied)) return `--sandbox: ${denied.error}`;
    opts.sandbox = { ...opts.sandbox, denied: [...new Set<Capability>([...(opts.sandbox?.denied ?? []), ...denied])] };
  } else if (name === '--allowed-paths') {
    opts.sandbox = { denied: opts.sandbox?.denied ?? [], allowedPaths: [...(opts.sandbox?.allowedPaths ?? []), ...parseAllowedPaths(value)] };
  } else opts.env[ENV_OPTIONS[name]!] = value;
  return inline === undefined ? 2 : 1;
}

function parseEval(argv: string[]): Command {
  let code: string | undefined;
  let stdin = false;
  let json = false;
  let path: string | undefined;
  let timeoutMs = DEFAULT_EVAL_TIMEOUT_MS;
  const opts: RunOptions = { env: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const used = runOption(argv, i, opts);
    if (typeof used === 'string') return { kind: 'error', message: used };
    if (used > 0) {
      i += used - 1;
      continue;
    }
    const value = (): string | undefined => {
      const eq = a.indexOf('=');
      if (eq > 0) return a.slice(eq + 1);
      return argv[++i];
    };
    const name = a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    switch (name) {
      case '--expr':
      case '-e':
        code = value();
        if (code === undefined) return { kind: 'error', message: '--expr needs a value' };
        break;
      case '--stdin':
        stdin = true;
        break;
      case '--json':
        json = true;
        break;
      case '--path':
        path = value();
        if (path === undefined) return { kind: 'error', message: '--path needs a value' };
        break;
      case '--timeout': {
        const v = Number(value());
        if (!Number.isInteger(v) || v <= 0) return { kind: 'error', message: '--timeout needs a positive number of milliseconds' };
        timeoutMs = v;
        break;
      }
      default:
        return { kind: 'error', message: `unknown option for eval: ${a}` };
    }
  }
  if (code === undefined && !stdin) return { kind: 'error', message: 'Either --stdin or --expr is required' };
  return { kind: 'eval', code, stdin, json, path, timeoutMs, opts };
}

export function parseArgs(argv: string[]): Command {
  if (argv[0] === 'eval') return parseEval(argv.slice(1));
  if (argv[0] === 'workflow') return parseWorkflow(argv.slice(1), runOption);
  const missing = argv[0] === undefined ? undefined : UNSUPPORTED[argv[0]];
  if (missing !== undefined && !existsSync(argv[0]!)) return { kind: 'error', message: `sema ${argv[0]} is not available in this implementation${missing ? `: ${missing}` : ''}` };
  const loads: string[] = [];
  let interactive = false;
  let quiet = false;
  const opts: RunOptions = { env: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const used = runOption(argv, i, opts);
    if (typeof used === 'string') return { kind: 'error', message: used };
    if (used > 0) {
      i += used - 1;
      continue;
    }
    switch (a) {
      case '-h':
      case '--help':
        return { kind: 'help' };
      case '-V':
      case '--version':
        return { kind: 'version' };
      case '-e':
      case '--eval':
      case '-p':
      case '--print': {
        const code = argv[i + 1];
        if (code === undefined) return { kind: 'error', message: `${a} needs an expression` };
        return { kind: 'expr', code, alwaysPrint: a === '-p' || a === '--print', loads, interactive: interactive || argv.slice(i + 2).some((x) => x === '-i' || x === '--interactive'), opts };
      }
      case '-l':
      case '--load': {
        const f = argv[++i];
        if (f === undefined) return { kind: 'error', message: `${a} needs a file` };
        loads.push(f);
        break;
      }
      case '-i':
      case '--interactive':
        interactive = true;
        break;
      case '-q':
      case '--quiet':
        quiet = true;
        break;
      case '--':
        return { kind: 'error', message: 'expected a file before --' };
      default:
        if (a.startsWith('-')) return { kind: 'error', message: `unknown option: ${a} (see sema --help)` };
        {
          const rest = argv.slice(i + 1);
          const dashdash = rest.indexOf('--');
          const scriptArgs = dashdash >= 0 ? rest.slice(dashdash + 1) : rest;
          return { kind: 'run', file: a, scriptArgs, loads, interactive, opts };
        }
    }
  }
  return { kind: 'repl', loads, quiet, opts };
}

export const HELP = `sema — a Lisp with LLM primitives

Usage:
  sema [OPTIONS] [FILE] [-- SCRIPT_ARGS...]
  sema eval (--expr CODE | --stdin) [--json] [--path FILE] [--timeout MS] [--sandbox MODE]
  sema workflow run FILE [--args JSON] [--run-dir DIR] [--resume RUN_ID] [--sandbox MODE]
  sema workflow check FILE [--strict] [--json]

Options:
  -e, --eval <EXPR>    Evaluate EXPR, print the result if non-nil
  -p, --print <EXPR>   Evaluate EXPR, always print the result
  -l, --load <FILE>    Load FILE first (repeatable)
  -i, --interactive    Start the REPL after running FILE or EXPR
  -q, --quiet          No REPL banner
  --sandbox <MODE>     Deny capabilities: strict, all, none, or a list such as
                       no-shell,no-network (fs-read fs-write shell network env-read
                       env-write process llm serial); denied builtins fail when called
  --allowed-paths <P>  Let file builtins touch only these directories (comma-separated)
  --no-llm             Configure no LLM provider from the environment
  --chat-model <NAME>  Default chat model (also SEMA_CHAT_MODEL)
  --chat-provider <N>  Preferred chat provider (also SEMA_CHAT_PROVIDER)
  -V, --version        Print the version
  -h, --help           Print this help

With no FILE and no -e/-p, sema starts a REPL (:quit or Ctrl+D to leave).
LLM calls use ANTHROPIC_API_KEY (and ANTHROPIC_BASE_URL) from the environment.
`;
