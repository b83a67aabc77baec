#!/usr/bin/env node
/**
 * Proves the suite does not flake on a busy machine: keeps every core busy with CPU-bound loops
 * (one child process per core, or LOAD_PROCS), runs the README's test command RUNS times in a row
 * (default 3), and reports the wall time of each run. Exits non-zero on the first failing run.
 *
 *   node tests/tools/under-load.mjs            # npm test, three times, all cores busy
 *   RUNS=1 TEST_CMD="npm run test:e2e" node tests/tools/under-load.mjs
 *
 * The loops are killed however the runs end (normal exit, failure, Ctrl+C).
 */
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

const runs = Number(process.env['RUNS'] ?? 3);
const procs = Number(process.env['LOAD_PROCS'] ?? availableParallelism());
const command = process.env['TEST_CMD'] ?? 'npm test';

const loops = Array.from({ length: procs }, () =>
  spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
);
const stop = () => loops.forEach((child) => child.kill('SIGKILL'));
process.on('exit', stop);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

console.log(`under-load: ${procs} CPU-bound loops running; ${runs} × \`${command}\``);
const times = [];
for (let i = 1; i <= runs; i++) {
  const start = performance.now();
  const run = spawnSync(command, { shell: true, stdio: 'inherit', env: { ...process.env, CI: process.env['CI'] ?? 'true' } });
  const seconds = (performance.now() - start) / 1000;
  times.push(seconds);
  console.log(`under-load: run ${i} ${run.status === 0 ? 'passed' : `FAILED (exit ${run.status})`} in ${seconds.toFixed(0)} s`);
  if (run.status !== 0) process.exit(run.status ?? 1);
}
console.log(`under-load: all ${runs} runs passed; wall times ${times.map((t) => `${t.toFixed(0)} s`).join(', ')}`);
