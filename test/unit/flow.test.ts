import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POLICY_NAME } from '../../src/core/docker-cloud';
import {
  STEPS,
  captureRoleArn,
  complete,
  newLink,
  nextStep,
  recordDockerCloudOutcome,
  stepStatuses,
  verifyRole,
  type DockerCloudOutcome,
  type Link,
  type LinkSettings,
  type ObservedRole,
  type StepId,
} from '../../src/core/flow';
import type { Namespace } from '../../src/core/names';
import type { Problem } from '../../src/core/problem';
import { buildTrustPolicy } from '../../src/core/trust-policy';
import { roleArnArb } from './arbitraries';
import { render } from './messages';

const ARN = 'arn:aws:iam::123456789012:role/dockercloud-role';
const OTHER_ARN = 'arn:aws:iam::123456789012:role/dockercloud-role-moby';
const settings: LinkSettings = {
  namespace: 'moby' as Namespace,
  policy: { region: null, passRole: false },
  roleName: 'dockercloud-role',
  sharedAwsAccount: false,
};
const goodRole = (roleArn = ARN): ObservedRole => ({
  roleArn,
  trustPolicy: buildTrustPolicy({ externalId: 'moby', requireMfa: false }),
  attachedPolicyNames: [POLICY_NAME],
});
const statusOf = (link: Link) => Object.fromEntries(stepStatuses(link).map(({ step, status }) => [step, status]));
const captured = (link: Link, arn: string, now: number): Link => {
  const r = captureRoleArn(link, arn, now);
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
};
const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
};

describe('the link steps', () => {
  it('are the guide\'s procedure in order', () => {
    expect(STEPS).toEqual(['policyCreated', 'roleCreated', 'arnCaptured', 'roleVerified', 'arnSent', 'linkConfirmed']);
  });

  it('a new link starts at creating the policy', () => {
    const link = newLink(settings);
    expect(link).toEqual({ settings, done: {}, capturedRoleArn: null, problems: {} });
    expect(nextStep(link)).toBe('policyCreated');
    expect(statusOf(link)).toEqual({
      policyCreated: 'next',
      roleCreated: 'todo',
      arnCaptured: 'todo',
      roleVerified: 'todo',
      arnSent: 'todo',
      linkConfirmed: 'todo',
    });
  });

  it('the happy path ends with every step done and nothing next', () => {
    let link = complete(newLink(settings), 'policyCreated', 1);
    link = complete(link, 'roleCreated', 2);
    expect(nextStep(link)).toBe('arnCaptured');
    link = captured(link, ARN, 3);
    link = verifyRole(link, goodRole(), 4);
    expect(nextStep(link)).toBe('arnSent');
    link = recordDockerCloudOutcome(link, { outcome: 'linked' }, 5);
    expect(nextStep(link)).toBeNull();
    expect(link.done).toEqual({ policyCreated: 1, roleCreated: 2, arnCaptured: 3, roleVerified: 4, arnSent: 5, linkConfirmed: 5 });
    expect(stepStatuses(link).every((s) => s.status === 'done')).toBe(true);
    expect(link.problems).toEqual({});
  });
});

describe('complete', () => {
  it('keeps the first time a step was done and clears its problems', () => {
    const failed: Link = { ...newLink(settings), problems: { policyCreated: [{ message: 'regionUnknown', substitutions: ['x'] }] } };
    expect(statusOf(failed).policyCreated).toBe('failed');
    const once = complete(failed, 'policyCreated', 10);
    const twice = complete(once, 'policyCreated', 20);
    expect(twice.done.policyCreated).toBe(10);
    expect(twice.problems).toEqual({});
    expect(failed.problems.policyCreated).toHaveLength(1);
  });

  it('next is the first step not done, even when a later one is', () => {
    const link = complete(newLink(settings), 'roleCreated', 1);
    expect(nextStep(link)).toBe('policyCreated');
    expect(statusOf(link).roleCreated).toBe('done');
  });
});

