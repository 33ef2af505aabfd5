// IAM roles for Docker Cloud's replica, as the AWS replica would have created them: one that links,
// and each way a role can be wrong. Tests put them into state.roles / state.policies.
import type { CreatedPolicy, CreatedRole } from '../state';
import { REPLICA_ACCOUNT_ID } from '../state';
import { DOCKER_CLOUD_PRINCIPAL } from './verify';

export const DOCKERCLOUD_POLICY: CreatedPolicy = {
  name: 'dockercloud-policy',
  arn: `arn:aws:iam::${REPLICA_ACCOUNT_ID}:policy/dockercloud-policy`,
  description: '',
  document: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Action: ['ec2:*', 'iam:ListInstanceProfiles'], Effect: 'Allow', Resource: '*' }],
  }),
};

export function trustPolicy(opts: { externalId?: string | null; requireMfa?: boolean; principal?: string } = {}): string {
  const condition: Record<string, Record<string, string>> = {};
  if (opts.externalId !== null) condition.StringEquals = { 'sts:ExternalId': opts.externalId ?? 'moby' };
  if (opts.requireMfa) condition.Bool = { 'aws:MultiFactorAuthPresent': 'true' };
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: opts.principal ?? DOCKER_CLOUD_PRINCIPAL }, Action: 'sts:AssumeRole', Condition: condition }],
  });
}

export function role(
  name: string,
  opts: { externalId?: string | null; requireMfa?: boolean; principal?: string; policies?: string[] } = {},
): CreatedRole {
  return {
    name,
    arn: `arn:aws:iam::${REPLICA_ACCOUNT_ID}:role/${name}`,
    description: '',
    trustPolicy: trustPolicy(opts),
    attachedPolicyArns: opts.policies ?? [DOCKERCLOUD_POLICY.arn],
  };
}
