// Create policy in the current console: the JSON document set in the editor and accepted by the console's
// own validation, the name and description on review, the highlight on Next / Create policy, the step
// recorded from the console's flash, and "use the existing policy" when the name is taken.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICY_DESCRIPTION } from '../../src/core/docker-cloud';
import { buildPolicyDocument } from '../../src/core/policy';
import { aceValue, engineLoaded, engineRegistered, expectHighlightOn, guideRows, guideTitle, IAM, pressOnToPolicyExists, primaryButton, routerState, startLink, storedLink } from './aws-support';
import { guideButton } from './guide-support';
import { ARN, fromPopup, linkState, seed, settings } from './popup-support';
import { launch, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

const documentFor = (region: string | null, passRole: boolean) => {
  const d = buildPolicyDocument({ region, passRole });
  if (!d.ok) throw new Error('bad choice');
  return d.value;
};

describe('create policy', () => {
  it('sets the document, passes validation, names the policy, and records it once created', async () => {
    await startLink(h);
    const { page } = h;
    await page.goto(`${IAM}#/policies/create?step=addPermissions`);
    await expect.poll(() => guideTitle(page).textContent(), { timeout: 15_000 }).toContain('Press «Next»');
    expect(await aceValue(page)).toBe(documentFor(null, false));
    expect(await guideRows(page, 'copy')).toEqual({});
    expect(await guideRows(page, 'filled')).toEqual({ 'Policy document': 'JSON, EC2 in all regions' });
    await expectHighlightOn(page, primaryButton(page));
    await page.screenshot({ path: '/tmp/aws-policy-editor.png' });

    await primaryButton(page).click();
    await page.waitForURL(/step=review/);
    await expect.poll(() => guideTitle(page).textContent()).toContain('Press «Create policy»');
    expect(await guideRows(page, 'filled')).toEqual({ 'Policy name': 'dockercloud-policy', Description: POLICY_DESCRIPTION });
    await expectHighlightOn(page, primaryButton(page));
    await page.screenshot({ path: '/tmp/aws-policy-review.png' });

    await primaryButton(page).click();
    // Recorded from the console's own flash; then the same tab goes on to the role wizard (navigation, no Create).
    await page.waitForURL(/#\/roles\/create/, { timeout: 15_000 });
    expect(h.server.state.policies).toEqual([
      expect.objectContaining({ name: 'dockercloud-policy', description: POLICY_DESCRIPTION, document: documentFor(null, false) }),
    ]);
    expect((await storedLink(h)).done.policyCreated).toBeTypeOf('number');
    await expect.poll(() => guideTitle(page).textContent(), { timeout: 15_000 }).toContain('Press «Next»');
    expect(await page.getByRole('textbox', { name: /Account ID/ }).inputValue()).toBe('689684103426');
  });

  it('sets the region-limited document with iam:PassRole when chosen', async () => {
    await startLink(h, { policy: { region: 'us-west-2', passRole: true } });
    const { page } = h;
    await page.goto(`${IAM}#/policies/create?step=addPermissions`);
    await expect.poll(() => guideTitle(page).textContent(), { timeout: 15_000 }).toContain('Press «Next»');
    expect(await aceValue(page)).toBe(documentFor('us-west-2', true));
    expect(await guideRows(page, 'filled')).toEqual({ 'Policy document': 'JSON, EC2 in us-west-2 only, with iam:PassRole' });
    await primaryButton(page).click();
    await page.waitForURL(/step=review/);
  });

  it('offers the existing policy when the name is taken, and goes on to the role', async () => {
    await startLink(h);
    h.server.state.policies.push({ name: 'dockercloud-policy', arn: 'arn:aws:iam::123456789012:policy/dockercloud-policy', description: '', document: '{}' });
    const { page } = h;
    await pressOnToPolicyExists(page);
    await guideButton(page, 'Use the existing policy').click();
    await page.waitForURL(/#\/roles\/create\?step=selectEntities/);
    await expect.poll(async () => (await storedLink(h)).done.policyCreated).toBeTypeOf('number');
    expect(h.server.state.policies).toHaveLength(1);
  });

  it('does nothing on the page when no link is in progress', async () => {
    h.server.reset();
    const sw = await h.serviceWorker();
    await sw.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { clear(): Promise<void> } } } }).chrome.storage.local.clear());
    // The background follows the stored state: no link, no engine registered to start with IAM pages.
    await expect.poll(() => engineRegistered(h)).toBe(false);
    const { page } = h;
    // A new document (the tests before left the engine in this one: a hash change keeps it).
    await page.goto('about:blank');
    await page.goto(`${IAM}#/policies/create?step=addPermissions`);
    await page.locator('[class*="awsui_segmented-control"], [class*="awsui_root_8cbea_"]').first().waitFor();
    // The boot script says "idle" once it knows there is no link: the engine was never injected, nothing watches.
    await expect.poll(() => routerState(h, page), { timeout: 15_000 }).toBe('idle');
    expect(await engineLoaded(h, page)).toBe(false);
    expect(await page.locator('#dockercloud-aws-link-guide').count()).toBe(0);
    expect(await page.locator('button[aria-pressed="true"]', { hasText: 'JSON' }).count()).toBe(0);
  });

  it('starts the engine in a console page open before the link begins, then with every IAM page load while it lasts', async () => {
    h.server.reset();
    const now = Date.now();
    const link = (namespace: string, done: string[]) => ({ settings: settings(namespace), done: Object.fromEntries(done.map((s) => [s, now])), capturedRoleArn: done.length ? ARN : null, problems: {} });
    // Two links: "done" (complete) is the active one, "moby" has its policy to create.
    const all = ['policyCreated', 'roleCreated', 'arnCaptured', 'roleVerified', 'arnSent', 'linkConfirmed'];
    await seed(h, linkState({ done: link('done', all), moby: link('moby', []) }, 'done'));
    await expect.poll(() => engineRegistered(h)).toBe(false);
    const { page } = h;
    await page.goto('about:blank');
    await page.goto(`${IAM}#/policies/create?step=addPermissions`);
    await expect.poll(() => routerState(h, page), { timeout: 15_000 }).toBe('idle');
    expect(await engineLoaded(h, page)).toBe(false);

    // The user switches to "moby" in the popup: the page already open gets the engine, and offers to fill.
    const popup = await h.openPopup();
    await fromPopup(popup, { kind: 'selectLink', namespace: 'moby' });
    await expect.poll(() => engineLoaded(h, page), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => guideTitle(page).textContent(), { timeout: 15_000 }).toBeTruthy();
    // And every IAM page loaded from now on starts it at document_start, before the console's own scripts.
    expect(await engineRegistered(h)).toBe(true);
    await page.goto('about:blank');
    await page.goto(`${IAM}#/roles`);
    await expect.poll(() => engineLoaded(h, page), { timeout: 15_000 }).toBe(true);

    // Back to the complete link: nothing is registered, and a new page loads none of it.
    await fromPopup(popup, { kind: 'selectLink', namespace: 'done' });
    await popup.close();
    await expect.poll(() => engineRegistered(h)).toBe(false);
    await page.goto('about:blank');
    await page.goto(`${IAM}#/roles`);
    await expect.poll(() => routerState(h, page), { timeout: 15_000 }).toBe('idle');
    expect(await engineLoaded(h, page)).toBe(false);
  });

  it('does nothing once the link is complete, even on a step it would fill', async () => {
    await startLink(h, { done: ['policyCreated', 'roleCreated', 'arnCaptured', 'roleVerified', 'arnSent', 'linkConfirmed'], capturedRoleArn: 'arn:aws:iam::123456789012:role/dockercloud-role' });
    await expect.poll(() => engineRegistered(h)).toBe(false);
    const { page } = h;
    await page.goto('about:blank');
    await page.goto(`${IAM}#/policies/create?step=addPermissions`);
    await page.locator('[class*="awsui_root_8cbea_"]').first().waitFor();
    await expect.poll(() => routerState(h, page), { timeout: 15_000 }).toBe('idle');
    expect(await engineLoaded(h, page)).toBe(false);
    expect(await page.locator('#dockercloud-aws-link-guide').count()).toBe(0);
    expect(await page.locator('button[aria-pressed="true"]', { hasText: 'JSON' }).count()).toBe(0);
  });
});
