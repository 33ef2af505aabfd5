// Walks the IAM console replica by hand, as a user would, in Chromium on the real host names
// (no extension): proves the replica pages work and records what the extension will be judged on.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildReplica, startReplicaServer, type ReplicaServer } from '../replica/server';
import { chromiumPath } from './harness';

const IAM = 'https://console.aws.amazon.com/iam/home';
const SHOTS = '/tmp/replica-shots';
const DOCKER_CLOUD_ACCOUNT = '689684103426';
const POLICY_DOCUMENT = JSON.stringify(
  { Version: '2012-10-17', Statement: [{ Action: ['ec2:*', 'iam:ListInstanceProfiles'], Effect: 'Allow', Resource: '*' }] },
  null,
  2,
);

let server: ReplicaServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  await buildReplica();
  mkdirSync(SHOTS, { recursive: true });
  server = await startReplicaServer();
  const map = ['console.aws.amazon.com', '*.console.aws.amazon.com', 'cloud.docker.com']
    .map((host) => `MAP ${host} 127.0.0.1:${server.port}`)
    .join(', ');
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', `--host-resolver-rules=${map}`],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  server.reset();
  // One context for the file keeps the HTTP cache (the Cloudscape chunk is large); a fresh page per test.
  context ??= await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } });
  await page?.close();
  page = await context.newPage();
});

const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

