// The background's rules, as data in and data out: every message from the popup, the console and Docker Cloud.
import { describe, expect, it } from 'vitest';
import { ARM_LIFETIME_MS, bind, engineWanted, reduce, TASK_LIFETIME_MS, type Incoming, type Outcome, type World } from '../../src/background/reducer';
import { POLICY_NAME } from '../../src/core/docker-cloud';
import { stepStatuses, type Link } from '../../src/core/flow';
import type { Namespace } from '../../src/core/names';
import { buildPolicyDocument } from '../../src/core/policy';
import { emptyState, type AwsRequest, type DockerOutcome, type DockerRequest, type PopupRequest } from '../../src/core/schemas';
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

const empty = (): World => ({ stored: emptyState(), task: null, armed: {}, planTabs: [], setAside: null });
const ID = 'a'.repeat(32);
const run = (world: World, incoming: Incoming, now = NOW): Outcome => reduce(world, incoming, now, () => ID);
/** The console tab the extension opened for the link's next step, and one it did not. */
const TAB = 7;
const OTHER_TAB = 8;
const DOCKER_TAB = 9;
const aws = (world: World, request: AwsRequest, tabId = TAB, now = NOW) => run(world, { role: 'aws', request, tabId }, now);
const docker = (world: World, request: DockerRequest, tabId = DOCKER_TAB) => run(world, { role: 'docker', request, tabId });
/** Runs the effects' bindings as index.ts does once the tabs are open. */
const opened = (o: Outcome, tabId: number): World => o.effects.reduce((w, e) => (e.then ? bind(w, tabId, e.then, NOW) : w), o.world);
const about = (namespace = 'moby', roleName = 'dockercloud-role') => ({ namespace: ns(namespace), roleName });
const popup = (world: World, request: PopupRequest) => run(world, { role: 'popup', request });
const problemsOf = (o: Outcome) => ('problems' in (o.reply ?? {}) ? (o.reply as { problems: { message: string }[] }).problems : null);
const link = (w: World, namespace = 'moby'): Link => w.stored.links[namespace]!;

/** A saved link, its first page opened (armed) in TAB. */
function setUp(namespace = 'moby', roleName = 'dockercloud-role'): World {
  return opened(popup(empty(), { kind: 'saveLink', settings: settings(namespace, roleName) }), TAB);
}
const goodRole = (namespace = 'moby', roleArn = ARN) => ({
  roleArn,
  trustPolicy: buildTrustPolicy({ externalId: namespace, requireMfa: false }),
  attachedPolicyNames: [POLICY_NAME],
});
function verified(): World {
  return aws(setUp(), { kind: 'awsRoleObserved', ...about(), role: goodRole() }).world;
}
/** "Send to Docker Cloud", its tab open as DOCKER_TAB. */
function sending(replaceExisting = false, from = verified()): World {
  return opened(popup(from, { kind: 'sendToDockerCloud', namespace: ns('moby'), replaceExisting }), DOCKER_TAB);
}
const result = (w: World, r: DockerOutcome, namespace = 'moby', id = ID, tabId = DOCKER_TAB) =>
  docker(w, { kind: 'dockerResult', id, namespace: ns(namespace), result: r }, tabId);

