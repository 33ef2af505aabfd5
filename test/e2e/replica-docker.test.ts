// Drives Docker Cloud's replica by hand, as a user would, in both generations: reach Cloud settings,
// open "Add AWS Credentials", save a Role ARN, and see success and errors where the page shows them.
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DOCKERCLOUD_POLICY, role } from '../replica/docker/fixtures';
import { ERRORS } from '../replica/docker/verify';
import { startReplicaServer, type ReplicaServer } from '../replica/server';
import type { ConfigPatch } from '../replica/state';
import { chromiumPath } from './harness';

const SHOTS = '/tmp/docker-shots';
const ORIGIN = 'https://cloud.docker.com';

let server: ReplicaServer;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startReplicaServer();
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', `--host-resolver-rules=MAP cloud.docker.com 127.0.0.1:${server.port}`,
    ],
  });
}, 60_000);

afterEach(async () => {
  await context?.close();
  context = undefined;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(patch: ConfigPatch): Promise<Page> {
  server.reset(patch);
  server.state.policies.push(DOCKERCLOUD_POLICY);
  server.state.roles.push(
    role('dockercloud-role-moby', { externalId: 'moby' }),
    role('dockercloud-role-teamawesome', { externalId: 'teamawesome' }),
    role('dockercloud-role-mfa', { externalId: 'moby', requireMfa: true }),
  );
  context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1200, height: 760 } });
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/`);
  return page;
}

const awsRow = (page: Page) => page.locator('li').filter({ hasText: 'Amazon Web Services' });
const arnOf = (name: string) => `arn:aws:iam::123456789012:role/${name}`;

describe('legacy layout (2016)', () => {
  it('links with the Role ARN from Cloud settings at the lower left, after an error', async () => {
    const page = await open({ docker: { layout: 'legacy' } });
    await expect.poll(() => new URL(page.url()).pathname).toBe('/app/moby/dashboard/onboarding/welcome');
    await page.getByText('Welcome to Docker Cloud').waitFor();
    expect(await page.locator('header button[aria-haspopup]').innerText()).toContain('moby');
    await page.screenshot({ path: `${SHOTS}/legacy-dashboard.png` });

    await page.getByRole('navigation').getByRole('link', { name: 'Cloud settings' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/app/moby/settings');
    await page.getByRole('heading', { name: 'Cloud Providers' }).waitFor();
    const plug = awsRow(page).getByRole('button', { name: 'Connect provider' });
    await plug.click();

    const dialog = page.getByRole('dialog', { name: 'Add AWS Credentials' });
    await dialog.getByLabel('Role ARN').fill(arnOf('dockercloud-role-mfa'));
    await dialog.getByRole('button', { name: 'Save' }).click();
    // The busy Save lasts only as long as the answer (~300 ms), too short to poll for reliably on a busy
    // machine; "shows a busy Save while Docker Cloud does not answer" checks it with an answer that never comes.
    await dialog.getByRole('alert').filter({ hasText: ERRORS.invalidRole }).waitFor();
    await page.screenshot({ path: `${SHOTS}/legacy-dialog-error.png` });
    expect(await dialog.isVisible()).toBe(true);

    await dialog.getByLabel('Role ARN').fill(arnOf('dockercloud-role-moby'));
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await awsRow(page).getByText(arnOf('dockercloud-role-moby')).waitFor();
    expect(await awsRow(page).getByRole('button', { name: 'Disconnect provider' }).getAttribute('class')).toMatch(/linked/i);
    await page.screenshot({ path: `${SHOTS}/legacy-linked.png` });

    expect(server.state.dockerLinks.moby).toEqual({ method: 'role', roleArn: arnOf('dockercloud-role-moby') });
    expect(server.state.dockerSaves).toEqual([
      { namespace: 'moby', roleArn: arnOf('dockercloud-role-mfa'), error: ERRORS.invalidRole },
      { namespace: 'moby', roleArn: arnOf('dockercloud-role-moby'), error: null },
    ]);
  }, 60_000);

  it('unlinks the old access key with the green plug, then relinks with the role', async () => {
    const page = await open({ docker: { layout: 'legacy', alreadyLinked: { moby: { method: 'access-key' } } } });
    await page.getByRole('link', { name: 'Cloud settings' }).click();
    await awsRow(page).getByText('Access Key ID').waitFor();
    await page.screenshot({ path: `${SHOTS}/legacy-access-key.png` });
    await awsRow(page).getByRole('button', { name: 'Disconnect provider' }).click();
    const confirm = page.getByRole('dialog', { name: 'Unlink Amazon Web Services?' });
    await page.screenshot({ path: `${SHOTS}/legacy-unlink.png` });
    await confirm.getByRole('button', { name: 'Unlink' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(server.state.dockerLinks.moby).toBeUndefined();

    await awsRow(page).getByRole('button', { name: 'Connect provider' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add AWS Credentials' });
    await dialog.getByLabel('Role ARN').fill(arnOf('dockercloud-role-moby'));
    await dialog.getByLabel('Role ARN').press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(server.state.dockerLinks.moby?.method).toBe('role');
  }, 60_000);

  it('ignores a value set without the events a React input listens to', async () => {
    const page = await open({ docker: { layout: 'legacy' } });
    await page.getByRole('link', { name: 'Cloud settings' }).click();
    await awsRow(page).getByRole('button', { name: 'Connect provider' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add AWS Credentials' });
    await dialog.getByLabel('Role ARN').evaluate((input: HTMLInputElement, arn) => {
      input.value = arn; // own-property setter: React's tracker sees no change
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, arnOf('dockercloud-role-moby'));
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByRole('alert').filter({ hasText: ERRORS.invalidRole }).waitFor();
    expect(server.state.dockerSaves.at(-1)?.roleArn).toBe('');
  }, 60_000);
});

describe('swarm layout (2017)', () => {
  it('switches to the organization and links from the account menu, after a forced error', async () => {
    const page = await open({ docker: { layout: 'swarm', save: 'invalid-credentials' } });
    await expect.poll(() => new URL(page.url()).pathname).toBe('/swarm/moby/swarms');
    await page.getByRole('button', { name: 'moby' }).click();
    await page.screenshot({ path: `${SHOTS}/swarm-menu.png` });
    await page.getByRole('menuitem', { name: /teamawesome/ }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/swarm/teamawesome/swarms');

    await page.getByRole('button', { name: 'teamawesome' }).click();
    await page.getByRole('menuitem', { name: 'Cloud settings' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/swarm/teamawesome/cloud-settings');
    await page.getByRole('heading', { name: 'Service providers' }).waitFor();
    await awsRow(page).getByRole('button').waitFor();
    await page.screenshot({ path: `${SHOTS}/swarm-settings.png` });
    expect(await awsRow(page).getByRole('button').getAttribute('aria-label')).toBeNull();
    await awsRow(page).getByRole('button').click();

    const dialog = page.getByRole('dialog', { name: 'Add AWS Credentials' });
    await dialog.getByLabel('Role ARN').fill(arnOf('dockercloud-role-teamawesome'));
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByRole('alert').filter({ hasText: ERRORS.invalidCredentials }).waitFor();
    await page.screenshot({ path: `${SHOTS}/swarm-dialog-error.png` });

    server.configure({ docker: { save: 'verify' } });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await awsRow(page).getByText('Connected').waitFor();
    await awsRow(page).getByText(arnOf('dockercloud-role-teamawesome')).waitFor();
    await page.screenshot({ path: `${SHOTS}/swarm-linked.png` });
    expect(server.state.dockerLinks).toEqual({ teamawesome: { method: 'role', roleArn: arnOf('dockercloud-role-teamawesome') } });
  }, 60_000);

  it('shows a busy Save while Docker Cloud does not answer', async () => {
    const page = await open({ docker: { layout: 'swarm', save: 'timeout' } });
    await page.getByRole('button', { name: 'moby' }).click();
    await page.getByRole('menuitem', { name: 'Cloud settings' }).click();
    await awsRow(page).getByRole('button').click();
    const dialog = page.getByRole('dialog', { name: 'Add AWS Credentials' });
    await dialog.getByLabel('Role ARN').fill(arnOf('dockercloud-role-moby'));
    await dialog.getByRole('button', { name: 'Save' }).click();
    // Docker Cloud has the request and holds it: the dialog is waiting for an answer that does not come.
    await expect.poll(() => server.state.dockerSaves.map((s) => s.error)).toEqual(['(no answer: timeout)']);
    expect(await dialog.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    expect(await dialog.getByRole('button', { name: 'Save' }).getAttribute('aria-busy')).toBe('true');
    await page.screenshot({ path: `${SHOTS}/swarm-saving.png` });
    expect(server.state.dockerLinks).toEqual({});
  }, 60_000);
});

describe('signed out', () => {
  it('sends every app page to the login page', async () => {
    const page = await open({ docker: { signedInAs: null } });
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByRole('heading', { name: 'Log in to Docker Cloud' }).waitFor();
    await page.goto(`${ORIGIN}/app/moby/settings`);
    expect(page.url()).toBe(`${ORIGIN}/login?next=%2Fapp%2Fmoby%2Fsettings`);
    await page.screenshot({ path: `${SHOTS}/login.png` });
    await page.getByLabel('Docker ID').fill('moby');
    await page.getByLabel('Password').fill('secret');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Cloud Providers' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/moby/settings');
  }, 60_000);
});