describe('captureRoleArn', () => {
  it('rejects an invalid ARN with the parser\'s reason, leaving the link as it was', () => {
    const link = newLink(settings);
    const result = captureRoleArn(link, 'arn:aws:iam::123456789012:user/bob', 1);
    expect(result).toEqual({ ok: false, problem: { message: 'arnIsUser' } });
    expect(link).toEqual(newLink(settings));
  });

  it('an ARN proves the role exists: marks roleCreated and arnCaptured', () => {
    const link = captured(newLink(settings), ARN, 7);
    expect(link.capturedRoleArn).toBe(ARN);
    expect(link.done).toEqual({ roleCreated: 7, arnCaptured: 7 });
    expect(nextStep(link)).toBe('policyCreated');
  });

  it('the same ARN again changes nothing', () => {
    const link = captured(newLink(settings), ARN, 7);
    const again = captureRoleArn(link, ARN, 8);
    expect(again).toEqual({ ok: true, value: link });
    if (again.ok) expect(again.value).toBe(link);
  });

  it('a captured ARN is kept: another one is a problem, and changes nothing', () => {
    const link = captured(newLink(settings), ARN, 2);
    expect(captureRoleArn(link, OTHER_ARN, 3)).toEqual({ ok: false, problem: { message: 'bgOtherRoleArn', substitutions: [OTHER_ARN, ARN] } });
  });

  it('a new ARN the user chose means verifying and sending again', () => {
    let link = captured(complete(newLink(settings), 'policyCreated', 1), ARN, 2);
    link = verifyRole(link, goodRole(), 3);
    link = recordDockerCloudOutcome(link, { outcome: 'linked' }, 4);
    const replaced = captureRoleArn(link, OTHER_ARN, 5, true);
    if (!replaced.ok) throw new Error(replaced.problem.message);
    const changed = replaced.value;
    expect(changed.capturedRoleArn).toBe(OTHER_ARN);
    expect(changed.done).toEqual({ policyCreated: 1, roleCreated: 2, arnCaptured: 5 });
    expect(nextStep(changed)).toBe('roleVerified');
  });
});

describe('verifyRole', () => {
  const base = () => captured(newLink(settings), ARN, 1);

  it('a right role is verified, and proves the policy exists', () => {
    const link = verifyRole(base(), goodRole(), 2);
    expect(link.done).toEqual({ roleCreated: 1, arnCaptured: 1, roleVerified: 2, policyCreated: 2 });
    expect(link.problems).toEqual({});
  });

  it('a wrong role fails the step with every problem, in the user\'s words', () => {
    const role: ObservedRole = {
      roleArn: OTHER_ARN,
      trustPolicy: buildTrustPolicy({ externalId: 'teamawesome', requireMfa: true }),
      attachedPolicyNames: ['AmazonEC2FullAccess'],
    };
    const link = verifyRole(base(), role, 2);
    const problems = link.problems.roleVerified ?? [];
    expect(problems.map((p) => p.message)).toEqual([
      'trustExternalIdDifferent',
      'trustMfaRequired',
      'rolePolicyNotAttached',
      'roleArnDiffers',
    ]);
    expect(problems.map((p) => render(p))).toEqual([
      'The role\'s External ID is "teamawesome", but it must be your Docker Cloud name "moby".',
      'The role requires MFA; Docker Cloud cannot use MFA, so untick "Require MFA".',
      'The role does not have "dockercloud-policy" attached: attach it on the role\'s Permissions tab.',
      "The ARN on this role's page is not the one captured earlier: open the role you created.",
    ]);
    expect(statusOf(link).roleVerified).toBe('failed');
    expect(link.done.roleVerified).toBeUndefined();
  });

  it('a role read on a multi-session host of another account is reported, one of the same account is verified', () => {
    const other = verifyRole(base(), { ...goodRole(), consoleAccountId: '111122223333' }, 2);
    const account = /::(\d{12}):/.exec(goodRole().roleArn)?.[1] ?? '';
    expect(other.problems.roleVerified).toEqual([{ message: 'roleAccountDiffers', substitutions: [account, '111122223333'] }]);
    expect(other.done.roleVerified).toBeUndefined();
    const same = verifyRole(base(), { ...goodRole(), consoleAccountId: account }, 2);
    expect(same.done.roleVerified).toBe(2);
  });

  it('a failed verification undoes it and every later step', () => {
    let link = verifyRole(base(), goodRole(), 2);
    link = recordDockerCloudOutcome(link, { outcome: 'linked' }, 3);
    link = verifyRole(link, { ...goodRole(), attachedPolicyNames: [] }, 4);
    expect(link.done).toEqual({ roleCreated: 1, arnCaptured: 1, policyCreated: 2 });
    expect(statusOf(link)).toMatchObject({ roleVerified: 'failed', arnSent: 'todo', linkConfirmed: 'todo' });
  });

  it('verifying again after a fix clears the problems', () => {
    const failed = verifyRole(base(), { ...goodRole(), attachedPolicyNames: [] }, 2);
    const fixed = verifyRole(failed, goodRole(), 3);
    expect(fixed.problems).toEqual({});
    expect(statusOf(fixed).roleVerified).toBe('done');
  });
});