describe('popup requests', () => {
  it('answers getState with the state, the task and what could not be read, until the user dismisses it', () => {
    const w = { ...setUp(), setAside: { at: 1, recovered: null, links: { broken: 1 }, dismissed: false } };
    expect(popup(w, { kind: 'getState' }).reply).toEqual({ state: w.stored, dockerTask: null, recovered: null, lostLinks: ['broken'] });
    const dismissed = popup(w, { kind: 'dismissRecovered' }).world;
    expect(dismissed.setAside).toMatchObject({ links: { broken: 1 }, dismissed: true });
    expect(popup(dismissed, { kind: 'getState' }).reply).toMatchObject({ recovered: null, lostLinks: [] });
  });

  it('"Save and start" opens the policy editor armed for the new link; saving the same settings again opens nothing', () => {
    const o = popup(empty(), { kind: 'saveLink', settings: settings() });
    expect(o.effects).toEqual([
      { kind: 'openTab', url: 'https://console.aws.amazon.com/iam/home#/policies/create?step=addPermissions', reload: false, then: { kind: 'arm', namespace: 'moby', task: 'createPolicy' } },
    ]);
    expect(opened(o, TAB).armed).toEqual({ [TAB]: { namespace: 'moby', task: 'createPolicy', until: NOW + ARM_LIFETIME_MS } });
    expect(popup(opened(o, TAB), { kind: 'saveLink', settings: settings() }).effects).toEqual([]);
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
      // Only the next step's page is opened armed.
      expect(o.effects.map((e) => e.then ?? null)).toEqual([step === 'policyCreated' ? { kind: 'arm', namespace: 'moby', task: 'createPolicy' } : null]);
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
    expect(o.world.task).toEqual({ id: ID, namespace: 'moby', roleArn: ARN, replaceExisting: false, tabId: null, createdAt: NOW, savingSince: null, alreadyLinked: null, replacing: null });
    expect(o.effects).toEqual([{ kind: 'openTab', url: 'https://cloud.docker.com/', reload: true, then: { kind: 'dockerTask', id: ID } }]);
    expect(opened(o, DOCKER_TAB).task).toMatchObject({ id: ID, tabId: DOCKER_TAB });
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
    expect(aws(empty(), { kind: 'awsGetPlan' }).reply).toBeNull();
    const w = opened(popup(empty(), { kind: 'saveLink', settings: { ...settings('teamawesome', 'dockercloud-role-teamawesome'), policy: { region: 'eu-west-1', passRole: true }, sharedAwsAccount: true } }), TAB);
    const plan = aws(w, { kind: 'awsGetPlan' }).reply;
    expect(plan).toMatchObject({
      namespace: 'teamawesome',
      externalId: 'teamawesome',
      policyName: POLICY_NAME,
      roleName: 'dockercloud-role-teamawesome',
      trustedAccountId: '689684103426',
      nextStep: 'policyCreated',
      armed: true,
    });
    const doc = buildPolicyDocument({ region: 'eu-west-1', passRole: true });
    expect(doc.ok && (plan as { policyDocument: string }).policyDocument === doc.value).toBe(true);
  });

  it('records the policy and the role when the armed tab reports them, and takes that tab on to the next page', () => {
    let w = setUp();
    const policy = aws(w, { kind: 'awsPolicyCreated', ...about(), policyName: POLICY_NAME });
    expect(policy.effects).toEqual([
      {
        kind: 'openTab',
        url: 'https://console.aws.amazon.com/iam/home#/roles/create?step=selectEntities&trustedEntityType=AWS_ACCOUNT&awsAccount=689684103426&isThirdParty=true&externalId=moby&roleName=dockercloud-role',
        reload: false,
        inTab: TAB,
        then: { kind: 'arm', namespace: 'moby', task: 'createRole' },
      },
    ]);
    w = opened(policy, TAB);
    const role = aws(w, { kind: 'awsRoleCreated', ...about() });
    expect(role.effects).toEqual([
      { kind: 'openTab', url: 'https://console.aws.amazon.com/iam/home#/roles/details/dockercloud-role', reload: false, inTab: TAB, then: { kind: 'arm', namespace: 'moby', task: 'checkRole' } },
    ]);
    w = opened(role, TAB);
    expect(link(w).done).toEqual({ policyCreated: NOW, roleCreated: NOW });
    expect(w.armed[TAB]).toMatchObject({ namespace: 'moby', task: 'checkRole' });
    // Reported again (the flash seen twice): nothing more happens.
    expect(aws(w, { kind: 'awsRoleCreated', ...about() })).toMatchObject({ world: w, effects: [] });
  });

  it('gives an unarmed tab the plan only to offer filling, and arms it when the user presses the offer', () => {
    const w = setUp();
    expect(aws(w, { kind: 'awsGetPlan' }, OTHER_TAB).reply).toMatchObject({ namespace: 'moby', armed: false });
    const armedNow = aws(w, { kind: 'awsArm', namespace: ns('moby') }, OTHER_TAB);
    expect(armedNow.reply).toMatchObject({ namespace: 'moby', armed: true, nextStep: 'policyCreated' });
    expect(aws(armedNow.world, { kind: 'awsGetPlan' }, OTHER_TAB).reply).toMatchObject({ armed: true });
  });

  it('a tab stays armed only for the task it was armed for, and not past its lifetime', () => {
    const w = setUp();
    expect(aws(w, { kind: 'awsGetPlan' }, TAB, NOW + ARM_LIFETIME_MS + 1).reply).toMatchObject({ armed: false });
    // The policy done in another tab: this one, armed for the policy, is no longer armed.
    const elsewhere = aws(aws(w, { kind: 'awsArm', namespace: ns('moby') }, OTHER_TAB).world, { kind: 'awsPolicyCreated', ...about(), policyName: POLICY_NAME }, OTHER_TAB).world;
    expect(aws(elsewhere, { kind: 'awsGetPlan' }, TAB).reply).toMatchObject({ armed: false, nextStep: 'roleCreated' });
    // A closed tab takes its arm with it.
    const closed = run(w, { role: 'browser', event: { kind: 'tabClosed', tabId: TAB } }).world;
    expect(closed.armed).toEqual({});
  });

  it("answers a page's boot script (the engine goes only where a plan comes back) and tells that tab of plan changes", () => {
    // No link: null, so the background injects nothing; the tab still hears when a link starts.
    const none = aws(empty(), { kind: 'awsStartEngine' }, OTHER_TAB);
    expect(none.reply).toBeNull();
    expect(none.world.planTabs).toContain(OTHER_TAB);
    // A link in progress: the same plan awsGetPlan gives, armed or not.
    const w = setUp();
    expect(aws(w, { kind: 'awsStartEngine' }, OTHER_TAB).reply).toEqual(aws(w, { kind: 'awsGetPlan' }, OTHER_TAB).reply);
    expect(aws(w, { kind: 'awsStartEngine' }, OTHER_TAB).reply).toMatchObject({ namespace: 'moby', armed: false });
    // The AWS side done: nothing to inject anywhere.
    expect(aws(verified(), { kind: 'awsStartEngine' }).reply).toBeNull();
  });

  it('the tab opened for a step gets its plan without anything to store (its page asks while it loads)', () => {
    const w = setUp();
    expect(w.planTabs).toContain(TAB);
    const asked = aws(w, { kind: 'awsGetPlan' });
    expect(asked.reply).toMatchObject({ namespace: 'moby', armed: true });
    expect(asked.world).toBe(w);
  });

  it('wants the engine on IAM pages exactly when some console tab would get a plan', () => {
    const UNARMED = 99;
    const getsPlan = (w: World, now: number) =>
      [UNARMED, ...Object.keys(w.armed).map(Number)].some((tab) => aws(w, { kind: 'awsGetPlan' }, tab, now).reply !== null);
    // Two links: "other" active and done, "moby" still armed in TAB for its policy.
    const both = opened(popup(setUp(), { kind: 'saveLink', settings: settings('other') }), OTHER_TAB);
    const otherDone = aws(both, { kind: 'awsRoleObserved', ...about('other'), role: goodRole('other') }, OTHER_TAB).world;
    const cases: [string, World, number, boolean][] = [
      ['no link', empty(), NOW, false],
      ['a link just saved', setUp(), NOW, true],
      ['its arm expired, the link still active', setUp(), NOW + ARM_LIFETIME_MS + 1, true],
      ['the AWS side done', verified(), NOW, false],
      ['the active link done, another armed', otherDone, NOW, true],
      ['the active link done, the other arm expired', otherDone, NOW + ARM_LIFETIME_MS + 1, false],
    ];
    for (const [what, w, now, wanted] of cases) {
      expect({ what, wanted: engineWanted(w, now) }).toEqual({ what, wanted });
      expect({ what, wanted: getsPlan(w, now) }).toEqual({ what, wanted });
    }
  });

  it('once the AWS side is done, no console tab gets a plan, armed or not', () => {
    const w = verified();
    expect(aws(w, { kind: 'awsGetPlan' }).reply).toBeNull();
    expect(aws(w, { kind: 'awsGetPlan' }, OTHER_TAB).reply).toBeNull();
    expect(aws(w, { kind: 'awsArm', namespace: ns('moby') }, OTHER_TAB).reply).toBeNull();
  });

  it('refuses reports from a tab not armed for that link, changing nothing', () => {
    const w = setUp();
    for (const request of [
      { kind: 'awsPolicyCreated', ...about(), policyName: POLICY_NAME },
      { kind: 'awsRoleCreated', ...about() },
      { kind: 'awsRoleObserved', ...about(), role: goodRole() },
    ] as const) {
      const o = aws(w, request, OTHER_TAB);
      expect(o.world).toBe(w);
      expect(problemsOf(o)!.map((p) => p.message)).toEqual(['bgNotArmed']);
    }
  });

  it('applies a report to the link it names, not to whichever is active (namespace switched mid-visit)', () => {
    // Two namespaces with the same role name, each in its own AWS account; the tab was armed for moby.
    let w = setUp('moby');
    w = opened(aws(w, { kind: 'awsPolicyCreated', ...about(), policyName: POLICY_NAME }), TAB);
    w = opened(aws(w, { kind: 'awsRoleCreated', ...about() }), TAB);
    w = popup(w, { kind: 'saveLink', settings: settings('teamawesome') }).world;
    expect(w.stored.activeNamespace).toBe('teamawesome');
    const o = aws(w, { kind: 'awsRoleObserved', ...about('moby'), role: goodRole('moby') });
    expect(problemsOf(o)).toEqual([]);
    expect(link(o.world, 'moby').done.roleVerified).toBe(NOW);
    expect(link(o.world, 'teamawesome')).toEqual(link(w, 'teamawesome'));
    // The same report naming teamawesome, from moby's tab, is refused.
    expect(problemsOf(aws(w, { kind: 'awsRoleObserved', ...about('teamawesome'), role: goodRole('teamawesome') }))!.map((p) => p.message)).toEqual(['bgNotArmed']);
  });

  it('keeps a captured ARN: another ARN for the role (another account) is a problem shown, never taken; the popup can replace it', () => {
    const linked = result(sending(), { outcome: 'linked' }).world;
    const other = 'arn:aws:iam::999988887777:role/dockercloud-role';
    // Linked: nothing needs the role page any more, and no tab is armed for it.
    expect(problemsOf(aws(linked, { kind: 'awsRoleObserved', ...about(), role: goodRole('moby', other) }))!.map((p) => p.message)).toEqual(['bgNotArmed']);
    // On the armed role page (the role captured, its trust policy still to fix): shown as a problem, the ARN and every done step kept.
    const mfa = { ...goodRole(), trustPolicy: buildTrustPolicy({ externalId: 'moby', requireMfa: true }) };
    const before = aws(aws(setUp(), { kind: 'awsRoleObserved', ...about(), role: mfa }).world, { kind: 'awsArm', namespace: ns('moby') }).world;
    expect(before.armed[TAB]).toMatchObject({ task: 'checkRole' });
    const o = aws(before, { kind: 'awsRoleObserved', ...about(), role: goodRole('moby', other) });
    expect(problemsOf(o)!.map((p) => p.message)).toEqual(['bgOtherRoleArn']);
    expect(link(o.world).capturedRoleArn).toBe(ARN);
    expect(link(o.world).done).toEqual(link(before).done);
    expect(link(o.world).problems.arnCaptured!.map((p) => p.message)).toEqual(['bgOtherRoleArn']);
    expect(link(o.world).problems.roleVerified!.map((p) => p.message)).toEqual(['trustMfaRequired']);
    const replaced = popup(o.world, { kind: 'enterRoleArn', namespace: ns('moby'), roleArn: other }).world;
    expect(link(replaced).capturedRoleArn).toBe(other);
  });

  it('answers a wrong policy or role name with the problem, changing nothing', () => {
    const w = setUp();
    const policy = aws(w, { kind: 'awsPolicyCreated', ...about(), policyName: 'my-policy' });
    expect(policy.world).toBe(w);
    expect(render(problemsOf(policy)![0] as never)).toBe('The policy was created as "my-policy"; Docker Cloud\'s role needs one named "dockercloud-policy".');
    const role = aws(w, { kind: 'awsRoleCreated', ...about('moby', 'other') });
    expect(role.world).toBe(w);
    expect(render(problemsOf(role)![0] as never)).toBe('This is the role "other"; the role for moby is "dockercloud-role".');
  });

  it('captures and verifies a right role: every step up to sending is done', () => {
    const o = aws(setUp(), { kind: 'awsRoleObserved', ...about(), role: goodRole() });
    expect(problemsOf(o)).toEqual([]);
    expect(link(o.world).capturedRoleArn).toBe(ARN);
    expect(stepStatuses(link(o.world)).map((s) => s.status)).toEqual(['done', 'done', 'done', 'done', 'next', 'todo']);
  });

  it('checks the trust policy a review step shows for the link it names, changing nothing', () => {
    const w = setUp();
    const good = aws(w, { kind: 'awsCheckTrust', ...about(), trustPolicy: buildTrustPolicy({ externalId: 'moby', requireMfa: false }) });
    expect(problemsOf(good)).toEqual([]);
    expect(good.world).toBe(w);
    const mfa = aws(w, { kind: 'awsCheckTrust', ...about(), trustPolicy: buildTrustPolicy({ externalId: 'moby', requireMfa: true }) });
    expect(problemsOf(mfa)!.map((p) => p.message)).toEqual(['trustMfaRequired']);
  });

  it('captures the ARN its page shows before the role is verified, and only the link role', () => {
    const o = aws(setUp(), { kind: 'awsRoleArnShown', ...about(), roleArn: ARN });
    expect(problemsOf(o)).toEqual([]);
    expect(link(o.world).capturedRoleArn).toBe(ARN);
    expect(stepStatuses(link(o.world)).map((s) => s.status)).toEqual(['next', 'done', 'done', 'todo', 'todo', 'todo']);
    const other = aws(setUp(), { kind: 'awsRoleArnShown', ...about(), roleArn: 'arn:aws:iam::123456789012:role/admin' });
    expect(other.world.stored).toEqual(setUp().stored);
    expect(problemsOf(other)!.map((p) => p.message)).toEqual(['bgRoleNameDiffers']);
    const forged = aws(setUp(), { kind: 'awsRoleArnShown', ...about(), roleArn: '<img src=x>' });
    expect(link(forged.world).capturedRoleArn).toBeNull();
  });

  it('keeps the tab that captured an existing role\'s ARN armed for the role check that follows', () => {
    // The role wizard's tab, at "already exists", goes to the role's page: the ARN moves the link on to the check.
    const w = aws(setUp(), { kind: 'awsPolicyCreated', ...about(), policyName: POLICY_NAME });
    const wizard = opened(w, TAB);
    const shown = aws(wizard, { kind: 'awsRoleArnShown', ...about(), roleArn: ARN });
    expect(link(shown.world).done.roleCreated).toBe(NOW);
    const observed = aws(shown.world, { kind: 'awsRoleObserved', ...about(), role: goodRole() });
    expect(problemsOf(observed)).toEqual([]);
    expect(link(observed.world).done.roleVerified).toBe(NOW);
    // Another tab gains nothing by it.
    expect(problemsOf(aws(shown.world, { kind: 'awsRoleObserved', ...about(), role: goodRole() }, OTHER_TAB))!.map((p) => p.message)).toEqual(['bgNotArmed']);
  });

  it('answers a role with a wrong trust policy with every problem; the ARN is captured, the role not verified', () => {
    const role = { ...goodRole(), trustPolicy: buildTrustPolicy({ externalId: 'someoneelse', requireMfa: true }), attachedPolicyNames: [] };
    const o = aws(setUp(), { kind: 'awsRoleObserved', ...about(), role });
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
    const w = setUp();
    const o = aws(w, { kind: 'awsRoleObserved', ...about(), role: { ...goodRole(), roleArn } });
    expect(o.world).toBe(w);
    expect(problemsOf(o)!.map((p) => p.message)).toEqual([message]);
  });

  it('answers a report for a namespace that is not set up with that problem', () => {
    const o = aws(empty(), { kind: 'awsRoleCreated', ...about() });
    expect(problemsOf(o)!.map((p) => p.message)).toEqual(['bgNoSuchNamespace']);
  });
});

