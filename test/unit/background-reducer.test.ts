// The background's rules, as data in and data out: every message from the popup, the console and Docker Cloud.
import { describe, expect, it } from 'vitest';
import { reduce, type Incoming, type Outcome, type World } from '../../src/background/reducer';
import { POLICY_NAME } from '../../src/core/docker-cloud';
import { stepStatuses, type Link } from '../../src/core/flow';
import type { Namespace } from '../../src/core/names';
import { buildPolicyDocument } from '../../src/core/policy';
import { emptyState, type DockerOutcome, type PopupRequest } from '../../src/core/schemas';
import { buildTrustPolicy } from '../../src/core/trust-policy';
import { render } from './messages';

const NOW = 1_700_000_000_000;
const ns = (s: string) => s as Namespace;
const ARN = 'arn:aws:iam::123456789012:role/dockercloud-role';
const settings = (namespace = 'moby', roleName = 'dockercloud-role') => ({
  namespace: ns(namespace),
  policy: { region: null, passRole: false },
  roleName,
  sharedAwsAccount: false,
});

const empty = (): World => ({ stored: emptyState(), task: null, recovered: null });
const run = (world: World, incoming: Incoming): Outcome => reduce(world, incoming, NOW);
const popup = (world: World, request: PopupRequest) => run(world, { role: 'popup', request });
const problemsOf = (o: Outcome) => ('problems' in (o.reply ?? {}) ? (o.reply as { problems: { message: string }[] }).problems : null);
const link = (w: World, namespace = 'moby'): Link => w.stored.links[namespace]!;

function setUp(namespace = 'moby', roleName = 'dockercloud-role'): World {
  return popup(empty(), { kind: 'saveLink', settings: settings(namespace, roleName) }).world;
}
const goodRole = (namespace = 'moby', roleArn = ARN) => ({
  roleArn,
  trustPolicy: buildTrustPolicy({ externalId: namespace, requireMfa: false }),
  attachedPolicyNames: [POLICY_NAME],
});
function verified(): World {
  return run(setUp(), { role: 'aws', request: { kind: 'awsRoleObserved', role: goodRole() } }).world;
}
function sending(replaceExisting = false, from = verified()): World {
  return popup(from, { kind: 'sendToDockerCloud', namespace: ns('moby'), replaceExisting }).world;
}
const result = (w: World, r: DockerOutcome, namespace = 'moby') =>
  run(w, { role: 'docker', request: { kind: 'dockerResult', namespace: ns(namespace), result: r } });

