// The trust policy the console generates from the "AWS account" trusted-entity choices.
export interface TrustChoices {
  accountId: string;
  externalId: string | null;
  requireMfa: boolean;
}

export function buildTrustPolicy({ accountId, externalId, requireMfa }: TrustChoices): string {
  const condition: Record<string, Record<string, string>> = {};
  if (externalId !== null) condition.StringEquals = { 'sts:ExternalId': externalId };
  if (requireMfa) condition.Bool = { 'aws:MultiFactorAuthPresent': 'true' };
  const statement: Record<string, unknown> = {
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${accountId}:root` },
    Action: 'sts:AssumeRole',
  };
  if (Object.keys(condition).length > 0) statement.Condition = condition;
  return JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, 4);
}
