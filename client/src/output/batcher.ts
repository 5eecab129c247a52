// Coalesces a fast stream of output chunks into few, bounded writes, so a program printing
// megabytes reaches the output panel in batches instead of freezing the editor.

export interface BatcherOptions {
  /** Longest time a chunk waits before it is written. */
  intervalMs: number;
  /** Most characters written in one batch; the rest waits for the next tick. */
  maxBatchChars: number;
  /** Most characters kept waiting; older output beyond it is dropped (and the drop is reported). */
  maxPendingChars: number;
}

export const defaultBatcherOptions: BatcherOptions = { intervalMs: 40, maxBatchChars: 64 * 1024, maxPendingChars: 1024 * 1024 };

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

export function skippedNotice(chars: number): string {
  return `\n[… ${chars} characters of output skipped …]\n`;
}

export class OutputBatcher {
  private pending: string[] = [];
  private pendingChars = 0;
  private skipped = 0;
  private timer: unknown;
  private readonly opts: BatcherOptions;

  constructor(private readonly sink: (text: string) => void, opts: Partial<BatcherOptions> = {}, private readonly timers: Timers = realTimers) {
    this.opts = { ...defaultBatcherOptions, ...opts };
  }

  push(text: string): void {
    if (!text) return;
    this.pending.push(text);
    this.pendingChars += text.length;
    this.trim();
    this.schedule();
  }

  /** Writes everything still waiting (within the batch limit, repeatedly) right now. */
  flush(): void {
    this.cancelTimer();
    while (this.pendingChars > 0 || this.skipped > 0) this.writeBatch();
  }

  dispose(): void {
    this.flush();
  }

  private trim(): void {
    let excess = this.pendingChars - this.opts.maxPendingChars;
    while (excess > 0 && this.pending.length) {
      const first = this.pending[0]!;
      if (first.length <= excess) {
        this.pending.shift();
        this.pendingChars -= first.length;
        this.skipped += first.length;
        excess -= first.length;
      } else {
        this.pending[0] = first.slice(excess);
        this.pendingChars -= excess;
        this.skipped += excess;
        excess = 0;
      }
    }
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.writeBatch();
      if (this.pendingChars > 0) this.schedule();
    }, this.opts.intervalMs);
  }

  private cancelTimer(): void {
    if (this.timer === undefined) return;
    this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private writeBatch(): void {
    let out = '';
    if (this.skipped > 0) {
      out = skippedNotice(this.skipped);
      this.skipped = 0;
    }
    while (this.pending.length && out.length < this.opts.maxBatchChars) {
      const room = this.opts.maxBatchChars - out.length;
      const first = this.pending[0]!;
      if (first.length <= room) {
        out += first;
        this.pending.shift();
        this.pendingChars -= first.length;
      } else {
        out += first.slice(0, room);
        this.pending[0] = first.slice(room);
        this.pendingChars -= room;
      }
    }
    if (out) this.sink(out);
  }
}