describe('recordDockerCloudOutcome', () => {
  const ready = () => verifyRole(captured(newLink(settings), ARN, 1), goodRole(), 2);

  it('only a confirmed link is recorded as linked', () => {
    const linked = recordDockerCloudOutcome(ready(), { outcome: 'linked' }, 3);
    expect(linked.done.linkConfirmed).toBe(3);
    const problem: Problem = { message: 'dockerErrorInvalidRole', substitutions: ['Invalid AWS role or insufficient permissions'] };
    const rejected = recordDockerCloudOutcome(ready(), { outcome: 'rejected', problem }, 3);
    expect(rejected.done.arnSent).toBe(3);
    expect(rejected.done.linkConfirmed).toBeUndefined();
    expect(rejected.problems.linkConfirmed).toEqual([problem]);
    expect(statusOf(rejected)).toMatchObject({ arnSent: 'done', linkConfirmed: 'failed' });
  });

  it('not sent: the send step failed, nothing was saved', () => {
    const problem: Problem = { message: 'dockerErrorLoggedOut', substitutions: ['Login required'] };
    const link = recordDockerCloudOutcome(ready(), { outcome: 'notSent', problem }, 3);
    expect(link.done.arnSent).toBeUndefined();
    expect(link.problems.arnSent).toEqual([problem]);
    expect(statusOf(link)).toMatchObject({ roleVerified: 'done', arnSent: 'failed', linkConfirmed: 'todo' });
    const retried = recordDockerCloudOutcome(link, { outcome: 'linked' }, 4);
    expect(retried.problems).toEqual({});
    expect(nextStep(retried)).toBeNull();
  });
});

describe('any sequence of events (property)', () => {
  const problemArb = fc.constantFrom<Problem>(
    { message: 'dockerErrorUnknown', substitutions: ['boom'] },
    { message: 'dockerErrorLoggedOut', substitutions: ['log in'] },
  );
  const outcomeArb: fc.Arbitrary<DockerCloudOutcome> = fc.oneof(
    fc.constant<DockerCloudOutcome>({ outcome: 'linked' }),
    problemArb.map((problem): DockerCloudOutcome => ({ outcome: 'rejected', problem })),
    problemArb.map((problem): DockerCloudOutcome => ({ outcome: 'notSent', problem })),
  );
  const roleArb = fc.record({
    roleArn: fc.oneof(fc.constant(ARN), roleArnArb),
    trustPolicy: fc.oneof(
      fc.constant(buildTrustPolicy({ externalId: 'moby', requireMfa: false })),
      fc.constant(buildTrustPolicy({ externalId: 'other', requireMfa: true })),
      fc.string({ maxLength: 20 }),
    ),
    attachedPolicyNames: fc.subarray([POLICY_NAME, 'other']),
  });
  type Event =
    | { kind: 'complete'; step: StepId }
    | { kind: 'capture'; arn: string }
    | { kind: 'verify'; role: ObservedRole }
    | { kind: 'outcome'; outcome: DockerCloudOutcome };
  const eventArb: fc.Arbitrary<Event> = fc.oneof(
    // The steps the pages report directly; the others are done through their own functions.
    fc.constantFrom<StepId>('policyCreated', 'roleCreated').map((step) => ({ kind: 'complete', step }) as const),
    fc.oneof(fc.constant(ARN), roleArnArb, fc.string({ maxLength: 30 })).map((arn) => ({ kind: 'capture', arn }) as const),
    roleArb.map((role) => ({ kind: 'verify', role }) as const),
    outcomeArb.map((outcome) => ({ kind: 'outcome', outcome }) as const),
  );

  it('keeps the invariants and never mutates its input', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 20 }), (events) => {
        let link = deepFreeze(newLink(settings));
        let now = 0;
        for (const event of events) {
          now += 1;
          const before = structuredClone(link);
          let next: Link;
          if (event.kind === 'complete') next = complete(link, event.step, now);
          else if (event.kind === 'capture') {
            const r = captureRoleArn(link, event.arn, now);
            next = r.ok ? r.value : link;
            // A captured ARN is replaced only by the user's choice (captureRoleArn's `replace`).
            if (link.capturedRoleArn !== null) expect(next.capturedRoleArn).toBe(link.capturedRoleArn);
          } else if (event.kind === 'verify') next = verifyRole(link, event.role, now);
          else next = recordDockerCloudOutcome(link, event.outcome, now);
          expect(link).toEqual(before);
          link = deepFreeze(next);

          // A step is never both done and failed; statuses agree with nextStep.
          for (const step of STEPS) {
            expect(link.done[step] !== undefined && (link.problems[step]?.length ?? 0) > 0).toBe(false);
            const t = link.done[step];
            if (t !== undefined) expect(t >= 1 && t <= now).toBe(true);
          }
          const statuses = stepStatuses(link);
          expect(statuses.map((s) => s.step)).toEqual([...STEPS]);
          expect(statuses.filter((s) => s.status === 'next').length).toBeLessThanOrEqual(1);
          const n = nextStep(link);
          const nextStatus = statuses.find((s) => s.status === 'next')?.step ?? null;
          if (nextStatus !== null) expect(nextStatus).toBe(n);
          if (n === null) expect(statuses.every((s) => s.status === 'done')).toBe(true);
          // Verification and the send are about the captured ARN.
          if (link.done.arnCaptured !== undefined || link.done.roleVerified !== undefined) expect(link.capturedRoleArn).not.toBeNull();
          if (link.done.roleVerified !== undefined) expect(link.done.policyCreated).toBeDefined();
        }
      }),
      { numRuns: 300 },
    );
  });
});
