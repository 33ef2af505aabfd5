// The popup as the user meets it: first run, live validation, the checklist, the Role ARN, several namespaces.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launch, type Harness } from './harness';
import type { Locator, Page } from 'playwright-core';
import { ARN, fromPopup, linkState, seed, seedWorld, settings, statuses, stored } from './popup-support';

let h: Harness;
beforeAll(async () => {
  h = await launch();
  h.context.setDefaultTimeout(10_000);
});
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000, interval: 100 });
afterAll(async () => h?.close());
const focused = (l: Locator) => l.evaluate((el) => el === document.activeElement);
const openAdvanced = (popup: Page) => popup.getByRole('button', { name: /^Advanced/ }).click();
/** The badge the background set on the toolbar button. */
const badge = async () => (await h.serviceWorker()).evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}));
beforeEach(async () => {
  await seed(h, undefined);
  for (const p of h.context.pages().slice(1)) await p.close();
  await h.page.goto('about:blank');
});

describe('first run', () => {
  it('asks for the namespace, with every control labelled', async () => {
    const popup = await h.openPopup();
    await poll(() => popup.getByRole('heading', { name: 'Link your AWS account to Docker Cloud' }).count()).toBe(1);
    const unlabelled = await popup.locator('input, select').evaluateAll((els) =>
      els.filter((el) => (el as HTMLInputElement).labels?.length === 0).map((el) => el.outerHTML),
    );
    expect(unlabelled).toEqual([]);
    expect(await popup.getByLabel('Role name', { exact: true }).inputValue()).toBe('dockercloud-role');
    expect(await popup.evaluate(() => document.body.getBoundingClientRect().width)).toBe(360);
    await poll(() => focused(popup.getByLabel('Docker Cloud namespace', { exact: true }))).toBe(true);
    // The advanced choices wait behind a disclosure, which says what it holds.
    expect(await popup.getByLabel('Also allow iam:PassRole').isVisible()).toBe(false);
    await openAdvanced(popup);
    expect(await popup.getByLabel('Also allow iam:PassRole').isVisible()).toBe(true);
  });

  it('says what is wrong with the namespace as it is typed, and saves nothing invalid', async () => {
    const popup = await h.openPopup();
    const field = popup.getByLabel('Docker Cloud namespace', { exact: true });
    const error = popup.locator('.field .error').first();
    for (const [typed, message] of [
      ['Moby', 'Docker Cloud names are lowercase: use "moby".'],
      ['moby dock', 'Docker Cloud names have no spaces.'],
      ['mo_by', 'Docker Cloud names use only lowercase letters and digits; "_" is not allowed.'],
      ['mob', '"mob" is too short: Docker Cloud names have at least 4 characters.'],
      ['a'.repeat(31), `"${'a'.repeat(31)}" is too long: Docker Cloud names have at most 30 characters.`],
    ]) {
      await field.fill(typed!);
      await field.blur();
      await poll(() => error.innerText()).toBe(message);
      expect(await field.getAttribute('aria-invalid')).toBe('true');
    }
    await field.fill('');
    await popup.getByRole('button', { name: 'Save and start' }).click();
    await poll(() => error.innerText()).toBe('Enter your Docker Cloud user name or organization.');
    // The field to fix takes the focus back.
    await poll(() => focused(field)).toBe(true);
    expect((await stored(h)).state).toBeUndefined();

    await field.fill('moby');
    await openAdvanced(popup);
    expect(await field.getAttribute('aria-invalid')).toBe('false');
    await popup.getByLabel('Role name', { exact: true }).fill('my role');
    await poll(() => popup.locator('.field .error').last().innerText()).toBe(
      'A role name may contain letters, digits and + = , . @ _ - only; " " is not allowed.',
    );
  });

  it('saves the choices with the keyboard and shows the checklist, the policy step next', async () => {
    const popup = await h.openPopup();
    await popup.getByLabel('Docker Cloud namespace', { exact: true }).fill('moby');
    await popup.getByLabel('EC2 in one region only').check();
    await popup.getByLabel('Region', { exact: true }).selectOption('eu-west-1');
    await openAdvanced(popup);
    await popup.getByLabel('Also allow iam:PassRole').check();
    await popup.getByLabel('Role name', { exact: true }).press('Enter');
    await poll(() => statuses(popup)).toEqual(['next', 'todo', 'todo', 'todo', 'todo', 'todo']);
    // The form's Save is gone: focus is on what replaced it, the one next action.
    await poll(() => focused(popup.getByRole('button', { name: 'Create policy' }))).toBe(true);
    await poll(() => badge()).toBe('0/6');
    expect((await stored(h)).state).toEqual(
      linkState({ moby: { settings: { ...settings('moby'), policy: { region: 'eu-west-1', passRole: true } }, done: {}, capturedRoleArn: null, problems: {} } }),
    );
    expect(await popup.locator('.summary').innerText()).toContain('EC2 in eu-west-1 only, with iam:PassRole');
  });

  it('shows a returning user their checklist without a flash of the first-run form', async () => {
    await seed(h, linkState({ moby: { settings: settings('moby'), done: {}, capturedRoleArn: null, problems: {} } }));
    const popup = await h.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.addInitScript(() => {
      const w = window as unknown as { sawForm: boolean };
      w.sawForm = false;
      new MutationObserver(() => {
        if (document.querySelector('form.setup')) w.sawForm = true;
      }).observe(document, { childList: true, subtree: true });
    });
    await popup.goto(h.popupUrl);
    await popup.locator('.checklist').waitFor();
    expect(await popup.evaluate(() => (window as unknown as { sawForm: boolean }).sawForm)).toBe(false);
  });
});

