// Restarts and failures: the service worker stopped at every page of a flow, the popup opened and closed at
// every step, the console tab reloaded mid-wizard, old or damaged storage, and Docker Cloud failing then
// retried. Progress resumes; nothing is claimed that did not happen; nothing is lost silently.
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCKERCLOUD_POLICY, role } from '../replica/docker/fixtures';
import { guideRows, guideTitle, IAM, primaryButton, startLink, storedLink, TRUSTED_ENTITY_FILLED } from './aws-support';
import { expectLinked, prepare, sendToDockerCloud, settled } from './docker-support';
import { launch, type Harness } from './harness';
import { ARN, seed, settings, statuses, stored } from './popup-support';

declare const chrome: { storage: Record<'session', { set(items: object): Promise<void> }> };

let launched: Harness;
/** The harness, with serviceWorker() giving the live worker (see storageWorker). */
let h: Harness;
beforeAll(async () => {
  launched = await launch();
  launched.context.setDefaultTimeout(15_000);
  h = { ...launched, serviceWorker: storageWorker };
});
afterAll(async () => launched?.close());

const poll = <T>(fn: () => T | Promise<T>, timeout = 15_000) => expect.poll(fn, { timeout, interval: 100 });
const title = () => guideTitle(h.page).textContent();

// After the worker is stopped, Playwright keeps the stopped one in context.serviceWorkers() and reports no
// new one when the browser starts it again: h.serviceWorker() would hand out a worker whose evaluate() never
// returns. The helpers here read and write storage from an extension page instead (same chrome.storage).
function storageWorker(): Promise<Worker> {
  const viaPage = {
    evaluate: async (fn: (arg: unknown) => unknown, arg?: unknown) => {
      const page = await launched.context.newPage();
      try {
        await page.goto(`chrome-extension://${launched.extensionId}/src/popup/index.html#storage`);
        return await page.evaluate(fn, arg);
      } finally {
        await page.close();
      }
    },
  };
  return Promise.resolve(viaPage as unknown as Worker);
}

async function serviceWorkerTargets(): Promise<number> {
  const cdp = await h.context.newCDPSession(h.page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  await cdp.detach();
  return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${h.extensionId}/`)).length;
}

async function restartServiceWorker(): Promise<void> {
  await poll(serviceWorkerTargets).toBe(1);
  // Returns once no worker of ours runs.
  await h.stopServiceWorker();
}

/** What the popup's checklist says now; the popup is opened for it and closed again. */
async function checklist(): Promise<(string | null)[]> {
  const popup = await h.openPopup();
  try {
    await poll(() => popup.locator('.checklist > li').count()).toBe(6);
    return await statuses(popup);
  } finally {
    await popup.close();
  }
}

describe('service worker stopped and popup closed at every step', () => {
  it('creates the policy with the worker stopped before each page; the checklist moves only when the policy exists', async () => {
    await startLink(h);
    expect(await checklist()).toEqual(['next', 'todo', 'todo', 'todo', 'todo', 'todo']);
    await restartServiceWorker();
    await h.page.goto(`${IAM}#/policies/create?step=addPermissions`);
    await poll(title, 20_000).toContain('Press «Next»');
    expect(await checklist()).toEqual(['next', 'todo', 'todo', 'todo', 'todo', 'todo']);

    await restartServiceWorker();
    await primaryButton(h.page).click();
    await poll(title).toContain('Press «Create policy»');
    expect(await guideRows(h.page, 'filled')).toMatchObject({ 'Policy name': 'dockercloud-policy' });
    expect(await checklist()).toEqual(['next', 'todo', 'todo', 'todo', 'todo', 'todo']);

    await restartServiceWorker();
    await primaryButton(h.page).click();
    // Not the policies list's URL: once the policy exists the extension takes the tab on to the role wizard, which
    // on a busy machine can happen before a wait for that URL has begun.
    await poll(() => h.server.state.policies.length).toBe(1);
    await poll(async () => (await storedLink(h)).done.policyCreated).toBeTypeOf('number');
    expect(h.server.state.policies.map((p) => p.name)).toEqual(['dockercloud-policy']);
    expect(await checklist()).toEqual(['done', 'next', 'todo', 'todo', 'todo', 'todo']);
  });

  it('verifies the role on its page with the worker stopped just before', async () => {
    await startLink(h, { done: ['policyCreated', 'roleCreated'] });
    h.server.state.policies.push(DOCKERCLOUD_POLICY);
    h.server.state.roles.push(role('dockercloud-role', { externalId: 'moby' }));
    await restartServiceWorker();
    await h.page.goto(`${IAM}#/roles/details/dockercloud-role`);
    await poll(title, 20_000).toContain('ready to link');
    const link = await storedLink(h);
    expect(link.capturedRoleArn).toBe(ARN);
    expect(await checklist()).toEqual(['done', 'done', 'done', 'done', 'next', 'todo']);
  });
});

