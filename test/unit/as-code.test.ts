// The CloudShell script and the CloudFormation template, for any valid link: the same documents and names as the
// console path (read back through bash and JSON, not taken from the builders' word), and the same namespace rule.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awsPlanFor } from '../../src/background/steps';
import { buildCliScript, cliScriptFileName, shellQuote } from '../../src/core/cli-script';
import { buildCloudFormationTemplate, TEMPLATE_IDS } from '../../src/core/cloudformation';
import { newLink, type LinkSettings } from '../../src/core/flow';
import { parseNamespace, type Namespace } from '../../src/core/names';
import { EC2_REGIONS } from '../../src/core/regions';
import { buildTrustPolicy, checkTrustPolicy } from '../../src/core/trust-policy';
import { namespaceArb, roleNameArb } from './arbitraries';

const bash = (script: string) =>
  new Promise<string>((resolve, reject) =>
    execFile('bash', ['-c', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
    ),
  );

const choiceArb = fc.record({ region: fc.option(fc.constantFrom(...Object.keys(EC2_REGIONS.aws)), { nil: null }), passRole: fc.boolean() });
const settingsArb: fc.Arbitrary<LinkSettings> = fc.record({ namespace: namespaceArb, policy: choiceArb, roleName: roleNameArb, sharedAwsAccount: fc.boolean() });

const VARIABLES = ['policy_name', 'role_name', 'policy_description', 'role_description', 'policy_document', 'trust_policy', 'policy_matches', 'role_matches'] as const;

describe('shellQuote', () => {
  it('gives bash back exactly the string, whatever it holds', async () => {
    const values = fc.sample(fc.string({ unit: 'binary', maxLength: 40 }).map((s) => s.replaceAll('\0', '')), { numRuns: 300, seed: 15 });
    values.push("'", "''", "a'b", '$(touch /nonexistent)', '`id`', '\\', '\n', '!!', '-n');
    const out = await bash(`printf '%s\\0' ${values.map(shellQuote).join(' ')}`);
    expect(out.split('\0').slice(0, -1)).toEqual(values);
  });
});

describe('the CloudShell script, for any valid link', () => {
  it('assigns the console path\'s names and documents, as bash reads them', async () => {
    const samples = fc.sample(settingsArb, { numRuns: 60, seed: 1501 });
    const dir = mkdtempSync(join(tmpdir(), 'as-code-'));
    try {
      // Each script up to where it starts calling AWS, then its variables printed NUL-separated.
      const files = samples.map((settings, i) => {
        const built = buildCliScript(settings);
        if (!built.ok) throw new Error(built.problem.message);
        const head = built.value.slice(0, built.value.indexOf('\nwork=$(mktemp -d)'));
        const file = join(dir, `${i}.sh`);
        writeFileSync(file, `${head}\nprintf '%s\\0' ${VARIABLES.map((v) => `"$${v}"`).join(' ')}\n)\n`);
        return file;
      });
      const out = await bash(files.map((f) => `bash ${shellQuote(f)}`).join(' && '));
      const values = out.split('\0').slice(0, -1);
      expect(values).toHaveLength(samples.length * VARIABLES.length);
      samples.forEach((settings, i) => {
        const got = Object.fromEntries(VARIABLES.map((v, j) => [v, values[i * VARIABLES.length + j]!]));
        const plan = awsPlanFor(newLink(settings))!;
        const trust = buildTrustPolicy({ externalId: plan.externalId, requireMfa: false });
        expect(got).toEqual({
          policy_name: plan.policyName,
          role_name: plan.roleName,
          policy_description: plan.policyDescription,
          role_description: plan.roleDescription,
          policy_document: plan.policyDocument,
          trust_policy: trust,
          policy_matches: `PolicyVersion.Document == \`${plan.policyDocument}\``,
          role_matches: `[Role.Arn, Role.AssumeRolePolicyDocument == \`${trust}\`]`,
        });
        expect(checkTrustPolicy(got.trust_policy!, settings.namespace)).toEqual([]);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is named for its namespace and refuses what the console path refuses', () => {
    fc.assert(
      fc.property(settingsArb, (settings) => {
        expect(cliScriptFileName(settings)).toBe(`dockercloud-link-${settings.namespace}.sh`);
        expect(buildCliScript({ ...settings, policy: { ...settings.policy, region: 'xx-nowhere-1' } })).toEqual({
          ok: false,
          problem: { message: 'regionUnknown', substitutions: ['xx-nowhere-1'] },
        });
        expect(buildCliScript({ ...settings, roleName: `${settings.roleName}/x` }).ok).toBe(false);
      }),
    );
  });
});

describe('the CloudFormation template, for any valid link', () => {
  it('carries the console path\'s documents, with the namespace and role name as parameters', () => {
    fc.assert(
      fc.property(settingsArb, (settings) => {
        const built = buildCloudFormationTemplate(settings);
        expect(built.ok).toBe(true);
        if (!built.ok) return;
        const plan = awsPlanFor(newLink(settings))!;
        const template = JSON.parse(built.value) as {
          Parameters: Record<string, { Default: string }>;
          Resources: Record<string, { Properties: Record<string, unknown> }>;
        };
        const policy = template.Resources[TEMPLATE_IDS.policy]!.Properties;
        expect(policy.ManagedPolicyName).toBe(plan.policyName);
        expect(policy.PolicyDocument).toEqual(JSON.parse(plan.policyDocument));
        // The trust policy as CloudFormation resolves it with the parameters' defaults.
        const role = template.Resources[TEMPLATE_IDS.role]!.Properties;
        const resolve = (json: string) =>
          Object.entries(template.Parameters).reduce((s, [id, p]) => s.replaceAll(JSON.stringify({ Ref: id }), JSON.stringify(p.Default)), json);
        expect(JSON.parse(resolve(JSON.stringify(role.RoleName)))).toBe(plan.roleName);
        const trust = resolve(JSON.stringify(role.AssumeRolePolicyDocument));
        expect(JSON.parse(trust)).toEqual(JSON.parse(buildTrustPolicy({ externalId: plan.externalId, requireMfa: false })));
        expect(JSON.stringify(role.AssumeRolePolicyDocument)).toContain(JSON.stringify({ Ref: TEMPLATE_IDS.namespace }));
        expect(checkTrustPolicy(trust, settings.namespace)).toEqual([]);
      }),
    );
  });

  it('accepts as Namespace exactly the names the popup saves', () => {
    const built = buildCloudFormationTemplate({ namespace: 'moby' as Namespace, policy: { region: null, passRole: false }, roleName: 'dockercloud-role', sharedAwsAccount: false });
    if (!built.ok) throw new Error(built.problem.message);
    const parameters = (JSON.parse(built.value) as { Parameters: Record<string, { AllowedPattern: string; MinLength: number; MaxLength: number }> }).Parameters;
    const accepts = (id: string, value: string) => {
      const p = parameters[id]!;
      // CloudFormation matches AllowedPattern against the whole value.
      return new RegExp(p.AllowedPattern).test(value) && value.length >= p.MinLength && value.length <= p.MaxLength;
    };
    const nameArb = fc.oneof(namespaceArb, fc.string({ unit: fc.constantFrom(...'abcXYZ019-_. é'), maxLength: 34 }), fc.string({ maxLength: 34 }));
    fc.assert(
      fc.property(nameArb, (name) => {
        const popup = parseNamespace(name);
        expect(accepts(TEMPLATE_IDS.namespace, name)).toBe(popup.ok && popup.value === name);
      }),
      { numRuns: 1000 },
    );
    for (const name of ['moby', 'a'.repeat(30), 'mob', 'a'.repeat(31), 'Moby', 'mo-by', ' moby', 'moby\n']) {
      const popup = parseNamespace(name);
      expect(accepts(TEMPLATE_IDS.namespace, name), name).toBe(popup.ok && popup.value === name);
    }
    fc.assert(fc.property(roleNameArb, (roleName) => accepts(TEMPLATE_IDS.roleName, roleName)));
    for (const bad of ['', 'a'.repeat(65), 'my role', 'a/b', 'rôle']) expect(accepts(TEMPLATE_IDS.roleName, bad), bad).toBe(false);
  });
});
