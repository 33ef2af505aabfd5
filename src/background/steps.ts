// Where each step of the procedure is done, and what the AWS console content script needs to prefill it.
import { parseRoleArn } from '../core/arn';
import { CREATE_POLICY_HASH, roleCreateHash, roleDetailsHash } from '../core/console-routes';
import { DOCKER_CLOUD_ACCOUNT_ID, POLICY_DESCRIPTION, POLICY_NAME, ROLE_DESCRIPTION } from '../core/docker-cloud';
import { nextStep, type ConsoleTask, type Link, type StepId } from '../core/flow';
import { externalIdFor } from '../core/names';
import { buildPolicyDocument } from '../core/policy';
import type { AwsPlan } from '../core/schemas';

export const IAM_HOME = 'https://console.aws.amazon.com/iam/home';
export const DOCKER_CLOUD_HOME = 'https://cloud.docker.com/';

export const createPolicyUrl = (): string => `${IAM_HOME}${CREATE_POLICY_HASH}`;

/** The console's role wizard reads these parameters and preselects "AWS account", the account and the External ID. */
export const createRoleUrl = (link: Link): string =>
  `${IAM_HOME}${roleCreateHash({ trustedAccountId: DOCKER_CLOUD_ACCOUNT_ID, externalId: externalIdFor(link.settings.namespace), roleName: link.settings.roleName })}`;

/** The role whose ARN was captured, else the one the settings name. */
export function roleNameOf(link: Link): string {
  const captured = link.capturedRoleArn === null ? null : parseRoleArn(link.capturedRoleArn);
  return captured?.ok ? captured.value.roleName : link.settings.roleName;
}

export const roleDetailsUrl = (link: Link): string => `${IAM_HOME}${roleDetailsHash(roleNameOf(link))}`;

export function stepUrl(link: Link, step: StepId): string {
  switch (step) {
    case 'policyCreated':
      return createPolicyUrl();
    case 'roleCreated':
      return createRoleUrl(link);
    case 'arnCaptured':
    case 'roleVerified':
      return roleDetailsUrl(link);
    case 'arnSent':
    case 'linkConfirmed':
      return DOCKER_CLOUD_HOME;
  }
}

/** Where the user does a console task: the policy wizard, the role wizard, the role's page. */
export function consoleTaskUrl(link: Link, task: ConsoleTask): string {
  return task === 'createPolicy' ? createPolicyUrl() : task === 'createRole' ? createRoleUrl(link) : roleDetailsUrl(link);
}

/** What the console pages prefill for this link; null when its settings cannot make a policy (never stored so). */
export function awsPlanFor(link: Link): Omit<NonNullable<AwsPlan>, 'armed' | 'task'> | null {
  const document = buildPolicyDocument(link.settings.policy);
  if (!document.ok) return null;
  return {
    namespace: link.settings.namespace,
    externalId: externalIdFor(link.settings.namespace),
    policyName: POLICY_NAME,
    policyDocument: document.value,
    policyDescription: POLICY_DESCRIPTION,
    roleName: link.settings.roleName,
    roleDescription: ROLE_DESCRIPTION,
    trustedAccountId: DOCKER_CLOUD_ACCOUNT_ID,
    nextStep: nextStep(link),
  };
}
