// The IAM content script's messages to the background; every answer is parsed before use. Each report names
// the link it is about and the role that link expects, from the plan this tab's visit was admitted with
// (see armed.ts): it never lands on whichever link happens to be active when it arrives.
import browser from '../../browser';
import type { Problem } from '../../core/problem';
import type { AwsRequest } from '../../core/schemas';
import { readPlan, readVerdict } from './answers';
import type { Plan } from './page';

async function send(request: AwsRequest): Promise<unknown> {
  try {
    return await browser.runtime.sendMessage(request);
  } catch {
    // No background listening (extension reloaded, worker starting): treated as "no answer".
    return undefined;
  }
}

/** The plan of this tab's admitted visit: the link its reports are about. */
let admitted: Plan | null = null;
export const reportFor = (plan: Plan): void => void (admitted = plan);

/** The plan for this tab (armed, or the link in progress for the page's offer only), or null when none is in progress. */
export async function getPlan(): Promise<Plan | null> {
  return readPlan(await send({ kind: 'awsGetPlan' }));
}

/** Asks the background to inject the engine into this page; true once it has (only while a link is in progress). */
export async function startEngine(): Promise<boolean> {
  return (await send({ kind: 'awsStartEngine' })) === true;
}

/** The user asked to fill this page: the background arms the tab and answers with the armed plan. */
export async function armTab(namespace: Plan['namespace']): Promise<Plan | null> {
  const plan = readPlan(await send({ kind: 'awsArm', namespace }));
  return plan?.armed ? plan : null;
}

const about = () => (admitted === null ? null : { namespace: admitted.namespace, roleName: admitted.roleName });

export function reportPolicyCreated(policyName: string): Promise<unknown> {
  const link = about();
  return link === null ? Promise.resolve(undefined) : send({ kind: 'awsPolicyCreated', ...link, policyName });
}

export function reportRoleCreated(roleName: string): Promise<unknown> {
  const link = about();
  return link === null || link.roleName !== roleName ? Promise.resolve(undefined) : send({ kind: 'awsRoleCreated', ...link });
}

/** The background's verdict on the role read from its page; null when it did not answer. */
export async function reportRoleObserved(role: { roleArn: string; trustPolicy: string; attachedPolicyNames: string[]; consoleAccountId?: string }): Promise<Problem[] | null> {
  const link = about();
  return link === null ? null : readVerdict(await send({ kind: 'awsRoleObserved', ...link, role }));
}

/**
 * Calls `listener` when the background says this tab's plan may have changed (the tabs that asked for a plan
 * are told by message; content scripts do not read the extension's storage). Returns the unsubscribe.
 */
export function onPlanChanged(listener: () => void): () => void {
  const onMessage = (message: unknown, sender: browser.Runtime.MessageSender): undefined => {
    // Only the background (no tab) of this extension; the message carries nothing but its kind.
    if (sender.id === browser.runtime.id && sender.tab === undefined && typeof message === 'object' && message !== null && (message as { kind?: unknown }).kind === 'planChanged') listener();
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
}

/** The Role ARN its page shows, captured before the role is verified; the problems with it, or null. */
export async function reportRoleArnShown(roleArn: string): Promise<Problem[] | null> {
  const link = about();
  return link === null ? null : readVerdict(await send({ kind: 'awsRoleArnShown', ...link, roleArn }));
}

/** The core's verdict on a trust policy shown before the role exists; null when the background did not answer. */
export async function checkTrust(trustPolicy: string): Promise<Problem[] | null> {
  const link = about();
  return link === null ? null : readVerdict(await send({ kind: 'awsCheckTrust', ...link, trustPolicy }));
}
