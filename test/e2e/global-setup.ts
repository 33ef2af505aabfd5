// Builds the extension and the replica pages once per browser-test run.
import { build } from 'vite';
import { buildReplica } from '../replica/server';

export default async function setup(): Promise<void> {
  if (process.env.E2E_SKIP_BUILD !== '1') {
    await build({ configFile: 'vite.config.ts', logLevel: 'warn', mode: 'production' });
  }
  await buildReplica();
}