describe('checklist', () => {
  it('shows each step done, failed with its problem, next or to do', async () => {
    const t = 1_700_000_000_000;
    await seed(h, linkState({
      moby: {
        settings: settings('moby'),
        done: { policyCreated: t, roleCreated: t, arnCaptured: t },
        capturedRoleArn: ARN,
        problems: { roleVerified: [{ message: 'trustMfaRequired' }] },
      },
    }));
    const popup = await h.openPopup();
    await poll(() => statuses(popup)).toEqual(['done', 'done', 'done', 'failed', 'todo', 'todo']);
    const failed = popup.locator('[data-step=roleVerified]');
    // What failed, how to fix it, and one primary action: back to the role.
    expect(await failed.innerText()).toContain('The role requires MFA; Docker Cloud cannot use MFA, so untick "Require MFA".');
    expect(await failed.innerText()).toContain('Fix it on the role\'s page in the IAM console');
    expect(await popup.locator('button.primary').allInnerTexts()).toEqual(['Open role']);
    // Done steps say when and offer nothing that would make duplicates; later steps are text.
    expect(await popup.locator('.checklist li:not([data-step=roleVerified]) button').count()).toBe(0);
    expect(await popup.locator('[data-step=policyCreated]').innerText()).toMatch(/Done \w{3} \d+, 2023/);
    expect(await popup.getByTestId('captured-arn').innerText()).toBe(ARN);
    await poll(() => badge()).toBe('!');

    // Sending anyway is a deliberate second choice: asked, and Esc takes it back.
    const anyway = popup.getByRole('button', { name: 'Send without the check…' });
    await anyway.click();
    const confirm = popup.getByRole('group', { name: 'Send without the check…' });
    await poll(() => focused(confirm.getByRole('button', { name: 'Cancel' }))).toBe(true);
    expect(await confirm.getByRole('button', { name: 'Send anyway' }).count()).toBe(1);
    await popup.keyboard.press('Escape');
    await poll(() => confirm.count()).toBe(0);
    await poll(() => focused(anyway)).toBe(true);
  });

  it('follows changes made elsewhere, live', async () => {
    await seed(h, linkState({ moby: { settings: settings('moby'), done: {}, capturedRoleArn: null, problems: {} } }));
    const popup = await h.openPopup();
    await poll(() => statuses(popup)).toEqual(['next', 'todo', 'todo', 'todo', 'todo', 'todo']);
    const other = await h.openPopup();
    expect(await fromPopup(other, { kind: 'enterRoleArn', namespace: 'moby', roleArn: ARN })).toEqual({ problems: [] });
    // With the ARN in hand, checking the role is next (it proves the policy too).
    await poll(() => statuses(popup)).toEqual(['todo', 'done', 'done', 'next', 'todo', 'todo']);
    expect(await popup.getByTestId('captured-arn').innerText()).toBe(ARN);
    // Said to screen readers through the live region that was there, empty, from the start.
    await poll(() => popup.getByTestId('announcer').innerText()).toBe('moby: 2 of 6 steps done. Next: Open role.');
    await poll(() => badge()).toBe('2/6');
  });

  it('opens the next step\'s page in the console tab already open, keeping a half-filled wizard', async () => {
    await seed(h, linkState({ moby: { settings: settings('moby'), done: { policyCreated: Date.now() }, capturedRoleArn: null, problems: {} } }));
    // A tab the browser opened for the test: tabs the extension creates may load before the harness can accept the replica's certificate.
    await h.page.goto('https://us-east-1.console.aws.amazon.com/iam/home?region=us-east-1#/roles');
    const popup = await h.openPopup();
    const pages = h.context.pages().length;
    // The done step has no button that would make a second policy.
    await poll(() => popup.getByRole('button', { name: 'Create role' }).count()).toBe(1);
    expect(await popup.getByRole('button', { name: 'Create policy' }).count()).toBe(0);
    await popup.getByRole('button', { name: 'Create role' }).click();
    const createRole = '#/roles/create?step=selectEntities&trustedEntityType=AWS_ACCOUNT&awsAccount=689684103426&isThirdParty=true&externalId=moby&roleName=dockercloud-role';
    // Same tab, its regional host and query kept.
    await poll(() => h.page.url()).toBe(`https://us-east-1.console.aws.amazon.com/iam/home?region=us-east-1${createRole}`);

    // Opening the same step again leaves the wizard where the user is.
    await h.page.evaluate(() => history.replaceState(null, '', '#/roles/create?step=review'));
    await popup.getByRole('button', { name: 'Create role' }).click();
    // The background handles one message at a time, effects (tab updates) included: once it has answered a
    // message sent after the click, it has done all it will do for the click.
    await popup.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ kind: 'getState' }));
    expect(new URL(h.page.url()).hash).toBe('#/roles/create?step=review');
    expect(h.context.pages().length).toBe(pages);
  });
});

