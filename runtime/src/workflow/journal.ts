// The run directory on disk (llm/workflows.md "The run directory"):
//   <runs-root>/<run-id>/events.jsonl, events.resume-<n>.jsonl, memo/<content-key>.json,
//   metadata.json, result.json.
// Event lines are appended and flushed one at a time, so a crash leaves a valid JSONL
// prefix. Writes after the directory is open are best-effort: a full disk must not turn
// into a failed workflow.

import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class Journal {
  readonly dir: string;
  private readonly eventsPath: string;

  /** Creates (or reuses) `<root>/<runId>/` and appends to its `file`; throws when it cannot. */
  constructor(root: string, runId: string, file = 'events.jsonl') {
    this.dir = join(root, runId);
    mkdirSync(this.dir, { recursive: true });
    this.eventsPath = join(this.dir, file);
    appendFileSync(this.eventsPath, '');
  }

  /** The free `events.resume-<n>.jsonl` name for the next resumed run of `<root>/<runId>`. */
  static nextResumeSegment(root: string, runId: string): string {
    let n = 1;
    while (existsSync(join(root, runId, `events.resume-${n}.jsonl`))) n++;
    return `events.resume-${n}.jsonl`;
  }

  /** The memoized leaf values of a run, by content key; unreadable files are skipped (they re-run). */
  static loadMemos(root: string, runId: string): Map<string, string> {
    const memos = new Map<string, string>();
    const dir = join(root, runId, 'memo');
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return memos;
    }
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      try {
        memos.set(name.slice(0, -'.json'.length), readFileSync(join(dir, name), 'utf8'));
      } catch {
        // An unreadable memo only means that leaf runs again.
      }
    }
    return memos;
  }

  appendLine(line: string): void {
    try {
      appendFileSync(this.eventsPath, line + '\n');
    } catch {
      // Journaling never aborts the run.
    }
  }

  /** Writes `memo/<key>.json` holding `json` (already-encoded JSON text). */
  writeMemo(key: string, json: string): void {
    try {
      mkdirSync(join(this.dir, 'memo'), { recursive: true });
      writeFileSync(join(this.dir, 'memo', `${key}.json`), json + '\n');
    } catch {
      // A missing memo only means the leaf re-runs on resume.
    }
  }

  /** Writes a whole-file sidecar (`metadata.json`, `result.json`). */
  writeSidecar(name: string, json: string): void {
    try {
      writeFileSync(join(this.dir, name), json + '\n');
    } catch {
      // Best-effort, like the events.
    }
  }
}