describe('Docker Cloud messages', () => {
  it('hands out the task in flight only to the tab opened for it, and nothing without one', () => {
    expect(docker(verified(), { kind: 'dockerGetTask' }).reply).toBeNull();
    expect(docker(sending(), { kind: 'dockerGetTask' }).reply).toEqual({ id: ID, namespace: 'moby', roleArn: ARN, replaceExisting: false, saved: false });
    // Another Docker Cloud tab, or the task before its tab is known.
    expect(docker(sending(), { kind: 'dockerGetTask' }, OTHER_TAB).reply).toBeNull();
    expect(docker(popup(verified(), { kind: 'sendToDockerCloud', namespace: ns('moby'), replaceExisting: false }).world, { kind: 'dockerGetTask' }).reply).toBeNull();
  });

  it('remembers where Cloud settings was found, and the next send opens it directly', () => {
    const w = docker(sending(), { kind: 'dockerResult', id: ID, namespace: ns('moby'), result: { outcome: 'error', errorText: 'x' }, settingsPath: '/swarm/moby/cloud-settings' }).world;
    expect(w.stored.dockerSettingsPaths).toEqual({ moby: '/swarm/moby/cloud-settings' });
    const again = popup(w, { kind: 'sendToDockerCloud', namespace: ns('moby'), replaceExisting: false });
    expect(again.effects.map((e) => e.url)).toEqual(['https://cloud.docker.com/swarm/moby/cloud-settings']);
  });

  it('takes a result only with the task\'s id, from its tab', () => {
    const w = sending();
    for (const o of [result(w, { outcome: 'linked' }, 'moby', 'b'.repeat(32)), result(w, { outcome: 'linked' }, 'moby', ID, OTHER_TAB)]) {
      expect(o.world).toBe(w);
      expect(problemsOf(o)!.map((p) => p.message)).toEqual(['bgNoTask']);
    }
  });

  it('remembers that Save was pressed, so the page reloaded after it does not unlink its own link', () => {
    const w = docker(sending(true), { kind: 'dockerSaving', id: ID }).world;
    expect(w.task).toMatchObject({ savingSince: NOW });
    expect(docker(w, { kind: 'dockerGetTask' }).reply).toMatchObject({ saved: true, replaceExisting: true });
  });

  it('ends a task past its lifetime, or whose tab closed, as not sent; one waiting for the user\'s choice waits', () => {
    const late = docker(sending(), { kind: 'dockerGetTask' }, DOCKER_TAB);
    expect(late.reply).not.toBeNull();
    const expired = run(sending(), { role: 'popup', request: { kind: 'getState' } }, NOW + TASK_LIFETIME_MS + 1);
    expect(expired.world.task).toBeNull();
    expect(link(expired.world).problems.arnSent!.map((p) => p.message)).toEqual(['bgDockerExpired']);
    const closed = run(sending(), { role: 'browser', event: { kind: 'tabClosed', tabId: DOCKER_TAB } }).world;
    expect(closed.task).toBeNull();
    expect(link(closed).problems.arnSent!.map((p) => p.message)).toEqual(['bgDockerTabClosed']);
    const waiting = result(sending(), { outcome: 'alreadyLinked', method: 'role' }).world;
    expect(run(waiting, { role: 'popup', request: { kind: 'getState' } }, NOW + TASK_LIFETIME_MS + 1).world.task).toMatchObject({ alreadyLinked: 'role' });
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
    expect(docker(waiting, { kind: 'dockerGetTask' }).reply).toBeNull();

    const again = sending(true, waiting);
    expect(again.task).toMatchObject({ namespace: 'moby', roleArn: ARN, replaceExisting: true, alreadyLinked: null, replacing: 'access-key' });
    expect(docker(again, { kind: 'dockerGetTask' }).reply).toEqual({ id: ID, namespace: 'moby', roleArn: ARN, replaceExisting: true, saved: false });

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
