// The CloudShell script run by the real AWS CLI v2 against a loopback IAM that records every request:
// what it creates, that a second run changes nothing, and that what differs is reported and left alone.
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsPlanFor } from '../../src/background/steps';
import { buildCliScript } from '../../src/core/cli-script';
import { POLICY_NAME } from '../../src/core/docker-cloud';
import { newLink, type LinkSettings } from '../../src/core/flow';
import type { Namespace } from '../../src/core/names';
import { buildTrustPolicy } from '../../src/core/trust-policy';
import { isMutating, startFakeIam, type FakeIam } from './fake-iam';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const exec = (file: string, args: string[], env?: NodeJS.ProcessEnv) =>
  new Promise<Run>((resolve) => {
    // Asynchronous: the fake IAM answers from this same process.
    const child = execFile(file, args, { env, encoding: 'utf8', timeout: 150_000 }, (_error, stdout, stderr) =>
      resolve({ code: child.exitCode, stdout, stderr }),
    );
  });

/** Debian's awscli (v2), or another v2 on PATH; the script is written for v2. */
async function findAwsCliV2(): Promise<string | null> {
  const onPath = (process.env.PATH ?? '').split(':').map((dir) => join(dir, 'aws'));
  for (const candidate of [process.env.AWS_CLI, '/usr/bin/aws', ...onPath]) {
    if (!candidate) continue;
    const version = await exec(candidate, ['--version']).catch(() => null);
    if (version?.code === 0 && /^aws-cli\/2\./.test(version.stdout + version.stderr)) return candidate;
  }
  return null;
}

const aws = await findAwsCliV2();
const required = Boolean(process.env.CI || process.env.REQUIRE_AWS_CLI);
if (aws === null) {
  const line = 'AWS CLI v2 not found (Debian: apt-get install awscli): the CloudShell script tests are skipped.';
  if (required) throw new Error(`${line.replace('are skipped', 'cannot run')} .ci/run installs it.`);
  console.warn(line);
}

const settings = (roleName: string, policy: LinkSettings['policy']): LinkSettings => ({
  namespace: 'moby' as Namespace,
  policy,
  roleName,
  sharedAwsAccount: false,
});

describe.skipIf(aws === null)('the CloudShell script under the AWS CLI', { timeout: 300_000 }, () => {
  let fake: FakeIam;
  let dir: string;
  beforeAll(async () => {
    fake = await startFakeIam();
    dir = mkdtempSync(join(tmpdir(), 'cli-script-'));
    // Every call goes to the loopback endpoint: the CLI is always invoked through this wrapper.
    writeFileSync(join(dir, 'aws'), `#!/bin/sh\nexec '${aws}' --endpoint-url '${fake.url}' "$@"\n`);
    chmodSync(join(dir, 'aws'), 0o755);
  });
  afterAll(async () => {
    await fake?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the script for these settings with dummy credentials; returns the run and the requests it made. */
  async function runScript(link: LinkSettings, region: string | null = 'eu-west-1') {
    const script = buildCliScript(link);
    if (!script.ok) throw new Error(script.problem.message);
    const file = join(dir, 'link.sh');
    writeFileSync(file, script.value);
    const before = fake.requests.length;
    const run = await exec('bash', [file], {
      PATH: `${dir}:/usr/bin:/bin`,
      HOME: dir,
      AWS_CONFIG_FILE: join(dir, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
      AWS_ACCESS_KEY_ID: 'AKIDNOCONSOLETEST',
      AWS_SECRET_ACCESS_KEY: 'not-a-secret',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_PAGER: '',
      ...(region === null ? {} : { AWS_REGION: region }),
    });
    return { run, requests: fake.requests.slice(before), lastLine: run.stdout.trimEnd().split('\n').pop() };
  }

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

  it('reports a policy with another document and a role with another trust policy, and changes nothing', async () => {
    const other = settings('dockercloud-role-other', { region: null, passRole: false });
    const plan = awsPlanFor(newLink(other))!;
    // Another team's role with the same name: another External ID. And the policy from the tests above
    // (no region limit) where this link wants the region-limited one.
    const foreignTrust = buildTrustPolicy({ externalId: 'someoneelse', requireMfa: false });
    fake.roles.set(other.roleName, { name: other.roleName, description: '', trustPolicy: foreignTrust, attached: [] });
    const limited = { ...other, policy: { region: 'us-west-2', passRole: false } };
    const { run, requests } = await runScript(limited);
    expect(run.code).toBe(1);
    expect(requests.filter(isMutating)).toEqual([]);
    expect(run.stderr).toContain(`Policy ${POLICY_NAME} already exists with a different document: left unchanged.`);
    expect(run.stderr).toContain(`Role ${plan.roleName} already exists with a different trust policy: left unchanged.`);
    expect(run.stderr).toContain('Nothing was changed.');
    expect(fake.roles.get(other.roleName)).toEqual({ name: other.roleName, description: '', trustPolicy: foreignTrust, attached: [] });
    expect(fake.policies.get(POLICY_NAME)?.document).toBe(plan.policyDocument);
  });
});
