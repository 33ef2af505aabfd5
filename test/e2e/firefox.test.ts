// The Firefox build in Firefox, the whole link once: the popup and the event page, the IAM content scripts
// (isolated and MAIN world) on the real host names, tabs opened from the checklist, the Role ARN captured
// and verified, and the Docker Cloud content script saving it. The user's part (typing the namespace,
// pressing each Next and Create, "View role", "Send to Docker Cloud") is done here as a user would.
// Then Firefox's Manifest V3 host access: withdrawn, asked for again from the popup, and working again.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCKER_CLOUD_ACCOUNT_ID, POLICY_NAME } from '../../src/core/docker-cloud';
import { buildPolicyDocument } from '../../src/core/policy';
import { IAM, PRIMARY_BUTTON } from './aws-support';
import { FIREFOX, launchFirefox, type FirefoxHarness } from './firefox';

const GUIDE_SHOWN = '#dockercloud-aws-link-guide[data-state="shown"]';

let ff: FirefoxHarness;
beforeAll(async () => {
  // No Firefox (outside CI): the tests below are skipped, and the e2e global setup said so in one line.
  if (FIREFOX.found) ff = await launchFirefox();
}, 60_000);
afterAll(async () => ff?.close());

/** The value of the text field a `<label for>` names, read in the page. */
const fieldValue = (page: Page, label: string) =>
  page.evaluate((text) => {
    const l = [...document.querySelectorAll('label')].find((el) => el.textContent?.trim() === text);
    const control = l?.htmlFor ? document.getElementById(l.htmlFor) : null;
    return control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement ? control.value : null;
  }, label);

const aceValue = (page: Page) =>
  page.evaluate(() => (document.querySelector('.ace_editor') as (Element & { env?: { editor?: { getValue(): string } } }) | null)?.env?.editor?.getValue() ?? null);

/** Firefox's own `browser.permissions`, as the extension's pages have it (read in the page). */
type Permissions = { permissions: { remove(p: { origins: string[] }): Promise<boolean>; contains(p: { origins: string[] }): Promise<boolean> } };

/** The ids of the content scripts the extension has registered, read in its popup. */
const engineScripts = (popup: Page) =>
  popup.evaluate(async () => {
    const scripting = (globalThis as unknown as { browser: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } } }).browser.scripting;
    return (await scripting.getRegisteredContentScripts()).map((s) => s.id);
  });

const stepStatus = (popup: Page, step: string) => popup.$eval(`.checklist li[data-step="${step}"]`, (li) => li.getAttribute('data-status'));

/** Waits for the wizard step in the URL, then for the extension's fields and its guide on it. */
async function atStep(page: Page, step: string, filled: Record<string, string>): Promise<void> {
  await page.waitForFunction((s) => new URLSearchParams(location.hash.split('?')[1]).get('step') === s, {}, step);
  for (const [label, value] of Object.entries(filled)) await expect.poll(() => fieldValue(page, label), { timeout: 10_000 }).toBe(value);
  await page.waitForSelector(GUIDE_SHOWN, { timeout: 10_000 });
}

