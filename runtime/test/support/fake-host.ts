// Test handle for a fake API server running in a worker thread (see fake-worker.ts).

import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FakeOptions, RecordedRequest, Reply } from './fake-server-core';

export type { Reply, RecordedRequest } from './fake-server-core';

export class FakeApi {
  private seq = 0;
  private readonly pending = new Map<number, (v: unknown) => void>();
  url = '';

  private constructor(private readonly worker: Worker) {
    worker.on('message', (m: { seq: number; value: unknown }) => {
      this.pending.get(m.seq)?.(m.value);
      this.pending.delete(m.seq);
    });
  }

  static async start(dialect: 'anthropic' | 'openai'): Promise<FakeApi> {
    const api = new FakeApi(new Worker(join(__dirname, 'fake-worker.js'), { workerData: { dialect } }));
    api.url = (await api.ask('listen')) as string;
    return api;
  }

  private ask(op: string, arg?: unknown): Promise<unknown> {
    const seq = ++this.seq;
    return new Promise((resolve) => {
      this.pending.set(seq, resolve);
      this.worker.postMessage({ seq, op, arg });
    });
  }

  async enqueue(...replies: Reply[]): Promise<void> {
    await this.ask('enqueue', replies);
  }

  async setOptions(options: FakeOptions): Promise<void> {
    await this.ask('options', options);
  }

  /**
   * Lets the next chunk of a `gated` stream go. Synchronous (a plain post), so a test can
   * call it from a chunk callback while its thread is blocked in the LLM bridge.
   */
  release(): void {
    this.worker.postMessage({ seq: 0, op: 'release' });
  }

  /** Forgets queued replies, recorded requests and options from an earlier test. */
  async reset(): Promise<void> {
    await this.ask('reset');
  }

  async requests(): Promise<RecordedRequest[]> {
    return (await this.ask('requests')) as RecordedRequest[];
  }

  async last(): Promise<RecordedRequest> {
    const all = await this.requests();
    const r = all[all.length - 1];
    if (r === undefined) throw new Error('the fake server received no request');
    return r;
  }

  async close(): Promise<void> {
    await this.ask('close');
    await this.worker.terminate();
  }
}
