// What Docker Cloud answers to a Save of "Add AWS Credentials": pure, so the decisions are testable
// without a server. Wording comes from Docker's docs and the hub-feedback threads.
import type { ReplicaState } from '../state';

export const DOCKER_CLOUD_ACCOUNT_ID = '689684103426';
export const DOCKER_CLOUD_PRINCIPAL = `arn:aws:iam::${DOCKER_CLOUD_ACCOUNT_ID}:root`;

export const ERRORS = {
  invalidRole: 'Invalid AWS role or insufficient permissions',
  invalidCredentials: 'Invalid AWS credentials or insufficient EC2 permissions',
  unauthorizedOperation:
    'AWS returned an error: unauthorized operation: You are not authorized to perform this operation. ' +
    'Please check that the AWS credentials you have provided have enough permissions',
  serverError: 'Internal server error',
  notAuthenticated: 'Authentication credentials were not provided.',
  forbidden: 'You do not have permission to perform this action.',
  alreadyLinked: 'Amazon Web Services is already linked for this namespace. Unlink it before adding new credentials.',
  notLinked: 'Amazon Web Services is not linked for this namespace.',
} as const;

export type SaveDecision =
  | { kind: 'answer'; status: number; body: { error: string } | { role_arn: string; provider: 'aws' } }
  | { kind: 'hold' };

/** Namespaces the signed-in user may act for: their Docker ID and their organizations. */
export function namespacesOf(state: ReplicaState): string[] {
  const user = state.config.docker.signedInAs;
  return user ? [user, ...state.config.docker.organizations] : [];
}

export function decideSave(state: ReplicaState, namespace: string, roleArn: string): SaveDecision {
  const fail = (status: number, error: string): SaveDecision => ({ kind: 'answer', status, body: { error } });
  if (!state.config.docker.signedInAs) return fail(401, ERRORS.notAuthenticated);
  if (!namespacesOf(state).includes(namespace)) return fail(403, ERRORS.forbidden);
  if (state.dockerLinks[namespace]) return fail(409, ERRORS.alreadyLinked);
  switch (state.config.docker.save) {
    case 'invalid-role': return fail(400, ERRORS.invalidRole);
    case 'invalid-credentials': return fail(400, ERRORS.invalidCredentials);
    case 'unauthorized-operation': return fail(400, ERRORS.unauthorizedOperation);
    case 'server-error': return fail(500, ERRORS.serverError);
    case 'timeout': return { kind: 'hold' };
    case 'verify': {
      const problem = verifyRole(state, namespace, roleArn.trim());
      return problem ? fail(400, problem) : { kind: 'answer', status: 200, body: { role_arn: roleArn.trim(), provider: 'aws' } };
    }
  }
}

/** Docker Cloud's AssumeRole check against the IAM replica; null when the role works. */
export function verifyRole(state: ReplicaState, namespace: string, roleArn: string): string | null {
  const role = state.roles.find((r) => r.arn === roleArn);
  if (!role) return ERRORS.invalidRole;
  const statements = assumeRoleStatements(role.trustPolicy);
  const statement = statements.find((s) => trustsDockerCloud(s)) ?? statements[0];
  if (!statement) return ERRORS.invalidRole;
  const externalIds = asList(condition(statement, 'StringEquals', 'sts:ExternalId'));
  if (externalIds.length !== 1 || externalIds[0] !== namespace) return ERRORS.invalidCredentials;
  if (asList(condition(statement, 'Bool', 'aws:MultiFactorAuthPresent')).some((v) => String(v) === 'true')) {
    return ERRORS.invalidRole;
  }
  if (!trustsDockerCloud(statement)) return ERRORS.invalidRole;
  const policyArn = role.attachedPolicyArns.find((arn) => arn.split('/').pop() === 'dockercloud-policy');
  if (!policyArn) return ERRORS.invalidRole;
  const policy = state.policies.find((p) => p.arn === policyArn);
  if (policy && !allowsEc2(policy.document)) return ERRORS.invalidRole;
  return null;
}

interface Statement {
  Effect?: string;
  Action?: string | string[];
  Principal?: string | { AWS?: string | string[] };
  Condition?: Record<string, Record<string, unknown> | undefined>;
}

function parseDocument(text: string): { Statement?: Statement | Statement[] } | null {
  for (const candidate of [text, safeDecode(text)]) {
    try {
      return JSON.parse(candidate);
    } catch {
      /* try the next form */
    }
  }
  return null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function assumeRoleStatements(trustPolicy: string): Statement[] {
  const doc = parseDocument(trustPolicy);
  return asList(doc?.Statement).filter(
    (s): s is Statement =>
      !!s && s.Effect === 'Allow' && asList(s.Action).some((a) => ['sts:AssumeRole', 'sts:*', '*'].includes(a)),
  );
}

/** IAM compares condition operators and keys case-insensitively. */
function condition(statement: Statement, operator: string, key: string): unknown {
  const entry = <T>(o: Record<string, T> | undefined, k: string) =>
    Object.entries(o ?? {}).find(([name]) => name.toLowerCase() === k.toLowerCase())?.[1];
  return entry(entry(statement.Condition, operator) as Record<string, unknown> | undefined, key);
}

function trustsDockerCloud(statement: Statement): boolean {
  const principal = statement.Principal;
  const aws = typeof principal === 'object' && principal ? asList(principal.AWS) : [];
  return aws.some((p) => p === DOCKER_CLOUD_PRINCIPAL || p === DOCKER_CLOUD_ACCOUNT_ID);
}

function allowsEc2(document: string): boolean {
  const doc = parseDocument(document);
  return asList(doc?.Statement).some(
    (s) => !!s && s.Effect === 'Allow' && asList(s.Action).some((a) => a === '*' || /^ec2:/i.test(String(a))),
  );
}

function asList<T>(value: T | T[] | undefined | null): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
