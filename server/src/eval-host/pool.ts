// One eval session per workspace folder, created on first use.

import { EvalSession } from './host';

export class SessionPool {
  private readonly sessions = new Map<string, EvalSession>();

  constructor(private readonly timeoutMs: () => number) {}

  sessionFor(root: string): EvalSession {
    let s = this.sessions.get(root);
    if (!s) {
      s = new EvalSession({ timeoutMs: this.timeoutMs(), ...(root ? { cwd: root } : {}) });
      this.sessions.set(root, s);
    }
    return s;
  }

  reset(root: string): void {
    this.sessions.get(root)?.dispose();
    this.sessions.delete(root);
  }

  resetAll(): void {
    for (const s of this.sessions.values()) s.dispose();
    this.sessions.clear();
  }
}
