// The CloudFormation template against the official resource specification (@aws-cdk/cfnspec), and its
// documents against the console path's.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { awsPlanFor } from '../../src/background/steps';
import { buildCloudFormationTemplate, TEMPLATE_IDS, templateFileName } from '../../src/core/cloudformation';
import { newLink, type LinkSettings } from '../../src/core/flow';
import type { Namespace } from '../../src/core/names';
import { buildTrustPolicy, checkTrustPolicy } from '../../src/core/trust-policy';
import { exec } from './aws-cli';

interface PropertySpec {
  PrimitiveType?: string;
  Type?: string;
  PrimitiveItemType?: string;
  ItemType?: string;
  Required: boolean;
}
interface ResourceSpec {
  Properties: Record<string, PropertySpec>;
  Attributes?: Record<string, unknown>;
}
interface Specification {
  ResourceSpecificationVersion: string;
  ResourceTypes: Record<string, ResourceSpec>;
}
const cfnLint = (await exec('cfn-lint', ['--version'])).code === 0;
const spec = createRequire(import.meta.url)('@aws-cdk/cfnspec/spec/specification.json') as Specification;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Template {
  AWSTemplateFormatVersion: string;
  Parameters: Record<string, { Type: string; Default: string; AllowedPattern: string; MinLength: number; MaxLength: number }>;
  Resources: Record<string, { Type: string; Properties: Record<string, Json> }>;
  Outputs: Record<string, { Value: Json }>;
}

const moby: LinkSettings = { namespace: 'moby' as Namespace, policy: { region: 'us-west-2', passRole: true }, roleName: 'dockercloud-role-moby', sharedAwsAccount: true };
const templateFor = (settings: LinkSettings): Template => {
  const built = buildCloudFormationTemplate(settings);
  if (!built.ok) throw new Error(built.problem.message);
  return JSON.parse(built.value) as Template;
};

/** Every way `template` breaks the specification; empty when it conforms. */
function specProblems(template: Template): string[] {
  const problems: string[] = [];
  const parameters = new Set(Object.keys(template.Parameters));
  const resources = template.Resources;
  const isIntrinsic = (v: Json): v is { [key: string]: Json } =>
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && /^(Ref|Fn::\w+)$/.test(Object.keys(v)[0]!);
  // Refs name a parameter or a resource; GetAtt names an attribute the resource's type has.
  const checkIntrinsic = (where: string, v: { [key: string]: Json }) => {
    if ('Ref' in v) {
      if (typeof v.Ref !== 'string' || !(parameters.has(v.Ref) || v.Ref in resources)) problems.push(`${where}: Ref to unknown ${String(v.Ref)}`);
    } else if ('Fn::GetAtt' in v) {
      const [id, attribute] = v['Fn::GetAtt'] as [string, string];
      const type = resources[id]?.Type;
      if (!type || !spec.ResourceTypes[type]?.Attributes?.[attribute]) problems.push(`${where}: GetAtt ${id}.${attribute} does not exist`);
    } else problems.push(`${where}: unexpected ${Object.keys(v)[0]}`);
  };
  const checkPrimitive = (where: string, type: string, v: Json) => {
    if (isIntrinsic(v)) return checkIntrinsic(where, v);
    const ok =
      type === 'String' ? typeof v === 'string' : type === 'Integer' ? Number.isInteger(v) : type === 'Boolean' ? typeof v === 'boolean' : type === 'Json' ? typeof v === 'object' && v !== null && !Array.isArray(v) : false;
    if (!ok) problems.push(`${where}: expected ${type}, got ${JSON.stringify(v)}`);
  };
  for (const [id, resource] of Object.entries(resources)) {
    const typeSpec = spec.ResourceTypes[resource.Type];
    if (!typeSpec) {
      problems.push(`${id}: unknown type ${resource.Type}`);
      continue;
    }
    for (const [name, p] of Object.entries(typeSpec.Properties)) {
      if (p.Required && !(name in resource.Properties)) problems.push(`${id}: required ${name} missing`);
    }
    for (const [name, value] of Object.entries(resource.Properties)) {
      const p = typeSpec.Properties[name];
      const where = `${id}.${name}`;
      if (!p) problems.push(`${where}: not a property of ${resource.Type}`);
      else if (p.PrimitiveType) checkPrimitive(where, p.PrimitiveType, value);
      else if (p.Type === 'List' && p.PrimitiveItemType) {
        if (!Array.isArray(value)) problems.push(`${where}: expected a list`);
        else value.forEach((item, i) => checkPrimitive(`${where}[${i}]`, p.PrimitiveItemType!, item));
      } else problems.push(`${where}: type ${p.Type ?? '?'} not checked by this test`);
    }
  }
  for (const [id, output] of Object.entries(template.Outputs)) {
    if (isIntrinsic(output.Value)) checkIntrinsic(`Outputs.${id}`, output.Value);
  }
  return problems;
}

