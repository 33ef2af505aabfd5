// Shared by the IAM console browser tests: a link in progress in storage (the background computes the plan
// from it), and what the guide shows, read from its shadow root.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { PolicyChoice } from '../../src/core/policy';
import type { StoredState } from '../../src/core/schemas';
import type { StepId } from '../../src/core/flow';
import type { ConfigPatch } from '../replica/state';
import { armConsoleTab } from './armed-support';
import { AWS_CONSOLE, contentScriptWorlds, type Harness } from './harness';
import { guideTitle } from './guide-support';
import { linkState, settings } from './popup-support';

declare const chrome: {
  storage: Record<'local', { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> }>;
  scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> };
};

export const IAM = `${AWS_CONSOLE}/iam/home`;

/** The guide's "filled" rows on the trusted-entity step for namespace moby, in the order shown. */
export const TRUSTED_ENTITY_FILLED: Record<string, string> = {
  'Trusted entity': 'AWS account → Another AWS account',
  'Account ID': '689684103426',
  'Require external ID': 'ticked',
  'External ID': 'moby',
  'Require MFA': 'not ticked',
};

export interface LinkSetup {
  namespace?: string;
  roleName?: string;
  policy?: PolicyChoice;
  done?: StepId[];
  capturedRoleArn?: string | null;
  /** Leave the tab unarmed (a console page the user opened by hand). */
  armed?: boolean;
}

/** A fresh replica and a link in progress for `namespace` (moby by default), active. */
export async function startLink(h: Harness, setup: LinkSetup = {}, patch: ConfigPatch = {}): Promise<void> {
  h.server.reset(patch);
  // A fresh document each time: a goto that only changes the hash would keep the previous visit's page.
  await h.page.goto('about:blank');
  const namespace = setup.namespace ?? 'moby';
  const roleName = setup.roleName ?? 'dockercloud-role';
  const now = Date.now();
  const state = linkState({
    [namespace]: {
      settings: settings(namespace, roleName, roleName !== 'dockercloud-role', setup.policy),
      done: Object.fromEntries((setup.done ?? []).map((s) => [s, now])),
      capturedRoleArn: setup.capturedRoleArn ?? null,
      problems: {},
    },
  });
  const sw = await h.serviceWorker();
  await sw.evaluate((s) => chrome.storage.local.set({ state: s }), state);
  // As if the extension had opened the page for the link's next step (only armed tabs are filled).
  if (setup.armed !== false) await armConsoleTab(h, namespace);
}

/** A global of the router in the content script's own world, read through DevTools; null before it has run. */
async function routerGlobal(h: Harness, page: Page, name: 'dockercloudVisit' | 'dockercloudLookedAt' | 'dockercloudEngine'): Promise<unknown> {
  const worlds = await contentScriptWorlds(h, page);
  try {
    for (const id of worlds.ids) {
      const { value } = await worlds.evaluate(id, `globalThis.${name} ?? null`).catch(() => ({ value: null }));
      if (value !== null) return value;
    }
    return null;
  } finally {
    await worlds.detach();
  }
}

/**
 * The router's state in the content script's own world ("waiting", "idle", "<page> running|settled"), read
 * through DevTools as the page itself cannot: null before the content script has run.
 */
export async function routerState(h: Harness, page: Page = h.page): Promise<string | null> {
  const value = await routerGlobal(h, page, 'dockercloudVisit');
  return typeof value === 'string' ? value : null;
}

/** Whether the background injected the console engine into the page (it does only while a link is in progress). */
export async function engineLoaded(h: Harness, page: Page = h.page): Promise<boolean> {
  return (await routerGlobal(h, page, 'dockercloudEngine')) === true;
}

/** Whether the background has the engine registered to start with every IAM page load (only while a link needs it). */
export async function engineRegistered(h: Harness): Promise<boolean> {
  const sw = await h.serviceWorker();
  return sw.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).some((s) => s.id === 'console-engine'));
}

/**
 * Resolves once the router has looked at the page as it is now: the page is touched (an element added and
 * removed), and the router's next look, which that change causes, is waited for. Then "nothing happened" means it.
 */
export async function routerSawPage(h: Harness, page: Page = h.page): Promise<void> {
  const touched = await page.evaluate(() => {
    const mark = document.createElement('i');
    document.body.append(mark);
    mark.remove();
    return performance.now();
  });
  await expect.poll(async () => {
    const value = await routerGlobal(h, page, 'dockercloudLookedAt');
    return typeof value === 'number' ? value : null;
  }).toBeGreaterThan(touched);
}

export async function storedLink(h: Harness, namespace = 'moby') {
  const sw = await h.serviceWorker();
  const { state } = (await sw.evaluate(() => chrome.storage.local.get('state'))) as { state: StoredState };
  const link = state.links[namespace];
  if (!link) throw new Error(`no link for ${namespace}`);
  return link;
}

// What the guide shows is read through its closed shadow root (see guide-support.ts).
export { expectHighlightOn, guideCallout, guideRows, guideTitle } from './guide-support';

/** The text of the policy editor, read from Ace in the page's world (what the console would submit). */
export const aceValue = (page: Page) =>
  page.evaluate(() => (document.querySelector('.ace_editor') as unknown as { env: { editor: { getValue(): string } } }).env.editor.getValue());

/** The wizard's primary button (Next / Create …): Cloudscape's class, stable across console builds. */
export const PRIMARY_BUTTON = 'button[class*="awsui_primary-button_1xupv_"]';
export const primaryButton = (page: Page) => page.locator(PRIMARY_BUTTON);

/** From the policy editor, Next and Create policy with a policy of that name already there: "already exists". */
export async function pressOnToPolicyExists(page: Page): Promise<void> {
  await page.goto(`${IAM}#/policies/create?step=addPermissions`);
  await expect.poll(() => guideTitle(page).textContent(), { timeout: 15_000 }).toContain('Press «Next»');
  await primaryButton(page).click();
  await expect.poll(() => guideTitle(page).textContent()).toContain('Press «Create policy»');
  await primaryButton(page).click();
  await expect.poll(() => guideTitle(page).textContent()).toContain('already exists');
}