describe('popup requests', () => {
  it('answers getState with the state, the task and whether storage was unreadable', () => {
    const w = { ...setUp(), recovered: 'corrupt' as const };
    expect(popup(w, { kind: 'getState' }).reply).toEqual({ state: w.stored, dockerTask: null, recovered: 'corrupt' });
  });

  it('saves a namespace, makes it active, and keeps several side by side', () => {
    const w = popup(setUp('moby'), { kind: 'saveLink', settings: settings('teamawesome', 'dockercloud-role-teamawesome') }).world;
    expect(Object.keys(w.stored.links).sort()).toEqual(['moby', 'teamawesome']);
    expect(w.stored.activeNamespace).toBe('teamawesome');
    expect(popup(w, { kind: 'selectLink', namespace: ns('moby') }).world.stored.activeNamespace).toBe('moby');
  });

  it('keeps progress when the same settings are saved again, and starts fresh when they change', () => {
    const w = verified();
    expect(link(popup(w, { kind: 'saveLink', settings: settings() }).world)).toBe(link(w));
    const changed = popup(w, { kind: 'saveLink', settings: { ...settings(), policy: { region: 'eu-west-1', passRole: true } } }).world;
    expect(link(changed).done).toEqual({});
    expect(link(changed).settings.policy).toEqual({ region: 'eu-west-1', passRole: true });
  });

  it('refuses requests for a namespace that is not set up, changing nothing', () => {
    const w = setUp();
    const o = popup(w, { kind: 'openStep', namespace: ns('nobody'), step: 'policyCreated' });
    expect(o.world).toBe(w);
    expect(o.effects).toEqual([]);
    expect(render(problemsOf(o)![0] as never)).toBe('"nobody" is not set up in the extension: add it in the popup first.');
  });

  it('opens the page of each step and makes its namespace the active one', () => {
    const w = popup(setUp('moby'), { kind: 'saveLink', settings: { ...settings('teamawesome', 'dockercloud-role-teamawesome'), sharedAwsAccount: true } }).world;
    const urls = (['policyCreated', 'roleCreated', 'arnCaptured', 'roleVerified', 'arnSent', 'linkConfirmed'] as const).map((step) => {
      const o = popup(w, { kind: 'openStep', namespace: ns('moby'), step });
      expect(o.world.stored.activeNamespace).toBe('moby');
      return o.effects.map((e) => e.url);
    });
    expect(urls).toEqual([
      ['https://console.aws.amazon.com/iam/home#/policies/create?step=addPermissions'],
      ['https://console.aws.amazon.com/iam/home#/roles/create?step=selectEntities&trustedEntityType=AWS_ACCOUNT&awsAccount=689684103426&isThirdParty=true&externalId=moby&roleName=dockercloud-role'],
      ['https://console.aws.amazon.com/iam/home#/roles/details/dockercloud-role'],
      ['https://console.aws.amazon.com/iam/home#/roles/details/dockercloud-role'],
      ['https://cloud.docker.com/'],
      ['https://cloud.docker.com/'],
    ]);
  });

  it('takes a pasted ARN only when it is a role ARN', () => {
    const w = setUp();
    const bad = popup(w, { kind: 'enterRoleArn', namespace: ns('moby'), roleArn: 'arn:aws:iam::123456789012:user/dockercloud-user' });
    expect(bad.world).toBe(w);
    expect(problemsOf(bad)!.map((p) => p.message)).toEqual(['arnIsUser']);
    const good = popup(w, { kind: 'enterRoleArn', namespace: ns('moby'), roleArn: ARN });
    expect(problemsOf(good)).toEqual([]);
    expect(link(good.world).capturedRoleArn).toBe(ARN);
    expect(link(good.world).done.roleVerified).toBeUndefined();
  });

  it('sends to Docker Cloud only with a captured ARN, and opens Docker Cloud so its page pulls the task', () => {
    const none = popup(setUp(), { kind: 'sendToDockerCloud', namespace: ns('moby'), replaceExisting: false });
    expect(problemsOf(none)!.map((p) => p.message)).toEqual(['bgSendNeedsArn']);
    expect(none.world.task).toBeNull();
    const o = popup(verified(), { kind: 'sendToDockerCloud', namespace: ns('moby'), replaceExisting: false });
    expect(o.world.task).toEqual({ namespace: 'moby', roleArn: ARN, replaceExisting: false, alreadyLinked: null, replacing: null });
    expect(o.effects).toEqual([{ kind: 'openTab', url: 'https://cloud.docker.com/', reload: true }]);
  });

  it('starting over or removing a namespace drops its task; cancelling drops it too', () => {
    const w = sending();
    const over = popup(w, { kind: 'startOver', namespace: ns('moby') }).world;
    expect(over.task).toBeNull();
    expect(link(over)).toEqual({ settings: settings(), done: {}, capturedRoleArn: null, problems: {} });
    const removed = popup(w, { kind: 'removeLink', namespace: ns('moby') }).world;
    expect(removed.task).toBeNull();
    expect(removed.stored).toEqual(emptyState());
    expect(popup(w, { kind: 'cancelDockerTask', namespace: ns('moby') }).world.task).toBeNull();
  });

  it('after removing the active namespace, another one becomes active', () => {
    const w = popup(setUp('moby'), { kind: 'saveLink', settings: settings('teamawesome') }).world;
    expect(popup(w, { kind: 'removeLink', namespace: ns('teamawesome') }).world.stored.activeNamespace).toBe('moby');
  });
});

