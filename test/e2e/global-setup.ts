// Looks for the browsers, then builds the extension and the replica pages once per browser-test run.
import { build } from 'vite';
import { checkForTests, nodeSystem, stopWith } from '../../scripts/browsers';
import { buildReplica } from '../replica/server';

export default async function setup(): Promise<void> {
  const browsers = checkForTests(nodeSystem());
  // Not thrown: vitest would add "no test files found" and a stack trace to what to do.
  if (browsers.stop.length > 0) stopWith(browsers.stop);
  for (const note of browsers.notes) console.log(note);
  if (process.env.E2E_SKIP_BUILD !== '1') {
    // Vitest sets NODE_ENV=test, under which Vite makes a development bundle: test what ships instead.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: 'vite.config.ts', logLevel: 'warn', mode: 'production' });
      // The Firefox build too, so the shipped surface of both is checked (test/e2e/built-manifest.test.ts).
      process.env.TARGET = 'firefox';
      await build({ configFile: 'vite.config.ts', logLevel: 'warn', mode: 'production' });
    } finally {
      process.env.NODE_ENV = nodeEnv;
      delete process.env.TARGET;
    }
  }
  await buildReplica();
}
