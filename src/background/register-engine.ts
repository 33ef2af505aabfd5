// The console engine as a registered content script, kept in step with what is stored (see engine.ts).
import browser from '../browser';
import { ENGINE_SCRIPT } from './engine';

/** What the browser has registered, as last read or changed (undefined: read it). */
let registered: boolean | undefined;
let changes: Promise<void> = Promise.resolve();

/**
 * Keeps the engine registered as a content script of the IAM pages exactly while a link needs it (`wanted`):
 * every IAM page load then starts it at document_start, and none does otherwise. A page loaded before the
 * registration asks through its boot script and gets the engine injected (index.ts startEngine).
 */
export function registerEngine(wanted: boolean): Promise<void> {
  changes = changes.then(async () => {
    try {
      registered ??= (await browser.scripting.getRegisteredContentScripts({ ids: [ENGINE_SCRIPT.id] })).length > 0;
      if (registered === wanted) return;
      if (wanted) await browser.scripting.registerContentScripts([ENGINE_SCRIPT]);
      else await browser.scripting.unregisterContentScripts({ ids: [ENGINE_SCRIPT.id] });
      registered = wanted;
    } catch (error) {
      console.warn(`[background] could not ${wanted ? 'register' : 'unregister'} the console engine`, error);
      registered = undefined;
    }
  });
  return changes;
}
