import type { Scripting } from 'webextension-polyfill';

/**
 * The console engine as built (vite.config.ts builds src/content/aws/engine.iife.ts into this one self-contained
 * file): it runs on IAM pages only while a link is in progress. The built-manifest test checks that both builds
 * ship it here.
 */
export const ENGINE_FILE = 'src/content/aws/engine.iife.js';

/** The IAM console's pages, as the manifest's boot script matches them (the built-manifest test compares them). */
const IAM_PAGES = [
  'https://console.aws.amazon.com/iam/*',
  'https://*.console.aws.amazon.com/iam/*',
  'https://console.aws.amazon.com/iamv2/*',
  'https://*.console.aws.amazon.com/iamv2/*',
];

export const ENGINE_SCRIPT: Scripting.UpdateContentScriptsScriptsItemType = {
  id: 'console-engine',
  js: [ENGINE_FILE],
  matches: IAM_PAGES,
  // Before the console's own scripts: the engine asks for its plan while the console loads, and is listening
  // when the first step renders. Injected after the boot's request, it raced that render and lost now and then.
  runAt: 'document_start',
  // Registered again by the background of the next session, from what is stored then.
  persistAcrossSessions: false,
};

/**
 * Run in the IAM page's isolated world just before the engine file (scripting.executeScript serialises it: it
 * names its global itself): leaves the plan the boot's request was answered with for the engine to start on.
 * True when the engine is there already (registered, it ran at document_start): the file is not injected again.
 */
export function handOver(plan: unknown): boolean {
  const world = globalThis as typeof globalThis & { dockercloudHandedPlan?: unknown; dockercloudEngine?: true };
  if (world.dockercloudEngine) return true;
  world.dockercloudHandedPlan = plan;
  return false;
}
