// Process bookkeeping for the end-to-end run: everything is started detached (own process group)
// and stopped at the end by group and by every descendant PID found under /proc, never by name.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function childrenMap() {
  const map = new Map();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!map.has(ppid)) map.set(ppid, []);
      map.get(ppid).push(Number(d));
    } catch { /* gone */ }
  }
  return map;
}
function descendants(pid, map) {
  return (map.get(pid) ?? []).flatMap((c) => [c, ...descendants(c, map)]);
}
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const signal = (pid, sig) => { try { process.kill(pid, sig); } catch { /* gone */ } };

export class Processes {
  constructor(logDir) {
    this.logDir = logDir;
    this.started = [];
  }

  start(name, cmd, args, opts = {}) {
    const child = spawn(cmd, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    this.started.push(child);
    const log = fs.createWriteStream(path.join(this.logDir, `${name}.log`));
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    return child;
  }

  /** Resolves with the first match of `re` in the child's output. */
  waitForLine(child, re, timeoutMs, what) {
    return new Promise((resolve, reject) => {
      let buf = '';
      const timer = setTimeout(() => reject(new Error(`timeout waiting for ${what}:\n${buf.slice(-2000)}`)), timeoutMs);
      const onData = (d) => {
        buf += d.toString();
        const m = buf.match(re);
        if (m) { clearTimeout(timer); resolve(m); }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${what}: exited with ${code}:\n${buf.slice(-2000)}`)); });
    });
  }

  async stopAll() {
    const map = childrenMap();
    const tracked = new Set();
    for (const c of this.started) { tracked.add(c.pid); for (const d of descendants(c.pid, map)) tracked.add(d); }
    for (const c of this.started) signal(-c.pid, 'SIGTERM');
    for (const pid of tracked) signal(pid, 'SIGTERM');
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && [...tracked].some(alive)) await sleep(100);
    for (const c of this.started) signal(-c.pid, 'SIGKILL');
    for (const pid of tracked) if (alive(pid)) signal(pid, 'SIGKILL');
    await sleep(200);
    return [...tracked].filter(alive);
  }
}
