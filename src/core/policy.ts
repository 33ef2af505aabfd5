// The dockercloud-policy document, exactly as the original guide gives it, with its two options.
import { fail, ok, type Result } from './problem';
import { isEc2Region } from './regions';

export interface PolicyChoice {
  /** Limit EC2 to one region (the guide's second document), or null for all regions. */
  region: string | null;
  /** Add iam:PassRole, the guide's fix for the "unauthorized operation" error. */
  passRole: boolean;
}

export const DEFAULT_POLICY_CHOICE: PolicyChoice = { region: null, passRole: false };

interface Statement {
  Action: string[];
  Effect: 'Allow';
  Resource: '*';
  Condition?: { StringEquals: { 'ec2:Region': string } };
}

export function buildPolicyDocument(choice: PolicyChoice): Result<string> {
  const iamActions = ['iam:ListInstanceProfiles', ...(choice.passRole ? ['iam:PassRole'] : [])];
  let statements: Statement[];
  if (choice.region === null) {
    statements = [{ Action: ['ec2:*', ...iamActions], Effect: 'Allow', Resource: '*' }];
  } else {
    if (!isEc2Region(choice.region)) return fail('regionUnknown', choice.region);
    statements = [
      { Action: ['ec2:*'], Effect: 'Allow', Resource: '*', Condition: { StringEquals: { 'ec2:Region': choice.region } } },
      { Action: iamActions, Effect: 'Allow', Resource: '*' },
    ];
  }
  return ok(canonicalJson({ Version: '2012-10-17', Statement: statements }));
}

/** Pretty-printed with two spaces, keys in the guide's order: what the console's JSON editor shows. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
