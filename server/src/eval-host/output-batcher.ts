// Coalesces evaluation output into fewer notifications: a tight print loop would otherwise
// send one message per `println`. Text is flushed after a short delay, when the stream
// changes (so stdout/stderr order is kept), when it grows large, and at the end.

export class OutputBatcher {
  private stream: 'stdout' | 'stderr' | undefined;
  private text = '';
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly send: (stream: 'stdout' | 'stderr', text: string) => void,
    private readonly delayMs = 15,
    private readonly maxChars = 64 * 1024,
  ) {}

  push(stream: 'stdout' | 'stderr', text: string): void {
    if (this.stream !== undefined && this.stream !== stream) this.flush();
    this.stream = stream;
    this.text += text;
    if (this.text.length >= this.maxChars) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.delayMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.stream !== undefined && this.text !== '') this.send(this.stream, this.text);
    this.text = '';
    this.stream = undefined;
  }
}
