// The background's state at rest: progress in storage.local (survives restarts), the Docker Cloud task in
// storage.session (dies with the browser session). Both are validated on every read.
import browser from '../browser';
import { dockerTaskStatusSchema, loadStoredState } from '../core/schemas';
import type { World } from './reducer';

export async function readWorld(): Promise<World> {
  const [{ state }, { dockerTask }] = await Promise.all([browser.storage.local.get('state'), browser.storage.session.get('dockerTask')]);
  const loaded = loadStoredState(state);
  if (loaded.recovered !== null) console.warn(`[background] stored state unreadable (${loaded.recovered}); starting empty`);
  const task = dockerTaskStatusSchema.safeParse(dockerTask ?? null);
  // A task for a namespace that is no longer set up is dropped.
  const valid = task.success && (task.data === null || Object.hasOwn(loaded.state.links, task.data.namespace));
  return { stored: loaded.state, task: valid ? task.data : null, recovered: loaded.recovered };
}

/** Writes only what changed (the reducer keeps unchanged parts identical). */
export async function writeWorld(before: World, after: World): Promise<void> {
  if (after.stored !== before.stored) await browser.storage.local.set({ state: after.stored });
  if (after.task !== before.task) {
    if (after.task === null) await browser.storage.session.remove('dockerTask');
    else await browser.storage.session.set({ dockerTask: after.task });
  }
}