describe.skipIf(!FIREFOX.found)('in Firefox', () => {
  it('does the whole link: popup, policy, role, the ARN captured and verified, then saved in Docker Cloud', async () => {
    const popup = await ff.openPopup();
    await popup.type('input[id$="-ns"]', 'moby');
    // "Save and start" opens the policy editor itself, armed for the link's first step.
    const editor = ff.browser.waitForTarget((t) => t.url().includes('#/policies/create'), { timeout: 15_000 });
    await popup.click('button::-p-text(Save and start)');
    await popup.waitForSelector('.checklist');
    expect(await stepStatus(popup, 'policyCreated')).toBe('next');
    // While the link is in progress the engine is registered to start with every IAM page (Firefox has the API too).
    expect(await engineScripts(popup)).toEqual(['console-engine']);

    const page = await (await editor).page();
    if (!page) throw new Error('no page for the policy editor');
    await page.waitForSelector(GUIDE_SHOWN, { timeout: 15_000 });
    const expected = buildPolicyDocument({ region: null, passRole: false });
    if (!expected.ok) throw new Error('no policy document');
    expect(await aceValue(page)).toBe(expected.value);

    await page.click(PRIMARY_BUTTON);
    await page.waitForFunction((name) => [...document.querySelectorAll('input')].some((input) => input.value === name), {}, POLICY_NAME);
    expect(await fieldValue(page, 'Policy name')).toBe(POLICY_NAME);
    await page.waitForSelector(GUIDE_SHOWN);

    await page.click(PRIMARY_BUTTON);
    await expect.poll(() => ff.server.state.policies.map((p) => p.name), { timeout: 10_000 }).toContain(POLICY_NAME);
    expect(ff.server.state.policies.find((p) => p.name === POLICY_NAME)?.document).toBe(expected.value);
    // The console's flash reaches the background, and the open popup follows.
    await expect.poll(() => stepStatus(popup, 'policyCreated'), { timeout: 10_000 }).toBe('done');
    expect(await stepStatus(popup, 'roleCreated')).toBe('next');

    // The extension takes the same tab on to the role wizard (navigation only), through the event page.
    const role = page;
    await atStep(role, 'selectEntities', { 'Account ID': DOCKER_CLOUD_ACCOUNT_ID, 'External ID': 'moby' });
    await role.click(PRIMARY_BUTTON);
    await atStep(role, 'addPermissions', {});
    await role.click(PRIMARY_BUTTON);
    await atStep(role, 'review', { 'Role name': 'dockercloud-role' });
    await role.click(PRIMARY_BUTTON);
    // And on to the role's page once the console says the role was created.
    await role.waitForFunction(() => location.hash.startsWith('#/roles/details/'), { timeout: 15_000 });

    // The role's page: the ARN is read, the trust policy checked, the checklist says ready to send.
    await expect.poll(() => stepStatus(popup, 'roleVerified'), { timeout: 15_000 }).toBe('done');
    const created = ff.server.state.roles.find((r) => r.name === 'dockercloud-role');
    expect(created?.attachedPolicyArns).toEqual([ff.server.state.policies.find((p) => p.name === POLICY_NAME)?.arn]);

    await popup.click('button::-p-text(Send to Docker Cloud)');
    await expect.poll(() => ff.server.state.dockerLinks.moby?.roleArn, { timeout: 20_000 }).toBe(created?.arn);
    await expect.poll(() => stepStatus(popup, 'linkConfirmed'), { timeout: 10_000 }).toBe('done');
    // The link complete: nothing is registered on the console any more.
    expect(await engineScripts(popup)).toEqual([]);
  });

  it('asks for host access when it was withdrawn, and the console pages work again once it is allowed', async () => {
    const origins = ['https://console.aws.amazon.com/*', 'https://*.console.aws.amazon.com/*', 'https://cloud.docker.com/*'];
    let popup = await ff.openPopup();
    // As a user does in about:addons → Permissions.
    expect(await popup.evaluate((o) => (globalThis as unknown as { browser: Permissions }).browser.permissions.remove({ origins: o }), origins)).toBe(true);
    await popup.close();

    // The content script leaves no mark on the page: it is seen asking the background for its plan.
    type Session = { storage: { session: { get(k: string): Promise<{ planTabs?: number[] }>; set(v: object): Promise<void> } } };
    const askedForPlan = async () => {
      const p = await ff.openPopup();
      try {
        return ((await p.evaluate(() => (globalThis as unknown as { browser: Session }).browser.storage.session.get('planTabs'))).planTabs ?? []).length > 0;
      } finally {
        await p.close();
      }
    };
    popup = await ff.openPopup();
    await popup.evaluate(() => (globalThis as unknown as { browser: Session }).browser.storage.session.set({ planTabs: [] }));
    await popup.close();
    const page = await ff.browser.newPage();
    await page.goto(`${IAM}#/policies`);
    await page.waitForSelector('h1');
    expect(await askedForPlan()).toBe(false);

    popup = await ff.openPopup();
    await popup.waitForSelector('.banner[role="alert"]');
    await popup.click('.banner button::-p-text(Allow access)');
    await popup.waitForSelector('.banner[role="alert"]', { hidden: true });
    expect(await popup.evaluate((o) => (globalThis as unknown as { browser: Permissions }).browser.permissions.contains({ origins: o }), origins)).toBe(true);

    await page.reload();
    await expect.poll(askedForPlan, { timeout: 10_000 }).toBe(true);
  });
});
