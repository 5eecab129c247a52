// Command-line parsing for `sema`. Pure: argv in, a command description out.

export type Command =
  | { kind: 'run'; file: string; scriptArgs: string[]; loads: string[]; interactive: boolean }
  | { kind: 'expr'; code: string; alwaysPrint: boolean; loads: string[]; interactive: boolean }
  | { kind: 'eval'; code: string | undefined; stdin: boolean; json: boolean; path: string | undefined; timeoutMs: number }
  | { kind: 'repl'; loads: string[]; quiet: boolean }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'error'; message: string };

const DEFAULT_EVAL_TIMEOUT_MS = 5000;

function parseEval(argv: string[]): Command {
  let code: string | undefined;
  let stdin = false;
  let json = false;
  let path: string | undefined;
  let timeoutMs = DEFAULT_EVAL_TIMEOUT_MS;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
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
      case '--no-llm':
      case '--sandbox':
        if (name === '--sandbox' && !a.includes('=')) i++;
        break;
      default:
        return { kind: 'error', message: `unknown option for eval: ${a}` };
    }
  }
  if (code === undefined && !stdin) return { kind: 'error', message: 'Either --stdin or --expr is required' };
  return { kind: 'eval', code, stdin, json, path, timeoutMs };
}

export function parseArgs(argv: string[]): Command {
  if (argv[0] === 'eval') return parseEval(argv.slice(1));
  const loads: string[] = [];
  let interactive = false;
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
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
        return { kind: 'expr', code, alwaysPrint: a === '-p' || a === '--print', loads, interactive: interactive || argv.slice(i + 2).some((x) => x === '-i' || x === '--interactive') };
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
      case '--no-llm':
        break;
      case '--':
        return { kind: 'error', message: 'expected a file before --' };
      default:
        if (a.startsWith('-')) {
          if (['--chat-model', '--chat-provider', '--embedding-model', '--embedding-provider', '--sandbox'].includes(a)) {
            i++;
            break;
          }
          return { kind: 'error', message: `unknown option: ${a} (see sema --help)` };
        }
        {
          const rest = argv.slice(i + 1);
          const dashdash = rest.indexOf('--');
          const scriptArgs = dashdash >= 0 ? rest.slice(dashdash + 1) : rest;
          return { kind: 'run', file: a, scriptArgs, loads, interactive };
        }
    }
  }
  return { kind: 'repl', loads, quiet };
}

export const HELP = `sema — a Lisp with LLM primitives

Usage:
  sema [OPTIONS] [FILE] [-- SCRIPT_ARGS...]
  sema eval (--expr CODE | --stdin) [--json] [--path FILE] [--timeout MS]

Options:
  -e, --eval <EXPR>    Evaluate EXPR, print the result if non-nil
  -p, --print <EXPR>   Evaluate EXPR, always print the result
  -l, --load <FILE>    Load FILE first (repeatable)
  -i, --interactive    Start the REPL after running FILE or EXPR
  -q, --quiet          No REPL banner
  -V, --version        Print the version
  -h, --help           Print this help

With no FILE and no -e/-p, sema starts a REPL (:quit or Ctrl+D to leave).
LLM calls use ANTHROPIC_API_KEY (and ANTHROPIC_BASE_URL) from the environment.
`;