describe('Role ARN', () => {
  it('takes an ARN by hand only when valid, then asks for confirmation before sending an unverified role', async () => {
    await seed(h, linkState({ moby: { settings: settings('moby'), done: {}, capturedRoleArn: null, problems: {} } }));
    const popup = await h.openPopup();
    // Nothing to send yet, so no Send button at all.
    await poll(() => popup.getByRole('button', { name: 'Create policy' }).count()).toBe(1);
    expect(await popup.getByRole('button', { name: 'Send to Docker Cloud' }).count()).toBe(0);
    await popup.getByRole('button', { name: 'Enter the Role ARN by hand' }).click();
    const field = popup.getByLabel('Role ARN (from the role\'s Summary)');
    await field.fill('arn:aws:iam::123456789012:user/dockercloud-user');
    await poll(() => popup.locator('.arn .error').innerText()).toBe('This is an IAM user\'s ARN; Docker Cloud needs the role\'s ARN (…:role/…).');
    await popup.getByRole('button', { name: 'Use this ARN' }).click();
    expect((await stored(h)).state?.links.moby?.capturedRoleArn).toBeNull();

    await field.fill(ARN);
    await popup.getByRole('button', { name: 'Use this ARN' }).click();
    await poll(() => popup.getByTestId('captured-arn').count()).toBe(1);
    expect(await popup.getByTestId('captured-arn').innerText()).toBe(ARN);
    // With the ARN, the next step is checking the role; sending unchecked is the secondary choice.
    expect(await popup.locator('[data-step=roleVerified]').innerText()).toContain('The role is not verified yet.');
    expect(await popup.locator('button.primary').allInnerTexts()).toEqual(['Open role']);
    expect(await popup.getByRole('button', { name: 'Send without the check…' }).count()).toBe(1);

    await h.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await popup.getByRole('button', { name: 'Copy' }).click();
    await poll(() => popup.getByRole('button', { name: 'Copied' }).count()).toBe(1);
    expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(ARN);
  });

  it('shows progress while Docker Cloud works, and stops on request', async () => {
    h.server.reset({ docker: { save: 'timeout' } });
    const t = Date.now();
    await seed(h, linkState({
      moby: { settings: settings('moby'), done: { policyCreated: t, roleCreated: t, arnCaptured: t, roleVerified: t }, capturedRoleArn: ARN, problems: {} },
    }));
    await h.page.goto('https://cloud.docker.com/');
    const popup = await h.openPopup();
    // Once the role is checked, the next step's button is the send itself.
    await poll(() => popup.locator('button.primary').allInnerTexts()).toEqual(['Send to Docker Cloud']);
    await popup.getByRole('button', { name: 'Send to Docker Cloud' }).click();
    await poll(() => popup.locator('.send').innerText()).toContain('Sending the Role ARN to Docker Cloud for moby');
    await poll(() => popup.getByTestId('announcer').innerText()).toContain('Sending the Role ARN to Docker Cloud for moby');
    expect(await statuses(popup)).toEqual(['done', 'done', 'done', 'done', 'sending', 'sending']);
    expect((await stored(h)).task).toMatchObject({ namespace: 'moby', roleArn: ARN, replaceExisting: false, alreadyLinked: null, replacing: null });
    // The Docker Cloud tab already open is reloaded so its content script pulls the task.
    await poll(() => h.page.url()).toBe('https://cloud.docker.com/app/moby/settings');
    await popup.getByRole('button', { name: 'Stop' }).click();
    await poll(async () => (await stored(h)).task).toBeNull();
    await poll(() => focused(popup.getByRole('button', { name: 'Send to Docker Cloud' }))).toBe(true);
    h.server.reset();
  });
});

