// Opens the page for a step, or brings forward a tab already there, and says which tab it is. Needs no
// "tabs" permission: tabs.query by URL and tabs.get see the hosts the extension has host permissions for.
import browser from '../browser';

const AWS_IAM_PAGES = ['https://console.aws.amazon.com/iam/*', 'https://*.console.aws.amazon.com/iam/*'];
const DOCKER_CLOUD_PAGES = ['https://cloud.docker.com/*'];

/** A console hash route without its parameters: `#/roles/create?step=…` → `#/roles/create`. */
const routeOf = (hash: string): string => hash.split('?')[0] ?? '';

/** `inTab`: the console tab a step was done in goes on to the next page itself (navigation only). */
export async function openTab(url: string, reload: boolean, inTab?: number): Promise<number> {
  const target = new URL(url);
  const docker = target.hostname === 'cloud.docker.com';
  let tab: browser.Tabs.Tab | undefined;
  if (inTab !== undefined) tab = await browser.tabs.get(inTab).catch(() => undefined);
  if (tab?.url === undefined) {
    const tabs = await browser.tabs.query({ url: docker ? DOCKER_CLOUD_PAGES : AWS_IAM_PAGES });
    const candidates = tabs.filter((t) => t.id !== undefined && t.url !== undefined && (docker || new URL(t.url).pathname === target.pathname));
    tab = candidates.find((t) => t.active) ?? candidates[0];
  }
  if (tab?.id === undefined || tab.url === undefined) {
    const created = await browser.tabs.create({ url });
    if (created.id === undefined) throw new Error('the new tab has no id');
    return created.id;
  }
  const current = new URL(tab.url);
  let next: string | null = null;
  if (docker) {
    // The content script pulls its task when the page loads. Cloud settings when its address is known; else
    // reload where the tab is, so a namespace the user switched to (an organization) stays open.
    next = target.pathname !== '/' ? url : reload ? tab.url : null;
  } else if (routeOf(current.hash) !== routeOf(target.hash) || current.pathname !== target.pathname) {
    // Same page already open (a wizard half filled, perhaps): leave it alone. Else keep the tab's regional host.
    next = `${current.origin}${target.pathname}${current.search}${target.hash}`;
  }
  if (next !== null && next === tab.url) {
    await browser.tabs.update(tab.id, { active: true });
    await browser.tabs.reload(tab.id);
  } else {
    await browser.tabs.update(tab.id, next === null ? { active: true } : { active: true, url: next });
  }
  if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
  return tab.id;
}
