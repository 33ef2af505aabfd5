// The link without the console, in the popup: the CloudShell script and the CloudFormation template copied and
// downloaded as the core builds them; then the script run by the AWS CLI, its printed ARN entered by hand,
// verified on the role's page and sent to Docker Cloud as usual.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildCliScript } from '../../src/core/cli-script';
import { buildCloudFormationTemplate } from '../../src/core/cloudformation';
import type { LinkSettings } from '../../src/core/flow';
import type { Namespace } from '../../src/core/names';
import { awsCliOrSkip, cliSandbox } from '../unit/aws-cli';
import { startFakeIam } from '../unit/fake-iam';
import { DOCKER_CLOUD, launch, type Harness } from './harness';
import { linkState, seed, statuses, stored } from './popup-support';

const MOBY: LinkSettings = { namespace: 'moby' as Namespace, policy: { region: 'eu-west-1', passRole: true }, roleName: 'dockercloud-role', sharedAwsAccount: false };
const built = (r: ReturnType<typeof buildCliScript>) => {
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
};

const aws = await awsCliOrSkip();

let h: Harness;
beforeAll(async () => {
  h = await launch();
  h.context.setDefaultTimeout(15_000);
  await h.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});
afterAll(async () => h?.close());
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });
beforeEach(async () => {
  h.server.reset();
  await seed(h, linkState({ moby: { settings: MOBY, done: {}, capturedRoleArn: null, problems: {} } }));
  for (const p of h.context.pages().slice(1)) await p.close();
});

async function openPanel(): Promise<Page> {
  const popup = await h.openPopup();
  await popup.getByRole('button', { name: 'Set up with CloudShell or a template instead' }).click();
  await poll(() => popup.getByRole('dialog', { name: 'Set up with CloudShell or a template instead' }).isVisible()).toBe(true);
  return popup;
}

async function download(popup: Page, name: string): Promise<{ fileName: string; text: string }> {
  const [file] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('link', { name }).click()]);
  const path = await file.path();
  return { fileName: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

describe('Set up with CloudShell or a template instead', () => {
  it('copies and downloads the script and the template the core builds, and keeps the popup within 600 px', async () => {
    const popup = await openPanel();
    const script = built(buildCliScript(MOBY));
    const template = built(buildCloudFormationTemplate(MOBY));

    expect(await download(popup, 'Download script')).toEqual({ fileName: 'dockercloud-link-moby.sh', text: script });
    expect(await download(popup, 'Download template')).toEqual({ fileName: 'dockercloud-link-moby.json', text: template });

    await popup.getByRole('button', { name: 'Copy script' }).click();
    await poll(() => popup.evaluate(() => navigator.clipboard.readText())).toBe(script);
    expect(await popup.getByRole('group', { name: 'CloudShell script' }).getByRole('button').first().innerText()).toBe('Copied');
    await popup.getByRole('button', { name: 'Copy template' }).click();
    await poll(() => popup.evaluate(() => navigator.clipboard.readText())).toBe(template);

    const panel = await popup.locator('.as-code-panel').innerText();
    expect(panel).toContain('Open AWS CloudShell');
    expect(panel).toContain('bash dockercloud-link-moby.sh');
    expect(panel).toContain('Create stack, Upload a template file');
    expect(panel).toContain('enter the Role ARN it gives you with “Enter the Role ARN by hand”');
    await popup.screenshot({ path: '/tmp/script-or-template.png' });
    // Chrome cuts a popup at 600 px: the panel covers the popup (600 px tall here) and fits it without
    // scrolling, and opening it does not make the popup any taller.
    const size = () =>
      popup.evaluate(() => {
        const panel = document.querySelector('dialog.as-code-panel');
        return { page: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth, panel: panel?.scrollHeight, box: panel?.clientHeight };
      });
    const open = await size();
    expect(open.box).toBe(600);
    expect(open.panel).toBeLessThanOrEqual(open.box!);
    expect(open.width).toBeLessThanOrEqual(380);
    await popup.getByRole('button', { name: 'Back to the checklist' }).click();
    await poll(() => popup.getByRole('dialog').count()).toBe(0);
    expect((await size()).page).toBe(open.page);
  });

  it.skipIf(aws === null)('takes the ARN the downloaded script prints back by hand; the role is verified on its page and sent to Docker Cloud', { timeout: 240_000 }, async () => {
    const popup = await openPanel();
    const { text: script } = await download(popup, 'Download script');

    // The script as the user runs it in CloudShell: the real AWS CLI, here against a loopback IAM.
    const fake = await startFakeIam();
    const sandbox = cliSandbox(aws!, fake);
    try {
      const { run, lastLine } = await sandbox.run(script);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      // What the script made is what the account now holds: the replica console shows it.
      for (const p of fake.policies.values()) h.server.state.policies.push({ name: p.name, arn: fake.policyArn(p.name), description: p.description, document: p.document });
      for (const r of fake.roles.values()) {
        h.server.state.roles.push({ name: r.name, arn: fake.roleArn(r.name), description: r.description, trustPolicy: r.trustPolicy, attachedPolicyArns: r.attached });
      }
      const arn = lastLine!;
      expect(arn).toBe('arn:aws:iam::123456789012:role/dockercloud-role');

      await popup.getByRole('button', { name: 'Back to the checklist' }).click();
      await popup.getByRole('button', { name: 'Enter the Role ARN by hand' }).click();
      const field = popup.getByRole('textbox', { name: /^Role ARN/ });
      await field.fill(arn);
      await field.press('Enter');
      await poll(() => popup.getByTestId('captured-arn').innerText()).toBe(arn);
      await poll(() => statuses(popup)).toEqual(['todo', 'done', 'done', 'next', 'todo', 'todo']); // with the ARN, checking the role is next

      // Verification as usual: the checklist opens the role's page, where the role is read and checked.
      await popup.locator('[data-step=roleVerified]').getByRole('button', { name: 'Open role' }).click();
      await poll(async () => Object.keys((await stored(h)).state?.links.moby?.done ?? {}).sort()).toEqual(['arnCaptured', 'policyCreated', 'roleCreated', 'roleVerified']);
      await poll(() => statuses(popup)).toEqual(['done', 'done', 'done', 'done', 'next', 'todo']);

      // And sending as usual.
      await h.page.goto(`${DOCKER_CLOUD}/`);
      await popup.getByRole('button', { name: 'Send to Docker Cloud' }).click();
      await poll(() => h.server.state.dockerLinks.moby).toEqual({ method: 'role', roleArn: arn });
      await poll(() => statuses(popup)).toEqual(['done', 'done', 'done', 'done', 'done', 'done']);
    } finally {
      sandbox.close();
      await fake.close();
    }
  });
});
