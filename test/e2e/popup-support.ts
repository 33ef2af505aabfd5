// What the popup and background tests share: storage seen from the service worker, and the popup as a page.
import type { Page } from 'playwright-core';
import { DEFAULT_POLICY_CHOICE, type PolicyChoice } from '../../src/core/policy';
import type { StoredState } from '../../src/core/schemas';
import type { Harness } from './harness';

/** The extension API inside the service worker and the popup (these tests run their functions there). */
declare const chrome: {
  storage: Record<'local' | 'session', { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void>; clear(): Promise<void> }>;
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

export const ARN = 'arn:aws:iam::123456789012:role/dockercloud-role';

export async function stored(h: Harness): Promise<{ state: StoredState | undefined; task: unknown }> {
  const sw = await h.serviceWorker();
  return sw.evaluate(async () => ({
    state: (await chrome.storage.local.get('state')).state as StoredState | undefined,
    task: (await chrome.storage.session.get('dockerTask')).dockerTask ?? null,
  }));
}

export async function seed(h: Harness, state: unknown): Promise<void> {
  const sw = await h.serviceWorker();
  await sw.evaluate(async (s) => {
    await chrome.storage.local.clear();
    await chrome.storage.session.clear();
    if (s !== undefined) await chrome.storage.local.set({ state: s });
  }, state);
}

export const settings = (namespace: string, roleName = 'dockercloud-role', sharedAwsAccount = false, policy: PolicyChoice = DEFAULT_POLICY_CHOICE) => ({
  namespace,
  policy,
  roleName,
  sharedAwsAccount,
});

export function linkState(links: Record<string, object>, active: string | null = Object.keys(links)[0] ?? null) {
  return { version: 2, activeNamespace: active, links };
}

/** A message sent from the popup page, as the popup's own code would. */
export const fromPopup = (popup: Page, message: unknown): Promise<unknown> => popup.evaluate((m) => chrome.runtime.sendMessage(m), message);

/** The checklist's statuses, in order. */
export const statuses = (popup: Page): Promise<(string | null)[]> =>
  popup.locator('.checklist > li').evaluateAll((items) => items.map((li) => li.getAttribute('data-status')));
