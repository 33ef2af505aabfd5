// The link as a CloudFormation template: the console path's policy and role, with the namespace as a parameter.
import { POLICY_DESCRIPTION, POLICY_NAME, ROLE_DESCRIPTION } from './docker-cloud';
import type { LinkSettings } from './flow';
import { linkDocuments } from './link-documents';
import { NAMESPACE_MAX, NAMESPACE_MIN, NAMESPACE_PATTERN, ROLE_NAME_CHAR, ROLE_NAME_MAX } from './names';
import { ok, type Result } from './problem';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Logical ids, also read by the tests. */
export const TEMPLATE_IDS = { namespace: 'Namespace', roleName: 'RoleName', policy: 'DockerCloudPolicy', role: 'DockerCloudRole', roleArn: 'RoleArn' } as const;

export const templateFileName = (settings: LinkSettings): string => `dockercloud-link-${settings.namespace}.json`;

/** Every string equal to `value` replaced with `replacement`. */
function substitute(json: Json, value: string, replacement: Json): Json {
  if (json === value) return replacement;
  if (Array.isArray(json)) return json.map((item) => substitute(item, value, replacement));
  if (typeof json === 'object' && json !== null) {
    return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, substitute(v, value, replacement)]));
  }
  return json;
}

export function buildCloudFormationTemplate(settings: LinkSettings): Result<string> {
  const documents = linkDocuments(settings);
  if (!documents.ok) return documents;
  const { policyDocument, roleName, externalId, trustPolicy } = documents.value;
  // The console's trust policy, its External ID taken from the Namespace parameter.
  const trust = JSON.parse(trustPolicy) as Json;
  const ids = TEMPLATE_IDS;
  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Links this AWS account to Docker Cloud: the ${POLICY_NAME} policy and a role Docker Cloud assumes with your namespace as External ID (made by Docker Cloud AWS Link).`,
    Parameters: {
      [ids.namespace]: {
        Type: 'String',
        Description: 'Your Docker Cloud user name or organization: the role\'s External ID.',
        Default: settings.namespace,
        AllowedPattern: NAMESPACE_PATTERN.source,
        MinLength: NAMESPACE_MIN,
        MaxLength: NAMESPACE_MAX,
        ConstraintDescription: `lowercase letters and digits, ${NAMESPACE_MIN} to ${NAMESPACE_MAX} characters.`,
      },
      [ids.roleName]: {
        Type: 'String',
        Description: 'The name of the role Docker Cloud assumes.',
        Default: roleName,
        AllowedPattern: `^${ROLE_NAME_CHAR.source}+$`,
        MinLength: 1,
        MaxLength: ROLE_NAME_MAX,
        ConstraintDescription: `letters, digits and + = , . @ _ - only, at most ${ROLE_NAME_MAX} characters.`,
      },
    },
    Resources: {
      [ids.policy]: {
        Type: 'AWS::IAM::ManagedPolicy',
        Properties: {
          ManagedPolicyName: POLICY_NAME,
          Description: POLICY_DESCRIPTION,
          PolicyDocument: JSON.parse(policyDocument) as Json,
        },
      },
      [ids.role]: {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: { Ref: ids.roleName },
          Description: ROLE_DESCRIPTION,
          AssumeRolePolicyDocument: substitute(trust, externalId, { Ref: ids.namespace }),
          // Ref of a managed policy is its ARN.
          ManagedPolicyArns: [{ Ref: ids.policy }],
        },
      },
    },
    Outputs: {
      [ids.roleArn]: {
        Description: 'Enter this Role ARN in Docker Cloud AWS Link (Enter the Role ARN by hand).',
        Value: { 'Fn::GetAtt': [ids.role, 'Arn'] },
      },
    },
  };
  return ok(JSON.stringify(template, null, 2));
}