describe('the console tab reloaded mid-wizard', () => {
  it('the console starts the wizard again: the extension fills step 1 again and claims no progress', async () => {
    await startLink(h, { done: ['policyCreated'] }, { aws: { honourPrefillParams: false } });
    h.server.state.policies.push(DOCKERCLOUD_POLICY);
    await h.page.goto(`${IAM}#/roles/create?step=selectEntities`);
    await poll(title, 20_000).toContain('choose the role');
    await primaryButton(h.page).click();
    await h.page.waitForURL(/step=addPermissions/);
    await poll(title).toContain('name the role');

    await h.page.reload();
    // The replica, like the console, keeps the wizard in memory: after a reload it is back on step 1.
    await poll(title, 20_000).toContain('choose the role');
    expect(await guideRows(h.page, 'filled')).toEqual(TRUSTED_ENTITY_FILLED);
    expect(await guideRows(h.page, 'copy')).toEqual({});
    expect((await storedLink(h)).done.roleCreated).toBeUndefined();
    expect(h.server.state.roles).toEqual([]);
    expect(await checklist()).toEqual(['done', 'next', 'todo', 'todo', 'todo', 'todo']);
  });
});

describe('what storage held', () => {
  it('the first design\'s (v1) single link with progress: upgraded, progress kept, written back as v2 on the next change', async () => {
    const t = 1_700_000_000_000;
    await seed(h, { version: 1, link: { settings: settings('moby'), done: { policyCreated: t, roleCreated: t, arnCaptured: t }, capturedRoleArn: ARN, problems: {} } });
    expect(await checklist()).toEqual(['done', 'done', 'done', 'next', 'todo', 'todo']);
    const popup = await h.openPopup();
    expect(await popup.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m), { kind: 'selectLink', namespace: 'moby' })).toEqual({ problems: [] });
    await popup.close();
    const { state } = await stored(h);
    expect(state).toEqual({ version: 2, activeNamespace: 'moby', links: { moby: { settings: settings('moby'), done: { policyCreated: t, roleCreated: t, arnCaptured: t }, capturedRoleArn: ARN, problems: {} } } });
  });

  it('a damaged Docker Cloud task in session storage is dropped; the progress in local storage is kept', async () => {
    const t = 1_700_000_000_000;
    const state = { version: 2, activeNamespace: 'moby', links: { moby: { settings: settings('moby'), done: { policyCreated: t, roleCreated: t, arnCaptured: t, roleVerified: t }, capturedRoleArn: ARN, problems: {} } } };
    await seed(h, state);
    const sw = await h.serviceWorker();
    await sw.evaluate(() => chrome.storage.session.set({ dockerTask: { namespace: 'moby', roleArn: 'arn:aws:iam::1:role/<b>x</b>', replaceExisting: 'yes' } }));
    expect(await checklist()).toEqual(['done', 'done', 'done', 'done', 'next', 'todo']);
    expect((await stored(h)).state).toEqual(state);
  });
});

describe('Docker Cloud failing, then retried', () => {
  it('a refused save is reported, nothing is recorded as linked, and sending again after the fix links', async () => {
    await prepare(h, 'moby', 'dockercloud-role', { docker: { save: 'server-error' } });
    await sendToDockerCloud(h, 'moby');
    let { state } = await settled(h);
    expect(state.links.moby?.done.linkConfirmed).toBeUndefined();
    expect(state.links.moby?.problems.linkConfirmed?.[0]?.message).toBe('dockerErrorUnknown');
    expect(h.server.state.dockerLinks).toEqual({});
    expect(await checklist()).toEqual(['done', 'done', 'done', 'done', 'done', 'failed']);

    h.server.configure({ docker: { save: 'verify' } });
    await restartServiceWorker();
    await sendToDockerCloud(h, 'moby');
    ({ state } = await settled(h));
    expectLinked(h, state);
    expect(await checklist()).toEqual(['done', 'done', 'done', 'done', 'done', 'done']);
  });

  it('logged out: reported, nothing sent; after logging in, sending again links', async () => {
    await prepare(h, 'moby', 'dockercloud-role', { docker: { signedInAs: null } });
    await sendToDockerCloud(h, 'moby');
    let { state } = await settled(h);
    expect(state.links.moby?.problems.arnSent).toEqual([{ message: 'bgDockerLoggedOut' }]);
    expect(state.links.moby?.done.linkConfirmed).toBeUndefined();
    expect(h.server.state.dockerSaves).toEqual([]);

    h.server.configure({ docker: { signedInAs: 'moby' } });
    await sendToDockerCloud(h, 'moby');
    ({ state } = await settled(h));
    expectLinked(h, state);
  });

  it('a save never answered ends in a timeout, nothing recorded as linked; sending again once Docker Cloud answers links', async () => {
    await prepare(h, 'moby', 'dockercloud-role', { docker: { save: 'timeout' } });
    await sendToDockerCloud(h, 'moby');
    let { state } = await settled(h, 30_000);
    expect(state.links.moby?.problems.arnSent).toEqual([{ message: 'bgDockerTimeout' }]);
    expect(state.links.moby?.done.linkConfirmed).toBeUndefined();
    expect(h.server.state.dockerLinks).toEqual({});

    h.server.configure({ docker: { save: 'verify' } });
    await sendToDockerCloud(h, 'moby');
    ({ state } = await settled(h));
    expectLinked(h, state);
  }, 60_000);
});