describe('several namespaces', () => {
  it('proposes a role of its own for a second namespace, switches, starts over and removes', async () => {
    const t = Date.now();
    await seed(h, linkState({ moby: { settings: settings('moby'), done: { policyCreated: t }, capturedRoleArn: null, problems: {} } }));
    const popup = await h.openPopup();
    await popup.getByRole('button', { name: 'Add namespace' }).click();
    await popup.getByLabel('Docker Cloud namespace', { exact: true }).fill('moby');
    await poll(() => popup.locator('.field .error').first().innerText()).toBe('"moby" is already set up: choose it in the namespace list.');
    await popup.getByLabel('Docker Cloud namespace', { exact: true }).fill('teamawesome');
    await openAdvanced(popup);
    expect(await popup.getByLabel('Other Docker Cloud namespaces link from this AWS account too').isChecked()).toBe(true);
    expect(await popup.getByLabel('Role name', { exact: true }).inputValue()).toBe('dockercloud-role-teamawesome');
    await popup.getByLabel('Other Docker Cloud namespaces link from this AWS account too').uncheck();
    expect(await popup.getByLabel('Role name', { exact: true }).inputValue()).toBe('dockercloud-role');
    await poll(() => popup.locator('.field .error').last().innerText()).toContain('moby already uses the role "dockercloud-role".');
    await popup.getByLabel('Other Docker Cloud namespaces link from this AWS account too').check();
    await popup.getByRole('button', { name: 'Save and start' }).click();

    const switcher = popup.getByLabel('Namespace', { exact: true });
    await poll(() => switcher.inputValue()).toBe('teamawesome');
    expect(await popup.locator('.summary').innerText()).toContain('dockercloud-role-teamawesome');
    await switcher.selectOption('moby');
    await poll(() => statuses(popup)).toEqual(['done', 'next', 'todo', 'todo', 'todo', 'todo']);
    expect((await stored(h)).state?.activeNamespace).toBe('moby');

    await popup.getByRole('button', { name: 'Start over' }).click();
    expect(await popup.getByRole('group').innerText()).toContain('Forget the progress for moby?');
    await popup.getByRole('group').getByRole('button', { name: 'Start over' }).click();
    await poll(() => statuses(popup)).toEqual(['next', 'todo', 'todo', 'todo', 'todo', 'todo']);
    await poll(() => focused(popup.getByRole('button', { name: 'Create policy' }))).toBe(true);

    await popup.getByRole('button', { name: 'Remove namespace' }).click();
    // Esc cancels, and focus returns to the button that asked.
    await popup.keyboard.press('Escape');
    await poll(() => focused(popup.getByRole('button', { name: 'Remove namespace' }))).toBe(true);
    await popup.getByRole('button', { name: 'Remove namespace' }).click();
    await popup.getByRole('button', { name: 'Remove', exact: true }).click();
    await poll(() => switcher.inputValue()).toBe('teamawesome');
    await poll(() => focused(popup.getByRole('button', { name: 'Create policy' }))).toBe(true);
    expect(Object.keys((await stored(h)).state?.links ?? {})).toEqual(['teamawesome']);
  });
});

