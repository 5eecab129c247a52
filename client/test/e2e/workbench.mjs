// Driving the VS Code workbench (code-server 4.100.3 = VS Code 1.100.3) through Playwright.
// Selectors belong to that version; code-server is pinned so they do not drift.
import fs from 'node:fs';
import path from 'node:path';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const nbsp = (s) => s.replace(/\u00a0/g, ' ');

export class Workbench {
  constructor(page, { workspace, userData, shotsDir }) {
    this.page = page;
    this.workspace = workspace;
    this.userData = userData;
    this.shotsDir = shotsDir;
    this.shots = 0;
  }

  /** Polls `fn` until it returns a truthy value; fails with `what` and the last value. */
  async until(what, fn, timeoutMs = 20000, everyMs = 100) {
    const deadline = Date.now() + timeoutMs;
    let last;
    while (Date.now() < deadline) {
      last = await fn();
      if (last) return last;
      await sleep(everyMs);
    }
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
  }

  async screenshot(name) {
    const file = path.join(this.shotsDir, `${String(++this.shots).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  async quickInput(text) {
    const input = this.page.locator('.quick-input-widget input');
    if (!(await input.isVisible())) await this.page.keyboard.press('F1');
    await input.waitFor({ state: 'visible' });
    await input.fill(text);
    return input;
  }

  /** Runs a palette command; with `opensInput`, waits for the input box it opens (by its title) instead. */
  async runCommand(title, opensInput) {
    await this.quickInput(`>${title}`);
    await this.page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15000 });
    await this.page.keyboard.press('Enter');
    if (opensInput) await this.page.locator('.quick-input-widget', { hasText: opensInput }).waitFor({ timeout: 15000 });
    else await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** Opens a workspace file through Quick Open and waits until its editor shows `expectText`. */
  async openFile(rel, expectText) {
    await this.quickInput(rel);
    await this.page.locator('.quick-input-widget .monaco-list-row', { hasText: path.basename(rel) }).first().waitFor({ timeout: 15000 });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.page.locator('.tab.active', { hasText: path.basename(rel) }).waitFor({ timeout: 15000 });
    await this.page.locator('.editor-instance .view-lines', { hasText: expectText }).first().waitFor({ timeout: 15000 });
  }

  /** Moves the cursor to 1-based line:col with Go to Line. */
  async gotoLine(line, col = 1) {
    await this.quickInput(`:${line}:${col}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** The text currently rendered in the panel's output view. */
  async outputText() {
    return nbsp(await this.page.locator('.part.panel .view-lines').first().innerText().catch(() => ''));
  }

  /** Everything the "Sema" output channel has written so far (its log file on the server side). */
  semaChannelLog() {
    const logs = path.join(this.userData, 'logs');
    if (!fs.existsSync(logs)) return '';
    return fs.readdirSync(logs, { recursive: true })
      .filter((f) => String(f).endsWith('-Sema.log'))
      .map((f) => fs.readFileSync(path.join(logs, String(f)), 'utf8'))
      .join('');
  }

  /** Every log file of this VS Code run (output channels, extension host, language server), joined. */
  allLogs() {
    const logs = path.join(this.userData, 'logs');
    if (!fs.existsSync(logs)) return '';
    return fs.readdirSync(logs, { recursive: true })
      .map((f) => path.join(logs, String(f)))
      .filter((f) => fs.statSync(f).isFile())
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
  }

  /** Text of decorations after lines of the active editor (inline results), as rendered. */
  async inlineDecorations() {
    return this.page.evaluate(() => {
      const out = [];
      for (const el of document.querySelectorAll('.editor-instance .view-lines *')) {
        const after = getComputedStyle(el, '::after').content;
        if (after && after !== 'none' && after !== 'normal') out.push({ text: after.replace(/^"|"$/g, ''), color: getComputedStyle(el, '::after').color });
      }
      return out;
    });
  }

  /** Foreground colour of the first rendered token whose text is `text` (or contains it, if !exact). */
  async tokenColor(text, exact = true) {
    return this.page.evaluate(([t, ex]) => {
      for (const span of document.querySelectorAll('.editor-instance .view-line span span')) {
        const s = span.textContent?.replace(/\u00a0/g, ' ') ?? '';
        if (ex ? s === t : s.includes(t)) return getComputedStyle(span).color;
      }
      return null;
    }, [text, exact]);
  }
}
