/**
 * The console engine as built (vite.config.ts builds src/content/aws/engine.iife.ts into this one self-contained
 * file): the background injects it into an IAM page while a link is in progress. The built-manifest test checks
 * that both builds ship it here.
 */
export const ENGINE_FILE = 'src/content/aws/engine.iife.js';

/**
 * Run in the IAM page's isolated world just before the engine file (scripting.executeScript serialises it: it
 * names its global itself): leaves the plan the boot's request was answered with for the engine to start on.
 */
export function handOver(plan: unknown): void {
  (globalThis as typeof globalThis & { dockercloudHandedPlan?: unknown }).dockercloudHandedPlan = plan;
}
