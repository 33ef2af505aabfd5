// The Docker Cloud push in the browser: the popup sends, the background opens Docker Cloud, the content
// script finds Cloud settings in either generation of the app, saves the Role ARN and reports.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Harness } from './harness';
import { arnOf, prepare, sendToDockerCloud, settled, toastText } from './docker-support';

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
    await expect.poll(() => toastText(h.page)).toContain('Amazon Web Services is linked to moby.');
    await h.page.screenshot({ path: `${SHOTS}/${layout}-linked.png` });
  });
});
