// Docker Cloud refusing the Role ARN: the content script reports the page's own error text, which the
// background maps to its likely cause and fix; a Save that is never answered ends in a timeout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DockerSaveMode } from '../replica/state';
import { ERRORS } from '../replica/docker/verify';
import { render } from '../unit/messages';
import { launch, type Harness } from './harness';
import { arnOf, prepare, sendToDockerCloud, settled, toastText } from './docker-support';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

const CASES: { save: DockerSaveMode; role: string; error: string; problem: 'dockerErrorInvalidRole' | 'dockerErrorExternalId' | 'dockerErrorPassRole' | 'dockerErrorUnknown' }[] = [
  { save: 'invalid-role', role: 'dockercloud-role', error: ERRORS.invalidRole, problem: 'dockerErrorInvalidRole' },
  { save: 'invalid-credentials', role: 'dockercloud-role', error: ERRORS.invalidCredentials, problem: 'dockerErrorExternalId' },
  { save: 'unauthorized-operation', role: 'dockercloud-role', error: ERRORS.unauthorizedOperation, problem: 'dockerErrorPassRole' },
  { save: 'server-error', role: 'dockercloud-role', error: ERRORS.serverError, problem: 'dockerErrorUnknown' },
  // Checked for real: teamawesome's role names "teamawesome" as External ID, not "moby".
  { save: 'verify', role: 'dockercloud-role-teamawesome', error: ERRORS.invalidCredentials, problem: 'dockerErrorExternalId' },
];

describe('Docker Cloud refuses the Role ARN', () => {
  it.each(CASES)('reports "$save" ($role) with its cause', async ({ save, role, error, problem }) => {
    await prepare(h, 'moby', role, { docker: { layout: save === 'verify' ? 'swarm' : 'legacy', save } });
    await sendToDockerCloud(h, 'moby');
    const { state } = await settled(h);

    expect(h.server.state.dockerSaves).toEqual([{ namespace: 'moby', roleArn: arnOf(role), error }]);
    expect(h.server.state.dockerLinks).toEqual({});
    const expected = { message: problem, substitutions: [error.slice(0, 300)] };
    expect(state.links.moby?.done.arnSent).toBeTypeOf('number');
    expect(state.links.moby?.problems.linkConfirmed).toEqual([expected]);
    await expect.poll(() => toastText(h.page)).toContain(render(expected));
    // The dialog stays open with Docker Cloud's own message, for the user to read or retry.
    expect(await h.page.getByRole('dialog').getByRole('alert').innerText()).toBe(error);
  });

  it('reports a timeout when Save is never answered', async () => {
    await prepare(h, 'moby', 'dockercloud-role', { docker: { save: 'timeout' } });
    await sendToDockerCloud(h, 'moby');
    const { state } = await settled(h, 30_000);
    expect(h.server.state.dockerSaves).toEqual([{ namespace: 'moby', roleArn: arnOf('dockercloud-role'), error: '(no answer: timeout)' }]);
    expect(state.links.moby?.problems.arnSent).toEqual([{ message: 'bgDockerTimeout' }]);
    await expect.poll(() => toastText(h.page)).toContain('did not confirm the link within 20 seconds');
    await h.page.screenshot({ path: '/tmp/docker-link-shots/timeout.png' });
  }, 45_000);
});
