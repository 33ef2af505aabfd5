// The link procedure as data: per namespace, which steps are done and what comes next.
import { parseRoleArn } from './arn';
import { POLICY_NAME } from './docker-cloud';
import type { Namespace } from './names';
import type { PolicyChoice } from './policy';
import type { Problem, Result } from './problem';
import { checkTrustPolicy } from './trust-policy';

export const STEPS = ['policyCreated', 'roleCreated', 'arnCaptured', 'roleVerified', 'arnSent', 'linkConfirmed'] as const;
export type StepId = (typeof STEPS)[number];

export interface LinkSettings {
  namespace: Namespace;
  policy: PolicyChoice;
  roleName: string;
  /** Several namespaces link from this AWS account, so the role name carries the namespace. */
  sharedAwsAccount: boolean;
}

export interface Link {
  settings: LinkSettings;
  /** When each step was done (epoch ms). */
  done: Partial<Record<StepId, number>>;
  capturedRoleArn: string | null;
  /** What is wrong with the role read back from its page, or with Docker Cloud's answer. */
  problems: Partial<Record<StepId, Problem[]>>;
}

export type StepStatus = 'done' | 'next' | 'failed' | 'todo';

export function newLink(settings: LinkSettings): Link {
  return { settings, done: {}, capturedRoleArn: null, problems: {} };
}

export function nextStep(link: Link): StepId | null {
  return STEPS.find((step) => link.done[step] === undefined) ?? null;
}

export function stepStatuses(link: Link): { step: StepId; status: StepStatus }[] {
  const next = nextStep(link);
  return STEPS.map((step) => ({
    step,
    status: link.done[step] !== undefined ? 'done' : (link.problems[step]?.length ?? 0) > 0 ? 'failed' : step === next ? 'next' : 'todo',
  }));
}

/** Marks a step done (keeping the first time it was done) and clears its problems. */
export function complete(link: Link, step: StepId, now: number): Link {
  const problems = { ...link.problems };
  delete problems[step];
  return { ...link, done: { [step]: now, ...link.done }, problems };
}

/** Records why a step failed; it and every later step are to be done again. */
function withProblems(link: Link, step: StepId, problems: Problem[]): Link {
  const done = { ...link.done };
  for (const s of STEPS.slice(STEPS.indexOf(step))) delete done[s];
  return { ...link, done, problems: { ...link.problems, [step]: problems } };
}

/**
 * A Role ARN read from the role's page or pasted by hand. A new ARN means verifying and sending again.
 * Once one is captured, only the user replaces it (`replace`: they entered another in the popup); a role page
 * showing a different one is a problem, not a new ARN.
 */
export function captureRoleArn(link: Link, arn: string, now: number, replace = false): Result<Link> {
  const parsed = parseRoleArn(arn);
  if (!parsed.ok) return parsed;
  if (link.capturedRoleArn === arn && link.done.arnCaptured !== undefined) return { ok: true, value: link };
  if (link.capturedRoleArn !== null && link.capturedRoleArn !== arn && !replace) {
    return { ok: false, problem: { message: 'bgOtherRoleArn', substitutions: [arn, link.capturedRoleArn] } };
  }
  let next: Link = { ...link, capturedRoleArn: arn, done: { ...link.done }, problems: {} };
  for (const s of STEPS.slice(STEPS.indexOf('arnCaptured'))) delete next.done[s];
  // An ARN proves the role exists, whichever way it was made.
  if (next.done.roleCreated === undefined) next = complete(next, 'roleCreated', now);
  return { ok: true, value: complete(next, 'arnCaptured', now) };
}

/** A problem noted on a done step without undoing it (a role page that showed another ARN). */
export function noteProblem(link: Link, step: StepId, problem: Problem): Link {
  return { ...link, problems: { ...link.problems, [step]: [problem] } };
}

/**
 * What the console part of the procedure asks of the user now, as a tab can be armed for it: the policy
 * wizard, the role wizard, or the role's page. Null once the AWS side is done (nothing to fill or read).
 */
export type ConsoleTask = 'createPolicy' | 'createRole' | 'checkRole';
export const CONSOLE_TASKS = ['createPolicy', 'createRole', 'checkRole'] as const satisfies readonly ConsoleTask[];

/**
 * The console task a link asks of the user now: a captured role still to verify is checked on its page
 * (verifying it also proves the policy), before a missing policy is created. Null once the role is verified.
 */
export function currentConsoleTask(link: Link): ConsoleTask | null {
  if (link.done.roleVerified !== undefined) return null;
  if (link.done.roleCreated !== undefined || link.done.arnCaptured !== undefined) return 'checkRole';
  return link.done.policyCreated !== undefined ? 'createRole' : 'createPolicy';
}

/** The console task a checklist step belongs to (the pages of that step serve it). */
export function consoleTaskOf(step: StepId | null): ConsoleTask | null {
  switch (step) {
    case 'policyCreated':
      return 'createPolicy';
    case 'roleCreated':
      return 'createRole';
    case 'arnCaptured':
    case 'roleVerified':
      return 'checkRole';
    default:
      return null;
  }
}

export interface ObservedRole {
  roleArn: string;
  trustPolicy: string;
  attachedPolicyNames: string[];
  /** The account id of the multi-session console host the role was read on, when the host carries one. */
  consoleAccountId?: string;
}

/** The verdict on a role read back from its page: ready to link, or every problem found. */
export function verifyRole(link: Link, role: ObservedRole, now: number): Link {
  const problems = [...checkTrustPolicy(role.trustPolicy, link.settings.namespace)];
  if (!role.attachedPolicyNames.includes(POLICY_NAME)) problems.push({ message: 'rolePolicyNotAttached', substitutions: [POLICY_NAME] });
  if (link.capturedRoleArn !== role.roleArn) problems.push({ message: 'roleArnDiffers' });
  const arnAccount = parseRoleArn(role.roleArn);
  if (role.consoleAccountId !== undefined && arnAccount.ok && arnAccount.value.accountId !== role.consoleAccountId) {
    problems.push({ message: 'roleAccountDiffers', substitutions: [arnAccount.value.accountId, role.consoleAccountId] });
  }
  if (problems.length > 0) return withProblems(link, 'roleVerified', problems);
  // An attached dockercloud-policy proves the policy exists, whichever way it was made.
  const withPolicy = link.done.policyCreated === undefined ? complete(link, 'policyCreated', now) : link;
  return complete(withPolicy, 'roleVerified', now);
}

export type DockerCloudOutcome =
  | { outcome: 'linked' }
  /** Saved, and Docker Cloud answered with an error. */
  | { outcome: 'rejected'; problem: Problem }
  /** Not saved: logged out, another namespace open, the dialog not found. */
  | { outcome: 'notSent'; problem: Problem };

/** Docker Cloud's answer to Save: only a confirmed link is recorded as linked. */
export function recordDockerCloudOutcome(link: Link, result: DockerCloudOutcome, now: number): Link {
  if (result.outcome === 'notSent') return withProblems(link, 'arnSent', [result.problem]);
  const sent = complete(link, 'arnSent', now);
  return result.outcome === 'linked' ? complete(sent, 'linkConfirmed', now) : withProblems(sent, 'linkConfirmed', [result.problem]);
}
