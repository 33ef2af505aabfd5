// The IAM content script's messages to the background; every answer is parsed before use.
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

/** The plan for the active namespace, or null when no link is in progress. */
export async function getPlan(): Promise<Plan | null> {
  return readPlan(await send({ kind: 'awsGetPlan' }));
}

export const reportPolicyCreated = (policyName: string) => send({ kind: 'awsPolicyCreated', policyName });
export const reportRoleCreated = (roleName: string) => send({ kind: 'awsRoleCreated', roleName });

/** The background's verdict on the role read from its page; null when it did not answer. */
export async function reportRoleObserved(role: { roleArn: string; trustPolicy: string; attachedPolicyNames: string[] }): Promise<Problem[] | null> {
  return readVerdict(await send({ kind: 'awsRoleObserved', role }));
}
