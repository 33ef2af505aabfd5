// The whole link as a user does it, from a fresh install to Docker Cloud showing AWS linked: the namespace
// typed in the popup, the checklist into the console, only the highlighted buttons pressed, the ARN
// captured and verified, "Send to Docker Cloud". Asserts what AWS and Docker Cloud really recorded and the
// user's effort (seven clicks on the current console); `npm run bench` sets it against the original guide done
// by hand on the same pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCKER_CLOUD_PRINCIPAL, POLICY_NAME } from '../../src/core/docker-cloud';
import { buildPolicyDocument } from '../../src/core/policy';
import { REPLICA_SESSION_HOST, type ConfigPatch } from '../replica/state';
import { launch, type Harness } from './harness';
import { stored } from './popup-support';
import { withExtension, type EffortRun } from './user-flow';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

const VARIANTS: [string, ConfigPatch][] = [
  ['current console, Docker Cloud 2016 layout', { aws: { variant: 'current' }, docker: { layout: 'legacy' } }],
  ['current console, Docker Cloud swarm-mode layout', { aws: { variant: 'current' }, docker: { layout: 'swarm' } }],
  ['legacy console, Docker Cloud 2016 layout', { aws: { variant: 'legacy' }, docker: { layout: 'legacy' } }],
  ['legacy console, Docker Cloud swarm-mode layout', { aws: { variant: 'legacy' }, docker: { layout: 'swarm' } }],
  // The console's router navigating with history.pushState (no hashchange), and a multi-session console
  // that sends every IAM URL to the signed-in account's own host.
  ['current console navigating with pushState', { aws: { variant: 'current', navigation: 'pushState' }, docker: { layout: 'legacy' } }],
  ['current console on a multi-session host', { aws: { variant: 'current', multiSessionHost: REPLICA_SESSION_HOST }, docker: { layout: 'legacy' } }],
];

function expectLinkedCorrectly() {
  const { policies, roles, dockerLinks, dockerSaves } = h.server.state;
  const document = buildPolicyDocument({ region: null, passRole: false });
  expect(policies).toHaveLength(1);
  expect(policies[0]?.name).toBe(POLICY_NAME);
  expect(JSON.parse(policies[0]?.document ?? '')).toEqual(JSON.parse(document.ok ? document.value : ''));

  expect(roles).toHaveLength(1);
  const role = roles[0]!;
  expect(role.name).toBe('dockercloud-role');
  expect(JSON.parse(role.trustPolicy)).toEqual({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: DOCKER_CLOUD_PRINCIPAL },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': 'moby' } },
      },
    ],
  });
  expect(role.attachedPolicyArns).toEqual([policies[0]?.arn]);

  expect(dockerSaves).toEqual([{ namespace: 'moby', roleArn: role.arn, error: null }]);
  expect(dockerLinks.moby).toEqual({ method: 'role', roleArn: role.arn });
  return role.arn;
}

const summary = (run: EffortRun) =>
  `${run.clicks} clicks, ${run.keys} keystrokes (console pages: ${Object.values(run.clicksPerConsolePage).join('/') || '-'} clicks each)`;

describe('the whole link', () => {
  it.each(VARIANTS)('%s: from install to linked, pressing only what the extension points at', { timeout: 150_000 }, async (name, config) => {
    const run = await withExtension(h, { config });
    expect(run.stoppedAt).toBeNull();
    expect(run.completed).toBe(true);
    const arn = expectLinkedCorrectly();

    // The checklist: every step done, with the ARN Docker Cloud received (its report follows the page's answer).
    const link = async () => (await stored(h)).state?.links.moby;
    await expect.poll(async () => Object.keys((await link())?.done ?? {}).sort()).toEqual([
      'arnCaptured', 'arnSent', 'linkConfirmed', 'policyCreated', 'roleCreated', 'roleVerified',
    ]);
    expect((await link())?.capturedRoleArn).toBe(arn);

    // The namespace typed once; at most one click on each console page (the 2016 console's policy page has
    // two buttons of the user's: Validate Policy, then Create Policy); one click to send.
    expect(run.keys).toBe('moby'.length);
    const perPage = Object.entries(run.clicksPerConsolePage);
    for (const [page, clicks] of perPage) expect(clicks, page).toBe(page === '#/policies$new?step=edit' ? 2 : 1);
    expect(run.actions.filter((a) => a.what === 'Send to Docker Cloud')).toHaveLength(1);
    // Beyond opening the popup, Save and start, the console's own buttons, Send: seven clicks on the current
    // console (the 2016 console has more pages of its own).
    const pressed = run.actions.filter((a) => !a.what.startsWith('open the extension popup')).reduce((n, a) => n + a.clicks, 0);
    expect(pressed).toBe(2 + perPage.reduce((n, [, clicks]) => n + clicks, 0));
    if (!name.startsWith('legacy')) expect(pressed).toBe(7);
    console.log(`${name}: with the extension ${summary(run)}`);
  });
});
