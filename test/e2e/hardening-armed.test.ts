// Acting only when asked: a console page is filled only when the extension opened it for the link's next
// step (or the user pressed its "Fill for Docker Cloud" offer), never once the link no longer needs the
// console, never for another link than the one the tab was opened for; content scripts cannot touch the
// extension's storage; a "… created." text that is not the console's flash proves nothing.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCKER_CLOUD_ACCOUNT_ID, POLICY_NAME } from '../../src/core/docker-cloud';
import { buildPolicyDocument } from '../../src/core/policy';
import type { StoredState } from '../../src/core/schemas';
import { DOCKERCLOUD_POLICY, role } from '../replica/docker/fixtures';
import { armConsoleTab } from './armed-support';
import { aceValue, IAM, primaryButton, startLink, storedLink } from './aws-support';
import { clickInShadow, guideText } from './closed-shadow';
import { contentScriptWorlds, launch, type Harness } from './harness';
import { fromPopup, linkState, settings } from './popup-support';

declare const chrome: {
  storage: Record<'local' | 'session', { get(key: string | null): Promise<Record<string, unknown>>; set(items: object): Promise<void> }>;
  tabs: { query(q: { url: string[] }): Promise<{ id?: number }[]> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

let h: Harness;
beforeAll(async () => {
  h = await launch();
  h.context.setDefaultTimeout(15_000);
});
afterAll(async () => h?.close());

const GUIDE = '#dockercloud-aws-link-guide';
const ARN = 'arn:aws:iam::123456789012:role/dockercloud-role';

/** Every message the console tab has sent is answered: it asked for a plan, and the background has caught up. */
async function consoleTabAsked(): Promise<void> {
  const sw = await h.serviceWorker();
  await expect
    .poll(() =>
      sw.evaluate(async () => {
        const tabs = await chrome.tabs.query({ url: ['https://console.aws.amazon.com/iam/*'] });
        const { planTabs } = await chrome.storage.session.get('planTabs');
        return tabs.some((t) => ((planTabs ?? []) as number[]).includes(t.id ?? -1));
      }),
    )
    .toBe(true);
  const popup = await h.openPopup();
  await popup.evaluate(() => chrome.runtime.sendMessage({ kind: 'getState' }));
  await popup.close();
}

/** The wizard's text inputs and ticked choices, as the user would find them. */
const formState = (page: Page) =>
  page.evaluate(() => ({
    values: [...document.querySelectorAll('input:not([type=radio]):not([type=checkbox]), textarea')].map((i) => (i as HTMLInputElement).value).filter(Boolean),
    ticked: [...document.querySelectorAll<HTMLInputElement>('input[type=radio]:checked, input[type=checkbox]:checked')].map((i) => i.value),
  }));

async function storeLinks(links: Record<string, object>, active: string): Promise<void> {
  h.server.reset();
  await h.page.goto('about:blank');
  const sw = await h.serviceWorker();
  await sw.evaluate(async (s) => {
    await chrome.storage.local.set({ state: s });
    await chrome.storage.session.set({ armedTabs: {}, planTabs: [] });
  }, linkState(links, active));
}

describe('a console page the extension did not open', () => {
  it('after the link is complete, an unrelated "Create role" is left exactly as the console made it', async () => {
    const now = Date.now();
    await storeLinks(
      { moby: { settings: settings('moby'), done: { policyCreated: now, roleCreated: now, arnCaptured: now, roleVerified: now, arnSent: now, linkConfirmed: now }, capturedRoleArn: ARN, problems: {} } },
      'moby',
    );
    await h.page.goto(`${IAM}#/roles/create?step=selectEntities`);
    await h.page.getByText('Trusted entity type').first().waitFor();
    const untouched = await formState(h.page);
    await consoleTabAsked();
    expect(await formState(h.page)).toEqual(untouched);
    expect(JSON.stringify(untouched)).not.toContain(DOCKER_CLOUD_ACCOUNT_ID);
    expect(await h.page.locator(GUIDE).count()).toBe(0);
  });

  it('while a link is in progress, only offers to fill; fills once the user presses the offer', async () => {
    await startLink(h, { done: ['policyCreated'], armed: false });
    await h.page.goto(`${IAM}#/roles/create?step=selectEntities`);
    await expect.poll(() => guideText(h.page)).toContain('Fill for Docker Cloud');
    expect(await guideText(h.page)).toContain('this page was not opened by the extension, so it filled nothing');
    expect(JSON.stringify(await formState(h.page))).not.toContain(DOCKER_CLOUD_ACCOUNT_ID);

    await clickInShadow(h.page, 'Fill for Docker Cloud', 'id', 'dockercloud-aws-link-guide');
    await expect.poll(async () => (await formState(h.page)).values).toEqual(expect.arrayContaining([DOCKER_CLOUD_ACCOUNT_ID, 'moby']));
    await h.page.screenshot({ path: '/tmp/hardening-armed-offer-pressed.png' });
  });
});

describe('the pages the extension opens itself', () => {
  it('"Save and start", then only the console\'s own Next and Create: each next page opens armed and filled', async () => {
    h.server.reset();
    await h.page.goto('about:blank');
    const sw = await h.serviceWorker();
    await sw.evaluate(() => chrome.storage.local.set({ state: { version: 2, links: {}, activeNamespace: null } }));
    const popup = await h.openPopup();
    const opened = h.context.waitForEvent('page', (p) => p.url().includes('#/policies/create'));
    expect(await fromPopup(popup, { kind: 'saveLink', settings: settings('moby') })).toEqual({ problems: [] });
    await popup.close();
    const page = await opened;

    const document = buildPolicyDocument({ region: null, passRole: false });
    if (!document.ok) throw new Error('no policy');
    await expect.poll(() => aceValue(page).catch(() => ''), { timeout: 20_000 }).toBe(document.value);
    await primaryButton(page).click(); // Next
    await expect.poll(() => page.getByLabel('Policy name').inputValue()).toBe(POLICY_NAME);
    await primaryButton(page).click(); // Create policy
    // The extension takes the same tab to the role wizard, filled.
    await page.waitForURL(/#\/roles\/create/);
    await expect.poll(async () => (await formState(page)).values, { timeout: 20_000 }).toEqual(expect.arrayContaining([DOCKER_CLOUD_ACCOUNT_ID, 'moby']));
    await primaryButton(page).click(); // Next
    await page.waitForURL(/step=addPermissions/);
    await expect.poll(() => page.getByRole('checkbox', { name: `Select ${POLICY_NAME}` }).isChecked().catch(() => false), { timeout: 20_000 }).toBe(true);
    await primaryButton(page).click(); // Next
    await expect.poll(() => page.getByLabel('Role name').inputValue(), { timeout: 20_000 }).toBe('dockercloud-role');
    await primaryButton(page).click(); // Create role
    // And then to the role's page, where the ARN is captured and the role verified.
    await page.waitForURL(/#\/roles\/details\/dockercloud-role/);
    await expect.poll(async () => (await storedLink(h)).done.roleVerified, { timeout: 20_000 }).toBeTypeOf('number');
    expect((await storedLink(h)).capturedRoleArn).toBe(h.server.state.roles[0]?.arn);
    await page.close();
  });
});

describe('one owner for each piece of state', () => {
  it('a tab opened for one namespace reports for it, whichever namespace the popup has switched to', async () => {
    const now = Date.now();
    const inProgress = (ns: string) => ({ settings: settings(ns), done: { policyCreated: now, roleCreated: now }, capturedRoleArn: null, problems: {} });
    await storeLinks({ moby: inProgress('moby'), teamawesome: inProgress('teamawesome') }, 'moby');
    h.server.state.policies.push(DOCKERCLOUD_POLICY);
    h.server.state.roles.push(role('dockercloud-role', { externalId: 'moby' }));
    await armConsoleTab(h, 'moby');
    // The user switches the popup to teamawesome (same role name, another AWS account) before the page reports.
    const popup = await h.openPopup();
    await fromPopup(popup, { kind: 'selectLink', namespace: 'teamawesome' });
    await popup.close();

    await h.page.goto(`${IAM}#/roles/details/dockercloud-role`);
    await expect.poll(async () => (await storedLink(h, 'moby')).done.roleVerified, { timeout: 20_000 }).toBeTypeOf('number');
    const teamawesome = await storedLink(h, 'teamawesome');
    expect(teamawesome).toEqual(inProgress('teamawesome'));
  });

  it('content scripts cannot read or write the extension\'s storage.local', async () => {
    await startLink(h, { armed: false });
    await h.page.goto(`${IAM}#/policies`);
    const worlds = await contentScriptWorlds(h, h.page);
    try {
      const [ours] = worlds.ids;
      expect(ours).toBeDefined();
      const attempt = (expression: string) => worlds.evaluate(ours!, expression).then((r) => r.error ?? JSON.stringify(r.value));
      expect(await attempt('chrome.storage.local.get("state").then((s) => s.state ? "read" : "empty")')).toMatch(/not allowed/i);
      expect(await attempt('chrome.storage.local.set({ state: null }).then(() => "written")')).toMatch(/not allowed/i);
    } finally {
      await worlds.detach();
    }
    expect((await storedLink(h)).settings.namespace).toBe('moby');
  });

  it('a "… created." text on the current console is not its success flash: nothing recorded', async () => {
    await startLink(h);
    await h.page.addInitScript(() => {
      addEventListener('DOMContentLoaded', () => {
        const forged = document.createElement('p');
        forged.textContent = 'Policy dockercloud-policy created.';
        document.body.prepend(forged);
      });
    });
    await h.page.goto(`${IAM}#/policies`);
    // The page decided there was no flash: it points at the console's own Create policy instead.
    await expect.poll(() => guideText(h.page), { timeout: 20_000 }).toContain('Press «Create policy» It opens the policy editor, where the extension writes dockercloud-policy');
    expect((await storedLink(h)).done.policyCreated).toBeUndefined();
  });

  it('one unreadable link costs only itself: the others are kept, and the popup names what was lost', async () => {
    const now = Date.now();
    const good = { settings: settings('moby'), done: { policyCreated: now }, capturedRoleArn: null, problems: {} };
    const broken = { settings: settings('teamawesome'), done: { policyCreated: -5 }, capturedRoleArn: 'not an arn', problems: {} };
    h.server.reset();
    const sw = await h.serviceWorker();
    await sw.evaluate((s) => chrome.storage.local.set({ state: s, unreadable: null }), { version: 2, activeNamespace: 'teamawesome', links: { moby: good, teamawesome: broken } });
    const popup = await h.openPopup();
    await expect.poll(() => popup.locator('body').innerText()).toContain('The saved progress of teamawesome could not be read and was set aside');
    const stored = (await sw.evaluate(() => chrome.storage.local.get(null))) as { state: StoredState; unreadable: { links: Record<string, unknown> } };
    expect(stored.state.links).toEqual({ moby: good });
    expect(stored.state.activeNamespace).toBe('moby');
    expect(stored.unreadable.links).toEqual({ teamawesome: broken });
    await popup.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => popup.locator('body').innerText()).not.toContain('could not be read');
    await popup.close();
  });
});
