// The end-to-end checks, in the order they run inside one workbench window. Each returns a short
// detail string and leaves a screenshot in test-results/e2e/.
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Files written into the test workspace (next to a copy of test-workspace/) for these checks. */
export const e2eFiles = {
  'e2e/highlight.sema': ';; Highlighting sample\n#| Block comments |#\n(define config {:name "tour" :max-tokens 100})\n(define numbers [1 2 3])\n(println (:name config))\n',
  'e2e/unclosed.sema': ';; Deliberately broken: never closed.\n(define (broken x)\n  (+ x 1)\n',
  'e2e/runtime-error.sema': ';; Fails when run.\n(define x 1)\n(println "before the error")\n(undefined-function x)\n',
  // Workspace settings of the test: runs get SEMA_DEFAULT_MAX_TOKENS=256.
  '.vscode/settings.json': JSON.stringify({ 'sema.llm.maxTokens': 256, 'sema.trace.server': 'verbose' }, null, 2),
  'e2e/stream.sema': ';; Streams a multi-chunk answer from the (fake) model.\n(llm/stream "Tell me a story in chunks.")\n(newline)\n(println "stream done")\n',
  'e2e/long.sema': ';; A stream too long to finish: the test cancels it.\n(llm/stream "Tell me a LONG story.")\n(println "never printed")\n',
  'e2e/eval.sema': '(define base 40)\n(+ base 2)\n',
  'e2e/eval-error.sema': '(car 5)\n',
  'e2e/flood.sema': ';; Prints about 30 MB.\n(define (flood i)\n  (when (< i 300000)\n    (println "line " i " ......................................................................................")\n    (flood (+ i 1))))\n(flood 0)\n(println "flood done")\n',
  'e2e/scratch.sema': ';; completion\n\n',
};

/** The output of the latest run if it is a run of `file` (each run starts with a "▶ sema FILE" line), else ''. */
const lastRun = (text, file) => {
  const i = text.lastIndexOf('▶ sema');
  const run = i < 0 ? '' : text.slice(i);
  return run.split('\n')[0]?.includes(file) ? run : '';
};

export const TEST_API_KEY = 'sk-ant-e2e-0123456789abcdef';

/**
 * Comments, strings, keywords, special forms and builtins each in a colour of their own, none plain.
 * (Light Modern is checked by syntaxes/test/theme-colors.test.ts with VS Code's theme files.)
 */
async function distinctColours(wb) {
  const colours = {
    comment: await wb.tokenColor('Block comments', false),
    'special form': await wb.tokenColor('define'),
    builtin: await wb.tokenColor('println'),
    keyword: await wb.tokenColor(':max-tokens'),
    string: await wb.tokenColor('"tour"', false),
    plain: await wb.tokenColor('numbers'),
  };
  const seen = new Map();
  for (const [role, c] of Object.entries(colours)) {
    if (!c) throw new Error(`no rendered token for ${role}: ${JSON.stringify(colours)}`);
    if (seen.has(c)) throw new Error(`${role} and ${seen.get(c)} share colour ${c}: ${JSON.stringify(colours)}`);
    seen.set(c, role);
  }
  return JSON.stringify(colours);
}