describe('AWS console messages', () => {
  it('plans nothing until a namespace is active, then the pages for it', () => {
    expect(run(empty(), { role: 'aws', request: { kind: 'awsGetPlan' } }).reply).toBeNull();
    const w = popup(empty(), { kind: 'saveLink', settings: { ...settings('teamawesome', 'dockercloud-role-teamawesome'), policy: { region: 'eu-west-1', passRole: true }, sharedAwsAccount: true } }).world;
    const plan = run(w, { role: 'aws', request: { kind: 'awsGetPlan' } }).reply;
    expect(plan).toMatchObject({
      namespace: 'teamawesome',
      externalId: 'teamawesome',
      policyName: POLICY_NAME,
      roleName: 'dockercloud-role-teamawesome',
      trustedAccountId: '689684103426',
      nextStep: 'policyCreated',
    });
    const doc = buildPolicyDocument({ region: 'eu-west-1', passRole: true });
    expect(doc.ok && (plan as { policyDocument: string }).policyDocument === doc.value).toBe(true);
  });

  it('records the policy and the role when the console reports them with the expected names', () => {
    let w = setUp();
    w = run(w, { role: 'aws', request: { kind: 'awsPolicyCreated', policyName: POLICY_NAME } }).world;
    w = run(w, { role: 'aws', request: { kind: 'awsRoleCreated', roleName: 'dockercloud-role' } }).world;
    expect(link(w).done).toEqual({ policyCreated: NOW, roleCreated: NOW });
  });

  it('answers a wrong policy or role name with the problem, changing nothing', () => {
    const w = setUp();
    const policy = run(w, { role: 'aws', request: { kind: 'awsPolicyCreated', policyName: 'my-policy' } });
    expect(policy.world).toBe(w);
    expect(render(problemsOf(policy)![0] as never)).toBe('The policy was created as "my-policy"; Docker Cloud\'s role needs one named "dockercloud-policy".');
    const role = run(w, { role: 'aws', request: { kind: 'awsRoleCreated', roleName: 'other' } });
    expect(role.world).toBe(w);
    expect(render(problemsOf(role)![0] as never)).toBe('This is the role "other"; the role for moby is "dockercloud-role".');
  });

  it('captures and verifies a right role: every step up to sending is done', () => {
    const o = run(setUp(), { role: 'aws', request: { kind: 'awsRoleObserved', role: goodRole() } });
    expect(problemsOf(o)).toEqual([]);
    expect(link(o.world).capturedRoleArn).toBe(ARN);
    expect(stepStatuses(link(o.world)).map((s) => s.status)).toEqual(['done', 'done', 'done', 'done', 'next', 'todo']);
  });

  it('answers a role with a wrong trust policy with every problem; the ARN is captured, the role not verified', () => {
    const role = { ...goodRole(), trustPolicy: buildTrustPolicy({ externalId: 'someoneelse', requireMfa: true }), attachedPolicyNames: [] };
    const o = run(setUp(), { role: 'aws', request: { kind: 'awsRoleObserved', role } });
    expect(problemsOf(o)!.map((p) => p.message).sort()).toEqual(['rolePolicyNotAttached', 'trustExternalIdDifferent', 'trustMfaRequired']);
    expect(link(o.world).done.arnCaptured).toBe(NOW);
    expect(link(o.world).done.roleVerified).toBeUndefined();
  });

  it.each([
    ['a user ARN', 'arn:aws:iam::123456789012:user/dockercloud-role', 'arnIsUser'],
    ['an STS session', 'arn:aws:sts::123456789012:assumed-role/dockercloud-role/x', 'arnAssumedRole'],
    ['padded', ` ${ARN}`, 'arnPadded'],
    ['markup', '<img src=x onerror=alert(1)>', 'arnNotAnArn'],
    ['another role', 'arn:aws:iam::123456789012:role/admin', 'bgRoleNameDiffers'],
  ])('ignores a forged or unrelated ARN (%s), answering with its problem', (_name, roleArn, message) => {
    const w = verified();
    const o = run(w, { role: 'aws', request: { kind: 'awsRoleObserved', role: { ...goodRole(), roleArn } } });
    expect(o.world).toBe(w);
    expect(problemsOf(o)!.map((p) => p.message)).toEqual([message]);
  });

  it('tells the console to pick a namespace when none is active', () => {
    const o = run(empty(), { role: 'aws', request: { kind: 'awsRoleCreated', roleName: 'dockercloud-role' } });
    expect(problemsOf(o)!.map((p) => p.message)).toEqual(['bgNoActiveLink']);
  });
});

