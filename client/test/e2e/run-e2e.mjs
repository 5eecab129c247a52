#!/usr/bin/env node
// End-to-end tests of the extension in a real VS Code: code-server 4.100.3 (VS Code 1.100.3 with a
// Node extension host), driven by Playwright through Debian's headless Chromium, all on 127.0.0.1.
// LLM calls go to a fake Anthropic server. Screenshots go to test-results/e2e/.
//
//   bash client/test/e2e/setup.sh            # once; npm run test:e2e does it
//   node client/test/e2e/run-e2e.mjs [--dev] [--vsix FILE] [--only TEXT] [--keep] [--cache DIR]
//
// By default the extension is packaged (npm run package) and the .vsix installed, as a user would.
// --dev loads the repository itself as the extension under development instead (no packaging).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Processes } from './processes.mjs';
import { Workbench } from './workbench.mjs';
import { startFakeAnthropic } from './fake-anthropic.mjs';
import { checks, e2eFiles } from './checks.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const argv = process.argv.slice(2);
const opt = (name, def) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : def; };
const DEV = argv.includes('--dev');
const KEEP = argv.includes('--keep');
const ONLY = opt('--only');
const CACHE = path.resolve(opt('--cache', path.join(REPO, '.e2e-cache')));
const SHOTS = path.join(REPO, 'test-results', 'e2e');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CS_ENTRY = path.join(CACHE, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
if (!fs.existsSync(CS_ENTRY)) {
  console.error(`code-server not found in ${CACHE}: run bash client/test/e2e/setup.sh first`);
  process.exit(2);
}
const { chromium } = await import(pathToFileURL(path.join(CACHE, 'pw', 'node_modules', 'playwright-core', 'index.mjs')).href);

const T0 = Date.now();
const log = (...a) => console.log(`[e2e ${((Date.now() - T0) / 1000).toFixed(1).padStart(5)}s]`, ...a);

// ------------------------------------------------------------------ the extension
let vsix = opt('--vsix');
if (!DEV && !vsix) {
  log('packaging the extension (npm run package)');
  const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'package-vsix.mjs')], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(r.stdout.slice(-3000), r.stderr.slice(-3000));
    console.error('packaging failed: the e2e tests need every bundle (server, eval host, CLI) — see esbuild.mjs');
    process.exit(1);
  }
  const { version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  vsix = path.join(REPO, 'dist', `sema-${version}.vsix`);
}

// ------------------------------------------------------------------ run directory
const RUN = fs.mkdtempSync(path.join(os.tmpdir(), 'sema-e2e-'));
const UD = path.join(RUN, 'user-data');
const EXT = path.join(RUN, 'extensions');
const WS = path.join(RUN, 'workspace');
for (const d of [path.join(UD, 'User'), EXT, path.join(RUN, 'chrome'), SHOTS]) fs.mkdirSync(d, { recursive: true });
for (const f of fs.readdirSync(SHOTS)) if (f.endsWith('.png')) fs.rmSync(path.join(SHOTS, f));
fs.cpSync(path.join(REPO, 'test-workspace'), WS, { recursive: true });
for (const [rel, text] of Object.entries(e2eFiles)) {
  fs.mkdirSync(path.dirname(path.join(WS, rel)), { recursive: true });
  fs.writeFileSync(path.join(WS, rel), text);
}
fs.writeFileSync(path.join(RUN, 'config.yaml'), 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
fs.writeFileSync(path.join(UD, 'User', 'settings.json'), JSON.stringify({
  'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false, 'extensions.ignoreRecommendations': true, 'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false, 'workbench.tips.enabled': false, 'security.workspace.trust.enabled': false,
  'git.enabled': false, 'workbench.colorTheme': 'Default Dark Modern', 'editor.semanticHighlighting.enabled': true,
}, null, 2));

const procs = new Processes(RUN);
const fake = await startFakeAnthropic();
const env = {
  ...process.env,
  XDG_CONFIG_HOME: path.join(RUN, 'xdg-config'),
  XDG_DATA_HOME: path.join(RUN, 'xdg-data'),
  EXTENSIONS_GALLERY: '{}', // no extension gallery: nothing may reach the internet
  ANTHROPIC_BASE_URL: fake.url,
};
delete env.ANTHROPIC_API_KEY; // the key comes from "Sema: Set API Key" (SecretStorage)
delete env.VSCODE_IPC_HOOK_CLI;
const CS_COMMON = ['--config', path.join(RUN, 'config.yaml'), '--user-data-dir', UD, '--extensions-dir', EXT];

const results = [];
let port;
let exitCode = 1;
let browser;
let interrupted = false;
const cleanup = async () => {
  try { await browser?.close(); } catch { /* gone */ }
  await fake.close();
  const left = await procs.stopAll();
  if (left.length) log(`STILL ALIVE after cleanup: ${left.join(' ')}`);
  if (KEEP) log(`kept ${RUN}`); else fs.rmSync(RUN, { recursive: true, force: true });
};
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, async () => { interrupted = true; await cleanup(); process.exit(130); });