export function checks(wb, fake) {
  const page = wb.page;
  return [
    ['highlighting: distinct colours in Dark Modern, and an editor title Run button', async () => {
      await wb.openFile('e2e/highlight.sema', 'numbers');
      const colours = await distinctColours(wb);
      await wb.screenshot('highlighting-dark');
      const runButton = page.locator('.editor-actions .action-label[aria-label*="Run File"]');
      if (!(await runButton.count())) throw new Error('no Run File button in the editor title');
      return colours;
    }],

    ['a broken file gets a diagnostic', async () => {
      await wb.openFile('e2e/unclosed.sema', 'broken');
      await page.locator('.editor-instance .squiggly-error').first().waitFor({ timeout: 30000 });
      await wb.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
      const problems = page.locator('.markers-panel .monaco-list-row');
      await problems.first().waitFor({ timeout: 15000 });
      const text = await problems.allInnerTexts();
      await wb.screenshot('diagnostic');
      return text.join(' | ').replace(/\s+/g, ' ').slice(0, 200);
    }],

    ['completion offers llm/complete', async () => {
      await wb.openFile('e2e/scratch.sema', 'completion');
      await wb.gotoLine(2, 1);
      await page.keyboard.type('(llm/comp', { delay: 30 });
      await page.keyboard.press('Control+Space');
      const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 'llm/complete' });
      await row.first().waitFor({ timeout: 20000 });
      await wb.screenshot('completion');
      const label = (await row.first().innerText()).replace(/\s+/g, ' ');
      await page.keyboard.press('Escape');
      return label;
    }],

    ['hover on llm/stream shows its options', async () => {
      await wb.openFile('e2e/stream.sema', 'Tell me a story');
      await wb.gotoLine(2, 4);
      await wb.runCommand('Show or Focus Hover');
      const hover = page.locator('.monaco-hover', { hasText: 'llm/stream' });
      await hover.first().waitFor({ timeout: 20000 });
      const text = await hover.first().innerText();
      await wb.screenshot('hover');
      if (!/:max-tokens|:model|:system/.test(text)) throw new Error(`hover does not list options:\n${text}`);
      await page.keyboard.press('Escape');
      return text.replace(/\s+/g, ' ').slice(0, 160);
    }],

    ['Evaluate Selection shows the value inline', async () => {
      await wb.openFile('e2e/eval.sema', 'base');
      await wb.gotoLine(1, 1);
      await page.keyboard.press('Shift+Control+End');
      await wb.runCommand('Sema: Evaluate Selection');
      const found = await wb.until('inline result => 42', async () => (await wb.inlineDecorations()).find((d) => d.text.includes('=> 42')), 30000);
      await wb.screenshot('evaluate-selection');
      return found.text;
    }],

    ['the ▶ Run code lens evaluates its form', async () => {
      await wb.openFile('e2e/eval.sema', 'base');
      await wb.runCommand('Sema: Clear Inline Results');
      const lens = page.locator('.contentWidgets .codelens-decoration a', { hasText: 'Run' });
      await lens.nth(1).waitFor({ timeout: 20000 });
      await lens.nth(1).click();
      const found = await wb.until('inline result => 42 from the code lens', async () => (await wb.inlineDecorations()).find((d) => d.text.includes('=> 42')), 30000);
      await wb.screenshot('code-lens-run');
      return found.text;
    }],

    ['an evaluation error shows inline in red', async () => {
      await wb.openFile('e2e/eval-error.sema', 'car');
      await wb.gotoLine(1, 2);
      await wb.runCommand('Sema: Evaluate Top-Level Form');
      const found = await wb.until('inline error', async () => (await wb.inlineDecorations()).find((d) => d.text.startsWith('✖')), 30000);
      await wb.screenshot('evaluate-error');
      return `${found.text} (${found.color})`;
    }],

    ['Set API Key stores the key for runs', async () => {
      await wb.runCommand('Sema: Set API Key', 'Anthropic API key');
      const input = page.locator('.quick-input-widget input');
      await input.fill(TEST_API_KEY);
      await page.keyboard.press('Enter');
      await page.locator('.notifications-toasts', { hasText: 'API key stored' }).waitFor({ timeout: 15000 });
      return 'stored';
    }],

    ['Run File streams an llm/stream answer chunk by chunk', async () => {
      await wb.openFile('e2e/stream.sema', 'Tell me a story');
      const before = fake.requests.length;
      await wb.runCommand('Sema: Run File');
      await page.locator('.statusbar', { hasText: 'Sema: running' }).waitFor({ timeout: 15000 });
      const firstSeen = {};
      await wb.until('all 5 chunks and "stream done" in the output panel', async () => {
        const text = lastRun(await wb.outputText(), 'stream.sema');
        for (let i = 1; i <= 5; i++) if (text.includes(`chunk-${i} `) && !firstSeen[i]) firstSeen[i] = Date.now();
        return text.includes('stream done') && Object.keys(firstSeen).length === 5;
      }, 30000, 50);
      await wb.screenshot('run-file-stream');
      const spread = firstSeen[5] - firstSeen[1];
      if (spread < 800) throw new Error(`chunks did not arrive one by one (first to last in ${spread} ms)`);
      const req = fake.requests[before];
      if (!req) throw new Error('the fake Anthropic server got no request');
      const sentKey = String(req.headers['x-api-key'] ?? req.headers.authorization ?? '').replace(/^Bearer /, '');
      if (sentKey !== TEST_API_KEY) throw new Error(`the run did not use the stored API key (sent ${sentKey.slice(0, 10)}…, ${fake.requests.length - before} request(s))`);
      if (wb.allLogs().includes(TEST_API_KEY)) throw new Error('the API key appears in a log file');
      return `chunk 1 → 5 arrived over ${spread} ms; API key from SecretStorage, in no log file`;
    }],

    ['the sema.llm.maxTokens setting reaches the LLM call', async () => {
      // the test workspace's .vscode/settings.json sets 256; e2e/stream.sema gives no :max-tokens.
      const req = [...fake.requests].reverse().find((r) => JSON.stringify(r.body?.messages ?? '').includes('story in chunks'));
      if (!req) throw new Error('no request from the Run File check');
      if (req.body.max_tokens !== 256) throw new Error(`max_tokens=${req.body.max_tokens}, expected 256 (SEMA_DEFAULT_MAX_TOKENS)`);
      return `max_tokens ${req.body.max_tokens}`;
    }],

    ['Alt+Enter evaluates the top-level form; its llm/stream chunks stream to the panel', async () => {
      await wb.openFile('e2e/stream.sema', 'Tell me a story');
      await wb.gotoLine(2, 3);
      await page.keyboard.press('Alt+Enter');
      const firstSeen = {};
      await wb.until('5 chunks after the eval header', async () => {
        const text = await wb.outputText();
        const i = text.lastIndexOf('⏵ eval e2e/stream.sema:2');
        if (i < 0) return false;
        for (let n = 1; n <= 5; n++) if (text.slice(i).includes(`chunk-${n} `) && !firstSeen[n]) firstSeen[n] = Date.now();
        return Object.keys(firstSeen).length === 5;
      }, 30000, 50);
      const found = await wb.until('the streamed text inline', async () => (await wb.inlineDecorations()).find((d) => d.text.includes('chunk-1')), 15000);
      await wb.screenshot('evaluate-stream');
      const spread = firstSeen[5] - firstSeen[1];
      if (spread < 800) throw new Error(`chunks did not arrive one by one (first to last in ${spread} ms)`);
      return `chunks over ${spread} ms; inline ${found.text.slice(0, 60)}`;
    }],

    ['Cancel stops a long stream at once', async () => {
      await wb.openFile('e2e/long.sema', 'LONG');
      const before = fake.requests.length;
      await wb.runCommand('Sema: Run File');
      await wb.until('chunk-3 in the output', async () => lastRun(await wb.outputText(), 'long.sema').includes('chunk-3 '), 30000, 50);
      const t = Date.now();
      await wb.runCommand('Sema: Cancel Run');
      await wb.until('"■ cancelled" in the output', async () => lastRun(await wb.outputText(), 'long.sema').includes('■ cancelled'), 5000, 50);
      const took = Date.now() - t;
      const lastChunk = (text) => Math.max(0, ...[...lastRun(text, 'long.sema').matchAll(/chunk-(\d+) /g)].map((m) => Number(m[1])));
      const atCancel = lastChunk(await wb.outputText());
      await sleep(1500);
      const later = lastChunk(await wb.outputText());
      await wb.screenshot('cancel');
      if (later !== atCancel) throw new Error(`output continued after cancel (chunk ${atCancel} → ${later})`);
      const req = fake.requests[before];
      if (!req?.closedEarly) throw new Error(`the HTTP stream was not aborted (${fake.requests.length - before} request(s), ${req?.chunksSent} chunks sent)`);
      if (await page.locator('.statusbar', { hasText: 'Sema: running' }).count()) throw new Error('status bar still says running');
      return `stopped ${took} ms after Cancel at chunk ${atCancel} of ${req.body ? 200 : '?'}`;
    }],

    ['a run printing 30 MB keeps the editor responsive; the panel gets the end of it', async () => {
      await wb.openFile('e2e/flood.sema', 'flood');
      await wb.runCommand('Sema: Run File');
      await page.locator('.statusbar', { hasText: 'Sema: running' }).waitFor({ timeout: 15000 });
      // While the output pours in, the workbench must still react: open and close the palette.
      const t = Date.now();
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10000 });
      const paletteMs = Date.now() - t;
      await page.keyboard.press('Escape');
      // The run's header line has scrolled away: its end is what is visible.
      const text = await wb.until('the run to end', async () => {
        const out = await wb.outputText();
        return out.includes('flood done') && out.includes('■ exited') && out;
      }, 60000);
      await wb.screenshot('flood');
      if (!text.includes('flood done')) throw new Error('the end of the output is missing');
      if (!/exited with code 0/.test(text)) throw new Error(`the run failed:\n${text.slice(-500)}`);
      const log = wb.semaChannelLog();
      if (!log.includes('characters of output skipped')) throw new Error('no batching notice: all 30 MB went to the panel');
      return `palette opened in ${paletteMs} ms during the run; output log ${(log.length / 1e6).toFixed(1)} MB`;
    }],

    ['a run error shows a clickable file:line:col', async () => {
      await wb.openFile('e2e/runtime-error.sema', 'undefined-function');
      await wb.runCommand('Sema: Run File');
      const toast = page.locator('.notifications-toasts', { hasText: 'Go to Error' });
      await toast.waitFor({ timeout: 30000 });
      const out = await wb.until('the error location in the output', async () => {
        const text = lastRun(await wb.outputText(), 'runtime-error.sema');
        return /runtime-error\.sema:4:\d+/.test(text) && text;
      }, 10000);
      await wb.screenshot('run-error');
      await toast.locator('a.monaco-button', { hasText: 'Go to Error' }).or(toast.locator('.monaco-button', { hasText: 'Go to Error' })).first().click();
      await page.locator('.editor-instance .cursor').first().waitFor();
      return out.split('\n').find((l) => l.includes('runtime-error.sema:4')).trim();
    }],
  ];
}
