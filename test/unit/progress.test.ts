import { describe, expect, it } from 'vitest';
import { captureRoleArn, newLink, recordDockerCloudOutcome, verifyRole, type Link } from '../../src/core/flow';
import type { Namespace } from '../../src/core/names';
import { badgeText, progressOf } from '../../src/core/progress';
import { buildTrustPolicy } from '../../src/core/trust-policy';

const ARN = 'arn:aws:iam::123456789012:role/dockercloud-role';
const fresh = () => newLink({ namespace: 'moby' as Namespace, policy: { region: null, passRole: false }, roleName: 'dockercloud-role', sharedAwsAccount: false });
const captured = (): Link => {
  const r = captureRoleArn(fresh(), ARN, 1);
  if (!r.ok) throw new Error('capture failed');
  return r.value;
};
const role = (requireMfa: boolean) => ({ roleArn: ARN, trustPolicy: buildTrustPolicy({ externalId: 'moby', requireMfa }), attachedPolicyNames: ['dockercloud-policy'] });

describe('progressOf and the badge', () => {
  it('shows nothing before a namespace is set up', () => {
    expect(badgeText(undefined)).toBe('');
  });

  it('counts done steps out of six on the way', () => {
    expect(progressOf(fresh())).toMatchObject({ done: 0, total: 6, next: 'policyCreated', linked: false, attention: false });
    expect(badgeText(fresh())).toBe('0/6');
    expect(badgeText(captured())).toBe('2/6');
    // An ARN pasted before the policy step: checking the role is next, and proves the policy too.
    expect(progressOf(captured()).next).toBe('roleVerified');
    expect(badgeText(verifyRole(captured(), role(false), 2))).toBe('4/6');
  });

  it('says "!" when a step failed or Docker Cloud waits for a choice', () => {
    const failed = verifyRole(captured(), role(true), 2);
    expect(progressOf(failed)).toMatchObject({ next: 'roleVerified', attention: true });
    expect(badgeText(failed)).toBe('!');
    const verified = verifyRole(captured(), role(false), 2);
    const waiting = { id: 'task-1', namespace: 'moby' as Namespace, roleArn: ARN, replaceExisting: false, tabId: 7, createdAt: 1, savingSince: null, alreadyLinked: 'role' as const, replacing: null };
    expect(badgeText(verified, waiting)).toBe('!');
    expect(badgeText(verified, { ...waiting, namespace: 'other' as Namespace })).toBe('4/6');
  });

  it('says "✓" once Docker Cloud confirmed the link, even for a role sent without the check', () => {
    const linked = recordDockerCloudOutcome(captured(), { outcome: 'linked' }, 3);
    expect(progressOf(linked)).toMatchObject({ linked: true, next: null, attention: false });
    expect(badgeText(linked)).toBe('✓');
  });

  it('says "!" when Docker Cloud rejected the role', () => {
    const rejected = recordDockerCloudOutcome(verifyRole(captured(), role(false), 2), { outcome: 'rejected', problem: { message: 'dockerErrorUnknown', substitutions: ['x'] } }, 3);
    expect(badgeText(rejected)).toBe('!');
    expect(progressOf(rejected).next).toBe('linkConfirmed');
  });
});
