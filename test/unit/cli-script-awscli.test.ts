// The CloudShell script run by the real AWS CLI v2 against a loopback IAM that records every request:
// what it creates, that a second run changes nothing, and that what differs is reported and left alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsPlanFor } from '../../src/background/steps';
import { buildCliScript } from '../../src/core/cli-script';
import { POLICY_NAME } from '../../src/core/docker-cloud';
import { newLink, type LinkSettings } from '../../src/core/flow';
import type { Namespace } from '../../src/core/names';
import { buildTrustPolicy } from '../../src/core/trust-policy';
import { awsCliOrSkip, cliSandbox, type CliSandbox } from './aws-cli';
import { isMutating, startFakeIam, type FakeIam } from './fake-iam';

const aws = await awsCliOrSkip();

const settings = (roleName: string, policy: LinkSettings['policy']): LinkSettings => ({
  namespace: 'moby' as Namespace,
  policy,
  roleName,
  sharedAwsAccount: false,
});

describe.skipIf(aws === null)('the CloudShell script under the AWS CLI', { timeout: 300_000 }, () => {
  let fake: FakeIam;
  let sandbox: CliSandbox;
  beforeAll(async () => {
    fake = await startFakeIam();
    sandbox = cliSandbox(aws!, fake);
  });
  afterAll(async () => {
    await fake?.close();
    sandbox?.close();
  });

  const runScript = (link: LinkSettings, region?: string | null, how?: 'file' | 'pasted') => {
    const script = buildCliScript(link);
    if (!script.ok) throw new Error(script.problem.message);
    return sandbox.run(script.value, region, how);
  };

  // A role name starting with "-" and using every other allowed punctuation: quoting and option parsing hold.
  const odd = settings('-dockercloud+=,.@_role', { region: 'eu-west-1', passRole: true });
  const oddPlan = awsPlanFor(newLink(odd))!;
  const trust = buildTrustPolicy({ externalId: oddPlan.externalId, requireMfa: false });

  it('creates the console path\'s policy and role, attaches it, and prints the Role ARN last', async () => {
    const { run, requests, lastLine } = await runScript(odd, null);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const policyArn = fake.policyArn(POLICY_NAME);
    expect(requests.map(({ action, params }) => ({ action, params }))).toEqual([
      { action: 'GetCallerIdentity', params: {} },
      { action: 'GetPolicy', params: { PolicyArn: policyArn } },
      { action: 'GetRole', params: { RoleName: oddPlan.roleName } },
      { action: 'CreatePolicy', params: { PolicyName: oddPlan.policyName, PolicyDocument: oddPlan.policyDocument, Description: oddPlan.policyDescription } },
      { action: 'CreateRole', params: { RoleName: oddPlan.roleName, AssumeRolePolicyDocument: trust, Description: oddPlan.roleDescription } },
      { action: 'AttachRolePolicy', params: { RoleName: oddPlan.roleName, PolicyArn: policyArn } },
    ]);
    expect(new Set(requests.map((r) => r.accessKey))).toEqual(new Set(['AKIDNOCONSOLETEST']));
    expect(lastLine).toBe(fake.roleArn(oddPlan.roleName));
  });

  it('changes nothing when run again, and prints the same ARN', async () => {
    const { run, requests, lastLine } = await runScript(odd);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(requests.map((r) => r.action)).toEqual(['GetCallerIdentity', 'GetPolicy', 'GetPolicyVersion', 'GetRole', 'ListAttachedRolePolicies']);
    expect(requests.filter(isMutating)).toEqual([]);
    expect(run.stdout).toContain('already exists with this document: kept.');
    expect(lastLine).toBe(fake.roleArn(oddPlan.roleName));
  });

  it('keeps a matching policy and creates only the role (and attachment) it lacks', async () => {
    // The account already has this link's policy (made by hand from the guide, say).
    const plain = settings('dockercloud-role', { region: null, passRole: false });
    const plan = awsPlanFor(newLink(plain))!;
    fake.policies.set(POLICY_NAME, { name: POLICY_NAME, description: plan.policyDescription, document: plan.policyDocument });
    const { run, requests, lastLine } = await runScript(plain);
    expect(run.code).toBe(0);
    expect(requests.filter(isMutating).map(({ action, params }) => ({ action, params }))).toEqual([
      { action: 'CreateRole', params: { RoleName: 'dockercloud-role', AssumeRolePolicyDocument: trust, Description: plan.roleDescription } },
      { action: 'AttachRolePolicy', params: { RoleName: 'dockercloud-role', PolicyArn: fake.policyArn(POLICY_NAME) } },
    ]);
    expect(lastLine).toBe(fake.roleArn('dockercloud-role'));
  });

  it('attaches the policy to a matching role that lacks it, and only that', async () => {
    const bare = settings('dockercloud-role-bare', { region: null, passRole: false });
    fake.roles.set(bare.roleName, { name: bare.roleName, description: '', trustPolicy: trust, attached: [] });
    const { run, requests, lastLine } = await runScript(bare);
    expect(run.code).toBe(0);
    expect(requests.filter(isMutating).map(({ action, params }) => ({ action, params }))).toEqual([
      { action: 'AttachRolePolicy', params: { RoleName: bare.roleName, PolicyArn: fake.policyArn(POLICY_NAME) } },
    ]);
    expect(fake.roles.get(bare.roleName)?.trustPolicy).toBe(trust);
    expect(lastLine).toBe(fake.roleArn(bare.roleName));
  });

  it('reports a policy with another document and a role with another trust policy, and changes nothing (pasted into a terminal, which stays open)', async () => {
    const other = settings('dockercloud-role-other', { region: null, passRole: false });
    const plan = awsPlanFor(newLink(other))!;
    // Another team's role with the same name: another External ID. And the policy from the tests above
    // (no region limit) where this link wants the region-limited one.
    const foreignTrust = buildTrustPolicy({ externalId: 'someoneelse', requireMfa: false });
    fake.roles.set(other.roleName, { name: other.roleName, description: '', trustPolicy: foreignTrust, attached: [] });
    const limited = { ...other, policy: { region: 'us-west-2', passRole: false } };
    const { run, requests } = await runScript(limited, 'eu-west-1', 'pasted');
    expect(run.stdout).toContain('exit status 1\nterminal-still-open\n');
    expect(requests.filter(isMutating)).toEqual([]);
    expect(run.stderr).toContain(`Policy ${POLICY_NAME} already exists with a different document: left unchanged.`);
    expect(run.stderr).toContain(`Role ${plan.roleName} already exists with a different trust policy: left unchanged.`);
    expect(run.stderr).toContain('Nothing was changed.');
    expect(fake.roles.get(other.roleName)).toEqual({ name: other.roleName, description: '', trustPolicy: foreignTrust, attached: [] });
    expect(fake.policies.get(POLICY_NAME)?.document).toBe(plan.policyDocument);
  });
});