async function setCodeEditor(text: string) {
  await page.locator('.ace_content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

async function createPolicyByHand(name: string) {
  await page.goto(`${IAM}#/policies`);
  await page.getByRole('button', { name: 'Create policy' }).click();
  await page.getByText('JSON', { exact: true }).click();
  await setCodeEditor(POLICY_DOCUMENT);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Policy name').fill(name);
  await page.getByRole('button', { name: 'Create policy' }).click();
}

describe('IAM console replica, current console', () => {
  it('runs on real React with the Cloudscape styles', async () => {
    await page.goto(`${IAM}#/policies`);
    await page.getByRole('button', { name: 'Create policy' }).waitFor();
    const version = await page.evaluate(() => (window as { __REPLICA_REACT_VERSION__?: string }).__REPLICA_REACT_VERSION__);
    expect(version).toMatch(/^19\./);
    expect(await page.title()).toBe('IAM Management Console');
    // Cloudscape's styles are applied: its font on its components, its scoped class names.
    const button = page.getByRole('button', { name: 'Create policy' });
    expect(await button.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/Open Sans/);
    expect(await button.getAttribute('class')).toMatch(/awsui_button_vjswe_/);
  });

  it('creates the policy through the JSON editor and refuses a duplicate name', async () => {
    await page.goto(`${IAM}#/policies`);
    await page.getByRole('button', { name: 'Create policy' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/policies/create?step=addPermissions');
    await page.getByRole('heading', { name: 'Specify permissions' }).waitFor();
    await shot('policy-1-visual');
    await page.getByText('JSON', { exact: true }).click();
    await page.locator('.ace_editor').waitFor();

    await setCodeEditor('{ "Version": ');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText(/JSON Syntax Error: Fix the JSON syntax error at index \d+ line 1/).first().waitFor();
    expect(await page.evaluate(() => location.hash)).toContain('step=addPermissions');

    await setCodeEditor(POLICY_DOCUMENT);
    await shot('policy-2-json');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'Review and create' }).waitFor();
    expect(await page.evaluate(() => location.hash)).toBe('#/policies/create?step=review');
    await page.getByLabel('Policy name').fill('dockercloud-policy');
    await page.getByLabel(/^Description/).fill('Lets Docker Cloud manage EC2');
    await shot('policy-3-review');
    await page.getByRole('button', { name: 'Create policy' }).click();

    await page.getByText('Policy dockercloud-policy created.').waitFor();
    expect(await page.evaluate(() => location.hash)).toBe('#/policies');
    await shot('policy-4-created');
    expect(server.state.policies).toHaveLength(1);
    expect(server.state.policies[0]).toMatchObject({
      name: 'dockercloud-policy',
      arn: 'arn:aws:iam::123456789012:policy/dockercloud-policy',
      description: 'Lets Docker Cloud manage EC2',
    });
    expect(JSON.parse(server.state.policies[0]?.document ?? '')).toEqual(JSON.parse(POLICY_DOCUMENT));

    await createPolicyByHand('DockerCloud-Policy');
    await page.getByText('A policy called DockerCloud-Policy already exists. Duplicate names are not allowed.').waitFor();
    expect(await page.evaluate(() => location.hash)).toBe('#/policies/create?step=review');
    expect(server.state.policies).toHaveLength(1);
  });

  it('forgets the wizard on reload, as the console does', async () => {
    await page.goto(`${IAM}#/policies/create?step=review`);
    await page.getByRole('heading', { name: 'Specify permissions' }).waitFor();
    expect(await page.evaluate(() => location.hash)).toBe('#/policies/create?step=addPermissions');
  });

  it('creates the cross-account role with an external ID and shows its ARN', async () => {
    await createPolicyByHand('dockercloud-policy');
    await page.getByText('Policy dockercloud-policy created.').waitFor();

    await page.goto(`${IAM}#/roles`);
    await page.getByRole('button', { name: 'Create role' }).click();
    await page.getByRole('heading', { name: 'Select trusted entity' }).waitFor();
    await page.getByText('AWS account', { exact: true }).click();
    await page.getByText('Another AWS account').click();
    await page.getByLabel('Account ID', { exact: true }).fill('68968410342');
    await page.getByText('Require external ID (Best practice when a third party will assume this role)').click();
    await page.getByLabel('External ID', { exact: true }).fill('moby');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Account ID must be 12 digits.').waitFor();
    await page.getByLabel('Account ID', { exact: true }).fill(DOCKER_CLOUD_ACCOUNT);
    await shot('role-1-trusted-entity');
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByRole('heading', { name: 'Add permissions' }).waitFor();
    await page.getByPlaceholder('Filter policies by property or policy name and press enter').fill('dockercloud');
    await page.getByRole('checkbox', { name: 'Select dockercloud-policy' }).click();
    await shot('role-2-permissions');
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByRole('heading', { name: 'Name, review, and create' }).waitFor();
    await page.getByLabel('Role name').fill('dockercloud-role');
    await expect.poll(() => page.getByLabel('Trust policy').textContent()).toContain('"sts:ExternalId": "moby"');
    await shot('role-3-review');
    await page.getByRole('button', { name: 'Create role' }).click();

    await page.getByText('Role dockercloud-role created.').waitFor();
    await shot('role-4-created');
    // The recorder saw each value reach its control, in order and timed, and the form at every primary press.
    await expect.poll(() => server.state.inputs.filter((i) => i.label === 'Account ID').map((i) => i.value).at(-1)).toBe(DOCKER_CLOUD_ACCOUNT);
    const account = server.state.inputs.filter((i) => i.label === 'Account ID');
    expect(account.map((i) => i.value)).toContain('68968410342');
    expect(account.map((i) => i.at)).toEqual([...account.map((i) => i.at)].sort((a, b) => a - b));
    expect(server.state.inputs.some((i) => i.kind === 'editor' && i.value === POLICY_DOCUMENT)).toBe(true);
    const firstNext = server.state.presses.find((p) => p.url.includes('selectEntities'));
    expect(firstNext?.button).toBe('Next');
    expect(firstNext?.controls.find((c) => c.label === 'Account ID')?.value).toBe('68968410342');
    expect(firstNext?.controls.find((c) => c.label.startsWith('Require external ID'))?.value).toBe('true');
    expect(server.state.roles).toHaveLength(1);
    const role = server.state.roles[0]!;
    expect(role).toMatchObject({
      name: 'dockercloud-role',
      arn: 'arn:aws:iam::123456789012:role/dockercloud-role',
      attachedPolicyArns: ['arn:aws:iam::123456789012:policy/dockercloud-policy'],
    });
    expect(JSON.parse(role.trustPolicy)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${DOCKER_CLOUD_ACCOUNT}:root` },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': 'moby' } },
        },
      ],
    });

    await page.getByRole('button', { name: 'View role' }).click();
    await page.getByRole('heading', { name: 'Summary' }).waitFor();
    expect(await page.evaluate(() => location.hash)).toBe('#/roles/details/dockercloud-role');
    await page.getByText('arn:aws:iam::123456789012:role/dockercloud-role').waitFor();
    await shot('role-5-details');
    await page.getByRole('tab', { name: 'Trust relationships' }).click();
    await page.getByText('"sts:ExternalId": "moby"').waitFor();

    // A second role of the same name (any case) is refused and the wizard stays on review.
    await page.goto(`${IAM}#/roles/create?step=selectEntities&trustedEntityType=AWS_ACCOUNT&awsAccount=${DOCKER_CLOUD_ACCOUNT}`);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Role name').fill('DockerCloud-Role');
    await page.getByRole('button', { name: 'Create role' }).click();
    await page.getByText('Role with name DockerCloud-Role already exists.').waitFor();
    expect(server.state.roles).toHaveLength(1);

    await page.goto(`${IAM}#/roles/details/nobody`);
    await page.getByText('Role not found').waitFor();
  });

  it('honours only the account prefill parameters, never the external ID', async () => {
    await page.goto(
      `${IAM}#/roles/create?step=selectEntities&trustedEntityType=AWS_ACCOUNT&awsAccount=${DOCKER_CLOUD_ACCOUNT}&isThirdParty=true&externalId=moby&roleName=dockercloud-role`,
    );
    await expect.poll(() => page.getByLabel('Account ID', { exact: true }).inputValue()).toBe(DOCKER_CLOUD_ACCOUNT);
    expect(await page.getByRole('radio', { name: 'Another AWS account' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /Require external ID/ }).isChecked()).toBe(false);
    expect(await page.getByLabel('External ID', { exact: true }).count()).toBe(0);
  });

  it('renders the Japanese console, late, with drifted fields', async () => {
    server.configure({
      aws: { locale: 'ja', renderDelayMs: 400, drift: { reorderFields: true, duplicateAccountIdField: true, removeField: 'externalId' } },
    });
    // Whether the step showed its loading state first, recorded from document start: a wait for that state
    // could begin after it was gone (a page loaded slowly on a busy machine).
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('[data-replica-loading]')) return;
        Object.assign(window, { sawLoading: true });
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${IAM}#/roles/create?step=selectEntities&trustedEntityType=AWS_ACCOUNT`);
    await page.getByRole('heading', { name: '信頼されたエンティティを選択' }).waitFor();
    expect(await page.evaluate(() => 'sawLoading' in window)).toBe(true);
    await page.getByText('別の AWS アカウント').click();
    await expect.poll(() => page.getByLabel('アカウント ID').count()).toBe(2);
    expect(await page.getByText(/外部 ID が必要です/).count()).toBe(0);
    await page.getByText('MFA が必要').waitFor();
    await page.getByRole('button', { name: '次へ' }).waitFor();
    await shot('role-ja-drift');
  });

  it('renders the German console with the role name field removed', async () => {
    server.configure({ aws: { locale: 'de', drift: { removeField: 'roleName' } } });
    await page.goto(`${IAM}#/roles/create?step=selectEntities&trustedEntityType=AWS_ACCOUNT&awsAccount=${DOCKER_CLOUD_ACCOUNT}`);
    await expect.poll(() => page.getByLabel('Konto-ID', { exact: true }).inputValue()).toBe(DOCKER_CLOUD_ACCOUNT);
    await page.getByText(/^Externe ID erforderlich/).click();
    await page.getByLabel('Externe ID', { exact: true }).fill('moby');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByPlaceholder('Richtlinien nach Eigenschaft oder Richtlinienname filtern und Eingabetaste drücken').waitFor();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('heading', { name: 'Benennen, überprüfen und erstellen' }).waitFor();
    expect(await page.getByLabel('Rollenname').count()).toBe(0);
    await page.getByRole('button', { name: 'Rolle erstellen' }).click();
    await page.getByText('Geben Sie einen Rollennamen ein.').first().waitFor();
    expect(server.state.roles).toHaveLength(0);
  });
});

describe('IAM console replica, legacy console', () => {
  it('creates the policy and the cross-account role the 2016 way', async () => {
    server.configure({ aws: { variant: 'legacy' } });
    await page.goto(`${IAM}#policies`);
    await page.getByRole('button', { name: 'Create Policy' }).click();
    await page.getByRole('row', { name: /Create Your Own Policy/ }).getByRole('button', { name: 'Select' }).click();
    await page.getByLabel('Policy Name').fill('dockercloud-policy');
    await page.getByLabel('Policy Document').fill('{ "Version": "2012-10-17" ');
    await page.getByRole('button', { name: 'Validate Policy' }).click();
    await page.getByText(/This policy contains the following error/).waitFor();
    await page.getByLabel('Policy Document').fill(POLICY_DOCUMENT);
    await page.getByRole('button', { name: 'Validate Policy' }).click();
    await page.getByText('This policy is valid.').waitFor();
    await shot('legacy-policy');
    await page.getByRole('button', { name: 'Create Policy' }).click();
    await page.getByText('Policy dockercloud-policy created.').waitFor();
    expect(server.state.policies.map((p) => p.name)).toEqual(['dockercloud-policy']);

    await page.goto(`${IAM}#roles`);
    await page.getByRole('button', { name: 'Create New Role' }).click();
    await page.getByLabel('Role Name').fill('dockercloud-role');
    await page.getByRole('button', { name: 'Next Step' }).click();
    await page.getByText('Role for Cross-Account Access').click();
    await page
      .getByRole('row', { name: /Allows IAM users from a 3rd party AWS account to access this account/ })
      .getByRole('button', { name: 'Select' })
      .click();
    await page.getByLabel('Account ID', { exact: true }).fill(DOCKER_CLOUD_ACCOUNT);
    await page.getByLabel('External ID', { exact: true }).fill('moby');
    await page.getByRole('button', { name: 'Next Step' }).click();
    await page.getByLabel('Filter').fill('docker');
    await page.getByLabel('dockercloud-policy').check();
    await page.getByRole('button', { name: 'Next Step' }).click();
    await page.getByText('arn:aws:iam::123456789012:role/dockercloud-role').waitFor();
    await shot('legacy-role-review');
    await page.getByRole('button', { name: 'Create Role' }).click();
    await page.getByText('Role dockercloud-role created.').waitFor();

    expect(server.state.roles).toHaveLength(1);
    expect(server.state.roles[0]?.attachedPolicyArns).toEqual(['arn:aws:iam::123456789012:policy/dockercloud-policy']);
    expect(JSON.parse(server.state.roles[0]?.trustPolicy ?? '').Statement[0].Condition).toEqual({
      StringEquals: { 'sts:ExternalId': 'moby' },
    });

    await page.getByRole('link', { name: 'dockercloud-role' }).click();
    await page.getByRole('row', { name: /Role ARN/ }).getByText('arn:aws:iam::123456789012:role/dockercloud-role').waitFor();

    // The old prefill link opens "Select Role Type" with cross-account open and fills the account later.
    await page.goto(`${IAM}#/roles$new?step=type&roleType=crossAccount&accountID=${DOCKER_CLOUD_ACCOUNT}`);
    await page
      .getByRole('row', { name: /Allows IAM users from a 3rd party AWS account to access this account/ })
      .getByRole('button', { name: 'Select' })
      .click();
    expect(await page.getByLabel('Account ID').inputValue()).toBe(DOCKER_CLOUD_ACCOUNT);
    expect(await page.getByLabel('External ID').inputValue()).toBe('');
  });
});