describe('linked', () => {
  it('says Linked plainly, with sending again and starting over as secondary actions, and a ✓ badge', async () => {
    const t = Date.now();
    const all = { policyCreated: t, roleCreated: t, arnCaptured: t, roleVerified: t, arnSent: t, linkConfirmed: t };
    await seedWorld(h, linkState({ moby: { settings: settings('moby'), done: all, capturedRoleArn: ARN, problems: {} } }));
    const popup = await h.openPopup();
    await poll(() => popup.getByTestId('linked').innerText()).toContain('AWS is linked to Docker Cloud for moby.');
    expect(await popup.locator('button.primary').count()).toBe(0);
    expect(await popup.getByRole('button', { name: 'Send to Docker Cloud again' }).getAttribute('class')).toContain('secondary');
    expect(await popup.getByRole('button', { name: 'Start over' }).count()).toBe(1);
    expect(await popup.locator('.checklist button').count()).toBe(0);
    await poll(() => badge()).toBe('✓');
  });
});

describe('reach', () => {
  it('opens the popup with Alt+Shift+D, and the welcome page says so', async () => {
    const sw = await h.serviceWorker();
    const commands = await sw.evaluate(() => (globalThis as unknown as { chrome: { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } } }).chrome.commands.getAll());
    expect(commands.find((c) => c.name === '_execute_action')?.shortcut).toBe('Alt+Shift+D');

    await seed(h, undefined);
    const welcome = await h.context.newPage();
    await welcome.goto(`chrome-extension://${h.extensionId}/src/welcome/index.html`);
    await poll(() => welcome.getByTestId('pin').innerText()).toContain('Alt+Shift+D opens it');
    expect(await welcome.locator('.intro li').count()).toBe(3);
  });

  it('starts from the welcome page with the popup\'s own form, and shows the checklist there', async () => {
    await seed(h, undefined);
    const welcome = await h.context.newPage();
    await welcome.goto(`chrome-extension://${h.extensionId}/src/welcome/index.html`);
    const field = welcome.getByLabel('Docker Cloud namespace', { exact: true });
    await poll(() => focused(field)).toBe(true);
    await field.fill('moby');
    await welcome.getByRole('button', { name: 'Save and start' }).click();
    await poll(async () => (await stored(h)).state?.activeNamespace).toBe('moby');
    await poll(() => statuses(welcome)).toEqual(['next', 'todo', 'todo', 'todo', 'todo', 'todo']);
  });
});
