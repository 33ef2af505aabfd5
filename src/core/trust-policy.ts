// The trust policy the console generates for "Another AWS account", and a checker for one read back.
import { DOCKER_CLOUD_ACCOUNT_ID, DOCKER_CLOUD_PRINCIPAL } from './docker-cloud';
import type { Problem } from './problem';

export interface TrustChoice {
  externalId: string;
  requireMfa: boolean;
}

/** As the console builds it: one Allow statement, conditions only when ticked. */
export function buildTrustPolicy({ externalId, requireMfa }: TrustChoice): string {
  const condition: Record<string, Record<string, string>> = { StringEquals: { 'sts:ExternalId': externalId } };
  if (requireMfa) condition.Bool = { 'aws:MultiFactorAuthPresent': 'true' };
  const statement = {
    Effect: 'Allow',
    Principal: { AWS: DOCKER_CLOUD_PRINCIPAL },
    Action: 'sts:AssumeRole',
    Condition: condition,
  };
  return JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, 4);
}

const MAX_PROBLEMS = 20;
const clip = (s: string) => (s.length > 200 ? `${s.slice(0, 199)}…` : s);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: Json | undefined): Json[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const strings = (v: Json | undefined): string[] => list(v).filter((x): x is string => typeof x === 'string');
/** IAM compares condition operators and keys case-insensitively. */
const entry = (o: JsonObject, key: string): Json | undefined =>
  Object.entries(o).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];

/** Account id of an AWS principal ("123456789012" or "arn:aws:iam::123456789012:root"), else null. */
function principalAccount(principal: string): string | null {
  const match = /^(?:(\d{12})|arn:aws[\w-]*:iam::(\d{12}):root)$/.exec(principal);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function allowsAssumeRole(statement: JsonObject): boolean {
  return strings(statement.Action).some((a) => ['sts:assumerole', 'sts:*', '*'].includes(a.toLowerCase()));
}

/**
 * Every way a trust policy read back from the console differs from what Docker Cloud needs,
 * in the user's words. Empty means the role is right.
 */
export function checkTrustPolicy(text: string, namespace: string): Problem[] {
  let policy: Json;
  try {
    policy = JSON.parse(text) as Json;
  } catch {
    return [{ message: 'trustNotJson' }];
  }
  if (!isObject(policy)) return [{ message: 'trustNotJson' }];
  const statements = list(policy.Statement).filter(isObject);
  const problems: Problem[] = [];
  // Page text is untrusted: substitutions are clipped and the list is bounded, so it always fits storage.
  const add = (p: Problem) => {
    const clipped = p.substitutions ? { ...p, substitutions: p.substitutions.map(clip) } : p;
    const seen = problems.some((q) => q.message === clipped.message && q.substitutions?.join() === clipped.substitutions?.join());
    if (!seen && problems.length < MAX_PROBLEMS) problems.push(clipped);
  };

  const allows = statements.filter((s) => s.Effect === 'Allow');
  if (statements.some((s) => s.Effect === 'Deny')) add({ message: 'trustDenyStatement' });
  if (allows.length === 0) return [...problems, { message: 'trustNoStatement' }];

  let trustsDockerCloud = false;
  for (const statement of allows) {
    const principal = statement.Principal;
    const principals: string[] = [];
    if (principal === '*') principals.push('*');
    else if (isObject(principal)) {
      for (const [kind, value] of Object.entries(principal)) {
        for (const p of strings(value)) principals.push(kind === 'AWS' ? p : `${kind}: ${p}`);
      }
    }
    const dockerCloud = principals.filter((p) => principalAccount(p) === DOCKER_CLOUD_ACCOUNT_ID);
    for (const p of principals) {
      if (dockerCloud.includes(p)) continue;
      const account = principalAccount(p);
      if (dockerCloud.length === 0 && account !== null) add({ message: 'trustWrongAccount', substitutions: [account] });
      else add({ message: 'trustExtraPrincipal', substitutions: [p] });
    }
    if (dockerCloud.length === 0) continue;
    trustsDockerCloud = true;
    if (!allowsAssumeRole(statement)) add({ message: 'trustNotAssumeRole' });

    const condition = isObject(statement.Condition) ? statement.Condition : {};
    const stringEquals = entry(condition, 'StringEquals');
    const ids = strings(isObject(stringEquals) ? entry(stringEquals, 'sts:ExternalId') : undefined);
    if (ids.length === 0) add({ message: 'trustExternalIdMissing', substitutions: [namespace] });
    else if (ids.length > 1) add({ message: 'trustExternalIdSeveral', substitutions: [ids.join(', '), namespace] });
    else if (ids[0] !== namespace) add({ message: 'trustExternalIdDifferent', substitutions: [ids[0] ?? '', namespace] });

    const mfa = Object.values(condition).some(
      (keys) => isObject(keys) && ['aws:MultiFactorAuthPresent', 'aws:MultiFactorAuthAge'].some((k) => entry(keys, k) !== undefined),
    );
    if (mfa) add({ message: 'trustMfaRequired' });
  }
  if (!trustsDockerCloud && !problems.some((p) => p.message === 'trustWrongAccount')) add({ message: 'trustNoStatement' });
  return problems;
}
