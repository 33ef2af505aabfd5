// A bounded CPU load, to check that the suite passes on a busy machine: one busy thread per core (or
// --workers N) for --seconds S, then it stops by itself. `start` runs it in the background and records its
// pid; `stop` ends that process and waits until it is gone; `run` keeps it in the foreground.
//   npm run load -- start --seconds 1800   then   npm run load -- stop
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, workerData } from 'node:worker_threads';

const MAX_SECONDS = 3 * 60 * 60;
const PID_FILE = join(tmpdir(), 'dockercloud-aws-link-load.pid');

if (!isMainThread) {
  // Busy until the deadline, checking the clock every few milliseconds of work.
  const { until } = workerData;
  let x = 0;
  while (Date.now() < until) for (let i = 0; i < 1e6; i++) x = (x * 31 + i) >>> 0;
  process.exit(0);
}

function usage(message) {
  if (message) console.error(message);
  console.error('usage: npm run load -- start|run [--seconds S (default 1200, at most 10800)] [--workers N (default: one per core)] | stop | status');
  process.exit(2);
}

function options(args) {
  const o = { seconds: 1200, workers: availableParallelism() };
  for (let i = 0; i < args.length; i += 2) {
    const value = Number(args[i + 1]);
    if (args[i] === '--seconds' && Number.isFinite(value) && value > 0 && value <= MAX_SECONDS) o.seconds = value;
    else if (args[i] === '--workers' && Number.isInteger(value) && value > 0 && value <= 64) o.workers = value;
    else usage(`bad option ${args[i]} ${args[i + 1] ?? ''}`);
  }
  return o;
}

/** The recorded load process, if it is still alive and still this script (a pid can be reused). */
function running() {
  if (!existsSync(PID_FILE)) return null;
  const pid = Number(readFileSync(PID_FILE, 'utf8'));
  const cmdline = `/proc/${pid}/cmdline`;
  const ours = Number.isInteger(pid) && pid > 0 && alive(pid) && (!existsSync('/proc/self') || (existsSync(cmdline) && readFileSync(cmdline, 'utf8').includes('load.mjs')));
  if (!ours) rmSync(PID_FILE, { force: true });
  return ours ? pid : null;
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function run({ seconds, workers }) {
  const until = Date.now() + seconds * 1000;
  console.log(`load: ${workers} busy thread(s) for ${seconds} s (pid ${process.pid})`);
  const threads = Array.from({ length: workers }, () => new Worker(fileURLToPath(import.meta.url), { workerData: { until } }));
  const end = () => Promise.all(threads.map((t) => t.terminate())).then(() => process.exit(0));
  process.on('SIGTERM', end);
  process.on('SIGINT', end);
  // The workers stop at the deadline themselves; this is the backstop.
  setTimeout(end, seconds * 1000 + 5000).unref();
  await Promise.all(threads.map((t) => new Promise((resolve) => t.on('exit', resolve))));
  if (running() === process.pid) rmSync(PID_FILE, { force: true });
}

async function stop() {
  const pid = running();
  if (pid === null) return console.log('load: not running');
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 10_000;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(PID_FILE, { force: true });
  console.log(`load: stopped ${pid}`);
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'run') await run(options(rest));
else if (command === 'start') {
  const o = options(rest);
  const already = running();
  if (already !== null) usage(`load: already running (pid ${already}); stop it first`);
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), 'run', '--seconds', String(o.seconds), '--workers', String(o.workers)], {
    detached: true,
    stdio: 'ignore',
  });
  writeFileSync(PID_FILE, String(child.pid));
  child.unref();
  console.log(`load: started pid ${child.pid}, ${o.workers} busy thread(s), stops by itself in ${o.seconds} s (npm run load -- stop)`);
} else if (command === 'stop') await stop();
else if (command === 'status') {
  const pid = running();
  console.log(pid === null ? 'load: not running' : `load: running (pid ${pid})`);
} else usage();
