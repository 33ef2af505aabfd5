/**
 * The console engine as built (vite.config.ts builds src/content/aws/engine.iife.ts into this one self-contained
 * file): the background injects it into an IAM page while a link is in progress. The built-manifest test checks
 * that both builds ship it here.
 */
export const ENGINE_FILE = 'src/content/aws/engine.iife.js';
