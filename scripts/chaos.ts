// npm run chaos -- --seeds N [--from S] [--jobs J]: runs seeds S … S+N-1 of the chaos console (test/chaos/generate.ts),
// each the whole link as a user would do it, and prints a table: seed, what the seed picked, the stages the
// extension left to the user, and violations (a value in another field, "filled" for a value the page does not
// hold, a stop where the guide said nothing, the link not right at the end). A failing seed prints the command that replays it. Exit code 1 on any.
// J seeds run at a time (default 1), each in its own browser and replica server: a seed spends most of its time
// waiting on the console's render delays.
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { CHROMIUM, launch } from '../test/e2e/harness';
import { buildReplica } from '../test/replica/server';
import { chaosCase } from '../test/chaos/generate';
import { replay, runSeed, type ChaosResult } from '../test/chaos/run';
import { stopUnlessFound } from './browsers';

const { values } = parseArgs({ options: { seeds: { type: 'string', default: '20' }, from: { type: 'string', default: '1' }, jobs: { type: 'string', default: '1' } } });
const SEEDS = Number(values.seeds);
const FROM = Number(values.from);
const JOBS = Math.max(1, Number(values.jobs));

/** One seed in a fresh browser: nothing of one run (tabs, storage, a worker's state) reaches the next. */
async function oneSeed(seed: number): Promise<ChaosResult> {
  const h = await launch();
  // tsx (esbuild, keepNames) wraps named functions in __name(), also inside functions handed to page.evaluate.
  await h.context.addInitScript('globalThis.__name ??= (f) => f;');
  try {
    // A run that throws (a browser that crashed, a wait the harness gave up on) is a failing seed, not the end of the batch.
    const result = await runSeed(h, seed).catch((error: unknown): ChaosResult => ({
      seed,
      choices: chaosCase(seed).choices,
      completed: false,
      stoppedAt: null,
      byHand: [],
      violations: [`the run threw: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`],
    }));
    const byHand = result.byHand.length > 0 ? `; left to the user: ${result.byHand.join('; ')}` : '';
    const violations = result.violations.length > 0 ? `; violations: ${result.violations.join('; ')}` : '';
    console.log(`seed ${seed}: ${result.violations.length > 0 ? 'FAILED' : 'ok'} (${result.choices.join(', ')})${byHand}${violations}`);
    return result;
  } finally {
    await h.close();
  }
}

async function main(): Promise<void> {
  stopUnlessFound(CHROMIUM);
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', mode: 'production' });
  process.env.NODE_ENV = nodeEnv;
  await buildReplica();
  const results: ChaosResult[] = [];
  const started = Date.now();
  let next = FROM;
  const worker = async () => {
    for (let seed = next++; seed < FROM + SEEDS; seed = next++) results.push(await oneSeed(seed));
  };
  await Promise.all(Array.from({ length: Math.min(JOBS, SEEDS) }, worker));
  results.sort((a, b) => a.seed - b.seed);
  console.table(
    results.map((r) => ({
      seed: r.seed,
      choices: r.choices.join(', '),
      linked: r.completed ? 'yes' : 'no',
      'left to the user': r.byHand.join('; ') || 'nothing',
      violations: r.violations.join('; ') || 'none',
    })),
  );
  const failed = results.filter((r) => r.violations.length > 0);
  // Stages left to the user, per class of drift the seeds picked (a seed counts for each of its choices).
  const perClass = new Map<string, number>();
  for (const r of results) for (const c of r.choices) perClass.set(c, (perClass.get(c) ?? 0) + r.byHand.length);
  const stagesByHand = results.reduce((n, r) => n + r.byHand.length, 0);
  console.log(`\n${results.length} seeds in ${Math.round((Date.now() - started) / 1000)} s: ${failed.length} with violations, ${results.filter((r) => r.completed).length} linked by pressing only what the guide rings, ${stagesByHand} stages left to the user.`);
  for (const [c, n] of [...perClass].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1])) console.log(`  stages left to the user with "${c}": ${n}`);
  for (const r of failed) console.log(`  replay seed ${r.seed}: ${replay(r.seed)}`);
  process.exitCode = failed.length > 0 ? 1 : 0;
}

await main();
