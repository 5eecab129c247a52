// The "Sema" output channel: program output from runs and evaluations, written in batches and
// with the API key redacted.
import * as vscode from 'vscode';
import { OutputBatcher } from './batcher';
import { redactKey } from '../config';

export class SemaOutput implements vscode.Disposable {
  readonly channel: vscode.OutputChannel;
  private readonly batcher: OutputBatcher;
  /** Whether the text written so far ends a line, so a status line never glues onto program output. */
  private atLineStart = true;

  constructor(private readonly apiKey: () => string | undefined) {
    this.channel = vscode.window.createOutputChannel('Sema');
    this.batcher = new OutputBatcher((text) => this.channel.append(redactKey(text, this.apiKey())));
  }

  append(text: string): void {
    if (!text) return;
    this.batcher.push(text);
    this.atLineStart = text.endsWith('\n');
  }

  /** Writes `text` as a line of its own (starting a new line first if needed). */
  appendLine(text: string): void {
    this.batcher.push((this.atLineStart ? '' : '\n') + text + '\n');
    this.atLineStart = true;
  }

  /** Writes what is waiting now (e.g. before a summary line the user should see at once). */
  flush(): void {
    this.batcher.flush();
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.batcher.dispose();
    this.channel.dispose();
  }
}
