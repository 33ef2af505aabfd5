// The legacy console of the original guide: "Create Your Own Policy", "Role for Cross-Account Access",
// the Role ARN on the role's page; filled, pointed at, and verified like the current console.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICY_DESCRIPTION } from '../../src/core/docker-cloud';
import { buildPolicyDocument } from '../../src/core/policy';
import { buildTrustPolicy } from '../../src/core/trust-policy';
import { expectHighlightOn, guideCallout, guideRows, guideTitle, IAM, startLink, storedLink } from './aws-support';
import { launch, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch({ config: { aws: { variant: 'legacy' } } });
});
afterAll(async () => h?.close());

const LEGACY = { aws: { variant: 'legacy' as const } };
const title = () => guideTitle(h.page).textContent();

describe('legacy console', () => {
  it('creates dockercloud-policy with "Create Your Own Policy"', async () => {
    await startLink(h, {}, LEGACY);
    const { page } = h;
    await page.goto(`${IAM}#/policies$new`);
    await expect.poll(title, { timeout: 15_000 }).toContain('Create Your Own Policy');
    const select = page.locator('tr', { hasText: 'Create Your Own Policy' }).getByRole('button', { name: 'Select' });
    await expectHighlightOn(page, select);
    await select.click();
    await expect.poll(title).toContain('Validate Policy');
    const document = buildPolicyDocument({ region: null, passRole: false });
    expect(await guideRows(page, 'filled')).toEqual({
      'Policy name': 'dockercloud-policy',
      Description: POLICY_DESCRIPTION,
      'Policy document': document.ok ? document.value : '',
    });
    await expectHighlightOn(page, page.getByRole('button', { name: 'Validate Policy' }));
    await page.getByRole('button', { name: 'Validate Policy' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('This policy is valid.');
    await page.getByRole('button', { name: 'Create Policy' }).click();
    await expect.poll(() => h.server.state.policies.map((p) => [p.name, p.document])).toEqual([['dockercloud-policy', document.ok ? document.value : '']]);
    // Recorded from the 2016 console's "created" text; then the same tab goes on to its role wizard.
    await expect.poll(async () => (await storedLink(h)).done.policyCreated).toBeTypeOf('number');
    await page.waitForURL(/#\/roles\$new\?step=name/, { timeout: 15_000 });
  });

  it('creates the role through "Role for Cross-Account Access" and verifies it on its page', async () => {
    await startLink(h, { done: ['policyCreated'] }, LEGACY);
    h.server.state.policies.push({ name: 'dockercloud-policy', arn: 'arn:aws:iam::123456789012:policy/dockercloud-policy', description: '', document: '{}' });
    const { page } = h;
    const next = page.getByRole('button', { name: 'Next Step' });
    await page.goto(`${IAM}#/roles$new?step=name`);
    await expect.poll(title, { timeout: 15_000 }).toContain('Next Step');
    expect(await guideRows(page, 'filled')).toEqual({ 'Role name': 'dockercloud-role' });
    await expectHighlightOn(page, next);
    await next.click();

    await expect.poll(title).toContain('Role for Cross-Account Access');
    const thirdParty = page.locator('tr', { hasText: 'Allows IAM users from a 3rd party AWS account' }).getByRole('button', { name: 'Select' });
    await expectHighlightOn(page, thirdParty);
    await thirdParty.click();

    await expect.poll(() => guideRows(page, 'filled')).toEqual({ 'Account ID': '689684103426', 'External ID': 'moby', 'Require MFA': 'not ticked' });
    await expectHighlightOn(page, next);
    await next.click();
    await expect.poll(() => guideRows(page, 'filled')).toEqual({ 'Permissions policy': 'dockercloud-policy, selected alone' });
    await next.click();
    await expect.poll(title).toContain('Press «Create Role»');
    await expectHighlightOn(page, page.getByRole('button', { name: 'Create Role' }));
    await page.getByRole('button', { name: 'Create Role' }).click();
    // The console lists the roles (#roles) and the extension takes the tab on at once: wait on the role itself,
    // not on a URL that may last only a moment.
    await expect.poll(() => h.server.state.roles.length, { timeout: 30_000 }).toBe(1);
    const [role] = h.server.state.roles;
    expect(JSON.parse(role?.trustPolicy ?? '')).toEqual(JSON.parse(buildTrustPolicy({ externalId: 'moby', requireMfa: false })));

    // The extension takes the tab on to the role's page itself once the console says the role was created.
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/#roles\/dockercloud-role$/);
    await expect.poll(title, { timeout: 15_000 }).toContain('ready to link');
    expect(await guideCallout(page).textContent()).toContain('Role ARN: arn:aws:iam::123456789012:role/dockercloud-role');
    expect((await storedLink(h)).done.roleVerified).toBeTypeOf('number');
  });
});
