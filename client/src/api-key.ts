// "Sema: Set API Key" / "Clear API Key": the Anthropic key lives in VS Code's SecretStorage and
// reaches runs and the evaluator only through their environment; it is never written to a log.
import * as vscode from 'vscode';

const SECRET_KEY = 'sema.anthropicApiKey';

export class ApiKeyStore {
  private cached: string | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly secrets: vscode.SecretStorage) {
    secrets.onDidChange(async (e) => {
      if (e.key !== SECRET_KEY) return;
      await this.load();
      this.changed.fire();
    });
  }

  async load(): Promise<string | undefined> {
    this.cached = (await this.secrets.get(SECRET_KEY)) || undefined;
    return this.cached;
  }

  /** The stored key as last loaded (synchronous, for redaction). */
  get current(): string | undefined {
    return this.cached;
  }

  async promptAndStore(): Promise<boolean> {
    const key = await vscode.window.showInputBox({
      title: 'Sema: Anthropic API key',
      prompt: 'Stored in VS Code\'s secret storage and passed to Sema runs as ANTHROPIC_API_KEY.',
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : 'The key must not be empty.'),
    });
    if (key === undefined) return false;
    this.cached = key.trim();
    await this.secrets.store(SECRET_KEY, this.cached);
    return true;
  }

  async clear(): Promise<void> {
    this.cached = undefined;
    await this.secrets.delete(SECRET_KEY);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