describe('Docker Cloud messages', () => {
  it('hands out the task in flight, and nothing without one', () => {
    expect(run(verified(), { role: 'docker', request: { kind: 'dockerGetTask' } }).reply).toBeNull();
    expect(run(sending(), { role: 'docker', request: { kind: 'dockerGetTask' } }).reply).toEqual({ namespace: 'moby', roleArn: ARN, replaceExisting: false });
  });

  it('records a confirmed link and clears the task', () => {
    const o = result(sending(), { outcome: 'linked' });
    expect(o.world.task).toBeNull();
    expect(stepStatuses(link(o.world)).every((s) => s.status === 'done')).toBe(true);
    expect(link(o.world).problems).toEqual({});
  });

  it('diagnoses Docker Cloud\'s error text: sent, not linked', () => {
    const o = result(sending(), { outcome: 'error', errorText: 'AWS returned an error: unauthorized operation' });
    expect(o.world.task).toBeNull();
    expect(link(o.world).done.arnSent).toBe(NOW);
    expect(link(o.world).problems.linkConfirmed!.map((p) => p.message)).toEqual(['dockerErrorPassRole']);
  });

  it.each<[DockerOutcome, string]>([
    [{ outcome: 'namespaceMismatch', openNamespace: 'otherorg' }, 'Docker Cloud has "otherorg" open, not "moby": switch to moby in the user menu at the upper right, then send again.'],
    [{ outcome: 'loggedOut' }, 'You are not logged in to Docker Cloud: log in, then send again.'],
    [{ outcome: 'notFound', control: 'the Role ARN field' }, 'The extension could not find the Role ARN field on Docker Cloud\'s page, so it changed nothing there. Open Cloud settings and paste the Role ARN by hand.'],
    [{ outcome: 'timeout' }, 'Docker Cloud did not answer in time. Check Cloud settings, then send again.'],
  ])('records %o as not sent, with its own message, and clears the task', (outcome, words) => {
    const o = result(sending(), outcome);
    expect(o.world.task).toBeNull();
    expect(link(o.world).done.arnSent).toBeUndefined();
    expect(link(o.world).problems.arnSent!.map((p) => render(p))).toEqual([words]);
  });

  it('keeps the task when Docker Cloud is already linked, hands out nothing until the user chooses to replace it', () => {
    const waiting = result(sending(), { outcome: 'alreadyLinked', method: 'access-key' }).world;
    expect(waiting.task).toMatchObject({ alreadyLinked: 'access-key', replaceExisting: false });
    expect(render(link(waiting).problems.arnSent![0]!)).toContain('already linked to AWS with an access key');
    expect(run(waiting, { role: 'docker', request: { kind: 'dockerGetTask' } }).reply).toBeNull();

    const again = popup(waiting, { kind: 'sendToDockerCloud', namespace: ns('moby'), replaceExisting: true }).world;
    expect(again.task).toEqual({ namespace: 'moby', roleArn: ARN, replaceExisting: true, alreadyLinked: null, replacing: 'access-key' });
    expect(run(again, { role: 'docker', request: { kind: 'dockerGetTask' } }).reply).toEqual({ namespace: 'moby', roleArn: ARN, replaceExisting: true });

    const linked = result(again, { outcome: 'linked' }).world;
    expect(linked.task).toBeNull();
    expect(stepStatuses(link(linked)).every((s) => s.status === 'done')).toBe(true);
    expect(link(linked).problems.linkConfirmed!.map((p) => p.message)).toEqual(['bgDeleteOldUser']);
  });

  it('no reminder about dockercloud-user when the replaced link was a role', () => {
    const waiting = result(sending(), { outcome: 'alreadyLinked', method: 'role' }).world;
    const linked = result(sending(true, waiting), { outcome: 'linked' }).world;
    expect(link(linked).problems).toEqual({});
  });

  it('ignores a result for a namespace with no task in flight', () => {
    const w = popup(sending(), { kind: 'saveLink', settings: settings('teamawesome') }).world;
    const o = result(w, { outcome: 'linked' }, 'teamawesome');
    expect(o.world).toBe(w);
    expect(problemsOf(o)!.map((p) => p.message)).toEqual(['bgNoTask']);
    const none = result(verified(), { outcome: 'linked' });
    expect(link(none.world).done.linkConfirmed).toBeUndefined();
  });
});