try {
  if (vsix) {
    log(`installing ${path.relative(REPO, vsix)}`);
    const c = procs.start('install', process.execPath, [CS_ENTRY, ...CS_COMMON, '--install-extension', vsix], { env });
    const code = await new Promise((r) => c.on('exit', r));
    if (code !== 0) throw new Error(`--install-extension exited ${code}; see ${RUN}/install.log`);
  }
  const cs = procs.start('code-server', process.execPath, [CS_ENTRY, ...CS_COMMON, '--bind-addr', '127.0.0.1:0', '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--ignore-last-opened', WS], { env });
  port = Number((await procs.waitForLine(cs, /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)\//, 60000, 'code-server'))[1]);
  const ch = procs.start('chromium', CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps',
    '--disable-extensions', '--no-default-browser-check', '--password-store=basic', '--use-mock-keychain',
    '--window-size=1400,900', `--user-data-dir=${path.join(RUN, 'chrome')}`, '--remote-debugging-address=127.0.0.1',
    '--remote-debugging-port=0', 'about:blank']);
  const cdp = (await procs.waitForLine(ch, /DevTools listening on ws:\/\/127\.0\.0\.1:(\d+)\//, 30000, 'chromium'))[1];
  browser = await chromium.connectOverCDP(`http://127.0.0.1:${cdp}`);
  const page = browser.contexts()[0].pages()[0] ?? await browser.contexts()[0].newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  let url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(WS)}`;
  if (DEV) url += `&payload=${encodeURIComponent(JSON.stringify([['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${encodeURI(REPO)}`]]))}`;
  log(`opening the workbench (${DEV ? 'extension under development: ' + REPO : 'installed .vsix'})`);
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 90000 });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: /^e2e$/ }).waitFor({ timeout: 60000 });

  const wb = new Workbench(page, { workspace: WS, userData: UD, shotsDir: SHOTS });
  // The extension's contributions are loaded once a .sema editor shows the Sema language mode.
  await wb.openFile('e2e/highlight.sema', 'numbers');
  await page.locator('[id="status.editor.mode"]', { hasText: 'Sema' }).waitFor({ timeout: 60000 });
  for (const [name, fn] of checks(wb, fake)) {
    if (ONLY && !ONLY.split(',').some((o) => name.includes(o))) continue;
    const t = Date.now();
    try {
      const detail = await fn();
      results.push({ name, ok: true });
      log(`PASS ${name} (${Date.now() - t} ms)${detail ? ': ' + detail : ''}`);
    } catch (e) {
      results.push({ name, ok: false });
      log(`FAIL ${name}: ${String(e?.message ?? e).split('\n').slice(0, 4).join(' / ')}`);
      await wb.screenshot(`FAIL-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`).catch(() => undefined);
      await page.keyboard.press('Escape').catch(() => undefined);
    }
  }

  // Last phase: tests inside the extension host (vscode API), like @vscode/test-electron's runTests.
  // The extension under test is the installed .vsix's folder (or the repository with --dev).
  if (!ONLY || ONLY.split(',').includes('in-host')) {
    const name = 'in-host tests (extensionTestsPath)';
    const t = Date.now();
    try {
      const installed = vsix ? fs.readdirSync(EXT).find((d) => d.startsWith('sema-lang.sema-')) : undefined;
      const devPath = installed ? path.join(EXT, installed) : REPO;
      const testsPath = path.join(REPO, 'client', 'out', 'test', 'e2e', 'in-host', 'index.js');
      await page.goto('about:blank'); // leave the first window so its extension host exits
      const p2 = await page.context().newPage();
      await p2.setViewportSize({ width: 1400, height: 900 });
      let onExit;
      const exited = new Promise((r) => { onExit = r; });
      await p2.exposeFunction('codeAutomationLog', (type, args) => {
        const line = Array.isArray(args) ? args.join(' ') : String(args);
        if (line.includes('[in-host test]')) log(`  ${line.split('\n')[0].slice(0, 300)}`);
      });
      await p2.exposeFunction('codeAutomationExit', (code) => onExit(code));
      const remote = (p) => `vscode-remote://127.0.0.1:${port}${encodeURI(p)}`;
      const payload = JSON.stringify([['extensionDevelopmentPath', remote(devPath)], ['extensionTestsPath', remote(testsPath)]]);
      await p2.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(WS)}&payload=${encodeURIComponent(payload)}`);
      let timer;
      const code = await Promise.race([exited, new Promise((r) => { timer = setTimeout(() => r('timeout (120 s)'), 120000); })]);
      clearTimeout(timer);
      await p2.screenshot({ path: path.join(SHOTS, `${String(++wb.shots).padStart(2, '0')}-in-host.png`) });
      if (code !== 0) throw new Error(`in-host tests ended with ${code}`);
      results.push({ name, ok: true });
      log(`PASS ${name} (${Date.now() - t} ms)`);
    } catch (e) {
      results.push({ name, ok: false });
      log(`FAIL ${name}: ${String(e?.message ?? e).split('\n')[0]}`);
    }
  }
  exitCode = results.length && results.every((r) => r.ok) ? 0 : 1;
} catch (e) {
  console.error(e?.stack ?? e);
  const csLog = path.join(RUN, 'code-server.log');
  if (fs.existsSync(csLog)) console.error('--- code-server.log (tail) ---\n' + fs.readFileSync(csLog, 'utf8').slice(-3000));
} finally {
  if (!interrupted) {
    await cleanup();
    const passed = results.filter((r) => r.ok).length;
    log(`${passed} passed, ${results.length - passed} failed; screenshots in ${path.relative(REPO, SHOTS)}/`);
    process.exit(exitCode);
  }
}
