// The main job (`npm start`): the language tour, then every LLM example. With
// ANTHROPIC_API_KEY set the examples call the API; without it they replay their cassettes.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const sema = join('runtime', 'bin', 'sema.js');
const live = Boolean(process.env.ANTHROPIC_API_KEY);
let failures = 0;

function run(file, env) {
  console.log(`\n$ sema ${file}`);
  const r = spawnSync(process.execPath, [sema, file], { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) failures++;
}

run(join('test-workspace', 'tour.sema'), {});

const dir = join('test-workspace', 'llm');
console.log(
  live
    ? '\nANTHROPIC_API_KEY is set: the LLM examples call the API (cassettes off).'
    : '\nANTHROPIC_API_KEY is not set: the LLM examples replay recorded answers from test-workspace/llm/cassettes (offline).',
);
for (const name of readdirSync(dir).filter((f) => f.endsWith('.sema')).sort()) {
  run(join(dir, name), live ? { SEMA_LLM_CASSETTES: 'off' } : {});
}
console.log(failures === 0 ? '\nAll examples ran.' : `\n${failures} example(s) failed.`);
process.exit(failures === 0 ? 0 : 1);
