// Opening the popup (by click or by its keyboard shortcut) brings back the console guide the user dismissed.
import browser from '../browser';
import type { GuideRequest } from '../core/schemas';

export async function showGuideAgain(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  if (tab?.id === undefined) return;
  const request: GuideRequest = { kind: 'showGuide' };
  // A tab without the console's content script (any other site) has nobody listening: nothing happens.
  await browser.tabs.sendMessage(tab.id, request).catch(() => undefined);
}
