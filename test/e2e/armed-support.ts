// Arms a console tab as the extension does when it opens a page for the link's next step (the background's
// storage.session "armedTabs", by tab id), for tests that open console pages themselves.
import type { Page } from 'playwright-core';
import { currentConsoleTask, type Link } from '../../src/core/flow';
import type { StoredState } from '../../src/core/schemas';
import { AWS_CONSOLE, type Harness } from './harness';

declare const chrome: {
  storage: Record<'local' | 'session', { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> }>;
  tabs: { query(q: { url: string[] }): Promise<{ id?: number }[]> };
};

/** The console page a tab is armed on (found by this URL), then left. */
export const ARMING_PAGE = `${AWS_CONSOLE}/iam/home?arming=1#/`;

/**
 * Arms `page`'s tab for `namespace`'s current console task, if it has one. The tab is found by its console URL (host
 * permission, no "tabs" permission), then left on about:blank: the arm belongs to the tab, not the document.
 */
export async function armConsoleTab(h: Harness, namespace = 'moby', page: Page = h.page): Promise<void> {
  const sw = await h.serviceWorker();
  const { state } = (await sw.evaluate(() => chrome.storage.local.get('state'))) as { state: StoredState };
  const link = state.links[namespace] as Link | undefined;
  const task = link ? currentConsoleTask(link) : null;
  // Nothing left to do on the console (or no such link): nothing to arm, as the extension would.
  if (task === null) return;
  await page.goto(ARMING_PAGE);
  await sw.evaluate(
    async ({ namespace, task }) => {
      // Any console host: a multi-session console redirects every /iam URL to the account's own host.
      const tabs = await chrome.tabs.query({ url: ['https://console.aws.amazon.com/iam/home?arming=1*', 'https://*.console.aws.amazon.com/iam/home?arming=1*'] });
      const { armedTabs } = await chrome.storage.session.get('armedTabs');
      const armed = { ...((armedTabs ?? {}) as object) } as Record<string, unknown>;
      for (const tab of tabs) if (tab.id !== undefined) armed[String(tab.id)] = { namespace, task, until: Date.now() + 30 * 60_000 };
      await chrome.storage.session.set({ armedTabs: armed });
    },
    { namespace, task },
  );
  await page.goto('about:blank');
}
