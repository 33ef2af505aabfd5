// The background's state at rest: progress in storage.local (survives restarts); the Docker Cloud task, the
// armed console tabs and the tabs to tell of plan changes in storage.session (die with the browser session).
// Everything is validated on every read; what cannot be read is set aside, never silently dropped.
import browser from '../browser';
import { armedTabsSchema, dockerTaskStatusSchema, loadStoredState, setAsideSchema, type SetAside } from '../core/schemas';
import type { World } from './reducer';

/** Content scripts run in the console's renderer: on browsers that allow it, they cannot read or write storage.local. */
export async function restrictStorage(): Promise<void> {
  const local = browser.storage.local as { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };
  // Chrome has it for storage.local; Firefox only for storage.session (already trusted-only there).
  await local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch((e: unknown) => console.warn('[background] storage.local stays readable by content scripts:', e));
}

/**
 * What is stored, as this worker last read it, valid until storage tells of a change (anyone's: its own writes,
 * a test's seed) or the worker writes. A console page's plan request comes while the page loads, when storage
 * answers slowest (up to 40 ms for the two reads here): with nothing changed since, it is answered at once.
 */
let known: { changes: number; world: World } | null = null;
let changes = 0;
browser.storage.onChanged.addListener(() => void changes++);

export async function readWorld(now: number): Promise<World> {
  if (known?.changes === changes) return known.world;
  const at = changes;
  const world = await loadWorld(now);
  if (at === changes) known = { changes: at, world };
  return world;
}

async function loadWorld(now: number): Promise<World> {
  const [{ state, unreadable }, session] = await Promise.all([
    browser.storage.local.get(['state', 'unreadable']),
    browser.storage.session.get(['dockerTask', 'armedTabs', 'planTabs']),
  ]);
  const loaded = loadStoredState(state);
  const earlier = setAsideSchema.safeParse(unreadable);
  let setAside: SetAside | null = earlier.success ? earlier.data : null;
  if (loaded.unreadable !== null) {
    console.warn(`[background] stored state partly unreadable; set aside: ${loaded.recovered ?? Object.keys(loaded.unreadable.links).join(', ')}`);
    setAside = {
      at: now,
      recovered: loaded.recovered ?? setAside?.recovered ?? null,
      ...(loaded.unreadable.state !== undefined ? { state: loaded.unreadable.state } : setAside?.state !== undefined ? { state: setAside.state } : {}),
      links: { ...(setAside?.links ?? {}), ...loaded.unreadable.links },
      dismissed: false,
    };
    // Kept before anything else is written, so the next change cannot overwrite what was unreadable.
    await browser.storage.local.set({ unreadable: setAside });
    await browser.storage.local.set({ state: loaded.state });
  }
  const task = dockerTaskStatusSchema.safeParse(session.dockerTask ?? null);
  // A task for a namespace that is no longer set up is dropped.
  const validTask = task.success && (task.data === null || Object.hasOwn(loaded.state.links, task.data.namespace));
  const armed = armedTabsSchema.safeParse(session.armedTabs ?? {});
  const planTabs = Array.isArray(session.planTabs) ? session.planTabs.filter((t): t is number => Number.isSafeInteger(t) && t >= 0).slice(-50) : [];
  return { stored: loaded.state, task: validTask ? task.data : null, armed: armed.success ? armed.data : {}, planTabs, setAside };
}

/** Writes only what changed (the reducer keeps unchanged parts identical). */
export async function writeWorld(before: World, after: World): Promise<void> {
  // Read again next time: storage's word on these writes (and anyone else's meanwhile) has not come yet.
  known = null;
  if (after.stored !== before.stored) await browser.storage.local.set({ state: after.stored });
  if (after.setAside !== before.setAside) await browser.storage.local.set({ unreadable: after.setAside });
  if (after.task !== before.task) {
    if (after.task === null) await browser.storage.session.remove('dockerTask');
    else await browser.storage.session.set({ dockerTask: after.task });
  }
  if (after.armed !== before.armed) await browser.storage.session.set({ armedTabs: after.armed });
  if (after.planTabs !== before.planTabs) await browser.storage.session.set({ planTabs: after.planTabs });
}
