// Create role in the current console: the trusted entity filled (with and without the prefill link's
// parameters), dockercloud-policy selected alone, the name and description, the highlight on each button,
// the step recorded from the console's flash, and "check the existing role" when the name is taken.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_DESCRIPTION } from '../../src/core/docker-cloud';
import { buildTrustPolicy } from '../../src/core/trust-policy';
import { roleCreateHash } from '../../src/core/console-routes';
import type { CreatedPolicy } from '../replica/state';
import { expectHighlightOn, guideCallout, guideRows, guideTitle, IAM, primaryButton, startLink, storedLink, TRUSTED_ENTITY_FILLED } from './aws-support';
import { guideButton } from './guide-support';
import { launch, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

const POLICY: CreatedPolicy = {
  name: 'dockercloud-policy',
  arn: 'arn:aws:iam::123456789012:policy/dockercloud-policy',
  description: '',
  document: '{"Version":"2012-10-17","Statement":[]}',
};
const PREFILL = roleCreateHash({ trustedAccountId: '689684103426', externalId: 'moby', roleName: 'dockercloud-role' });

async function prepare(honourPrefillParams = true) {
  await startLink(h, { done: ['policyCreated'] }, { aws: { honourPrefillParams } });
  h.server.state.policies.push({ ...POLICY });
}

describe('create role', () => {
  it('fills every step from the prefill link, and the role made is the one Docker Cloud needs', async () => {
    await prepare();
    const { page } = h;
    await page.goto(`${IAM}${PREFILL}`);
    await expect.poll(() => guideTitle(page).textContent(), { timeout: 15_000 }).toContain('choose the role');
    expect(await guideRows(page, 'filled')).toEqual(TRUSTED_ENTITY_FILLED);
    expect(await guideRows(page, 'copy')).toEqual({});
    expect(await page.getByRole('textbox', { name: /Account ID/ }).inputValue()).toBe('689684103426');
    expect(await page.getByRole('textbox', { name: /External ID/ }).inputValue()).toBe('moby');
    expect(await page.getByRole('checkbox', { name: 'Require MFA' }).isChecked()).toBe(false);
    await expectHighlightOn(page, primaryButton(page));
    await page.screenshot({ path: '/tmp/aws-role-entity.png' });

    await primaryButton(page).click();
    await page.waitForURL(/step=addPermissions/);
    await expect.poll(() => guideTitle(page).textContent()).toContain('name the role');
    expect(await guideRows(page, 'filled')).toEqual({ 'Permissions policy': 'dockercloud-policy, selected alone' });
    expect(await page.getByRole('checkbox', { name: 'Select dockercloud-policy' }).isChecked()).toBe(true);
    await expectHighlightOn(page, primaryButton(page));
    await page.screenshot({ path: '/tmp/aws-role-permissions.png' });

    await primaryButton(page).click();
    await page.waitForURL(/step=review/);
    await expect.poll(() => guideTitle(page).textContent()).toContain('Press «Create role»');
    expect(await guideRows(page, 'filled')).toEqual({ 'Role name': 'dockercloud-role', Description: ROLE_DESCRIPTION });
    await expectHighlightOn(page, primaryButton(page));

    await primaryButton(page).click();
    // Recorded from the console's flash; then the same tab goes on to the role's page (navigation only).
    await page.waitForURL(/#\/roles\/details\/dockercloud-role/, { timeout: 15_000 });
    const [role] = h.server.state.roles;
    expect(role?.name).toBe('dockercloud-role');
    expect(role?.description).toBe(ROLE_DESCRIPTION);
    expect(JSON.parse(role?.trustPolicy ?? '')).toEqual(JSON.parse(buildTrustPolicy({ externalId: 'moby', requireMfa: false })));
    expect(role?.attachedPolicyArns).toEqual([POLICY.arn]);
    expect((await storedLink(h)).done.roleCreated).toBeTypeOf('number');
    await expect.poll(() => guideTitle(page).textContent(), { timeout: 15_000 }).toContain('ready to link');
    expect(await guideCallout(page).textContent()).toContain('Role ARN: arn:aws:iam::123456789012:role/dockercloud-role');
    const link = await storedLink(h);
    expect(link.capturedRoleArn).toBe('arn:aws:iam::123456789012:role/dockercloud-role');
    expect(link.done.roleVerified).toBeTypeOf('number');
    await page.screenshot({ path: '/tmp/aws-role-details.png' });
  });

  it('fills the trusted entity when the console ignores the prefill parameters', async () => {
    await prepare(false);
    const { page } = h;
    await page.goto(`${IAM}#/roles/create?step=selectEntities`);
    await expect.poll(() => guideTitle(page).textContent(), { timeout: 15_000 }).toContain('choose the role');
    expect(await guideRows(page, 'filled')).toEqual(TRUSTED_ENTITY_FILLED);
    expect(await page.getByRole('textbox', { name: /Account ID/ }).inputValue()).toBe('689684103426');
    await primaryButton(page).click();
    // The console's own validation accepted the step.
    await page.waitForURL(/step=addPermissions/);
  });

  it('leaves only dockercloud-policy selected when another policy was ticked', async () => {
    await prepare();
    const { page } = h;
    await page.goto(`${IAM}${PREFILL}`);
    await expect.poll(() => guideTitle(page).textContent(), { timeout: 15_000 }).toContain('choose the role');
    await primaryButton(page).click();
    await expect.poll(() => guideTitle(page).textContent()).toContain('name the role');
    // The user also ticks an AWS managed policy, goes back, and comes again.
    await page.getByRole('searchbox').fill('');
    await page.getByRole('checkbox', { name: 'Select AmazonEC2FullAccess' }).check();
    await page.getByRole('button', { name: 'Previous' }).click();
    await page.waitForURL(/step=selectEntities/);
    await primaryButton(page).click();
    await expect.poll(() => guideTitle(page).textContent()).toContain('name the role');
    await page.getByRole('searchbox').fill('');
    expect(await page.getByRole('checkbox', { name: 'Select AmazonEC2FullAccess' }).isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: 'Select dockercloud-policy' }).isChecked()).toBe(true);
  });

  it('offers to check the existing role when the name is taken', async () => {
    await prepare();
    h.server.state.roles.push({
      name: 'dockercloud-role',
      arn: 'arn:aws:iam::123456789012:role/dockercloud-role',
      description: '',
      trustPolicy: buildTrustPolicy({ externalId: 'moby', requireMfa: false }),
      attachedPolicyArns: [POLICY.arn],
    });
    const { page } = h;
    await page.goto(`${IAM}${PREFILL}`);
    await expect.poll(() => guideTitle(page).textContent(), { timeout: 15_000 }).toContain('choose the role');
    await primaryButton(page).click();
    await expect.poll(() => guideTitle(page).textContent()).toContain('name the role');
    await primaryButton(page).click();
    await expect.poll(() => guideTitle(page).textContent()).toContain('Press «Create role»');
    await primaryButton(page).click();
    await expect.poll(() => guideTitle(page).textContent()).toContain('already exists');
    await guideButton(page, 'Check the existing role').click();
    await page.waitForURL(/#\/roles\/details\/dockercloud-role/);
    await expect.poll(() => guideTitle(page).textContent(), { timeout: 15_000 }).toContain('ready to link');
    expect(h.server.state.roles).toHaveLength(1);
  });
});
