// The background as the single owner of state: progress survives the service worker being stopped, stored
// data is validated on every read, and a malformed or misdirected message changes nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DOCKERCLOUD_POLICY, role } from '../replica/docker/fixtures';
import { DOCKER_CLOUD, launch, type Harness } from './harness';
import { ARN, fromPopup, linkState, seed, settings, statuses, stored } from './popup-support';

let h: Harness;
beforeAll(async () => {
  h = await launch({ config: { docker: { alreadyLinked: { moby: { method: 'access-key' } } } } });
  h.context.setDefaultTimeout(10_000);
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await seed(h, undefined);
  for (const p of h.context.pages().slice(1)) await p.close();
});
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });

/** Stops the service worker (as the browser does when idle; the harness waits until none runs) after marking its global scope. */
async function stopServiceWorker(): Promise<void> {
  await (await h.serviceWorker()).evaluate(() => Object.assign(globalThis, { beforeRestart: true }));
  await h.stopServiceWorker();
}

/** The worker answering now is a new one: the mark made before stopping is gone. */
async function expectRestarted(): Promise<void> {
  await poll(async () => {
    const sw = h.context.serviceWorkers()[0];
    return sw ? await Promise.race([sw.evaluate(() => 'beforeRestart' in globalThis), new Promise((r) => setTimeout(() => r('stale'), 1000))]) : 'none';
  }).toBe(false);
}

describe('state across service-worker restarts', () => {
  it('keeps the namespaces and progress made in the popup', async () => {
    let popup = await h.openPopup();
    await popup.getByLabel('Docker Cloud namespace', { exact: true }).fill('moby');
    await popup.getByRole('button', { name: 'Save and start' }).click();
    await poll(() => statuses(popup)).toEqual(['next', 'todo', 'todo', 'todo', 'todo', 'todo']);
    expect(await fromPopup(popup, { kind: 'enterRoleArn', namespace: 'moby', roleArn: ARN })).toEqual({ problems: [] });
    await popup.close();
    // "Save and start" opened the policy editor: closed, so nothing but the popup wakes the worker.
    for (const p of h.context.pages()) if (p !== h.page) await p.close();

    await stopServiceWorker();
    popup = await h.openPopup();
    await poll(() => statuses(popup)).toEqual(['todo', 'done', 'done', 'next', 'todo', 'todo']); // with the ARN, checking the role is next
    await expectRestarted();
    expect(await popup.getByTestId('captured-arn').innerText()).toBe(ARN);
  });

  it('keeps a Docker Cloud task waiting on an old access-key link, then replaces that link and says to delete the old user', async () => {
    h.server.reset({ docker: { alreadyLinked: { moby: { method: 'access-key' } } } });
    // The role exists in the replica's AWS account, so Docker Cloud's replica accepts it.
    h.server.state.policies.push(DOCKERCLOUD_POLICY);
    h.server.state.roles.push(role('dockercloud-role', { externalId: 'moby' }));
    const t = Date.now();
    await seed(h, linkState({
      moby: { settings: settings('moby'), done: { policyCreated: t, roleCreated: t, arnCaptured: t, roleVerified: t }, capturedRoleArn: ARN, problems: {} },
    }));
    await h.page.goto(`${DOCKER_CLOUD}/`);
    let popup = await h.openPopup();
    await popup.getByRole('button', { name: 'Send to Docker Cloud' }).click();
    await poll(async () => (await stored(h)).task).toMatchObject({ namespace: 'moby', alreadyLinked: 'access-key' });
    await popup.close();

    await stopServiceWorker();
    popup = await h.openPopup();
    await expectRestarted();
    await poll(() => popup.locator('[data-step=arnSent]').innerText()).toContain(
      'moby is already linked to AWS with an access key (the old dockercloud-user). Unlink and link again to use the role instead.',
    );
    expect(await popup.locator('.send').innerText()).toContain('Afterwards, delete the old IAM user dockercloud-user');
    await popup.getByRole('button', { name: 'Unlink and link again' }).click();

    await poll(() => statuses(popup)).toEqual(['done', 'done', 'done', 'done', 'done', 'done']);
    expect(h.server.state.dockerLinks.moby).toEqual({ method: 'role', roleArn: ARN });
    expect(await popup.locator('[data-step=linkConfirmed]').innerText()).toContain('delete the IAM user dockercloud-user');
    expect((await stored(h)).task).toBeNull();
  });
});

describe('stored state is validated on every read', () => {
  it('upgrades the first design\'s single link', async () => {
    await seed(h, { version: 1, link: { settings: settings('moby'), done: {}, capturedRoleArn: null, problems: {} } });
    const popup = await h.openPopup();
    await poll(() => popup.getByLabel('Namespace', { exact: true }).inputValue()).toBe('moby');
  });

  it.each([
    ['unreadable', 'not a state at all', 'could not be read, so the extension starts afresh'],
    ['an unreadable link', { version: 2, links: { moby: { settings: { ...settings('moby'), roleName: 'bad name' } } }, activeNamespace: 'moby' }, 'The saved progress of moby could not be read and was set aside'],
    ['from a newer version', { version: 3, everything: 'different' }, 'comes from a newer version of the extension'],
  ])('tells the user when what was stored is %s, and starts afresh', async (_name, state, words) => {
    await seed(h, state);
    const popup = await h.openPopup();
    await poll(() => popup.getByRole('alert').first().innerText()).toContain(words);
    expect(await popup.getByRole('heading', { name: 'Link your AWS account to Docker Cloud' }).count()).toBe(1);
  });
});

describe('messages', () => {
  const before = linkState({ moby: { settings: settings('moby'), done: {}, capturedRoleArn: null, problems: {} } });

  it.each([
    ['a namespace that is not canonical', { kind: 'saveLink', settings: settings('Moby') }, 'settings.namespace'],
    ['a region that is not an EC2 region', { kind: 'saveLink', settings: { ...settings('moby2'), policy: { region: 'mars-1', passRole: false } } }, 'settings.policy.region'],
    ['an unknown kind', { kind: 'deleteEverything' }, 'kind'],
    ['not an object', 'getState', '(message)'],
    ['a console message from the popup', { kind: 'awsRoleObserved', role: { roleArn: ARN, trustPolicy: '{}', attachedPolicyNames: [] } }, 'kind'],
    ['a Docker Cloud result from the popup', { kind: 'dockerResult', namespace: 'moby', result: { outcome: 'linked' } }, 'kind'],
    ['an oversized ARN', { kind: 'enterRoleArn', namespace: 'moby', roleArn: `${ARN}${'x'.repeat(5000)}` }, 'roleArn'],
  ])('rejects %s, logs why, and changes nothing', async (_name, message, where) => {
    await seed(h, before);
    const popup = await h.openPopup();
    const sw = await h.serviceWorker();
    const logged: string[] = [];
    sw.on('console', (m) => logged.push(m.text()));
    const reply = (await fromPopup(popup, message)) as { rejected?: string };
    expect(reply.rejected).toContain(where);
    await poll(() => logged.join('\n')).toContain('[background] rejected a malformed popup message');
    expect((await stored(h)).state).toEqual(before);
  });

  it('answers the popup\'s getState with the stored state, no task, nothing recovered', async () => {
    await seed(h, before);
    const popup = await h.openPopup();
    expect(await fromPopup(popup, { kind: 'getState' })).toEqual({ state: before, dockerTask: null, recovered: null, lostLinks: [] });
  });
});
