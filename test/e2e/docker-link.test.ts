// The Docker Cloud push in the browser: the popup sends, the background opens Docker Cloud, the content
// script finds Cloud settings in either generation of the app, saves the Role ARN and reports.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Harness } from './harness';
import { arnOf, expectLinked, prepare, sendToDockerCloud, settled, toastText } from './docker-support';

const SHOTS = '/tmp/docker-link-shots';
let h: Harness;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  h = await launch();
});
afterAll(async () => h?.close());

describe('Docker Cloud push', () => {
  it.each(['legacy', 'swarm'] as const)('links AWS with the Role ARN in the %s layout', async (layout) => {
    await prepare(h, 'moby', 'dockercloud-role', { docker: { layout } });
    await sendToDockerCloud(h, 'moby');
    const { state } = await settled(h);

    expect(h.server.state.dockerSaves).toEqual([{ namespace: 'moby', roleArn: arnOf('dockercloud-role'), error: null }]);
    expect(h.server.state.dockerLinks).toEqual({ moby: { method: 'role', roleArn: arnOf('dockercloud-role') } });
    expect(state.links.moby?.done.linkConfirmed).toBeTypeOf('number');
    expect(state.links.moby?.problems).toEqual({});
    expect(new URL(h.page.url()).pathname).toBe(layout === 'legacy' ? '/app/moby/settings' : '/swarm/moby/cloud-settings');
    await expect.poll(() => toastText(h.page)).toContain("the extension's checklist for moby is complete.");
    await h.page.screenshot({ path: `${SHOTS}/${layout}-linked.png` });
    // Docker Cloud's page shows the link itself: the extension's note goes by itself (waited for once: 8 s).
    if (layout === 'legacy') await expect.poll(() => h.page.locator('[data-dockercloud-aws-link-toast]').count(), { timeout: 20_000 }).toBe(0);
  });
});

describe('Docker Cloud push, when linking is not the next step', () => {
  it('reports an AWS account linked with the old access key, then unlinks and relinks on request (legacy)', async () => {
    await prepare(h, 'moby', 'dockercloud-role', { docker: { layout: 'legacy', alreadyLinked: { moby: { method: 'access-key' } } } });
    await sendToDockerCloud(h, 'moby');
    const parked = await settled(h);
    expect(parked.task?.alreadyLinked).toBe('access-key');
    expect(parked.state.links.moby?.problems.arnSent).toEqual([{ message: 'bgDockerAlreadyLinkedAccessKey', substitutions: ['moby'] }]);
    expect(h.server.state.dockerSaves).toEqual([]);
    expect(h.server.state.dockerLinks).toEqual({ moby: { method: 'access-key' } });
    await expect.poll(() => toastText(h.page)).toContain('moby is linked with an access key (the old dockercloud-user)');
    await h.page.screenshot({ path: `${SHOTS}/legacy-already-linked.png` });

    await sendToDockerCloud(h, 'moby', true);
    const { state } = await settled(h);
    expect(h.server.state.dockerLinks).toEqual({ moby: { method: 'role', roleArn: arnOf('dockercloud-role') } });
    expect(h.server.state.dockerSaves).toEqual([{ namespace: 'moby', roleArn: arnOf('dockercloud-role'), error: null }]);
    expect(state.links.moby?.done.linkConfirmed).toBeTypeOf('number');
    // The popup's reminder: the old user's access key still exists in IAM.
    expect(state.links.moby?.problems.linkConfirmed).toEqual([{ message: 'bgDeleteOldUser' }]);
    await expect.poll(() => toastText(h.page)).toContain("the extension's checklist for moby is complete.");
  });

  it('reports an AWS account linked with another role, then relinks on request (swarm, unlabelled plug)', async () => {
    const old = arnOf('old-docker-role');
    await prepare(h, 'moby', 'dockercloud-role', { docker: { layout: 'swarm', alreadyLinked: { moby: { method: 'role', roleArn: old } } } });
    await sendToDockerCloud(h, 'moby');
    expect((await settled(h)).task?.alreadyLinked).toBe('role');
    expect(h.server.state.dockerLinks.moby).toEqual({ method: 'role', roleArn: old });

    await sendToDockerCloud(h, 'moby', true);
    const { state } = await settled(h);
    expectLinked(h, state);
  });

  it('says which namespace is open instead of linking the wrong one', async () => {
    await prepare(h, 'teamawesome', 'dockercloud-role-teamawesome', { docker: { layout: 'swarm' } });
    await sendToDockerCloud(h, 'teamawesome');
    const { state } = await settled(h);
    expect(state.links.teamawesome?.problems.arnSent).toEqual([{ message: 'bgDockerNamespaceMismatch', substitutions: ['moby', 'teamawesome'] }]);
    expect(h.server.state.dockerSaves).toEqual([]);
    expect(h.server.state.dockerLinks).toEqual({});
    await expect.poll(() => toastText(h.page)).toContain('Docker Cloud has "moby" open, but the role was made for "teamawesome"');
    await h.page.screenshot({ path: `${SHOTS}/swarm-mismatch.png` });
  });

  it('asks a logged-out user to log in', async () => {
    await prepare(h, 'moby', 'dockercloud-role', { docker: { signedInAs: null } });
    await sendToDockerCloud(h, 'moby');
    const { state } = await settled(h);
    expect(new URL(h.page.url()).pathname).toBe('/login');
    expect(state.links.moby?.problems.arnSent).toEqual([{ message: 'bgDockerLoggedOut' }]);
    expect(h.server.state.dockerSaves).toEqual([]);
    await expect.poll(() => toastText(h.page)).toContain('Log in to Docker Cloud, then send the Role ARN again');
    await h.page.screenshot({ path: `${SHOTS}/logged-out.png` });
  });
});
