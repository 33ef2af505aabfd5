// Opens the page for a step, or brings forward a tab already there. Needs no "tabs" permission:
// tabs.query by URL sees the hosts the extension has host permissions for.
import browser from '../browser';

const AWS_IAM_PAGES = ['https://console.aws.amazon.com/iam/*', 'https://*.console.aws.amazon.com/iam/*'];
const DOCKER_CLOUD_PAGES = ['https://cloud.docker.com/*'];

/** A console hash route without its parameters: `#/roles/create?step=…` → `#/roles/create`. */
const routeOf = (hash: string): string => hash.split('?')[0] ?? '';

export async function openTab(url: string, reload: boolean): Promise<void> {
  const target = new URL(url);
  const docker = target.hostname === 'cloud.docker.com';
  const tabs = await browser.tabs.query({ url: docker ? DOCKER_CLOUD_PAGES : AWS_IAM_PAGES });
  const candidates = tabs.filter((tab) => tab.id !== undefined && tab.url !== undefined && (docker || new URL(tab.url).pathname === target.pathname));
  const tab = candidates.find((t) => t.active) ?? candidates[0];
  if (tab?.id === undefined || tab.url === undefined) {
    await browser.tabs.create({ url });
    return;
  }
  const current = new URL(tab.url);
  let next: string | null = null;
  if (docker) {
    // The content script pulls its task when the page loads. Reload where the tab is, so a namespace the
    // user switched to (an organization) stays open.
    next = reload ? tab.url : null;
  } else if (routeOf(current.hash) !== routeOf(target.hash)) {
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
}
