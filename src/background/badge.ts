// The toolbar badge shows the active namespace's progress. It follows the state the background stores, so every
// change (a message, a restart, another window) updates it without the reducer knowing about it.
import browser from '../browser';
import { badgeText } from '../core/progress';
import { dockerTaskStatusSchema, loadStoredState } from '../core/schemas';

const COLOR = { progress: '#1d63ed', attention: '#c0262d', linked: '#1a7f37' };

async function update(): Promise<void> {
  const [{ state }, { dockerTask }] = await Promise.all([browser.storage.local.get('state'), browser.storage.session.get('dockerTask')]);
  const stored = loadStoredState(state).state;
  const task = dockerTaskStatusSchema.safeParse(dockerTask ?? null);
  const active = stored.activeNamespace === null ? undefined : stored.links[stored.activeNamespace];
  const text = badgeText(active, task.success ? task.data : null);
  const color = text === '✓' ? COLOR.linked : text === '!' ? COLOR.attention : COLOR.progress;
  await Promise.all([browser.action.setBadgeBackgroundColor({ color }), browser.action.setBadgeText({ text })]);
  // Chrome 110+ and Firefox: white text on the badge's colour reads at 4.5:1 or better.
  await browser.action.setBadgeTextColor?.({ color: '#ffffff' });
}

/** Updates now, then after every change of the stored progress or the Docker Cloud task. */
export function followProgressOnBadge(): void {
  const run = () => void update().catch((e: unknown) => console.warn('[badge] could not update', e));
  browser.storage.onChanged.addListener((changes, area) => {
    if ((area === 'local' && 'state' in changes) || (area === 'session' && 'dockerTask' in changes)) run();
  });
  run();
}
