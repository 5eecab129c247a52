// One run of a Sema file in a fresh `sema` process: streams its output as it arrives, keeps the
// tail of stderr for error locations, and stops the whole process group on cancel.
import { spawn, type ChildProcess } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';

export interface FileRunOptions {
  /** The executable that runs the CLI script (the editor's own, with ELECTRON_RUN_AS_NODE=1). */
  node: string;
  cli: string;
  file: string;
  cwd: string;
  env: Record<string, string>;
  onOutput(stream: 'stdout' | 'stderr', text: string): void;
  /** Milliseconds between SIGTERM and SIGKILL on cancel. */
  killGraceMs?: number;
}

export interface RunOutcome {
  /** Exit code, or null when killed by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  cancelled: boolean;
  /** The last 64 KiB of stderr, for finding error locations. */
  stderrTail: string;
  elapsedMs: number;
  /** Set when the process could not be started at all. */
  spawnError?: string;
}

const STDERR_TAIL = 64 * 1024;

export class FileRun {
  readonly done: Promise<RunOutcome>;
  private readonly child: ChildProcess;
  private cancelled = false;
  private exited = false;

  constructor(private readonly opts: FileRunOptions) {
    const started = Date.now();
    // Own process group (POSIX), so cancel also stops anything the program started.
    this.child = spawn(opts.node, [opts.cli, opts.file], {
      cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32', windowsHide: true,
    });
    let stderrTail = '';
    const pipe = (stream: 'stdout' | 'stderr') => {
      const decoder = new StringDecoder('utf8'); // a multi-byte character may span two chunks
      const source = this.child[stream];
      source?.on('data', (buf: Buffer) => {
        const text = decoder.write(buf);
        if (!text) return;
        if (stream === 'stderr') stderrTail = (stderrTail + text).slice(-STDERR_TAIL);
        opts.onOutput(stream, text);
      });
      source?.on('end', () => {
        const rest = decoder.end();
        if (rest) opts.onOutput(stream, rest);
      });
    };
    pipe('stdout');
    pipe('stderr');
    this.done = new Promise((resolve) => {
      let spawnError: string | undefined;
      this.child.on('error', (err) => {
        spawnError = err.message;
        if (this.child.pid === undefined) finish(null, null);
      });
      const finish = (code: number | null, signal: NodeJS.Signals | null) => {
        if (this.exited) return;
        this.exited = true;
        resolve({ code, signal, cancelled: this.cancelled, stderrTail, elapsedMs: Date.now() - started, ...(spawnError ? { spawnError } : {}) });
      };
      // 'close' waits for stdout/stderr to drain, so no output arrives after `done`.
      this.child.on('close', (code, signal) => finish(code, signal));
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Stops the run now: SIGTERM to the process group, SIGKILL if it is still there after the grace time. */
  cancel(): void {
    if (this.exited || this.cancelled) return;
    this.cancelled = true;
    this.signal('SIGTERM');
    const timer = setTimeout(() => { if (!this.exited) this.signal('SIGKILL'); }, this.opts.killGraceMs ?? 500);
    timer.unref();
  }

  private signal(sig: NodeJS.Signals): void {
    const pid = this.child.pid;
    if (pid === undefined) return;
    try {
      if (process.platform !== 'win32') process.kill(-pid, sig);
      else this.child.kill(sig);
    } catch {
      // already gone
    }
  }
}
