// Messages between the CLI's main thread and the evaluation worker.

import type { SandboxSpec } from '../eval/sandbox';

export interface EvalRequest {
  readonly t: 'eval';
  readonly id: number;
  readonly code: string;
  /** File the code came from (import/load resolution, error locations). */
  readonly file: string | undefined;
  /** Capture output into the reply instead of streaming it (for --json). */
  readonly capture: boolean;
  /** Print the value like `-e` / `-p` / the REPL do. */
  readonly print: 'never' | 'non-nil' | 'always';
  /**
   * `repl`: a form typed at the REPL (history variables, builtin-shadowing warnings);
   * `command`: a `,` command line (repl-commands.ts).
   */
  readonly mode?: 'repl' | 'command';
}

export interface EvalReply {
  readonly t: 'done';
  readonly id: number;
  readonly ok: boolean;
  /** Printed value (write form); null for nil or on error. */
  readonly value: string | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly error: { message: string; hint?: string; line?: number; col?: number; report: string } | null;
  readonly elapsedMs: number;
  /** Set when the program called `(exit code)`: the CLI ends with this status. */
  readonly exitCode?: number;
}

export type WorkerMessage = EvalReply | { readonly t: 'out' | 'err'; readonly s: string };

export interface WorkerInit {
  readonly args: string[];
  /** Int32Array over a SharedArrayBuffer: slot 0 non-zero means "interrupt". */
  readonly interrupt: Int32Array;
  /** `--sandbox` / `--allowed-paths`. */
  readonly sandbox?: SandboxSpec;
}
