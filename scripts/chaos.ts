// npm run chaos -- --seeds N [--from S]: runs seeds S … S+N-1 of the chaos console (test/chaos/generate.ts),
// each the whole link as a user would do it, and prints a table: seed, what the seed picked, the stages the
// extension left to the user, and violations (a value in another field, "filled" for a value the page does not
// hold, a stop where the guide said nothing, the link not right at the end). A failing seed prints the command that replays it. Exit code 1 on any.
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { CHROMIUM, launch } from '../test/e2e/harness';
import { buildReplica } from '../test/replica/server';
import { replay, runSeed, type ChaosResult } from '../test/chaos/run';
import { stopUnlessFound } from './browsers';

const { values } = parseArgs({ options: { seeds: { type: 'string', default: '20' }, from: { type: 'string', default: '1' } } });
const SEEDS = Number(values.seeds);
const FROM = Number(values.from);

async function main(): Promise<void> {
  stopUnlessFound(CHROMIUM);
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', mode: 'production' });
  process.env.NODE_ENV = nodeEnv;
  await buildReplica();
  const results: ChaosResult[] = [];
  const started = Date.now();
  for (let seed = FROM; seed < FROM + SEEDS; seed++) {
    // A fresh browser per seed: nothing of one run (tabs, storage, a worker's state) reaches the next.
    const h = await launch();
    // tsx (esbuild, keepNames) wraps named functions in __name(), also inside functions handed to page.evaluate.
    await h.context.addInitScript('globalThis.__name ??= (f) => f;');
    try {
      const result = await runSeed(h, seed);
      results.push(result);
      const bad = result.violations.length > 0;
      console.log(`seed ${seed}: ${bad ? 'FAILED' : 'ok'} (${result.choices.join(', ')})`);
    } finally {
      await h.close();
    }
  }
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