describe('the CloudFormation template', () => {
  it('conforms to the CloudFormation resource specification', () => {
    expect(Number.parseInt(spec.ResourceSpecificationVersion, 10)).toBeGreaterThan(100);
    const template = templateFor(moby);
    expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(Object.values(template.Resources).map((r) => r.Type).sort()).toEqual(['AWS::IAM::ManagedPolicy', 'AWS::IAM::Role']);
    expect(specProblems(template)).toEqual([]);
  });

  it('is caught by the spec check when it drifts from it', () => {
    const template = templateFor(moby);
    const role = template.Resources[TEMPLATE_IDS.role]!.Properties;
    delete role.AssumeRolePolicyDocument;
    role.RoleNme = 'typo';
    template.Resources[TEMPLATE_IDS.policy]!.Properties.PolicyDocument = '{"Version":"2012-10-17"}';
    template.Outputs[TEMPLATE_IDS.roleArn]!.Value = { 'Fn::GetAtt': [TEMPLATE_IDS.policy, 'Arn'] };
    expect(specProblems(template)).toEqual([
      'DockerCloudPolicy.PolicyDocument: expected Json, got "{\\"Version\\":\\"2012-10-17\\"}"',
      'DockerCloudRole: required AssumeRolePolicyDocument missing',
      'DockerCloudRole.RoleNme: not a property of AWS::IAM::Role',
      'Outputs.RoleArn: GetAtt DockerCloudPolicy.Arn does not exist',
    ]);
  });

  it('carries the console path\'s policy and trust policy, the namespace as External ID parameter, and outputs the ARN', () => {
    const template = templateFor(moby);
    const plan = awsPlanFor(newLink(moby))!;
    const policy = template.Resources[TEMPLATE_IDS.policy]!.Properties;
    expect(policy).toEqual({ ManagedPolicyName: plan.policyName, Description: plan.policyDescription, PolicyDocument: JSON.parse(plan.policyDocument) });
    const role = template.Resources[TEMPLATE_IDS.role]!.Properties;
    expect(role.RoleName).toEqual({ Ref: TEMPLATE_IDS.roleName });
    expect(role.Description).toBe(plan.roleDescription);
    expect(role.ManagedPolicyArns).toEqual([{ Ref: TEMPLATE_IDS.policy }]);
    const trust = role.AssumeRolePolicyDocument as { Statement: { Condition: { StringEquals: Record<string, Json> } }[] };
    expect(trust.Statement[0]!.Condition.StringEquals['sts:ExternalId']).toEqual({ Ref: TEMPLATE_IDS.namespace });
    const withDefault = JSON.stringify(trust).replace(`{"Ref":"${TEMPLATE_IDS.namespace}"}`, JSON.stringify(plan.externalId));
    expect(JSON.parse(withDefault)).toEqual(JSON.parse(buildTrustPolicy({ externalId: plan.externalId, requireMfa: false })));
    expect(checkTrustPolicy(withDefault, moby.namespace)).toEqual([]);
    expect(template.Parameters[TEMPLATE_IDS.namespace]!.Default).toBe('moby');
    expect(template.Parameters[TEMPLATE_IDS.roleName]!.Default).toBe('dockercloud-role-moby');
    expect(template.Outputs[TEMPLATE_IDS.roleArn]!.Value).toEqual({ 'Fn::GetAtt': [TEMPLATE_IDS.role, 'Arn'] });
    expect(templateFileName(moby)).toBe('dockercloud-link-moby.json');
  });

  it('refuses settings the console path refuses', () => {
    expect(buildCloudFormationTemplate({ ...moby, policy: { region: 'mars-north-1', passRole: false } })).toEqual({
      ok: false,
      problem: { message: 'regionUnknown', substitutions: ['mars-north-1'] },
    });
    expect(buildCloudFormationTemplate({ ...moby, roleName: 'my role' }).ok).toBe(false);
  });

  // AWS's own linter, with the registry schemas of today, where it is installed (pip install cfn-lint); neither
  // npm nor Debian ships it, so CI's fresh machine skips this one.
  it.skipIf(!cfnLint)('passes cfn-lint, which fails a drifted one', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfn-'));
    try {
      const file = join(dir, 'link.json');
      writeFileSync(file, JSON.stringify(templateFor(moby)));
      expect(await exec('cfn-lint', [file])).toEqual({ code: 0, stdout: '', stderr: '' });
      const drifted = templateFor(moby);
      drifted.Resources[TEMPLATE_IDS.role]!.Properties.RoleNme = 'typo';
      writeFileSync(file, JSON.stringify(drifted));
      const run = await exec('cfn-lint', [file]);
      expect(run.code).not.toBe(0);
      expect(run.stdout).toContain('RoleNme');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
