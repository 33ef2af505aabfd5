// Role details: the ARN captured and the role checked by the background before the ARN goes anywhere:
// a right role is ready to link; a wrong External ID, MFA, or a missing policy are each named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrustPolicy } from '../../src/core/trust-policy';
import { roleCreateHash } from '../../src/core/console-routes';
import { REPLICA_SESSION_HOST, type CreatedRole } from '../replica/state';
import { guideCallout, guideTitle, IAM, primaryButton, routerSawPage, startLink, storedLink } from './aws-support';
import { launch, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

const POLICY_ARN = 'arn:aws:iam::123456789012:policy/dockercloud-policy';
const ARN = 'arn:aws:iam::123456789012:role/dockercloud-role';

async function withRole(role: Partial<CreatedRole>) {
  await startLink(h, { done: ['policyCreated', 'roleCreated'] });
  h.server.state.policies.push({ name: 'dockercloud-policy', arn: POLICY_ARN, description: '', document: '{}' });
  h.server.state.roles.push({
    name: 'dockercloud-role',
    arn: ARN,
    description: '',
    trustPolicy: buildTrustPolicy({ externalId: 'moby', requireMfa: false }),
    attachedPolicyArns: [POLICY_ARN],
    ...role,
  });
}

async function verdict(path = '#/roles/details/dockercloud-role', iam = IAM) {
  await h.page.goto(`${iam}${path}`);
  await expect.poll(() => guideTitle(h.page).textContent(), { timeout: 15_000 }).toMatch(/ready to link|cannot be used/);
  return (await guideCallout(h.page).textContent()) ?? '';
}

describe('role details', () => {
  it('captures the ARN of a right role and records it verified', async () => {
    await withRole({});
    const text = await verdict();
    expect(text).toContain('dockercloud-role is ready to link');
    expect(text).toContain(`Role ARN: ${ARN}`);
    const link = await storedLink(h);
    expect(link.capturedRoleArn).toBe(ARN);
    expect(link.done.roleVerified).toBeTypeOf('number');
  });

  it('on a multi-session host, verifies a role of the session account and names another account', async () => {
    await withRole({});
    const same = await verdict(undefined, `https://${REPLICA_SESSION_HOST}/iam/home`);
    expect(same).toContain('dockercloud-role is ready to link');
    await withRole({});
    const other = await verdict(undefined, 'https://111122223333-abcd1234.us-east-1.console.aws.amazon.com/iam/home');
    expect(other).toContain('The role is in AWS account 123456789012, but this console session is signed in to account 111122223333');
    const link = await storedLink(h);
    // Captured (its page showed it), not verified.
    expect(link.capturedRoleArn).toBe(ARN);
    expect(link.done.roleVerified).toBeUndefined();
  });

  it('reads the role from the Trust relationships tab too', async () => {
    await withRole({});
    expect(await verdict('#/roles/details/dockercloud-role?section=trust_relationships')).toContain('ready to link');
  });

  it('flags a role made with the wrong External ID', async () => {
    await withRole({ trustPolicy: buildTrustPolicy({ externalId: 'teamawesome', requireMfa: false }) });
    const text = await verdict();
    expect(text).toContain('dockercloud-role cannot be used by Docker Cloud yet');
    expect(text).toContain('The role\'s External ID is "teamawesome", but it must be your Docker Cloud name "moby".');
    const link = await storedLink(h);
    expect(link.done.roleVerified).toBeUndefined();
    expect(link.problems.roleVerified?.map((p) => p.message)).toEqual(['trustExternalIdDifferent']);
  });

  it('flags a role without dockercloud-policy', async () => {
    await withRole({ attachedPolicyArns: ['arn:aws:iam::aws:policy/AmazonEC2FullAccess'] });
    expect(await verdict()).toContain('The role does not have "dockercloud-policy" attached');
  });

  it('flags a role the user made with "Require MFA" ticked, on the review step and on the role', async () => {
    await startLink(h, { done: ['policyCreated'] });
    h.server.state.policies.push({ name: 'dockercloud-policy', arn: POLICY_ARN, description: '', document: '{}' });
    const { page } = h;
    await page.goto(`${IAM}${roleCreateHash({ trustedAccountId: '689684103426', externalId: 'moby', roleName: 'dockercloud-role' })}`);
    await expect.poll(() => guideTitle(page).textContent(), { timeout: 15_000 }).toContain('choose the role');
    await page.getByRole('checkbox', { name: 'Require MFA' }).check();
    await primaryButton(page).click();
    await expect.poll(() => guideTitle(page).textContent()).toContain('name the role');
    await primaryButton(page).click();
    await expect.poll(() => guideTitle(page).textContent()).toContain('not what Docker Cloud needs');
    expect(await guideCallout(page).textContent()).toContain('The role requires MFA');
    await primaryButton(page).click();
    // Created: the extension takes the tab to the role's page itself.
    await page.waitForURL(/#\/roles\/details\/dockercloud-role/, { timeout: 15_000 });
    await expect.poll(() => guideTitle(page).textContent(), { timeout: 15_000 }).toContain('cannot be used');
    expect(await guideCallout(page).textContent()).toContain('The role requires MFA; Docker Cloud cannot use MFA');
    expect((await storedLink(h)).done.roleVerified).toBeUndefined();
  });

  it('leaves other roles alone', async () => {
    await withRole({});
    h.server.state.roles.push({ name: 'other-role', arn: 'arn:aws:iam::123456789012:role/other-role', description: '', trustPolicy: '{}', attachedPolicyArns: [] });
    await h.page.goto(`${IAM}#/roles/details/other-role`);
    await h.page.getByText('arn:aws:iam::123456789012:role/other-role').waitFor();
    await routerSawPage(h);
    expect(await h.page.locator('#dockercloud-aws-link-guide').count()).toBe(0);
    expect((await storedLink(h)).capturedRoleArn).toBeNull();
  });
});
